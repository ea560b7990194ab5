using NodaTime;

namespace Approval.Engine.Calendar;

public sealed partial class WorkingDayCalendar
{
    private static int IndexOf(LocalDate date, string field)
    {
        var index = SupportedRange.IndexOf(date);
        return index >= 0
            ? index
            : throw new InvalidInputException(field, $"{date:yyyy-MM-dd} is outside the supported range {SupportedRange.Describe()}");
    }

    /// <summary>
    /// Why the dates in (<paramref name="from"/>, <paramref name="to"/>] are not all settled by verified data (the first
    /// such date's reason), or <c>null</c> when they are: whether a date counted from <paramref name="from"/> to
    /// <paramref name="to"/> is provisional. Never refuses, even in strict mode: it is asked about dates already computed.
    /// </summary>
    /// <exception cref="InvalidInputException">A date outside the supported range.</exception>
    public ProvisionalNote? ProvisionalBetween(LocalDate from, LocalDate to)
    {
        var (a, b) = (IndexOf(from, "from"), IndexOf(to, "to"));
        return FirstReasonIn(Math.Min(a, b) + 1, Math.Max(a, b))?.Note;
    }

    private ProvisionalReason? FirstReasonIn(int first, int last)
    {
        var index = _days.FirstProvisionalIn(first, last);
        return index < 0 ? null : _days.Reason(index);
    }

    private void RefuseIfStrict(ProvisionalReason? reason, string field)
    {
        if (reason is null || !_strict) return;
        throw new CalendarYearNotPublishedException(field, reason.Year,
            $"the answer depends on {reason.Year}, whose holiday arrangement is not in the verified calendar data ({reason.Text}); " +
            $"to answer, {reason.Remedy}");
    }
}
