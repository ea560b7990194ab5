using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;
using NodaTime;

namespace Approval.Engine.Activities;

/// <summary>
/// 模拟审批 (simulated approval): a project whose land is not yet obtained (土地未摘牌) is filed in simulation where its
/// definition's parallel approvals allow it; intake, pre-review, survey and the departments' review run as usual, with
/// the same deadlines and lights, but each department's decision is a simulated one (模拟审批意见) and nothing is
/// issued. When the land contract is handed in, the window converts the project: every simulated approval becomes a
/// confirmation task of its department (转正确认, the definition's working days, no second review), matters whose
/// conditions changed go back to a full review, and the project's formal clock starts on the day of the conversion.
/// A simulation never converted lapses at the end of its period, by a durable timer.
/// </summary>
/// <remarks>
/// The conversion may come at any step after acceptance: before the parallel approvals are reached, the step is simply
/// entered as a formal one. Simulated decisions stay on their tasks as history; the readers, the statistics and the
/// disclosure never count them as decisions.
/// </remarks>
public static class Simulations
{
    /// <summary>The parallel-approvals step that may run in simulation and its rule, or null when the definition allows none.</summary>
    public static (ParallelApprovalsDefinition Stage, SimulationRule Rule)? Of(WorkflowDefinition definition) =>
        definition.Activities.OfType<ParallelApprovalsDefinition>().FirstOrDefault(a => a.Simulation is not null) is { } stage
            ? (stage, stage.Simulation!)
            : null;

    /// <summary>Whether the project is in simulation now (filed so and neither converted nor lapsed).</summary>
    public static bool IsSimulating(ProjectInstance instance) => instance.Simulation == SimulationState.Simulating;

    /// <summary>In simulation, the land contract is not required at intake: its handing in is what converts the project.</summary>
    public static bool Exempts(WorkflowDefinition definition, ProjectInstance instance, string materialCode) =>
        IsSimulating(instance) && Of(definition) is { } s && s.Rule.ConvertingMaterial == materialCode;

    /// <summary>At filing: a simulation only where the definition allows it, and never together with commitments.</summary>
    /// <exception cref="InvalidInputException">Field <c>simulation</c>.</exception>
    public static void Validate(WorkflowDefinition definition, bool simulation, IReadOnlyList<string> commitments)
    {
        if (!simulation) return;
        if (Of(definition) is null)
            throw new InvalidInputException("simulation", $"{definition.Name} ({definition.Id}) does not allow simulated approval (模拟审批).");
        if (commitments.Count > 0)
            throw new InvalidInputException("simulation",
                "A simulated approval (模拟审批) cannot also choose matters on commitment (告知承诺): nothing is approved before the conversion.");
    }

    /// <summary>At filing: the choice is journalled with what will convert it.</summary>
    public static void Choose(StepContext step)
    {
        if (!IsSimulating(step.Instance)) return;
        var (_, rule) = Of(step.Definition)!.Value;
        step.Record(JournalEvents.SimulationChosen,
            reasons: $"土地未摘牌，按模拟审批办理：各部门出具模拟审批意见，不出件；提交{MaterialName(step.Definition, rule)}后由综合窗口转为正式审批");
    }

    /// <summary>At acceptance: fixes the expiry day and arms its durable timer.</summary>
    /// <returns>What the acceptance's journal entry adds (empty for a formal project).</returns>
    public static string Start(StepContext step)
    {
        var instance = step.Instance;
        if (!IsSimulating(instance)) return "";
        var (_, rule) = Of(step.Definition)!.Value;
        var expires = rule.ExpiresAfterMonths is { } months
            ? step.Today.PlusMonths(months)
            : step.Calendar.Deadline(step.Today, rule.ExpiresAfterWorkingDays!.Value).Date;
        instance.SimulationExpiresOn = expires;
        step.Schedule(TimerKind.SimulationExpiry, step.Deadlines.EndOf(expires));
        return $"；模拟审批：{Period(rule)}内（{expires:yyyy-MM-dd} 前）未转为正式审批即失效";
    }

    /// <summary>The window converts the simulation (转为正式审批) on the handed-in land contract.</summary>
    public static void Convert(StepContext step, ConvertSimulation command)
    {
        step.RequireRole(ActorRole.WindowClerk);
        var instance = step.Instance;
        switch (instance.Simulation)
        {
            case SimulationState.None:
                throw new ConflictException("This project is not a simulated approval (模拟审批); there is nothing to convert.");
            case SimulationState.Converted:
                throw new ConflictException($"The simulated approval was already converted on {instance.ConvertedOn:yyyy-MM-dd}.");
            case SimulationState.Expired:
                throw new ConflictException(ExpiredMessage(instance));
        }
        if (instance.Status != InstanceStatus.Running)
            throw new ConflictException($"The filing is {instance.Status}: accept it before converting its simulated approval.");
        var (stage, rule) = Of(step.Definition)!.Value;
        if (!HandedInMaterials.Has(instance, rule.ConvertingMaterial))
            throw new ConflictException($"The land contract ({rule.ConvertingMaterial}) has not been handed in: upload its file or record its paper original before converting.");
        var atStage = instance.CurrentActivityId == stage.Id;
        var reopen = ReopenList(step, stage, atStage, command.ReopenMatters);

        instance.Simulation = SimulationState.Converted;
        instance.ConvertedOn = step.Today;
        step.CancelTimers(t => t.Kind == TimerKind.SimulationExpiry);
        var note = string.IsNullOrWhiteSpace(command.Note) ? "" : $"；{command.Note.Trim()}";
        var reopened = reopen.Count == 0 ? "" : $"；重新审查：{string.Join("、", reopen.Select(code => step.Catalog.Matter(code).Name))}";
        step.Record(JournalEvents.SimulationConverted,
            reasons: $"已提交{MaterialName(step.Definition, rule)}，自 {step.Today:yyyy-MM-dd} 起按正式审批计时{reopened}{note}");
        if (atStage) ConvertStage(step, stage, rule, reopen);
    }

    /// <summary>The expiry timer: a simulation still not converted lapses and the project ends (终止办理).</summary>
    public static void Expire(StepContext step)
    {
        var instance = step.Instance;
        if (!IsSimulating(instance)) return;
        var (_, rule) = Of(step.Definition)!.Value;
        instance.Simulation = SimulationState.Expired;
        var reason = $"模拟审批自受理起{Period(rule)}内未提交{MaterialName(step.Definition, rule)}转为正式审批，已于 {instance.SimulationExpiresOn:yyyy-MM-dd} 失效";
        step.Record(JournalEvents.SimulationExpired, reasons: reason, by: Actor.System);
        step.EndProject(InstanceStatus.Terminated, reason, Actor.System);
    }

    /// <summary>The engine's answer to a command on a lapsed simulation (the API's 409, the pages translate it).</summary>
    public static string ExpiredMessage(ProjectInstance instance) =>
        $"The simulated approval expired on {instance.SimulationExpiresOn:yyyy-MM-dd} and can no longer be converted; file a new application.";

    /// <summary>Every simulated decision is in: the project waits for the land contract (journalled once, when the last one comes).</summary>
    public static void AwaitConversion(StepContext step) =>
        step.Record(JournalEvents.SimulationAwaitingConversion,
            reasons: $"待提交{MaterialName(step.Definition, Of(step.Definition)!.Value.Rule)}后转为正式审批（{step.Instance.SimulationExpiresOn:yyyy-MM-dd} 前）",
            by: Actor.System);

    /// <summary>A department confirms its simulated approval as the formal decision (转正确认), without a second review.</summary>
    public static void Confirm(StepContext step, WorkTask task, DecideMatter decide)
    {
        if (decide.Decision != MatterDecision.Approve)
            throw new ConflictException("A confirmation (转正确认) only confirms the simulated approval as formal; a matter whose conditions changed is reopened by the window at the conversion.");
        step.CloseTask(task, Outcomes.Approved,
            string.IsNullOrWhiteSpace(decide.Reasons) ? "确认模拟审批意见，转为正式审批决定" : decide.Reasons.Trim());
    }

    /// <summary>
    /// At the stage: each simulated approval becomes a confirmation with the definition's working days, or a full review
    /// when reopened (a simulated rejection is always reviewed again); what depends on a reopened matter waits for it.
    /// The step's clock restarts with the formal work.
    /// </summary>
    private static void ConvertStage(StepContext step, ParallelApprovalsDefinition stage, SimulationRule rule, List<string> reopen)
    {
        step.Instance.StepStartedOn = step.Today;
        var simulated = step.StepTasks.Where(t => Outcomes.IsSimulated(t.Outcome)).ToList();
        var review = reopen.Concat(simulated.Where(t => t.Outcome == Outcomes.SimulatedRejected).Select(t => t.MatterCode!)).ToHashSet();
        bool WaitsForReview(MatterStep m) => m.After.Any(code => review.Contains(code) || WaitsForReview(stage.Matters.Single(s => s.MatterCode == code)));
        foreach (var m in stage.Matters)
        {
            if (simulated.FirstOrDefault(t => t.MatterCode == m.MatterCode) is null) continue;
            var matter = step.Catalog.Matter(m.MatterCode);
            var status = WaitsForReview(m) ? Runtime.TaskStatus.Waiting : Runtime.TaskStatus.Open;
            if (review.Contains(m.MatterCode))
            {
                var task = step.OpenTask(TaskKind.MatterDecision, matter.DepartmentId, matter.Code, matter.Name,
                    m.WorkingDays ?? matter.PromisedWorkingDays, status);
                step.Record(JournalEvents.MatterReopened, reasons: $"{matter.Name}：条件变化，重新审查（时限 {task.LimitWorkingDays} 个工作日）", task: task);
            }
            else
            {
                step.OpenTask(TaskKind.SimulationConfirmation, matter.DepartmentId, matter.Code, $"转正确认：{matter.Name}",
                    rule.ConfirmationWorkingDays, status);
            }
        }
    }

    private static List<string> ReopenList(StepContext step, ParallelApprovalsDefinition stage, bool atStage, IReadOnlyList<string>? named)
    {
        var codes = (named ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count == 0) return codes;
        var simulated = atStage
            ? step.StepTasks.Where(t => t.Outcome == Outcomes.SimulatedApproved).Select(t => t.MatterCode!).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var code in codes)
            if (!simulated.Contains(code))
                throw new InvalidInputException("reopenMatters",
                    $"'{code}' has no simulated approval to reopen; matters with one: {(simulated.Count == 0 ? "none" : string.Join(", ", simulated))}.");
        return [.. stage.Matters.Select(m => m.MatterCode).Where(codes.Contains)];
    }

    /// <summary>The Chinese label a person reads for a project's simulation state; null for a formal project.</summary>
    public static string? Label(SimulationState state) => state switch
    {
        SimulationState.Simulating => "模拟审批",
        SimulationState.Converted => "模拟审批已转为正式审批",
        SimulationState.Expired => "模拟审批已失效",
        _ => null,
    };

    private static string MaterialName(WorkflowDefinition definition, SimulationRule rule) =>
        definition.Intake.Materials.FirstOrDefault(m => m.Code == rule.ConvertingMaterial)?.Name ?? rule.ConvertingMaterial;

    private static string Period(SimulationRule rule) =>
        rule.ExpiresAfterMonths is { } months ? $"{months}个月" : $"{rule.ExpiresAfterWorkingDays}个工作日";
}
