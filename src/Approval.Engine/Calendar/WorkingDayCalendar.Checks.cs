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
