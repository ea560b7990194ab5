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
    /// returns how many projects were recomputed.
    /// </summary>
    /// <remarks>A project that ends between the listing and its turn has no deadline left to move and is passed over.</remarks>
    public async Task<int> RecomputeRunningAsync(CancellationToken ct = default)
    {
        var running = await _store.RunningAsync(ct);
        var recomputed = 0;
        foreach (var id in running)
        {
            try
            {
                await ExecuteAsync(new RefreshDeadlines($"refresh-deadlines:{id:N}:{Guid.NewGuid():N}", id), ct);
                recomputed++;
            }
            catch (ConflictException)
            {
                // Ended meanwhile (issued, rejected, withdrawn): nothing to recompute.
            }
        }
        return recomputed;
    }

    /// <summary>
    /// What an acceptance needs besides the project (在线平台核验 of a given code, or a locally issued one), kept across
    /// the attempts of one command.
    /// </summary>
    private sealed class AcceptancePreparation
    {
        /// <summary>A given code the platform has confirmed during this command.</summary>
        public string? VerifiedCode { get; set; }

        /// <summary>Set by an attempt that found a code still to be verified; the verification runs outside the attempt.</summary>
        public string? ToVerify { get; set; }
    }

    /// <summary>
    /// Readies an acceptance of a filed project inside an attempt: a given code must have been verified (else the attempt
    /// stops and asks for it, so that a platform call never holds the SQLite write gate); a project without one gets a
    /// proposed local code, recorded in the same save, whose key makes a collision a retry with another candidate.
    /// </summary>
    /// <returns>False when the attempt must stop for a verification.</returns>
    private bool PrepareAcceptance(ProjectSession session, Command command, ProjectInstance instance, AcceptancePreparation prepared,
        out AcceptanceContext acceptance)
    {
        acceptance = new AcceptanceContext(null);
        if (command is not (AcceptApplication or AcceptWithDeficiencies) || instance.Status != InstanceStatus.Filed) return true;
        if (instance.ProjectCode is { } code)
        {
            if (prepared.VerifiedCode == code) return true;
            prepared.ToVerify = code;
            return false;
        }
        var now = Now();
        var proposed = issuer.Propose(Deadlines.Calendar.LocalDateOf(now));
        session.Db.IssuedProjectCodes.Add(new IssuedProjectCode { Code = proposed.Value, IssuedAt = now });
        acceptance = new AcceptanceContext(proposed.Value);
        return true;
    }

    /// <summary>Asks the platform about a given code, outside any attempt; a code it does not confirm is not accepted.</summary>
    private async Task VerifyAsync(AcceptancePreparation prepared, CancellationToken ct)
    {
        var code = prepared.ToVerify!;
        prepared.ToVerify = null;
        var verification = await verifier.VerifyAsync(ProjectCode.Parse(code), ct);
        if (!verification.Confirmed)
            throw new ConflictException($"The platform did not confirm project code {code} ({verification.Source}): {verification.Reason}");
        prepared.VerifiedCode = code;
    }
}
