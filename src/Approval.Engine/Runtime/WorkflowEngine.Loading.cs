using Approval.Engine.Activities;
using Approval.Engine.Persistence;
using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime.Commands;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>What the command addresses, for <see cref="AggregateLoader"/>; none for a filing, which creates the project.</summary>
    private static AggregateKey? KeyOf(Command command) => command switch
    {
        FileApplication => null,
        InstanceCommand c => new AggregateKey(AggregateKeyKind.Instance, c.InstanceId),
        TaskCommand c => new AggregateKey(AggregateKeyKind.Task, c.TaskId),
        DecideExtension c => new AggregateKey(AggregateKeyKind.Extension, c.ExtensionId),
        FireTimer c => new AggregateKey(AggregateKeyKind.Timer, c.TimerId),
        _ => throw new ArgumentException($"Unknown command {command.GetType().Name}", nameof(command)),
    };

    private static NotFoundException NotFound(Command command) => new(command switch
    {
        InstanceCommand c => $"Project {c.InstanceId}",
        TaskCommand c => $"Task {c.TaskId}",
        DecideExtension c => $"Extension {c.ExtensionId}",
        FireTimer c => $"Timer {c.TimerId}",
        _ => "Project",
    });

    /// <summary>
    /// After the calendar changed (next year's arrangement added), re-derives the deadlines of every running project;
    /// returns how many projects were looked at.
    /// </summary>
    public async Task<int> RecomputeRunningAsync(CancellationToken ct = default)
    {
        List<Guid> running;
        await using (var db = database.CreateContext())
            running = await db.Instances.Where(i => i.Status == InstanceStatus.Running).Select(i => i.Id).ToListAsync(ct);
        foreach (var id in running)
            await ExecuteAsync(new RefreshDeadlines($"refresh-deadlines:{id:N}:{Guid.NewGuid():N}", id), ct);
        return running.Count;
    }

    /// <summary>
    /// Before an acceptance, outside the transaction: confirm a given code with the platform (在线平台核验),
    /// or issue a local one. A code issued for an acceptance that then fails stays reserved; gaps are harmless.
    /// </summary>
    private async Task<AcceptanceContext> PrepareAcceptanceAsync(Command command, CancellationToken ct)
    {
        if (command is not (AcceptApplication or AcceptWithDeficiencies)) return new AcceptanceContext(null);
        var instanceId = ((InstanceCommand)command).InstanceId;
        string? code;
        await using (var db = database.CreateContext())
        {
            var found = await db.Instances.Where(i => i.Id == instanceId)
                .Select(i => new { i.ProjectCode, i.Status }).FirstOrDefaultAsync(ct);
            if (found is null || found.Status != InstanceStatus.Filed) return new AcceptanceContext(null);
            code = found.ProjectCode;
        }
        if (code is not null)
        {
            var verification = await verifier.VerifyAsync(ProjectCode.Parse(code), ct);
            if (!verification.Confirmed)
                throw new ConflictException($"The platform did not confirm project code {code} ({verification.Source}): {verification.Reason}");
            return new AcceptanceContext(null);
        }
        var issued = await issuer.IssueAsync(Deadlines.Calendar.LocalDateOf(clock.GetCurrentInstant()), ct);
        return new AcceptanceContext(issued.Value);
    }
}
