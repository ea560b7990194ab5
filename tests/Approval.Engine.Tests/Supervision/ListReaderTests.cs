using Approval.Engine.Calendar;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Engine.Tests.Persistence;
using Approval.Testing;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Tests.Supervision;

/// <summary>
/// The lists paged in SQL (<see cref="ListReader"/>) answer what today's in-memory computation over whole projects
/// answers, on a mixed data set (every light, stops open and closed, several departments, ended and filed projects);
/// pages cover every row once, in order, and stay put when rows are added.
/// </summary>
public abstract class ListReaderTests(TestStore store) : MigratedStoreTests(store)
{
    private static readonly WorkingDayCalendars Calendars = WorkingDayCalendars.FromDirectory(Path.Combine(RepositoryPaths.Workflows, "calendars"));
    private static readonly string[] Departments = ["market-regulation", "natural-resources", "fire-rescue", "taxation"];
    private static readonly LocalDate Today = new(2024, 10, 16);

    private readonly FakeClock _clock = FakeClock.AtShanghai(2024, 10, 16, 10);

    private ListReader Reader(ApprovalDatabase database, EngineOptions? options = null) =>
        new(database, new AgentAuthorizations(database, _clock), Policy(options), _clock, Calendars);

    private static LightPolicy Policy(EngineOptions? options) => new(options ?? new EngineOptions(), Calendars);

    public static TheoryData<LightConvention> Conventions => [LightConvention.NearAndOverdue, LightConvention.OverdueAndEscalated];

    [Fact]
    public async Task A_departments_pages_cover_its_open_tasks_once_soonest_due_first_as_the_whole_list_does()
    {
        var database = await SeededAsync();
        var reader = Reader(database);
        var expected = await InMemoryOpenWorkAsync(database, runningOnly: false);

        foreach (var department in Departments)
        {
            var paged = await AllPagesAsync(after => reader.OpenTasksAsync(new TaskQuery(department), new PageRequest(7, after), ct: Ct));
            var whole = (await reader.OpenTasksAsync(new TaskQuery(department), new PageRequest(PageRequest.MaxSize), ct: Ct)).Items;

            Assert.Equal(whole.Select(r => r.Task.Id), paged.Select(r => r.Task.Id));
            Assert.Equal(expected.Where(t => t.Task.DepartmentId == department).Select(t => t.Task.Id).Order(), paged.Select(r => r.Task.Id).Order());
            Assert.Equal(paged.Select(r => r.Task.DueOn ?? LocalDate.MaxIsoValue).Order(), paged.Select(r => r.Task.DueOn ?? LocalDate.MaxIsoValue));
            Assert.All(paged, r => Assert.Equal(expected.Single(e => e.Task.Id == r.Task.Id).Project.ProjectName, r.ProjectName));
        }
    }

    [Theory]
    [MemberData(nameof(Conventions))]
    public async Task Supervisions_task_lists_by_light_and_due_state_equal_the_policy_over_whole_projects(LightConvention convention)
    {
        var database = await SeededAsync();
        var options = new EngineOptions { LightConvention = convention };
        var reader = Reader(database, options);
        var policy = Policy(options);
        var now = _clock.GetCurrentInstant();
        var open = await InMemoryOpenWorkAsync(database, runningOnly: true);

        foreach (var light in Enum.GetValues<Light>())
        {
            var paged = await AllPagesAsync(after => reader.OpenTasksAsync(new TaskQuery(Light: light), new PageRequest(5, after), runningOnly: true, ct: Ct));
            Assert.Equal(open.Where(t => policy.Of(now, t.Task) == light).Select(t => t.Task.Id).Order(), paged.Select(r => r.Task.Id).Order());
        }
        var overdue = await AllPagesAsync(after => reader.OpenTasksAsync(new TaskQuery(Due: DueState.Overdue), new PageRequest(5, after), true, ct: Ct));
        var near = await AllPagesAsync(after => reader.OpenTasksAsync(new TaskQuery(Due: DueState.NearDue), new PageRequest(5, after), true, ct: Ct));
        Assert.Equal(open.Where(t => Statistics.IsOverdue(t.Task, Calendars.National, now)).Select(t => t.Task.Id).Order(), overdue.Select(r => r.Task.Id).Order());
        Assert.Equal(open.Where(t => Statistics.IsNearDue(t.Task, Calendars.National, now)).Select(t => t.Task.Id).Order(), near.Select(r => r.Task.Id).Order());
        Assert.NotEmpty(overdue);
        Assert.NotEmpty(near);
    }

    [Theory]
    [MemberData(nameof(Conventions))]
    public async Task Department_counts_by_light_from_one_group_by_equal_the_counts_over_whole_projects(LightConvention convention)
    {
        var database = await SeededAsync();
        var options = new EngineOptions { LightConvention = convention };
        var policy = Policy(options);
        var now = _clock.GetCurrentInstant();
        var open = await InMemoryOpenWorkAsync(database, runningOnly: true);

        var counts = await Reader(database, options).CountsByDepartmentAsync(null, ct: Ct);

        var expected = open.GroupBy(t => t.Task.DepartmentId!).ToDictionary(g => g.Key, g => new WorkCounts(g.Count(),
            g.Count(t => policy.Of(now, t.Task) == Light.Green), g.Count(t => policy.Of(now, t.Task) == Light.Yellow),
            g.Count(t => policy.Of(now, t.Task) == Light.Red), g.Count(t => Statistics.IsOverdue(t.Task, Calendars.National, now)),
            g.Count(t => Statistics.IsNearDue(t.Task, Calendars.National, now)),
            g.Count(t => policy.Of(now, t.Task) == Light.Yellow && !Statistics.IsOverdue(t.Task, Calendars.National, now))));
        Assert.Equal(expected.OrderBy(e => e.Key), counts.OrderBy(c => c.Key));
        Assert.All(Enum.GetValues<Light>(), l => Assert.Contains(expected.Values, c => l switch
        {
            Light.Green => c.Green > 0, Light.Yellow => c.Yellow > 0, _ => c.Red > 0,
        }));
    }

    [Theory]
    [MemberData(nameof(Conventions))]
    public async Task Running_projects_by_light_equal_the_policy_over_whole_projects_stops_included(LightConvention convention)
    {
        var database = await SeededAsync();
        var options = new EngineOptions { LightConvention = convention, YellowWhenWorkingDaysLeft = 3 };
        var reader = Reader(database, options);
        var policy = Policy(options);
        var now = _clock.GetCurrentInstant();
        var running = await new ProjectReader(database, new AgentAuthorizations(database, _clock), _clock, Calendars).RunningAsync(Ct);

        foreach (var light in new Light?[] { null, Light.Green, Light.Yellow, Light.Red })
        {
            var paged = await AllPagesAsync(after => reader.RunningProjectsAsync(null, light, new PageRequest(4, after), Ct));
            Assert.Equal(running.Where(p => light is null || policy.Of(now, p) == light).Select(p => p.Id).Order(), paged.Select(p => p.Id).Order());
            Assert.Equal(paged.Select(p => p.DueOn ?? LocalDate.MaxIsoValue).Order(), paged.Select(p => p.DueOn ?? LocalDate.MaxIsoValue));
            Assert.All(paged, p => Assert.Equal(running.Single(r => r.Id == p.Id).Tasks.Count, p.Tasks.Count));
        }
        var definition = await AllPagesAsync(after => reader.RunningProjectsAsync("real-estate-registration", null, new PageRequest(3, after), Ct));
        Assert.Equal(running.Where(p => p.DefinitionId == "real-estate-registration").Select(p => p.Id).Order(), definition.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task A_cursor_stays_put_when_rows_are_added_before_and_after_it()
    {
        var database = await SeededAsync();
        var reader = Reader(database);
        var query = new TaskQuery("market-regulation");
        var first = await reader.OpenTasksAsync(query, new PageRequest(4), ct: Ct);
        var before = await reader.OpenTasksAsync(query, new PageRequest(PageRequest.MaxSize), ct: Ct);

        // One task due before everything on the first page, one due after everything.
        var early = Task(Guid.Empty, "market-regulation", TaskStatus.Open, Today.PlusDays(-60), null);
        var late = Task(Guid.Empty, "market-regulation", TaskStatus.Open, Today.PlusDays(60), null);
        await SaveAsync(database, Project(InstanceStatus.Running, Today.PlusDays(70), early, late));
        var second = await AllPagesAsync(after => reader.OpenTasksAsync(query, new PageRequest(4, after), ct: Ct), first.NextCursor);

        Assert.NotNull(first.NextCursor);
        Assert.Equal(before.Items.Skip(4).Select(r => r.Task.Id).Append(late.Id), second.Select(r => r.Task.Id));
        Assert.DoesNotContain(early.Id, second.Select(r => r.Task.Id));
    }

    [Fact]
    public async Task Work_and_projects_without_a_deadline_come_last_on_every_page_of_both_providers()
    {
        var database = await SeededAsync();
        var reader = Reader(database);
        // One followed up today (near due by that alone), one never: both green, neither overdue.
        var undated = new[] { Task(Guid.Empty, "market-regulation", TaskStatus.Open, null, Today), Task(Guid.Empty, "market-regulation", TaskStatus.Open, null, null) };
        var project = Project(InstanceStatus.Running, null, undated);
        await SaveAsync(database, project);
        await new TallyCompaction(database, Calendars).RebuildAsync(Ct);

        var tasks = await AllPagesAsync(after => reader.OpenTasksAsync(new TaskQuery("market-regulation"), new PageRequest(3, after), ct: Ct));
        async Task<List<Guid>> UndatedOfAsync(TaskQuery query)
        {
            var rows = await AllPagesAsync(after => reader.OpenTasksAsync(query, new PageRequest(2, after), ct: Ct));
            var page = await reader.OpenTasksAsync(query, new PageRequest(2), counted: true, ct: Ct);
            Assert.Equal(rows.Count, page.Total);
            return rows.Where(r => r.Task.DueOn is null).Select(r => r.Task.Id).Order().ToList();
        }
        Assert.Equal(undated.Select(t => t.Id).Order(), await UndatedOfAsync(new TaskQuery("market-regulation", Light: Light.Green)));
        Assert.Empty(await UndatedOfAsync(new TaskQuery("market-regulation", Light: Light.Red)));
        Assert.Empty(await UndatedOfAsync(new TaskQuery("market-regulation", Light: Light.Yellow)));
        Assert.Empty(await UndatedOfAsync(new TaskQuery("market-regulation", Due: DueState.Overdue)));
        Assert.Equal(undated.Select(t => t.Id).Order(), await UndatedOfAsync(new TaskQuery("market-regulation", Due: DueState.NotOverdue)));
        Assert.Equal([undated[0].Id], await UndatedOfAsync(new TaskQuery("market-regulation", Due: DueState.NearDue)));
        var projects = await AllPagesAsync(after => reader.RunningProjectsAsync(null, null, new PageRequest(4, after), Ct));

        Assert.Equal(undated.Select(t => t.Id).Order(), tasks.TakeLast(2).Select(r => r.Task.Id).Order());
        Assert.All(tasks.SkipLast(2), r => Assert.NotNull(r.Task.DueOn));
        Assert.Equal(tasks.Select(r => r.Task.Id).Distinct().Count(), tasks.Count);
        Assert.Equal(project.Id, projects[^1].Id);
        Assert.All(projects.SkipLast(1), p => Assert.NotNull(p.DueOn));
    }

    [Fact]
    public async Task The_window_queue_and_an_applicants_projects_page_in_filing_order_with_their_totals()
    {
        var database = await SeededAsync();
        var reader = Reader(database);
        await using var db = database.CreateContext();
        var all = db.Instances.ToList();

        var queue = await AllPagesAsync(after => reader.IntakeQueueAsync(new PageRequest(3, after), Ct));
        var firstQueue = await reader.IntakeQueueAsync(new PageRequest(3), Ct);
        var investor = new Actor("investor-2", ActorRole.Investor);
        var mine = await AllPagesAsync(after => reader.ForApplicantAsync(investor, new PageRequest(5, after), Ct));
        var firstMine = await reader.ForApplicantAsync(investor, new PageRequest(5), Ct);

        var filed = all.Where(i => i.Status == InstanceStatus.Filed).ToList();
        Assert.Equal(filed.Select(i => i.Id).Order(), queue.Select(i => i.Id).Order());
        Assert.Equal(queue.Select(i => i.FiledAt).Order(), queue.Select(i => i.FiledAt));
        Assert.Equal(filed.Count, firstQueue.Total);
        var investors = all.Where(i => i.InvestorId == "investor-2").ToList();
        Assert.Equal(investors.Select(i => i.Id).Order(), mine.Select(i => i.Id).Order());
        Assert.Equal(mine.Select(i => i.FiledAt).OrderDescending(), mine.Select(i => i.FiledAt));
        Assert.Equal(investors.Count, firstMine.Total);
        Assert.True(investors.Count > 5);
    }

    [Fact]
    public async Task Authorisations_page_newest_grant_first_and_each_party_sees_its_own()
    {
        var database = await SeededAsync();
        await using (var db = database.CreateContext())
        {
            for (var n = 0; n < 7; n++)
                db.AgentAuthorizations.Add(new AgentAuthorization
                {
                    Id = Guid.NewGuid(), AgentId = n % 2 == 0 ? "agent-li" : "agent-wang", InvestorId = $"investor-{n % 3}", InvestorName = "某公司",
                    ValidFrom = Today, ValidTo = Today.PlusDays(30), GrantedBy = "admin",
                    GrantedAt = Instant.FromUtc(2024, 10, 1, 0, 0) + Duration.FromHours(n / 2),
                });
            await db.SaveChangesAsync(Ct);
        }
        var registry = new AgentAuthorizations(database, _clock);

        var all = await AllPagesAsync(after => registry.PageAsync(new Actor("admin", ActorRole.Administrator), new PageRequest(3, after), Ct));
        var li = await AllPagesAsync(after => registry.PageAsync(new Actor("agent-li", ActorRole.Agent), new PageRequest(2, after), Ct));

        Assert.Equal(7, all.Select(a => a.Id).Distinct().Count());
        Assert.Equal(all.Select(a => a.GrantedAt).OrderDescending(), all.Select(a => a.GrantedAt));
        Assert.Equal(all.Where(a => a.AgentId == "agent-li").Select(a => a.Id), li.Select(a => a.Id));
        Assert.Equal(4, li.Count);
    }

    [Fact]
    public async Task Pending_extensions_page_oldest_first_with_their_total_and_the_same_effect_as_over_whole_projects()
    {
        var database = await SeededAsync();
        var deadlines = new Deadlines(Calendars, new EngineOptions());
        var pending = new List<Guid>();
        await using (var db = database.CreateContext())
        {
            // Projects with clock stops first, so that some requests need them.
            var running = db.Instances.Where(i => i.Status == InstanceStatus.Running)
                .Select(i => new { i.Id, Stopped = db.ClockStops.Any(s => s.InstanceId == i.Id) }).ToList()
                .OrderByDescending(i => i.Stopped).ThenBy(i => i.Id).Select(i => i.Id).ToList();
            var tasks = db.Tasks.Where(t => running.Contains(t.InstanceId) && t.Kind == TaskKind.MatterDecision).ToList()
                .OrderBy(t => running.IndexOf(t.InstanceId)).ThenBy(t => t.Id).ToList();
            var n = 0;
            foreach (var task in tasks.Where(t => t.IsOpen).Take(9))
            {
                // Requests made in pairs at the same instant (the id breaks the tie), one approved already, and a
                // step whose sibling task already has a longer approved extension.
                var status = n == 4 ? ExtensionStatus.Approved : ExtensionStatus.Pending;
                db.Extensions.Add(new Extension
                {
                    Id = Guid.NewGuid(), InstanceId = task.InstanceId, TaskId = task.Id, WorkingDays = 1 + n % 4, Reason = "需现场核查",
                    Status = status, RequestedBy = "approver", RequestedAt = Instant.FromUtc(2024, 10, 10, 0, 0) + Duration.FromHours(8 - n / 2),
                });
                if (n % 3 == 0 && tasks.FirstOrDefault(t => t.InstanceId == task.InstanceId && t.Id != task.Id) is { } sibling)
                    sibling.ExtensionWorkingDays = 3;
                n++;
            }
            await db.SaveSeedAsync(Ct);
            pending = db.Extensions.Where(e => e.Status == ExtensionStatus.Pending).Select(e => e.Id).ToList();
        }
        var reader = Reader(database);

        var paged = await AllPagesAsync(after => reader.PendingExtensionsAsync(new PageRequest(3, after), Ct));
        var first = await reader.PendingExtensionsAsync(new PageRequest(3), Ct);
        var whole = (await reader.PendingExtensionsAsync(new PageRequest(PageRequest.MaxSize), Ct)).Items;

        Assert.Equal(8, pending.Count);
        Assert.Equal(pending.Order(), paged.Select(r => r.Extension.Id).Order());
        Assert.Equal(whole.Select(r => r.Extension.Id), paged.Select(r => r.Extension.Id));
        Assert.Equal(paged.Select(r => r.Extension.RequestedAt).Order(), paged.Select(r => r.Extension.RequestedAt));
        Assert.Equal((8, 3), (first.Total, first.Items.Count));
        Assert.Contains(paged, r => r.Project.ClockStops.Count > 0);
        Assert.Contains(paged, r => r.StepExtensionWorkingDays > 0);
        var projects = new ProjectReader(database, new AgentAuthorizations(database, _clock), _clock, Calendars);
        foreach (var row in paged)
        {
            var project = await projects.GetAsync(Actor.System, row.Project.Id, Ct);
            var task = project.Tasks.Single(t => t.Id == row.Task.Id);
            Assert.Equal(deadlines.EffectOfExtension(project, task, row.Extension.WorkingDays),
                deadlines.EffectOfExtension(row.Project, row.Task, row.Extension.WorkingDays, row.StepExtensionWorkingDays));
            Assert.Equal((project.ProjectCode, project.ProjectName, project.Status, task.Title, task.DueOn, task.WarnOn, task.Status),
                (row.Project.ProjectCode, row.Project.ProjectName, row.Project.Status, row.Task.Title, row.Task.DueOn, row.Task.WarnOn, row.Task.Status));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PageRequest.MaxSize + 1)]
    public void A_page_size_outside_the_range_is_refused_on_size(int size)
    {
        var refused = Assert.Throws<InvalidInputException>(() => new PageRequest(size));
        Assert.Equal("size", refused.Field);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("cXVldWUfMR8y")]
    [InlineData("AAAA")]
    public async Task A_broken_cursor_or_one_of_another_list_is_refused_on_cursor(string cursor)
    {
        var database = await SeededAsync();
        var reader = Reader(database);
        var queueCursor = (await reader.IntakeQueueAsync(new PageRequest(1), Ct)).NextCursor!;

        var broken = await Assert.ThrowsAsync<InvalidInputException>(() => reader.OpenTasksAsync(new TaskQuery("taxation"), new PageRequest(5, cursor), ct: Ct));
        var foreign = await Assert.ThrowsAsync<InvalidInputException>(() => reader.OpenTasksAsync(new TaskQuery("taxation"), new PageRequest(5, queueCursor), ct: Ct));
        var queue = await Assert.ThrowsAsync<InvalidInputException>(() => reader.IntakeQueueAsync(new PageRequest(5, cursor), Ct));
        var extensions = await Assert.ThrowsAsync<InvalidInputException>(() => reader.PendingExtensionsAsync(new PageRequest(5, queueCursor), Ct));

        Assert.Equal(["cursor", "cursor", "cursor", "cursor"], new[] { broken.Field, foreign.Field, queue.Field, extensions.Field });
    }

    // Today's computation: whole running projects with their tasks, open department work soonest due first.
    private async Task<List<(WorkTask Task, ProjectInstance Project)>> InMemoryOpenWorkAsync(ApprovalDatabase database, bool runningOnly)
    {
        await using var db = database.CreateContext();
        var projects = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(db.Instances, i => i.Tasks), Ct);
        return projects.Where(p => !runningOnly || p.Status == InstanceStatus.Running)
            .SelectMany(p => p.Tasks.Where(t => t.IsOpen && t.Kind != TaskKind.ApplicantCorrection && t.DepartmentId is not null).Select(t => (t, p)))
            .ToList();
    }

    private static async Task<List<T>> AllPagesAsync<T>(Func<string?, Task<Page<T>>> read, string? after = null)
    {
        var all = new List<T>();
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await read(after);
            all.AddRange(page.Items);
            if (page.NextCursor is null) return all;
            Assert.NotEmpty(page.Items);
            after = page.NextCursor;
        }
        throw new InvalidOperationException("More than 100 pages: the cursor does not advance.");
    }

    /// <summary>
    /// 60 projects: running ones due from 20 days ago to 40 days ahead (some with clock stops open, ahead or past),
    /// filed, completed and rejected ones; tasks of four departments in every state, every kind, some sharing due days.
    /// </summary>
    private async Task<ApprovalDatabase> SeededAsync()
    {
        var database = await MigratedAsync();
        var random = new Random(16);
        var projects = new List<ProjectInstance>();
        for (var n = 0; n < 60; n++)
        {
            var status = (n % 10) switch { 0 or 1 => InstanceStatus.Filed, 2 => InstanceStatus.Completed, 3 => InstanceStatus.Rejected, _ => InstanceStatus.Running };
            var due = status == InstanceStatus.Filed ? (LocalDate?)null : Today.PlusDays(random.Next(-20, 40));
            var tasks = new List<WorkTask>();
            if (status != InstanceStatus.Filed)
                for (var k = 0; k < 4; k++)
                {
                    var taskDue = Today.PlusDays(random.Next(-8, 12));
                    var taskStatus = k == 3 ? TaskStatus.Done : random.Next(5) == 0 ? TaskStatus.Suspended : TaskStatus.Open;
                    if (status != InstanceStatus.Running) taskStatus = TaskStatus.Done;
                    tasks.Add(Task(Guid.Empty, Departments[random.Next(Departments.Length)], taskStatus, taskDue,
                        random.Next(4) == 0 ? null : taskDue.PlusDays(-random.Next(0, 4)),
                        kind: n % 7 == 0 && k == 0 ? TaskKind.ApplicantCorrection : (TaskKind)random.Next(0, 3)));
                }
            var project = Project(status, due, [.. tasks]);
            project.InvestorId = n % 3 == 0 ? "investor-2" : "investor-1";
            project.FiledAt = Instant.FromUtc(2024, 9, 1, 0, 0) + Duration.FromHours(n % 20 * 7);
            project.DefinitionId = n % 4 == 0 ? "real-estate-registration" : "industrial-construction-permit";
            if (status == InstanceStatus.Running && n % 5 == 0)
                project.ClockStops.Add(new ClockStop
                {
                    Id = Guid.NewGuid(), InstanceId = project.Id, ActivityId = "parallel-approvals", Reason = ClockStopReason.ExpertReview,
                    Notice = "专家评审", StartsOn = Today.PlusDays(-3), ExpectedWorkingDays = 10,
                    ResumesOn = n % 10 == 5 ? null : Today.PlusDays(n % 3 == 0 ? -1 : 5), RequestedBy = "approver", RequestedAt = project.FiledAt,
                });
            projects.Add(project);
        }
        foreach (var project in projects) await SaveAsync(database, project);
        // Rows written round the engine: their tallies are built from them, as on an upgraded database.
        await new TallyCompaction(database, Calendars).RebuildAsync(Ct);
        return database;
    }

    private static WorkTask Task(Guid instance, string department, TaskStatus status, LocalDate? due, LocalDate? warn,
        TaskKind kind = TaskKind.MatterDecision) => new()
    {
        Id = Guid.NewGuid(), InstanceId = instance, ActivityId = "parallel-approvals", Kind = kind, DepartmentId = department,
        MatterCode = "SCJG-001", Title = "事项", Status = status, OpenedOn = Today.PlusDays(-10), LimitWorkingDays = 10, DueOn = due, WarnOn = warn,
        Outcome = status == TaskStatus.Done ? "approved" : null,
    };

    private static ProjectInstance Project(InstanceStatus status, LocalDate? due, params WorkTask[] tasks)
    {
        var id = Guid.NewGuid();
        foreach (var task in tasks) task.InstanceId = id;
        return new ProjectInstance
        {
            Id = id, DefinitionId = "industrial-construction-permit", DefinitionVersion = 1, ProjectName = $"项目 {id:N}"[..12],
            InvestorId = "investor-1", InvestorName = "某公司", Status = status, CurrentActivityId = "parallel-approvals",
            FiledAt = Instant.FromUtc(2024, 9, 1, 0, 0), AcceptedOn = status == InstanceStatus.Filed ? null : Today.PlusDays(-40),
            TargetWorkingDays = 50, DueOn = due, EndedAt = status is InstanceStatus.Completed or InstanceStatus.Rejected ? Instant.FromUtc(2024, 10, 1, 0, 0) : null,
            Tasks = [.. tasks],
        };
    }

    private static async Task SaveAsync(ApprovalDatabase database, ProjectInstance instance)
    {
        await using var db = database.CreateContext();
        db.Instances.Add(instance);
        await db.SaveSeedAsync(Ct);
    }
}

/// <summary><see cref="ListReaderTests"/> on a SQLite file.</summary>
public sealed class SqliteListReaderTests() : ListReaderTests(TestStore.Sqlite);

/// <summary><see cref="ListReaderTests"/> on a PostgreSQL database of each test's own.</summary>
public sealed class PostgresListReaderTests() : ListReaderTests(TestStore.Postgres);
