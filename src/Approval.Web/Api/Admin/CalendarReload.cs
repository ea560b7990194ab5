using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using NodaTime;

namespace Approval.Web.Api.Admin;

/// <summary>A running project whose deadline (办结期限) the reload moved.</summary>
public sealed record MovedDeadline(Guid ProjectId, string ProjectName, string? ProjectCode, LocalDate? Before, LocalDate? After);

/// <summary>What a calendar reload did: the calendars now in use, how many running projects were recomputed, and whose deadline moved.</summary>
public sealed record CalendarReloadOutcome(WorkingDayCalendar National, IReadOnlyList<WorkingDayCalendar> Regions, int RecomputedProjects,
    IReadOnlyList<MovedDeadline> Moved);

/// <summary>
/// Reloading the calendar files (重新加载工作日历), for the administrator's API and page alike: re-reads the data
/// directory (e.g. next year's notice added), recomputes every running project's deadlines from it, and reports the
/// projects whose deadline moved, before → after.
/// </summary>
public sealed class CalendarReload(IWorkingDayCalendars calendars, WorkflowEngine engine, ProjectReader reader)
{
    /// <exception cref="CalendarDataException">A file could not be loaded; the previous calendar stays in use and nothing is recomputed.</exception>
    public async Task<CalendarReloadOutcome> ReloadAsync(CancellationToken ct = default)
    {
        var before = (await reader.RunningDeadlinesAsync(ct)).ToDictionary(p => p.ProjectId, p => p.DueOn);
        calendars.Reload();
        var recomputed = await engine.RecomputeRunningAsync(ct);
        // A project started or ended meanwhile did not move: only those running before and after are compared.
        var moved = (await reader.RunningDeadlinesAsync(ct))
            .Where(p => before.TryGetValue(p.ProjectId, out var was) && was != p.DueOn)
            .Select(p => new MovedDeadline(p.ProjectId, p.ProjectName, p.ProjectCode, before[p.ProjectId], p.DueOn))
            .ToList();
        return new CalendarReloadOutcome(calendars.National, calendars.Regions.Select(calendars.For).ToList(), recomputed, moved);
    }
}
