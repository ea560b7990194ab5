using NodaTime;

namespace Approval.Engine.Calendar;

public sealed partial class WorkingDayCalendar
{
    /// <summary>
    /// The <paramref name="workingDays"/>-th working day strictly after <paramref name="from"/> (受理次日起算), not
    /// counting working days inside <paramref name="stops"/>; for 0, <paramref name="from"/> itself.
    /// </summary>
    /// <remarks>
    /// A stop pushes the deadline out by the working days it covers after <paramref name="from"/>, including stops
    /// that only come into reach once an earlier stop has pushed the deadline past their start. The result is never
    /// inside a stop. Invariant: <c>WorkingDaysBetween(from, Deadline(from, n, s).Date, s).Days == n</c>.
    /// Provisional when any day in (from, deadline] is.
    /// </remarks>
    /// <exception cref="InvalidInputException"><c>from</c> outside the supported range; <c>workingDays</c> negative or
    /// reaching past it; in strict mode <see cref="CalendarYearNotPublishedException"/> with field <c>from</c>.</exception>
    public DeadlineAnswer Deadline(LocalDate from, int workingDays, ClockStops? stops = null)
    {
        var start = IndexOf(from, "from");
        if (workingDays < 0)
            throw new InvalidInputException("workingDays", $"must be 0 or more; was {workingDays}");
        if (workingDays == 0) return new DeadlineAnswer(from, false, null);

        var target = _days.WorkingBefore(start + 1) + (long)workingDays;
        var end = _days.WorkingDayAt(target);
        var (firsts, lasts) = (stops?.FirstIndexes ?? [], stops?.LastIndexes ?? []);
        for (var i = 0; i < firsts.Length && end >= 0; i++)
        {
            if (lasts[i] <= start) continue;
            if (firsts[i] > end) break; // sorted: every later stop starts later still
            target += _days.WorkingIn(Math.Max(firsts[i], start + 1), lasts[i]);
            end = _days.WorkingDayAt(target);
        }
        if (end < 0)
            throw new InvalidInputException("workingDays",
                $"{workingDays} working days after {from:yyyy-MM-dd} (plus clock stops) go past {SupportedRange.Last:yyyy-MM-dd}, the end of the supported range");

        var reason = FirstReasonIn(start + 1, end);
        RefuseIfStrict(reason, "from");
        return new DeadlineAnswer(SupportedRange.Dates[end], reason is not null, reason?.Text, reason?.Code);
    }

    /// <summary>
    /// Working days in (<paramref name="from"/>, <paramref name="to"/>], leaving out those inside
    /// <paramref name="stops"/>. When <paramref name="to"/> is before <paramref name="from"/> the result is the
    /// negative of the count over (to, from], so that <c>Between(a, b) == −Between(b, a)</c> (e.g. days overdue).
    /// </summary>
    /// <remarks>Provisional when any day in the counted range is. Strict mode names <c>to</c> when the later end lies
    /// in an unpublished year, otherwise <c>from</c>.</remarks>
    public WorkingDayCount WorkingDaysBetween(LocalDate from, LocalDate to, ClockStops? stops = null)
    {
        var a = IndexOf(from, "from");
        var b = IndexOf(to, "to");
        var (low, high, sign) = a <= b ? (a, b, 1) : (b, a, -1);
        var days = _days.WorkingIn(low + 1, high);
        var (firsts, lasts) = (stops?.FirstIndexes ?? [], stops?.LastIndexes ?? []);
        for (var i = 0; i < firsts.Length && firsts[i] <= high; i++)
        {
            days -= _days.WorkingIn(Math.Max(firsts[i], low + 1), Math.Min(lasts[i], high));
        }
        var reason = FirstReasonIn(low + 1, high);
        if (reason is not null && _strict)
        {
            var (earlierField, laterField) = a <= b ? ("from", "to") : ("to", "from");
            var onlyEarlierIsOut = _days.Reason(high) is null && _days.Reason(low) is not null;
            RefuseIfStrict(reason, onlyEarlierIsOut ? earlierField : laterField);
        }
        return new WorkingDayCount(sign * days, reason is not null, reason?.Text, reason?.Code);
    }
}
