using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Benchmarks.Seed;

/// <summary>What a template project is, so the generator can weigh the mix and tell running from ended ones.</summary>
public enum TemplateShape
{
    Filed, Returned, Refused, Running, RunningClockStopped, RunningExtensionPending, RunningCorrection,
    CompletedOnTime, CompletedLate, CompletedAfterStop, CompletedAfterExtension, Rejected, Terminated,
}

/// <summary>A project run through the real engine, whose rows the generator clones.</summary>
public sealed record TemplateProject(Guid Id, string DefinitionId, TemplateShape Shape, string Stage, InstanceStatus Status)
{
    public bool IsEnded => Status is InstanceStatus.Completed or InstanceStatus.Rejected or InstanceStatus.Refused or InstanceStatus.Terminated;
}

/// <summary>
/// Runs a few real projects of every shipped procedure through the engine on a fake clock: one stopped after every
/// command of the happy path (every stage), filed, returned, refused, rejected, completed on time and late, with a
/// clock stop and with an extension (open and decided), with an applicant's correction. Everything they store is the
/// engine's own doing, so their clones can be carried on by the engine.
/// </summary>
public sealed class TemplateProjects(WorkflowEngine engine, ApprovalDatabase database, AgentAuthorizations authorizations, FakeClock clock, LocalDate baseDate)
{
    public static readonly Actor Investor = new("seed-investor", ActorRole.Investor, DisplayName: "项目单位");
    public static readonly Actor Agent = new("seed-agent", ActorRole.Agent, DisplayName: "代办员");
    public static readonly Actor Window = new("window-seed", ActorRole.WindowClerk, DisplayName: "综合窗口");
    public static readonly Actor Supervisor = new("supervisor-seed", ActorRole.Supervisor, DisplayName: "电子监察");
    public static Actor Approver(string department) => new($"approver-{department}", ActorRole.Approver, department);

    public const string InvestorName = "模板新材料有限公司";
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private int _operations;
    private readonly List<TemplateProject> _made = [];

    /// <summary>The procedures the generator uses: every shipped one.</summary>
    public IReadOnlyList<string> Procedures => [.. engine.Catalog.Definitions.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)];

    private LocalDate Today => engine.Deadlines.Calendar.LocalDateOf(clock.GetCurrentInstant());

    private void SetDate(LocalDate date) =>
        clock.Reset(date.At(new LocalTime(10, 0)).InZoneStrictly(Shanghai).ToInstant());

    /// <summary>One working day later (the clock at 10:00).</summary>
    private void NextWorkingDay(int days = 1)
    {
        var calendar = engine.Deadlines.Calendar;
        var day = Today;
        for (var i = 0; i < days; i++)
        {
            day = day.PlusDays(1);
            while (!calendar.IsWorkingDay(day)) day = day.PlusDays(1);
        }
        SetDate(day);
    }

    private string Op() => $"seed-template-{Interlocked.Increment(ref _operations)}-{Guid.NewGuid():N}";

    private Task<CommandResult> RunAsync(Command command, CancellationToken ct) => engine.ExecuteAsync(command, ct);

    /// <summary>Makes the templates; <paramref name="full"/> false makes one running project every other stage (for quick tests).</summary>
    public async Task<IReadOnlyList<TemplateProject>> MakeAsync(bool full, CancellationToken ct)
    {
        await authorizations.GrantAsync(Actor.System, Investor.UserId, InvestorName, Agent.UserId,
            new LocalDate(2000, 1, 1), new LocalDate(2099, 12, 31), ct);
        string? shared = null;
        foreach (var definition in Procedures)
        {
            // A 竣工联合验收 names the code of a completed construction permit. One runs per code at a time, so a project
            // that stays open needs a permit of its own; those that end share one.
            Func<bool, Task<string?>> code = definition == "joint-completion-acceptance"
                ? async ends => ends ? shared ??= await CompletedPermitCodeAsync(ct) : await CompletedPermitCodeAsync(ct)
                : _ => Task.FromResult<string?>(null);
            await MakeAsync(definition, full, code, ct);
        }
        return _made;
    }

    private async Task<string> CompletedPermitCodeAsync(CancellationToken ct)
    {
        SetDate(baseDate);
        var id = await FileAcceptAsync("industrial-construction-permit", null, Investor, ct);
        await AdvanceAsync(id, int.MaxValue, Decide.Approve, ct);
        return (await LoadAsync(id, ct)).ProjectCode!;
    }

    private async Task MakeAsync(string definition, bool full, Func<bool, Task<string?>> code, CancellationToken ct)
    {
        // Filed (by the investor and by an agent), returned, refused.
        SetDate(baseDate);
        await Record(await FileAsync(definition, await code(false), Investor, handIn: true, ct), definition, TemplateShape.Filed, "filed", ct);
        SetDate(baseDate);
        await Record(await FileAsync(definition, await code(false), Agent, handIn: true, ct), definition, TemplateShape.Filed, "filed", ct);
        SetDate(baseDate);
        var returned = await FileAsync(definition, await code(false), Agent, handIn: false, ct, materials: []);
        NextWorkingDay();
        await RunAsync(new ReturnApplication(Op(), Window, returned, "请补齐申报材料"), ct);
        await Record(returned, definition, TemplateShape.Returned, "returned", ct);
        SetDate(baseDate);
        var refused = await FileAsync(definition, await code(true), Investor, handIn: true, ct);
        await RunAsync(new RefuseApplication(Op(), Window, refused, "不属于本机关职权范围"), ct);
        await Record(refused, definition, TemplateShape.Refused, "refused", ct);

        // The happy path, counted: how many commands from acceptance to the issue.
        SetDate(baseDate);
        var complete = await FileAcceptAsync(definition, await code(true), Agent, ct);
        var steps = await AdvanceAsync(complete, int.MaxValue, Decide.Approve, ct);
        await Record(complete, definition, TemplateShape.CompletedOnTime, "completed", ct);

        // Running, stopped after every command of the way (every stage and every half-decided parallel step).
        for (var k = 0; k < steps; k += full ? 1 : 2)
        {
            SetDate(baseDate);
            var id = await FileAcceptAsync(definition, await code(false), k % 2 == 0 ? Agent : Investor, ct);
            await AdvanceAsync(id, k, Decide.Approve, ct);
            var project = await LoadAsync(id, ct);
            await Record(id, definition, TemplateShape.Running, project.CurrentActivityId, ct);
        }

        // Late: the departments take well past the deadlines.
        SetDate(baseDate);
        var late = await FileAcceptAsync(definition, await code(true), Investor, ct);
        await AdvanceAsync(late, int.MaxValue, Decide.Approve, ct, daysPerCommand: 6);
        await Record(late, definition, TemplateShape.CompletedLate, "completed-late", ct);

        // Rejected by the first department to decide a matter.
        SetDate(baseDate);
        var rejected = await FileAcceptAsync(definition, await code(true), Agent, ct);
        await AdvanceAsync(rejected, int.MaxValue, Decide.RejectFirstMatter, ct);
        await Record(rejected, definition, TemplateShape.Rejected, "rejected", ct);

        // A clock stop (art. 45) on the first matter: open, and resumed then completed.
        SetDate(baseDate);
        var stopped = await FileAcceptAsync(definition, await code(false), Investor, ct);
        var matter = await AdvanceToMatterAsync(stopped, ct);
        await RunAsync(new StopClock(Op(), Approver(matter.DepartmentId!), matter.Id, ClockStopReason.ExpertReview, "需组织专家评审，评审时间不计入办理时限", 5), ct);
        await Record(stopped, definition, TemplateShape.RunningClockStopped, "clock-stopped", ct);
        SetDate(baseDate);
        var resumed = await FileAcceptAsync(definition, await code(true), Agent, ct);
        matter = await AdvanceToMatterAsync(resumed, ct);
        await RunAsync(new StopClock(Op(), Approver(matter.DepartmentId!), matter.Id, ClockStopReason.Inspection, "需委托检验，检验时间不计入办理时限", 3), ct);
        NextWorkingDay(3);
        await RunAsync(new ResumeClock(Op(), Approver(matter.DepartmentId!), matter.Id, null), ct);
        await AdvanceAsync(resumed, int.MaxValue, Decide.Approve, ct);
        await Record(resumed, definition, TemplateShape.CompletedAfterStop, "completed-after-stop", ct);

        // An extension (延期): asked and pending, and approved then completed.
        SetDate(baseDate);
        var asked = await FileAcceptAsync(definition, await code(false), Investor, ct);
        matter = await AdvanceToMatterAsync(asked, ct);
        await RunAsync(new RequestExtension(Op(), Approver(matter.DepartmentId!), matter.Id, 5, "现场核查需要更多时间"), ct);
        await Record(asked, definition, TemplateShape.RunningExtensionPending, "extension-pending", ct);
        SetDate(baseDate);
        var extended = await FileAcceptAsync(definition, await code(true), Agent, ct);
        matter = await AdvanceToMatterAsync(extended, ct);
        var request = await RunAsync(new RequestExtension(Op(), Approver(matter.DepartmentId!), matter.Id, 3, "需补充征求意见"), ct);
        var extension = (await LoadAsync(extended, ct)).Extensions.Single();
        NextWorkingDay();
        await RunAsync(new DecideExtension(Op(), Supervisor, extension.Id, true, "同意延期"), ct);
        await AdvanceAsync(extended, int.MaxValue, Decide.Approve, ct);
        await Record(extended, definition, TemplateShape.CompletedAfterExtension, "completed-after-extension", ct);
        _ = request;

        // Accepted with a 容缺 material that never arrives: the promised date's timer ends it (终止办理).
        var intake = engine.Catalog.Latest(definition).Intake;
        if (intake.Materials.FirstOrDefault(m => m.DeficiencyAllowed) is { } deferrable)
        {
            SetDate(baseDate);
            List<string> all = [.. intake.Materials.Select(m => m.Code)];
            var details = new ProjectDetails("模板项目", Investor.UserId, InvestorName, "320193", "C26", 52000m, await code(true), "张伟", "13812345678");
            var filed = await RunAsync(new FileApplication(Op(), Investor, definition, details, all), ct);
            await RunAsync(new RecordPaperOriginals(Op(), Window, filed.InstanceId, [.. all.Where(c => c != deferrable.Code)]), ct);
            NextWorkingDay();
            var promised = engine.Deadlines.Calendar.Deadline(Today, 1).Date;   // within every procedure's 容缺 limit
            await RunAsync(new AcceptWithDeficiencies(Op(), Window, filed.InstanceId, promised), ct);
            SetDate(promised);
            NextWorkingDay();
            await using (var db = database.CreateContext())
            {
                var timer = await db.Timers.AsNoTracking().SingleAsync(t => t.InstanceId == filed.InstanceId &&
                    t.Kind == Engine.Timers.TimerKind.DeficienciesDue && t.Status == Engine.Timers.TimerStatus.Pending, ct);
                await RunAsync(FireTimer.Of(timer.Id, timer.DueAt), ct);
            }
            await Record(filed.InstanceId, definition, TemplateShape.Terminated, "terminated", ct);
        }

        // The applicant's correction (补正) asked in pre-review, where the procedure has one.
        SetDate(baseDate);
        var correcting = await FileAcceptAsync(definition, await code(false), Agent, ct);
        var opinion = (await LoadAsync(correcting, ct)).Tasks.FirstOrDefault(t => t.Kind == TaskKind.PreReviewOpinion && t.Status == TaskStatus.Open);
        if (opinion is not null)
        {
            NextWorkingDay();
            await RunAsync(new GiveOpinion(Op(), Approver(opinion.DepartmentId!), opinion.Id, false, ["补充环评批复文件"], "材料不全"), ct);
            await Record(correcting, definition, TemplateShape.RunningCorrection, "correction", ct);
        }
        else
        {
            await Record(correcting, definition, TemplateShape.Running, (await LoadAsync(correcting, ct)).CurrentActivityId, ct);
        }
    }

    private async Task Record(Guid id, string definition, TemplateShape shape, string stage, CancellationToken ct)
    {
        var project = await LoadAsync(id, ct);
        _made.Add(new TemplateProject(id, definition, shape, stage, project.Status));
    }

    private async Task<Guid> FileAsync(string definition, string? code, Actor actor, bool handIn, CancellationToken ct,
        IReadOnlyList<string>? materials = null)
    {
        var listed = materials ?? [.. engine.Catalog.Latest(definition).Intake.Materials.Select(m => m.Code)];
        var details = new ProjectDetails("模板项目", Investor.UserId, InvestorName, "320193", "C26", 52000m, code, "张伟", "13812345678");
        var filed = await RunAsync(new FileApplication(Op(), actor, definition, details, listed), ct);
        if (handIn && listed.Count > 0) await RunAsync(new RecordPaperOriginals(Op(), Window, filed.InstanceId, listed), ct);
        return filed.InstanceId;
    }

    private async Task<Guid> FileAcceptAsync(string definition, string? code, Actor actor, CancellationToken ct)
    {
        var id = await FileAsync(definition, code, actor, handIn: true, ct);
        NextWorkingDay();
        var accepted = await RunAsync(new AcceptApplication(Op(), Window, id), ct);
        if (accepted.Status != InstanceStatus.Running)
            throw new InvalidOperationException($"Template {definition}: acceptance left the project {accepted.Status}.");
        return id;
    }

    private enum Decide { Approve, RejectFirstMatter }

    /// <summary>Advances to the first open matter decision; returns that task.</summary>
    private async Task<WorkTask> AdvanceToMatterAsync(Guid id, CancellationToken ct)
    {
        for (var guard = 0; guard < 100; guard++)
        {
            var project = await LoadAsync(id, ct);
            if (project.Tasks.FirstOrDefault(t => t.Kind == TaskKind.MatterDecision && t.Status == TaskStatus.Open) is { } matter)
                return matter;
            if (await AdvanceAsync(id, 1, Decide.Approve, ct) == 0)
                throw new InvalidOperationException($"Project {id} ended before any matter decision.");
        }
        throw new InvalidOperationException($"Project {id}: no matter decision after 100 commands.");
    }

    /// <summary>
    /// Runs up to <paramref name="commands"/> commands that carry a running project on (every department agreeing,
    /// or the first matter rejected), a working day apart; returns how many ran.
    /// </summary>
    private async Task<int> AdvanceAsync(Guid id, int commands, Decide decide, CancellationToken ct, int daysPerCommand = 1)
    {
        var ran = 0;
        while (ran < commands)
        {
            var project = await LoadAsync(id, ct);
            if (project.IsEnded) return ran;
            var definition = engine.Catalog.Get(project.DefinitionId, project.DefinitionVersion);
            var open = project.Tasks.Where(t => t.ActivityId == project.CurrentActivityId && t.Status == TaskStatus.Open)
                .OrderBy(t => t.DepartmentId, StringComparer.Ordinal).ThenBy(t => t.MatterCode, StringComparer.Ordinal).ToList();
            // Late projects lose their time in the matter decisions (a survey date must stay inside its step).
            NextWorkingDay(open.Any(t => t.Kind == TaskKind.MatterDecision) ? daysPerCommand : 1);
            if (definition.Activity(project.CurrentActivityId) is DeadlineCompletionDefinition)
                await RunAsync(new IssueResults(Op(), Window, id), ct);
            else if (open.Any(t => t.Kind == TaskKind.SurveyFinding) && project.SurveyOn is null)
                await RunAsync(new ScheduleSurvey(Op(), Window, id, Today), ct);
            else if (open.FirstOrDefault() is not { } task)
                throw new InvalidOperationException($"Project {id} waits at {project.CurrentActivityId} with no open task.");
            else
                await RunAsync(task.Kind switch
                {
                    TaskKind.PreReviewOpinion => new GiveOpinion(Op(), Approver(task.DepartmentId!), task.Id, true, [], null),
                    TaskKind.SurveyFinding => new RecordFindings(Op(), Approver(task.DepartmentId!), task.Id, true, "现场情况与申报一致"),
                    TaskKind.MatterDecision when decide == Decide.RejectFirstMatter =>
                        new DecideMatter(Op(), Approver(task.DepartmentId!), task.Id, MatterDecision.Reject, "不符合规划条件", []),
                    TaskKind.MatterDecision => new DecideMatter(Op(), Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "符合条件", []),
                    TaskKind.CommitmentVerification => new VerifyCommitment(Op(), Approver(task.DepartmentId!), task.Id, true, null),
                    _ => throw new InvalidOperationException($"Project {id}: no one agrees to a {task.Kind} task."),
                }, ct);
            ran++;
        }
        return ran;
    }

    internal async Task<ProjectInstance> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await db.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.Extensions).AsSplitQuery()
            .SingleAsync(i => i.Id == id, ct);
    }
}
