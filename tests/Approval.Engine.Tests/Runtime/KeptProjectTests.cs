using System.Globalization;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// Commands that start from the project as the engine last saved it (<see cref="AggregateCache"/>) instead of reading
/// it back: they see exactly what a load would read, and a project changed elsewhere or a replayed operation is
/// caught by the save and answered from the database.
/// </summary>
public sealed class KeptProjectTests
{
    private const string Definition = "enterprise-establishment";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_sqlite_every_command_starts_from_what_a_load_would_read() =>
        await EveryCommandStartsFromWhatALoadReadsAsync(await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10)));

    [Fact]
    public async Task On_postgres_every_command_starts_from_what_a_load_would_read()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        await EveryCommandStartsFromWhatALoadReadsAsync(await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), pg.ConnectionString));
    }

    [Fact]
    public async Task On_sqlite_a_project_changed_by_another_engine_is_read_again()
    {
        var directory = Path.Combine(Path.GetTempPath(), "approval-kept-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var a = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), sqliteDirectory: directory);
            await using var b = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), sqliteDirectory: directory);
            await ChangedElsewhereAsync(a, b);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task On_postgres_a_project_changed_by_another_engine_is_read_again()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        await using var a = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), pg.ConnectionString);
        await using var b = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), pg.ConnectionString);
        await ChangedElsewhereAsync(a, b);
    }

    [Fact]
    public async Task A_replayed_operation_on_a_kept_project_returns_the_first_result_and_changes_nothing()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAndAcceptAsync(Definition);
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        var command = new DecideMatter(h.NextOperation(), EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, "同意", []);
        var first = await h.Engine.ExecuteAsync(command, Ct);
        var state = await h.LoadAsync(id);
        Assert.True(h.Engine.Kept!.Holds(new AggregateKey(AggregateKeyKind.Instance, id)));

        var before = h.Engine.Kept.Outcomes;
        var again = await h.Engine.ExecuteAsync(command, Ct);

        Assert.Equal((before.Saved, before.FellBack + 1), h.Engine.Kept.Outcomes);
        Assert.True(again.Replayed);
        Assert.Equal(first with { Replayed = true }, again);
        var after = await h.LoadAsync(id);
        Assert.Equal((state.Version, state.JournalCount), (after.Version, after.JournalCount));
        Assert.Equal(state.JournalCount, (await h.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task A_command_naming_a_task_the_kept_project_does_not_hold_loads_it()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAsync("industrial-construction-permit");
        var accepted = await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        foreach (var opinion in accepted.OpenedTasks!)
            await h.RunAsync(op => new GiveOpinion(op, EngineHarness.Approver(opinion.DepartmentId!), opinion.TaskId, true, [], null));
        var done = accepted.OpenedTasks![0];
        // Pre-review is over and its tasks are done: a load reads one only when a command names it.
        Assert.False(h.Engine.Kept!.Holds(new AggregateKey(AggregateKeyKind.Task, done.TaskId)));
        Assert.True(h.Engine.Kept.Holds(new AggregateKey(AggregateKeyKind.Instance, id)));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op =>
            new GiveOpinion(op, EngineHarness.Approver(done.DepartmentId!), done.TaskId, true, [], "再次")));

        Assert.Contains("does not take", refused.Message);
    }

    [Fact]
    public async Task A_kept_project_is_copied_for_each_command()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAndAcceptAsync(Definition);
        var key = new AggregateKey(AggregateKeyKind.Instance, id);
        await using var one = h.Database.CreateContext();
        await using var two = h.Database.CreateContext();

        var first = h.Engine.Kept!.Take(one, key)!;
        first.SubmittedMaterials.Add("changed-in-place");
        first.Tasks[0].Items.Add("changed-in-place");
        first.Tasks.Clear();
        var second = h.Engine.Kept.Take(two, key)!;

        Assert.DoesNotContain("changed-in-place", second.SubmittedMaterials);
        Assert.NotEmpty(second.Tasks);
        Assert.All(second.Tasks, t => Assert.DoesNotContain("changed-in-place", t.Items));
        Assert.All(two.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
    }

    [Fact]
    public async Task With_the_cache_off_commands_load_every_time()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), configure: s => s.Engine.AggregateCacheSize = 0);
        var id = await h.FileAndAcceptAsync(Definition);
        foreach (var task in await h.OpenTasksAsync(id))
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "同意", []));

        Assert.Null(h.Engine.Kept);
        Assert.Equal(InstanceStatus.Running, (await h.LoadAsync(id)).Status);
        Assert.NotEmpty(await h.OpenTasksAsync(id));
    }

    [Theory]
    [InlineData(nameof(EngineOptions.AggregateCacheSize), -1)]
    [InlineData(nameof(EngineOptions.MaxConflictRetries), 0)]
    public void An_engine_setting_out_of_range_is_refused_at_start_naming_it(string setting, int value)
    {
        var failed = Assert.Throws<InvalidInputException>(() =>
            new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddApprovalEngine(s =>
            {
                if (setting == nameof(EngineOptions.AggregateCacheSize)) s.Engine.AggregateCacheSize = value;
                else s.Engine.MaxConflictRetries = value;
            }));

        Assert.Equal(setting, failed.Field);
        Assert.Contains(value.ToString(CultureInfo.InvariantCulture), failed.Message);
    }

    [Fact]
    public void The_cache_keeps_the_most_recently_used_projects_up_to_its_size()
    {
        var cache = new AggregateCache(10);
        var projects = Enumerable.Range(0, 25).Select(_ => Project()).ToList();
        foreach (var project in projects) cache.Keep(project);

        Assert.InRange(cache.Count, 1, 10);
        Assert.True(cache.Holds(new AggregateKey(AggregateKeyKind.Instance, projects[^1].Id)));
        Assert.True(cache.Holds(new AggregateKey(AggregateKeyKind.Task, projects[^1].Tasks[0].Id)));
        Assert.False(cache.Holds(new AggregateKey(AggregateKeyKind.Instance, projects[0].Id)));
        Assert.False(cache.Holds(new AggregateKey(AggregateKeyKind.Task, projects[0].Tasks[0].Id)));
    }

    [Fact]
    public void An_older_version_never_replaces_a_newer_one()
    {
        var cache = new AggregateCache(10);
        var newer = Project(version: 5);
        var older = Project(version: 4, id: newer.Id);
        cache.Keep(newer);
        cache.Keep(older);

        Assert.True(cache.Holds(new AggregateKey(AggregateKeyKind.Task, newer.Tasks[0].Id)));
        Assert.False(cache.Holds(new AggregateKey(AggregateKeyKind.Task, older.Tasks[0].Id)));
    }

    /// <summary>
    /// Opens the three parallel matters of an enterprise establishment and takes one of them through a clock stop,
    /// a resumption and an extension; after every command, the kept project must be row for row what a load reads.
    /// </summary>
    private static async Task EveryCommandStartsFromWhatALoadReadsAsync(EngineHarness h)
    {
        await using var _ = h;
        // A clock as a real one reads, finer than the microsecond PostgreSQL keeps.
        h.Clock.Advance(NodaTime.Duration.FromTicks(1_234_567));
        var id = await h.FileAsync(Definition);
        await AssertKeptAsLoadedAsync(h, id);
        await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        await AssertKeptAsLoadedAsync(h, id);
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, "同意", []));
        await AssertKeptAsLoadedAsync(h, id);

        var matters = await h.OpenTasksAsync(id);
        var held = matters[0];
        var approver = EngineHarness.Approver(held.DepartmentId!);
        var before = h.Engine.Kept!.Outcomes;
        await h.RunAsync(op => new StopClock(op, approver, held.Id, ClockStopReason.ExpertReview, "需组织专家评审", 2));
        Assert.Equal((before.Saved + 1, before.FellBack), h.Engine.Kept.Outcomes);
        await AssertKeptAsLoadedAsync(h, id);
        h.SetDate(h.Today.PlusDays(1));
        await h.RunAsync(op => new ResumeClock(op, approver, held.Id, null));
        await AssertKeptAsLoadedAsync(h, id);
        var requested = await h.RunAsync(op => new RequestExtension(op, approver, held.Id, 2, "需补充现场核查"));
        await AssertKeptAsLoadedAsync(h, id);
        await h.RunAsync(op => new DecideExtension(op, EngineHarness.Supervisor, requested.ExtensionId!.Value, true, "同意延期"));
        await AssertKeptAsLoadedAsync(h, id);
        foreach (var matter in matters)
        {
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(matter.DepartmentId!), matter.Id, MatterDecision.Approve, "同意", []));
            await AssertKeptAsLoadedAsync(h, id);
        }
        var issued = await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, id));

        Assert.Equal(InstanceStatus.Completed, issued.Status);
        var journal = await h.JournalAsync(id);
        Assert.Equal(Enumerable.Range(1, journal.Count), journal.Select(j => j.Sequence));
    }

    /// <summary>Engine A keeps a project, engine B changes it, then A acts on it again: nothing is lost or counted twice.</summary>
    private static async Task ChangedElsewhereAsync(EngineHarness a, EngineHarness b)
    {
        var id = await a.FileAndAcceptAsync(Definition);
        var licence = Assert.Single(await a.OpenTasksAsync(id));
        await a.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, "同意", []));
        var matters = await a.OpenTasksAsync(id);
        Assert.True(a.Engine.Kept!.Holds(new AggregateKey(AggregateKeyKind.Task, matters[1].Id)));
        var keptVersion = (await a.LoadAsync(id)).Version;

        await b.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(matters[0].DepartmentId!), matters[0].Id, MatterDecision.Approve, "同意", []));
        var before = a.Engine.Kept.Outcomes;
        await a.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(matters[1].DepartmentId!), matters[1].Id, MatterDecision.Approve, "同意", []));

        // A began from what it kept, the save refused it, and the command ran again from the database.
        Assert.Equal((before.Saved, before.FellBack + 1), a.Engine.Kept.Outcomes);

        var project = await a.LoadAsync(id);
        Assert.Equal(keptVersion + 2, project.Version);
        Assert.All(matters.Take(2), m => Assert.Equal(Engine.Runtime.TaskStatus.Done, project.Tasks.Single(t => t.Id == m.Id).Status));
        var journal = await a.JournalAsync(id);
        Assert.Equal(Enumerable.Range(1, journal.Count), journal.Select(j => j.Sequence));
        Assert.Equal(project.JournalCount, journal.Count);
        Assert.Single(journal, j => j.TaskId == matters[0].Id && j.Event == "TaskDecided");
        Assert.Single(journal, j => j.TaskId == matters[1].Id && j.Event == "TaskDecided");
        // A now keeps what it saved last, B's change included.
        await using var db = a.Database.CreateContext();
        var kept = a.Engine.Kept.Take(db, new AggregateKey(AggregateKeyKind.Instance, id))!;
        Assert.Equal(project.Version, kept.Version);
    }

    private static async Task AssertKeptAsLoadedAsync(EngineHarness h, Guid id)
    {
        var key = new AggregateKey(AggregateKeyKind.Instance, id);
        await using var fresh = h.Database.CreateContext();
        await using var kept = h.Database.CreateContext();
        var loaded = (await AggregateLoader.LoadAsync(fresh, "no-such-operation", key, Ct)).Instance!;
        var copy = h.Engine.Kept!.Take(kept, key);

        Assert.NotNull(copy);
        Assert.Equal(Rows(fresh, loaded), Rows(kept, copy));
        Assert.All(kept.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
    }

    /// <summary>Every mapped column of every row of the project, as the context tracks it.</summary>
    private static List<string> Rows(DbContext db, ProjectInstance project) =>
        new object[] { project }.Concat(project.Tasks).Concat(project.Timers).Concat(project.ClockStops).Concat(project.Extensions)
            .Select(e => db.Entry(e))
            .Select(entry => entry.Metadata.ClrType.Name + " " +
                string.Join("; ", entry.Properties.Select(p => $"{p.Metadata.Name}={Format(p.CurrentValue)}")))
            .Order(StringComparer.Ordinal).ToList();

    private static string Format(object? value) => value switch
    {
        null => "null",
        NodaTime.Instant instant => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant),
        // The same amount: 52000 as the filing gave it, 52000.0 as SQLite returns it (EF Core compares them equal too).
        decimal amount => (amount / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> list => "[" + string.Join(",", list) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static ProjectInstance Project(int version = 1, Guid? id = null)
    {
        var instanceId = id ?? Guid.NewGuid();
        return new ProjectInstance
        {
            Id = instanceId, Version = version, CurrentActivityId = "approvals", Status = InstanceStatus.Running,
            Tasks = [new WorkTask { Id = Guid.NewGuid(), InstanceId = instanceId, ActivityId = "approvals", Status = Engine.Runtime.TaskStatus.Open }],
        };
    }
}
