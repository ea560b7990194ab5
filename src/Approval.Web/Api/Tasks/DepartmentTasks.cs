using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using static Approval.Web.Api.TasksApi;

namespace Approval.Web.Api;

/// <summary>
/// A department approver's work (审批部门待办) as the tasks API and the approver pages both do it: which tasks are the
/// department's, and each command (预审意见, 踏勘意见, 审批决定, 事后核查, 中止计时, 恢复计时, 延期申请) with its input checked the
/// one way before the engine is asked.
/// </summary>
/// <remarks>
/// The department is the signed-in approver's claim. A task of another department looks exactly like one that does
/// not exist (<see cref="NotFoundException"/>), reading and acting alike.
/// </remarks>
public sealed class DepartmentTasks(WorkflowEngine engine, ProjectReader reader, ListReader lists)
{
    // The applicant's correction is never a department's work, so it is not a kind an approver can ask for.
    private static readonly TaskKind[] DepartmentKinds =
        [TaskKind.PreReviewOpinion, TaskKind.SurveyFinding, TaskKind.MatterDecision, TaskKind.CommitmentVerification,
            TaskKind.SimulationConfirmation, TaskKind.Rectification, TaskKind.EscalationReply];

    /// <summary>The department the approver works for; an approver account without one may do nothing here.</summary>
    public static string DepartmentOf(Actor actor) =>
        actor.DepartmentId ?? throw new ForbiddenException("An approver's account must name a department.");

    /// <summary>
    /// A page of the department's open tasks (待办), soonest due first, of one kind, light and due state when given, each
    /// with its project's code and name; with how many there are.
    /// </summary>
    public Task<Page<TaskRow>> OpenAsync(Actor actor, TaskKind? kind, PageRequest page, CancellationToken ct, Light? light = null, DueState? due = null) =>
        lists.OpenTasksAsync(new TaskQuery(DepartmentOf(actor), kind, light, due), page, counted: true, ct: ct);

    /// <summary>The department's open tasks counted by light and due state (the to-do page's tabs).</summary>
    public async Task<WorkCounts> CountsAsync(Actor actor, CancellationToken ct)
    {
        var department = DepartmentOf(actor);
        return (await lists.CountsByDepartmentAsync(department, runningOnly: false, ct)).GetValueOrDefault(department) ?? new WorkCounts(0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>One open task of the department with its project, in one query; a decided task, another department's and an unknown one are not found.</summary>
    public async Task<(WorkTask Task, ProjectInstance Project)> OpenTaskAsync(Actor actor, Guid id, CancellationToken ct) =>
        await lists.OpenTaskWithProjectAsync(DepartmentOf(actor), id, ct) ?? throw new NotFoundException($"Task {id}");

    /// <summary>
    /// One task of the department in any state, with its whole project (the other departments' tasks, clock stops,
    /// extensions), so that a page shows what was decided; another department's task is not found, as in the API.
    /// </summary>
    public async Task<(WorkTask Task, ProjectInstance Project)> OwnTaskAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var department = DepartmentOf(actor);
        var project = await reader.GetByTaskAsync(actor, id, ct);
        var task = project.Tasks.FirstOrDefault(t => t.Id == id);
        return task is not null && task.DepartmentId == department && DepartmentKinds.Contains(task.Kind)
            ? (task, project)
            : throw new NotFoundException($"Task {id}");
    }

    /// <summary>A task kind named in a query (<c>preReviewOpinion</c>, <c>surveyFinding</c>, <c>matterDecision</c>); null when empty.</summary>
    public static TaskKind? KindOf(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind)) return null;
        var match = DepartmentKinds.Where(k => string.Equals(k.ToString(), kind.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count == 1
            ? match[0]
            : throw new InvalidInputException("kind",
                $"'{kind}' is not a task kind; expected one of {string.Join(", ", DepartmentKinds.Select(CamelCase))}.");
    }

    /// <summary>A pre-review opinion (预审意见): pass, or correction items.</summary>
    public Task<CommandResult> GiveOpinionAsync(Actor actor, string operationId, Guid id, OpinionRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var passed = errors.Check(() => RequestInput.Required(body.Passed, "passed", "true or false"));
        var items = errors.Check(() => RequestInput.Items(body.CorrectionItems, "correctionItems", required: body.Passed == false));
        var comment = errors.Check(() => RequestInput.Text(body.Comment, "comment", required: false));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new GiveOpinion(operationId, actor, id, passed, items, comment), ct);
    }

    /// <summary>Findings at the combined site survey (踏勘意见).</summary>
    public Task<CommandResult> RecordFindingsAsync(Actor actor, string operationId, Guid id, FindingsRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var agrees = errors.Check(() => RequestInput.Required(body.Agrees, "agrees", "true or false"));
        var findings = errors.Check(() => RequestInput.RequiredText(body.Findings, "findings"));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new RecordFindings(operationId, actor, id, agrees, findings), ct);
    }

    /// <summary>A matter decision (审批决定): approve, reject with reasons, or request correction with items.</summary>
    public Task<CommandResult> DecideAsync(Actor actor, string operationId, Guid id, DecisionRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var decision = errors.Check(() => RequestInput.Defined(body.Decision, "decision"));
        var reasons = errors.Check(() => RequestInput.Text(body.Reasons, "reasons", required: body.Decision == MatterDecision.Reject));
        var items = errors.Check(() => RequestInput.Items(body.Items, "items", required: body.Decision == MatterDecision.RequestCorrection));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new DecideMatter(operationId, actor, id, decision, reasons, items), ct);
    }

    /// <summary>
    /// The verification of a commitment (事后核查): confirmed, or false with what was found — then the approval is
    /// revoked (撤销) and the project unit marked for the credit record.
    /// </summary>
    public Task<CommandResult> VerifyCommitmentAsync(Actor actor, string operationId, Guid id, VerificationRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var confirmed = errors.Check(() => RequestInput.Required(body.Confirmed, "confirmed", "true or false"));
        var findings = errors.Check(() => RequestInput.Text(body.Findings, "findings", required: body.Confirmed == false));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new VerifyCommitment(operationId, actor, id, confirmed, findings), ct);
    }

    /// <summary>
    /// Stops the matter's clock for an art. 45 reason with the written notice (中止计时). Ranges (how many days, which
    /// reasons a department may use) are the engine's rules; here only presence and size.
    /// </summary>
    public Task<CommandResult> StopClockAsync(Actor actor, string operationId, Guid id, ClockStopRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var reason = errors.Check(() => RequestInput.Defined(body.Reason, "reason"));
        var notice = errors.Check(() => RequestInput.RequiredText(body.Notice, "notice"));
        var days = errors.Check(() => RequestInput.Required(body.ExpectedWorkingDays, "expectedWorkingDays", "a whole number of working days"));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new StopClock(operationId, actor, id, reason, notice, days), ct);
    }

    /// <summary>Resumes a stopped clock (恢复计时); counting restarts on <c>resumesOn</c>, or the next day when absent.</summary>
    public Task<CommandResult> ResumeClockAsync(Actor actor, string operationId, Guid id, ClockResumeRequest? body, CancellationToken ct) =>
        engine.ExecuteAsync(new ResumeClock(operationId, actor, id, body?.ResumesOn), ct);

    /// <summary>Asks a supervisor for more working days (延期申请).</summary>
    public Task<CommandResult> RequestExtensionAsync(Actor actor, string operationId, Guid id, ExtensionRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var days = errors.Check(() => RequestInput.Required(body.WorkingDays, "workingDays", "a whole number of working days"));
        var reason = errors.Check(() => RequestInput.RequiredText(body.Reason, "reason"));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new RequestExtension(operationId, actor, id, days, reason), ct);
    }

    private static string CamelCase(TaskKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
}
