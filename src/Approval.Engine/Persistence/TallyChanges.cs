using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Approval.Engine.Persistence;

/// <summary>
/// The tallies' rows of one save (<see cref="Tally"/>): what the project and its tasks contributed when they were read,
/// against what they contribute now, by <see cref="TallyRules"/>; added to the context to be written with the save.
/// </summary>
/// <remarks>
/// A project's live tasks are always loaded with it (<see cref="AggregateLoader"/>), so when the project's phase
/// changes (accepted, converted from simulation, ended) every open task whose counts move with it is at hand.
/// </remarks>
internal static class TallyChanges
{
    // The project's columns that its own tallies read; a save that changes none of them adds no project rows.
    private static readonly string[] ProjectColumns =
    [
        nameof(ProjectInstance.DefinitionId), nameof(ProjectInstance.Status), nameof(ProjectInstance.Simulation), nameof(ProjectInstance.DueOn),
        nameof(ProjectInstance.EndedAt), nameof(ProjectInstance.EndedOn), nameof(ProjectInstance.OnTime), nameof(ProjectInstance.UsedWorkingDays),
        nameof(ProjectInstance.AcceptedOn), nameof(ProjectInstance.TargetWorkingDays), nameof(ProjectInstance.ExtensionWorkingDays),
    ];

    /// <summary>Adds to <paramref name="db"/> the rows that move the tallies as its detected changes move them.</summary>
    public static void Append(ApprovalDbContext db, ProjectInstance project, WorkingDayCalendar calendar)
    {
        var before = new List<Tally>();
        var after = new List<Tally>();
        var entry = db.Entry(project);
        var added = entry.State == EntityState.Added;
        var phaseAfter = TallyRules.PhaseOf(project.Status, project.Simulation);
        var phaseBefore = added ? phaseAfter : TallyRules.PhaseOf(
            entry.OriginalValues.GetValue<InstanceStatus>(nameof(ProjectInstance.Status)),
            entry.OriginalValues.GetValue<SimulationState>(nameof(ProjectInstance.Simulation)));
        if (added) after.AddRange(TallyRules.Of(project, calendar));
        else if (ProjectColumns.Any(c => entry.Property(c).IsModified))
        {
            before.AddRange(TallyRules.Of((ProjectInstance)entry.OriginalValues.ToObject(), calendar));
            after.AddRange(TallyRules.Of(project, calendar));
        }

        foreach (var task in db.ChangeTracker.Entries<WorkTask>())
        {
            switch (task.State)
            {
                case EntityState.Added:
                    after.AddRange(TallyRules.Of(task.Entity, phaseAfter, calendar));
                    break;
                case EntityState.Modified:
                    before.AddRange(TallyRules.Of(Original(task), phaseBefore, calendar));
                    after.AddRange(TallyRules.Of(task.Entity, phaseAfter, calendar));
                    break;
                case EntityState.Deleted:
                    before.AddRange(TallyRules.Of(Original(task), phaseBefore, calendar));
                    break;
                case EntityState.Unchanged when phaseBefore != phaseAfter && TallyRules.IsOpenWork(task.Entity):
                    before.AddRange(TallyRules.Of(task.Entity, phaseBefore, calendar));
                    after.AddRange(TallyRules.Of(task.Entity, phaseAfter, calendar));
                    break;
            }
        }
        if (before.Count == 0 && after.Count == 0) return;
        foreach (var row in TallyRules.Changes(before, after))
        {
            row.Id = Guid.CreateVersion7();
            db.Add(row);
        }
    }

    private static WorkTask Original(EntityEntry<WorkTask> task) => (WorkTask)task.OriginalValues.ToObject();
}
