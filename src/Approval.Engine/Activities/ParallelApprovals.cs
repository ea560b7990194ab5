using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>
/// Parallel approvals (并联审批): one task per matter, all open at once except those that wait for other matters
/// (施工许可 after 规划许可); each department signs off its own matter against its own limit. The stage completes
/// once, when every matter is decided; a rejection rejects the project unless the definition says otherwise.
/// </summary>
public sealed class ParallelApprovals : IActivity
{
    public ActivityType Type => ActivityType.ParallelApprovals;

    public void Enter(StepContext step)
    {
        var stage = (ParallelApprovalsDefinition)step.Activity;
        foreach (var m in stage.Matters)
        {
            var matter = step.Catalog.Matter(m.MatterCode);
            // A matter on commitment (告知承诺) is decided when taken up, without waiting for the proof.
            step.OpenTask(TaskKind.MatterDecision, matter.DepartmentId, matter.Code, matter.Name,
                Commitments.IsOnCommitment(step.Instance, matter.Code) ? Commitments.DecisionWorkingDays : m.WorkingDays ?? matter.PromisedWorkingDays,
                m.After.Count == 0 ? Runtime.TaskStatus.Open : Runtime.TaskStatus.Waiting);
        }
    }

    public void Handle(StepContext step, Command command)
    {
        switch (command)
        {
            case DecideMatter decide:
                Decide(step, decide);
                break;
            case SubmitCorrection correction:
                var corrected = CorrectionHandling.Submit(step, correction);
                // The one open: after a conversion (模拟审批) the matter's simulated task stays there, decided.
                var matterTask = step.StepTasks.Single(t => t.Kind == TaskKind.MatterDecision && t.MatterCode == corrected.MatterCode && t.IsOpen);
                MatterClock.Resume(step, matterTask, ClockStopReason.Correction, ClockStops.ResumesAfter(step.Today));
                matterTask.Round++;
                break;
            case StopClock stop:
                MatterClock.Stop(step, stop);
                break;
            case ResumeClock resume:
                var task = step.OpenTaskOf(resume.TaskId);
                step.RequireDepartment(task);
                MatterClock.Resume(step, task, null, resume.ResumesOn ?? ClockStops.ResumesAfter(step.Today));
                break;
            case RequestExtension request:
                MatterClock.RequestExtension(step, request);
                break;
            default:
                throw new ConflictException($"Parallel approvals do not take {command.GetType().Name}.");
        }
    }

    public void OnTimer(StepContext step, DurableTimer timer)
    {
        var task = step.Instance.Tasks.FirstOrDefault(t => t.Id == timer.TaskId);
        var stage = (ParallelApprovalsDefinition)step.Activity;
        var deemed = task is { Status: Runtime.TaskStatus.Open, Kind: TaskKind.MatterDecision or TaskKind.SimulationConfirmation }
            && timer.Kind == TimerKind.TaskDeadline && stage.Matters.Single(m => m.MatterCode == task.MatterCode).DeemedApprovalOnTimeout;
        if (!deemed)
        {
            TaskTimers.Record(step, timer);
            return;
        }
        if (Simulations.IsSimulating(step.Instance))
            step.CloseTask(task!, Outcomes.SimulatedApproved, "超时默许（模拟审批）：审批部门未在承诺时限内出具模拟审批意见，视为同意");
        else
            step.CloseTask(task!, Outcomes.DeemedApproved, "超时默许：审批部门未在承诺时限内作出决定，视为同意");
        AfterDecision(step, stage);
    }

    private static void Decide(StepContext step, DecideMatter decide)
    {
        var task = step.OpenTaskOf(decide.TaskId);
        if (task.Kind is not (TaskKind.MatterDecision or TaskKind.SimulationConfirmation)) throw new ConflictException("This task is not a matter decision.");
        step.RequireDepartment(task);
        if (task.Status == Runtime.TaskStatus.Suspended)
            throw new ConflictException("The clock of this matter is stopped; resume it before deciding.");
        var stage = (ParallelApprovalsDefinition)step.Activity;
        if (task.Kind == TaskKind.SimulationConfirmation)
        {
            Simulations.Confirm(step, task, decide);
            AfterDecision(step, stage);
            return;
        }
        // In simulation (模拟审批) the department's decision is a simulated one: recorded, never issued.
        var simulating = Simulations.IsSimulating(step.Instance);
        var items = decide.Items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        switch (decide.Decision)
        {
            case MatterDecision.Approve:
                step.CloseTask(task, simulating ? Outcomes.SimulatedApproved : Outcomes.Approved, decide.Reasons);
                break;
            case MatterDecision.Reject:
                if (string.IsNullOrWhiteSpace(decide.Reasons))
                    throw new InvalidInputException("reasons", "A rejection (不予许可) must give its reasons.");
                step.CloseTask(task, simulating ? Outcomes.SimulatedRejected : Outcomes.Rejected, decide.Reasons.Trim(), items);
                break;
            case MatterDecision.ApproveOnCommitment:
                Commitments.ApproveOnCommitment(step, task, decide.Reasons);
                break;
            case MatterDecision.RequestCorrection:
                if (items.Count == 0) throw new InvalidInputException("items", "A correction request must list what to correct.");
                MatterClock.AskCorrection(step, task, items, decide.Reasons);
                return;
        }
        AfterDecision(step, stage);
    }

    /// <summary>Opens what the decision unblocked, applies the rejection rule, and completes the stage exactly once.</summary>
    /// <remarks>
    /// In simulation a simulated approval unblocks what waits for it and the stage, once every simulated decision is in,
    /// waits for the conversion instead of completing; a simulated rejection ends the simulation without a formal
    /// decision (终止办理). After the conversion the simulated tasks are history: the stage runs on the confirmations
    /// and the reopened reviews.
    /// </remarks>
    private static void AfterDecision(StepContext step, ParallelApprovalsDefinition stage)
    {
        var simulating = Simulations.IsSimulating(step.Instance);
        var tasks = step.StepTasks.Where(t => t.Kind is TaskKind.MatterDecision or TaskKind.SimulationConfirmation
            && (simulating || !Outcomes.IsSimulated(t.Outcome))).ToList();
        bool Approved(WorkTask t) => Outcomes.IsApproval(t.Outcome) || (simulating && t.Outcome == Outcomes.SimulatedApproved);
        var rejected = tasks.Where(t => t.Outcome is Outcomes.Rejected or Outcomes.SimulatedRejected).ToList();
        if (rejected.Count > 0 && stage.OnRejection == RejectionRule.RejectProject)
        {
            var reasons = string.Join("；", rejected.Select(t => $"{step.Catalog.Department(t.DepartmentId!).Name}（{t.Title}）：{t.Comment}"));
            if (simulating) step.EndProject(InstanceStatus.Terminated, $"模拟审批意见不同意，模拟审批终止：{reasons}", Actor.System);
            else step.EndProject(InstanceStatus.Rejected, reasons, Actor.System);
            return;
        }
        foreach (var waiting in tasks.Where(t => t.Status == Runtime.TaskStatus.Waiting))
        {
            var after = stage.Matters.Single(m => m.MatterCode == waiting.MatterCode).After;
            var before = tasks.Where(t => after.Contains(t.MatterCode!)).ToList();
            if (before.Any(t => t.Outcome is Outcomes.Rejected or Outcomes.SimulatedRejected || t.Status == Runtime.TaskStatus.Cancelled))
            {
                waiting.Status = Runtime.TaskStatus.Cancelled;
                step.Record(JournalEvents.TaskCancelled, reasons: "前置事项未获批准", task: waiting, by: Actor.System);
            }
            else if (before.All(Approved))
            {
                step.StartClock(waiting);
            }
        }
        if (!tasks.All(t => t.Status is Runtime.TaskStatus.Done or Runtime.TaskStatus.Cancelled)) return;
        if (simulating) Simulations.AwaitConversion(step);
        else step.CompleteStep(rejected.Count > 0 ? "部分事项不予许可，按定义继续" : null);
    }
}
