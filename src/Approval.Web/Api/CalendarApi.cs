using Approval.Engine.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>The working-day calendar (工作日历) over HTTP: what a day is, deadlines, and working days between dates.</summary>
public static class CalendarApi
{
    /// <summary>A calendar day as the API shows it.</summary>
    /// <remarks><c>provisionalCode</c> is the stable code of <c>provisionalReason</c> (e.g. <c>holidayNoticeNotPublished</c>), as projects and tasks carry it.</remarks>
    public sealed record DayResponse(LocalDate Date, bool IsWorkingDay, DayKind Kind, string? Name, bool Provisional, string? ProvisionalReason,
        string? ProvisionalCode = null);

    /// <summary>The n-th working day after a date.</summary>
    /// <remarks><c>stops</c>: each range has both ends inside the stop; a stop recorded as (startsOn, resumesOn) is <c>startsOn..resumesOn−1</c>, as a clock stop's <c>stoppedDays</c> writes it.</remarks>
    public sealed record DeadlineResponse(LocalDate From, int WorkingDays, LocalDate Deadline, bool Provisional, string? ProvisionalReason, string? Stops,
        string? ProvisionalCode = null);

    /// <summary>The working days in (from, to].</summary>
    public sealed record WorkingDaysResponse(LocalDate From, LocalDate To, int WorkingDays, bool Provisional, string? ProvisionalReason, string? Stops,
        string? ProvisionalCode = null);

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/calendar").WithTags("Calendar").AllowAnonymous();
        group.MapGet("/days/{date}", GetDay).WithSummary("Whether a day is a working day, and why");
        group.MapGet("/deadline", GetDeadline).WithSummary("The n-th working day strictly after a date (受理次日起算)");
        group.MapGet("/working-days", GetWorkingDays).WithSummary("Working days in (from, to], clock stops left out");
        return routes;
    }

    private static Ok<DayResponse> GetDay(string date, string? region, IWorkingDayCalendars calendars)
    {
        var day = calendars.For(region).Describe(ApiInput.Date(date, "date"));
        return TypedResults.Ok(new DayResponse(day.Date, day.IsWorkingDay, day.Kind, day.Name, day.IsProvisional, day.ProvisionalReason,
            day.ProvisionalCode));
    }

    private static Ok<DeadlineResponse> GetDeadline(string? from, string? workingDays, string? region, string? stops,
        IWorkingDayCalendars calendars)
    {
        var start = ApiInput.Date(from, "from");
        var n = ApiInput.Int(workingDays, "workingDays", 0, 10_000);
        var clockStops = ApiInput.Stops(stops);
        var answer = calendars.For(region).Deadline(start, n, clockStops);
        return TypedResults.Ok(new DeadlineResponse(start, n, answer.Date, answer.IsProvisional, answer.ProvisionalReason,
            clockStops.IsEmpty ? null : clockStops.ToString(), answer.ProvisionalCode));
    }

    private static Ok<WorkingDaysResponse> GetWorkingDays(string? from, string? to, string? region, string? stops,
        IWorkingDayCalendars calendars)
    {
        var start = ApiInput.Date(from, "from");
        var end = ApiInput.Date(to, "to");
        var clockStops = ApiInput.Stops(stops);
        var count = calendars.For(region).WorkingDaysBetween(start, end, clockStops);
        return TypedResults.Ok(new WorkingDaysResponse(start, end, count.Days, count.IsProvisional, count.ProvisionalReason,
            clockStops.IsEmpty ? null : clockStops.ToString(), count.ProvisionalCode));
    }
}
