using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Service;

/// <summary>
/// The rows of a project's after-service (好差评 ratings, 督办) that one command reads, loaded only for the commands
/// that need them, and the new rows (ratings, 督办, cards) the command adds, saved in its transaction.
/// </summary>
/// <remarks>
/// They are not part of the aggregate every command loads: most commands never look at them. The ones loaded here
/// are tracked by the command's context, so a change to one is saved with the project, all or nothing.
/// </remarks>
public sealed class ServiceRecords
{
    /// <summary>The project's ratings (for <see cref="RateService"/>).</summary>
    internal List<Rating> Ratings { get; private init; } = [];
    /// <summary>The 督办 the command may act on.</summary>
    internal List<Escalation> Escalations { get; private init; } = [];
    /// <summary>The project's matter decisions, finished or not, whatever step (read only).</summary>
    internal List<WorkTask> Matters { get; private init; } = [];
    /// <summary>The window clerk who accepted the filing.</summary>
    internal string? ClerkId { get; private init; }
    /// <summary>Rows the command adds.</summary>
    internal List<object> Added { get; } = [];

    internal static async Task<ServiceRecords> LoadAsync(ApprovalDbContext db, Command command, Guid instanceId, CancellationToken ct)
    {
        switch (command)
        {
            case RateService:
                return new ServiceRecords
                {
                    Ratings = await db.Set<Rating>().Where(r => r.InstanceId == instanceId).ToListAsync(ct),
                    Matters = await db.Tasks.AsNoTracking()
                        .Where(t => t.InstanceId == instanceId && t.Kind == TaskKind.MatterDecision).ToListAsync(ct),
                    ClerkId = await db.Journal.AsNoTracking()
                        .Where(j => j.InstanceId == instanceId && (j.Event == JournalEvents.Accepted || j.Event == JournalEvents.AcceptedWithDeficiencies))
                        .OrderByDescending(j => j.Sequence).Select(j => j.UserId).FirstOrDefaultAsync(ct),
                };
            case IssueEscalation:
                return new ServiceRecords
                {
                    Escalations = await db.Set<Escalation>()
                        .Where(e => e.InstanceId == instanceId && e.Status != EscalationStatus.Closed).ToListAsync(ct),
                };
            case ReplyToEscalation reply:
                return new ServiceRecords { Escalations = await db.Set<Escalation>().Where(e => e.ReplyTaskId == reply.TaskId).ToListAsync(ct) };
            case CloseEscalation close:
                return new ServiceRecords
                {
                    Escalations = await db.Set<Escalation>().Where(e => e.Id == close.EscalationId && e.InstanceId == instanceId).ToListAsync(ct),
                };
            default:
                return new ServiceRecords();
        }
    }
}
