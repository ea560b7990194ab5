using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Tests.Supervision;

/// <summary>
/// The statistics summed from the tallies (<see cref="StatisticsReader"/>, <see cref="Tally"/>) equal the in-memory
/// computation over whole projects (<see cref="Statistics.Compute"/>) on a mixed data set made by the engine over four
/// months with a fake clock: all four procedures, running and ended (completed on time and late, rejected, refused),
/// decisions on time, late and deemed approved, clock stops, extensions, 告知承诺 approvals verified true and false,
/// 模拟审批, several departments; for all time and for periods; with the appended rows folded or not; and built from
/// the rows (<see cref="TallyCompaction.RebuildAsync"/>), also with the stored working days missing (rows decided
/// before the columns existed).
/// </summary>
public abstract class StatisticsReaderTests
{
    private static readonly LocalDate Start = new(2024, 9, 2);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<(EngineHarness Harness, IAsyncDisposable? Owned)> StartAsync(FakeClock clock);

    [Fact]
    public async Task Statistics_from_group_by_equal_the_computation_over_whole_projects_for_every_period()
    {
        var (h, owned) = await StartAsync(FakeClock.AtShanghai(2024, 9, 2, 10));
        try
        {
            var checkpoints = new List<LocalDate>();
            await GenerateAsync(h, new Random(16), day =>
            {
                if (day.Day is 1 or 15) checkpoints.Add(day);
                return day.Day is 1 or 15;
            }, async () =>
            {
                // Half the checks after the appended rows are folded, half with them as the saves left them.
                if (checkpoints.Count % 2 == 0) await h.Services.GetRequiredService<TallyCompaction>().CompactAsync(Ct);
                await AssertEqualAsync(h);
            });
            var projects = await AllAsync(h);
            AssertMixed(projects);

            await AssertEqualAsync(h);
            Assert.Equal(7, checkpoints.Count);

            // What the saves appended, folded, is row for row what the projects' rows add up to.
            var compaction = h.Services.GetRequiredService<TallyCompaction>();
            await compaction.CompactAsync(Ct);
            var kept = await TallySnapshot.FoldedAsync(h.Database);
            Assert.True(kept.Count > 20);
            await compaction.CompactAsync(Ct);
            Assert.Equal(kept, await TallySnapshot.FoldedAsync(h.Database));
            await compaction.RebuildAsync(Ct);
            Assert.Equal(kept, await TallySnapshot.FoldedAsync(h.Database));
            await AssertEqualAsync(h);
        }
        finally
        {
            await h.DisposeAsync();
            if (owned is not null) await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Tallies_built_from_rows_ended_before_the_stored_days_existed_give_the_same_numbers()
    {
        var (h, owned) = await StartAsync(FakeClock.AtShanghai(2024, 9, 2, 10));
        try
        {
            await GenerateAsync(h, new Random(7), _ => false, () => Task.CompletedTask);
            await using (var db = h.Database.CreateContext())
            {
                // Only a half: stored and computed rows in the same groups.
                var stored = await db.Tasks.CountAsync(t => t.DecidedLate != null, Ct);
                await db.Database.ExecuteSqlRawAsync(
                    "UPDATE tasks SET \"UsedWorkingDays\" = NULL, \"DecidedLate\" = NULL WHERE \"DecidedLate\" IS NOT NULL AND \"Round\" = 1 AND \"LimitWorkingDays\" % 2 = 0", Ct);
                await db.Database.ExecuteSqlRawAsync("UPDATE instances SET \"UsedWorkingDays\" = NULL WHERE \"TargetWorkingDays\" % 2 = 0", Ct);
                var left = await db.Tasks.CountAsync(t => t.DecidedLate != null, Ct);
                Assert.InRange(left, 1, stored - 1);
                Assert.True(await db.Instances.AnyAsync(i => i.Status == InstanceStatus.Completed && i.UsedWorkingDays == null, Ct));
                // An upgraded database: no tallies yet, built at start-up from the rows.
                await db.Database.ExecuteSqlRawAsync(
                    "DELETE FROM tally_open_work; DELETE FROM tally_decisions; DELETE FROM tally_projects; DELETE FROM tally_acceptances;", Ct);
            }
            Assert.True(await h.Services.GetRequiredService<TallyCompaction>().RebuildIfMissingAsync(Ct));
            Assert.False(await h.Services.GetRequiredService<TallyCompaction>().RebuildIfMissingAsync(Ct));
            await AssertEqualAsync(h);
        }
        finally
        {
            await h.DisposeAsync();
            if (owned is not null) await owned.DisposeAsync();
        }
    }

    private static async Task AssertEqualAsync(EngineHarness h)
    {
        var reader = h.Services.GetRequiredService<StatisticsReader>();
        var catalog = h.Services.GetRequiredService<DefinitionCatalog>();
        var calendar = h.Engine.Deadlines.Calendar;
        var projects = (await AllAsync(h)).Where(p => p.Status == InstanceStatus.Running || p.EndedAt is not null).ToList();
        var today = h.Today;
        StatisticsPeriod?[] periods =
        [
            null, new(Start.PlusMonths(1).With(DateAdjusters.StartOfMonth), Start.PlusMonths(1).With(DateAdjusters.EndOfMonth)),
            new(today.PlusDays(-20), null), new(null, today.PlusDays(-30)), new(today, today),
        ];
        foreach (var period in periods)
        {
            var expected = Statistics.Compute(projects, catalog, calendar, h.Clock.GetCurrentInstant(), period);
            var actual = await reader.ReadAsync(period, Ct);
            Assert.Equal(expected.AsOf, actual.AsOf);
            Assert.Equal(expected.Departments, actual.Departments);
            Assert.Equal(expected.Matters, actual.Matters);
            Assert.Equal(expected.Definitions, actual.Definitions);
            Assert.Equal(expected.AllProjects, actual.AllProjects);
            Assert.Equal(expected.AcceptedPerMonth, actual.AcceptedPerMonth);
        }
    }

    private static void AssertMixed(List<ProjectInstance> projects)
    {
        var decisions = projects.SelectMany(p => p.Tasks).Where(t => t.Kind == TaskKind.MatterDecision).ToList();
        Assert.Equal(4, projects.Select(p => p.DefinitionId).Distinct().Count());
        Assert.All(new[] { InstanceStatus.Running, InstanceStatus.Completed, InstanceStatus.Rejected, InstanceStatus.Refused },
            s => Assert.Contains(projects, p => p.Status == s));
        Assert.Contains(projects, p => p.OnTime == true);
        Assert.Contains(projects, p => p.OnTime == false);
        Assert.Contains(decisions, t => t.DecidedLate == true && t.Outcome == Outcomes.Approved);
        Assert.Contains(decisions, t => t.Outcome == Outcomes.DeemedApproved);
        Assert.Contains(decisions, t => t.Outcome == Outcomes.Rejected);
        Assert.Contains(decisions, t => t.Outcome == Outcomes.ApprovedOnCommitment);
        Assert.Contains(decisions, t => t.ExtensionWorkingDays > 0 && t.Status == TaskStatus.Done);
        Assert.Contains(projects, p => p.ClockStops.Count > 0 && p.Tasks.Any(t => t.Kind == TaskKind.MatterDecision && t.Status == TaskStatus.Done));
        Assert.Contains(decisions, t => Outcomes.IsSimulated(t.Outcome));
        Assert.Contains(projects, p => p.Simulation == SimulationState.Simulating && p.Status == InstanceStatus.Running);
        Assert.Contains(projects.SelectMany(p => p.Tasks), t => t.Kind == TaskKind.SimulationConfirmation && t.Outcome == Outcomes.Approved);
        var checks = projects.SelectMany(p => p.Tasks).Where(t => t.Kind == TaskKind.CommitmentVerification).ToList();
        Assert.Contains(checks, t => t.Outcome == Outcomes.CommitmentConfirmed);
        Assert.Contains(checks, t => t.Outcome == Outcomes.CommitmentFalse);
        Assert.True(decisions.Where(t => t.DecidedAt is not null).Select(t => t.DepartmentId).Distinct().Count() >= 5);
        Assert.True(projects.Where(p => p.AcceptedOn is not null).Select(p => p.AcceptedOn!.Value.Month).Distinct().Count() >= 3);
    }

    private static async Task<List<ProjectInstance>> AllAsync(EngineHarness h)
    {
        await using var db = h.Database.CreateContext();
        var projects = await db.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.ClockStops).Include(i => i.Extensions)
            .AsSplitQuery().ToListAsync(Ct);
        // In one order on both providers, so that the same seed makes the same data.
        foreach (var p in projects)
            p.Tasks = [.. p.Tasks.OrderBy(t => t.ActivityId, StringComparer.Ordinal).ThenBy(t => t.Kind)
                .ThenBy(t => t.DepartmentId, StringComparer.Ordinal).ThenBy(t => t.MatterCode, StringComparer.Ordinal)];
        return [.. projects.OrderBy(p => p.FiledAt).ThenBy(p => p.DefinitionId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Four months of work day by day: a filing most working days (the procedures in turn, 企业开办 sometimes on
    /// commitment, a 竣工联合验收 after each completed permit), acceptances and refusals, departments acting on some of
    /// their tasks each day — approving, rejecting, stopping the clock, asking for extensions, letting time run out —
    /// verifications found true or false, results issued; timers fire each day.
    /// </summary>
    private static async Task GenerateAsync(EngineHarness h, Random random, Func<LocalDate, bool> checkpoint, Func<Task> check)
    {
        string[] procedures = ["enterprise-establishment", "real-estate-registration", "industrial-construction-permit"];
        var filed = 0;
        var followed = new HashSet<Guid>();
        var slow = new HashSet<Guid>();
        for (var day = Start; day < Start.PlusDays(120); day = day.PlusDays(1))
        {
            h.SetDate(day);
            await h.Scheduler.RunDueAsync(Ct);
            if (checkpoint(day)) await check();
            if (!h.Engine.Deadlines.Calendar.IsWorkingDay(day)) continue;
            if (day < Start.PlusDays(100) && random.Next(4) > 0)
            {
                var definition = procedures[filed++ % procedures.Length];
                var id = definition == "enterprise-establishment" && random.Next(2) == 0 ? await FileOnCommitmentAsync(h)
                    // Every third permit in simulation, without drawing from the generator (the other choices stay as they were).
                    : definition == "industrial-construction-permit" && filed % 9 == 0 ? await FileInSimulationAsync(h)
                    : await h.FileAsync(definition);
                if (random.Next(4) == 0) slow.Add(id);
            }
            foreach (var project in await AllAsync(h))
            {
                if (project.Status == InstanceStatus.Filed)
                {
                    await TryAsync(h, op => random.Next(12) == 0
                        ? new RefuseApplication(op, EngineHarness.Window, project.Id, "不属于本中心受理范围")
                        : new AcceptApplication(op, EngineHarness.Window, project.Id));
                    continue;
                }
                if (project.Status == InstanceStatus.Completed && project.DefinitionId == "industrial-construction-permit"
                    && project.ProjectCode is { } code && followed.Add(project.Id))
                    await h.FileAsync("joint-completion-acceptance", projectCode: code);
                foreach (var verification in project.Tasks.Where(t => t.Kind == TaskKind.CommitmentVerification && t.Status == TaskStatus.Open))
                    if (random.Next(6) == 0)
                        await TryAsync(h, op => random.Next(3) == 0
                            ? new VerifyCommitment(op, EngineHarness.Approver(verification.DepartmentId!), verification.Id, false, "实地核查发现住所与承诺不符")
                            : new VerifyCommitment(op, EngineHarness.Approver(verification.DepartmentId!), verification.Id, true, null));
                if (project.Status != InstanceStatus.Running) continue;
                await ActAsync(h, random, project, slow.Contains(project.Id) ? 12 : 3);
            }
        }
    }

    private static async Task ActAsync(EngineHarness h, Random random, ProjectInstance project, int pace)
    {
        var definition = h.Engine.Catalog.Get(project.DefinitionId, project.DefinitionVersion);
        if (definition.Activity(project.CurrentActivityId) is DeadlineCompletionDefinition)
        {
            if (random.Next(pace) == 0) await TryAsync(h, op => new IssueResults(op, EngineHarness.Window, project.Id));
            return;
        }
        var current = project.Tasks.Where(t => t.ActivityId == project.CurrentActivityId).ToList();
        // 模拟审批: once every department recorded its simulated decision, the land contract arrives (most times).
        if (project.Simulation == SimulationState.Simulating && definition.Activity(project.CurrentActivityId) is ParallelApprovalsDefinition
            && !current.Any(t => t.IsOpen))
        {
            await h.HandInAsync(project.Id, [LandContract]);
            await TryAsync(h, op => new ConvertSimulation(op, EngineHarness.Window, project.Id, []));
            return;
        }
        if (current.Any(t => t.Kind == TaskKind.SurveyFinding && t.IsOpen) && project.SurveyOn is null)
        {
            await TryAsync(h, op => new ScheduleSurvey(op, EngineHarness.Window, project.Id, h.Today));
            return;
        }
        foreach (var task in current)
        {
            var approver = task.DepartmentId is { } d ? EngineHarness.Approver(d) : null;
            if (task.Status == TaskStatus.Suspended)
            {
                if (random.Next(3) == 0) await TryAsync(h, op => new ResumeClock(op, approver!, task.Id, null));
                continue;
            }
            // A 转正确认 is confirmed when it comes up (drawing nothing from the generator).
            if (task is { Kind: TaskKind.SimulationConfirmation, Status: TaskStatus.Open })
            {
                await TryAsync(h, op => new DecideMatter(op, approver!, task.Id, MatterDecision.Approve, null, []));
                continue;
            }
            // A slow project's 人防 lets its time run out: deemed approved (超时默许).
            if (task.Status != TaskStatus.Open || random.Next(pace) != 0 || (pace > 3 && task.MatterCode == "RF-001")) continue;
            switch (task.Kind)
            {
                case TaskKind.PreReviewOpinion:
                    await TryAsync(h, op => new GiveOpinion(op, approver!, task.Id, true, [], null));
                    break;
                case TaskKind.SurveyFinding:
                    await TryAsync(h, op => new RecordFindings(op, approver!, task.Id, true, "现场情况与申报一致"));
                    break;
                case TaskKind.MatterDecision:
                    var roll = random.Next(20);
                    if (roll == 0)
                        await TryAsync(h, op => new DecideMatter(op, approver!, task.Id, MatterDecision.Reject, "不符合法定条件", []));
                    else if (roll is 1 or 2 && !project.ClockStops.Any(s => s.TaskId == task.Id))
                        await TryAsync(h, op => new StopClock(op, approver!, task.Id, ClockStopReason.ExpertReview, "需组织专家评审", 3));
                    else if (roll is 3 or 4 && !project.Extensions.Any(e => e.TaskId == task.Id))
                    {
                        await TryAsync(h, op => new RequestExtension(op, approver!, task.Id, 2, "情况复杂，需延长审批期限"));
                        await using var db = h.Database.CreateContext();
                        if (await db.Extensions.AsNoTracking().FirstOrDefaultAsync(e => e.TaskId == task.Id && e.Status == ExtensionStatus.Pending, Ct) is { } ext)
                            await TryAsync(h, op => new DecideExtension(op, EngineHarness.Supervisor, ext.Id, true, null));
                    }
                    else
                        await TryAsync(h, op => new DecideMatter(op, approver!, task.Id,
                            project.CommitmentMatters.Contains(task.MatterCode!) ? MatterDecision.ApproveOnCommitment : MatterDecision.Approve, "符合条件", []));
                    break;
            }
        }
    }

    private const string LandContract = "land-transfer-contract";

    /// <summary>An industrial permit filed in simulation (土地未摘牌): every material but the land contract.</summary>
    private static async Task<Guid> FileInSimulationAsync(EngineHarness h)
    {
        const string definition = "industrial-construction-permit";
        var intake = h.Engine.Catalog.Latest(definition).Intake;
        var project = new ProjectDetails("年产10万吨新材料项目", EngineHarness.Investor.UserId, "某某新材料有限公司", "320193", "C26", 52000m, null, "张伟", "13812345678");
        List<string> materials = [.. intake.Materials.Select(m => m.Code).Where(c => c != LandContract)];
        var filed = await h.Engine.ExecuteAsync(new FileApplication(h.NextOperation(), EngineHarness.Agent, definition, project, materials, Simulation: true));
        await h.HandInAsync(filed.InstanceId, materials);
        return filed.InstanceId;
    }

    private static async Task<Guid> FileOnCommitmentAsync(EngineHarness h)
    {
        const string definition = "enterprise-establishment";
        var intake = h.Engine.Catalog.Latest(definition).Intake;
        var project = new ProjectDetails("某某贸易有限公司设立", EngineHarness.Investor.UserId, "某某新材料有限公司", "320193", "F51", 100m, null, "张伟", "13812345678");
        List<string> materials = [.. intake.Materials.Select(m => m.Code)];
        var filed = await h.Engine.ExecuteAsync(new FileApplication(h.NextOperation(), EngineHarness.Agent, definition, project, materials, ["SCJG-001"]));
        await h.HandInAsync(filed.InstanceId, materials);
        return filed.InstanceId;
    }

    // The driver acts at random: a command the project's state does not allow just now is refused, and that is fine.
    private static async Task TryAsync(EngineHarness h, Func<string, Command> command)
    {
        try
        {
            await h.RunAsync(command);
        }
        catch (Exception e) when (e is ConflictException or InvalidInputException)
        {
        }
    }
}

/// <summary><see cref="StatisticsReaderTests"/> on a SQLite file.</summary>
public sealed class SqliteStatisticsReaderTests : StatisticsReaderTests
{
    protected override async Task<(EngineHarness, IAsyncDisposable?)> StartAsync(FakeClock clock) => (await EngineHarness.StartAsync(clock), null);
}

/// <summary><see cref="StatisticsReaderTests"/> on a PostgreSQL database of each test's own.</summary>
public sealed class PostgresStatisticsReaderTests : StatisticsReaderTests
{
    protected override async Task<(EngineHarness, IAsyncDisposable?)> StartAsync(FakeClock clock)
    {
        var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        return (await EngineHarness.StartAsync(clock, pg.ConnectionString), pg);
    }
}
