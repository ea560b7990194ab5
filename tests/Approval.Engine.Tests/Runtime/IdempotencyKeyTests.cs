using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// An operation id means one request: the same id with the same request answers the first result, with another request
/// (another decision, another body, another target) it is refused and changes nothing — on both providers, with the
/// engine's kept projects on and off.
/// </summary>
public sealed class IdempotencyKeyTests
{
    private const string Definition = "enterprise-establishment";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> Stores => new() { { "sqlite", 2000 }, { "sqlite", 0 }, { "postgres", 2000 }, { "postgres", 0 } };

    [Theory, MemberData(nameof(Stores))]
    public async Task The_same_key_and_decision_again_answers_the_first_result(string store, int keptProjects)
    {
        await using var s = await StoreAsync(store, keptProjects);
        var (_, licence) = await LicenceAsync(s.Harness);

        var first = await s.Harness.Engine.ExecuteAsync(Approve("key-1", licence), Ct);
        var again = await s.Harness.Engine.ExecuteAsync(Approve("key-1", licence) with { Reasons = "  准予登记  ".Trim() }, Ct);

        Assert.False(first.Replayed);
        Assert.Equal(first with { Replayed = true }, again);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Rejecting_with_the_key_of_an_approval_is_refused_and_changes_nothing(string store, int keptProjects)
    {
        await using var s = await StoreAsync(store, keptProjects);
        var (project, licence) = await LicenceAsync(s.Harness);
        await s.Harness.Engine.ExecuteAsync(Approve("key-1", licence), Ct);
        var before = await s.Harness.JournalAsync(project);

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => s.Harness.Engine.ExecuteAsync(
            new DecideMatter("key-1", Approver, licence.Id, MatterDecision.Reject, "材料不符", []), Ct));

        Assert.Equal(before.Count, (await s.Harness.JournalAsync(project)).Count);
        Assert.Equal(Activities.Outcomes.Approved, (await s.Harness.LoadAsync(project)).Tasks.Single(t => t.Id == licence.Id).Outcome);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Approving_again_with_other_reasons_under_the_same_key_is_refused(string store, int keptProjects)
    {
        await using var s = await StoreAsync(store, keptProjects);
        var (_, licence) = await LicenceAsync(s.Harness);
        await s.Harness.Engine.ExecuteAsync(Approve("key-1", licence), Ct);

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() =>
            s.Harness.Engine.ExecuteAsync(Approve("key-1", licence) with { Reasons = "同意，另附条件" }, Ct));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_filing_with_another_project_name_under_the_same_key_is_refused(string store, int keptProjects)
    {
        await using var s = await StoreAsync(store, keptProjects);
        var filing = Filing(s.Harness, "filing-1", "年产10万吨新材料项目");
        await s.Harness.Engine.ExecuteAsync(filing, Ct);

        var same = await s.Harness.Engine.ExecuteAsync(filing, Ct);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => s.Harness.Engine.ExecuteAsync(Filing(s.Harness, "filing-1", "另一个项目"), Ct));

        Assert.True(same.Replayed);
        await using var db = s.Harness.Database.CreateContext();
        Assert.Equal(1, await db.Instances.CountAsync(Ct));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_approval_and_a_rejection_sent_at_once_under_one_key_apply_one_and_refuse_the_other(string store, int keptProjects)
    {
        await using var s = await StoreAsync(store, keptProjects);
        var (project, licence) = await LicenceAsync(s.Harness);
        using var start = new ManualResetEventSlim();
        var sends = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.Wait(Ct);
            var decision = i % 2 == 0
                ? Approve("key-at-once", licence)
                : new DecideMatter("key-at-once", Approver, licence.Id, MatterDecision.Reject, "材料不符", []);
            try
            {
                return (Decision: decision.Decision, Result: (CommandResult?)await s.Harness.Engine.ExecuteAsync(decision, Ct));
            }
            catch (IdempotencyKeyReusedException)
            {
                return (decision.Decision, null);
            }
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(sends);

        var applied = Assert.Single(answers, a => a.Result is { Replayed: false });
        Assert.All(answers.Where(a => a.Decision == applied.Decision), a => Assert.NotNull(a.Result));
        Assert.All(answers.Where(a => a.Decision != applied.Decision), a => Assert.Null(a.Result));
        Assert.Single(await s.Harness.JournalAsync(project), j => j.Event == "TaskDecided" && j.TaskId == licence.Id);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_operation_stored_before_fingerprints_still_answers_its_retry(string store, int keptProjects)
    {
        await using var s = await StoreAsync(store, keptProjects);
        var (_, licence) = await LicenceAsync(s.Harness);
        var first = await s.Harness.Engine.ExecuteAsync(Approve("key-old", licence), Ct);
        await using (var db = s.Harness.Database.CreateContext())
            await db.Operations.Where(o => o.OperationId == "key-old").ExecuteUpdateAsync(o => o.SetProperty(x => x.RequestFingerprint, (string?)null), Ct);

        var again = await s.Harness.Engine.ExecuteAsync(Approve("key-old", licence), Ct);

        Assert.Equal(first with { Replayed = true }, again);
    }

    [Fact]
    public void The_fingerprint_covers_every_value_of_the_command_but_not_who_sent_it_or_its_key()
    {
        var task = Guid.NewGuid();
        var approve = new DecideMatter("a", Approver, task, MatterDecision.Approve, "同意", ["x"]);

        Assert.Equal(RequestFingerprint.Of(approve), RequestFingerprint.Of(approve with { OperationId = "b", Actor = Approver with { DisplayName = "张" } }));
        Assert.NotEqual(RequestFingerprint.Of(approve), RequestFingerprint.Of(approve with { Items = ["y"] }));
        Assert.NotEqual(RequestFingerprint.Of(approve), RequestFingerprint.Of(approve with { TaskId = Guid.NewGuid() }));
        Assert.NotEqual(RequestFingerprint.Of(new ResumeClock("a", Approver, task, new NodaTime.LocalDate(2024, 10, 8))),
            RequestFingerprint.Of(new ResumeClock("a", Approver, task, new NodaTime.LocalDate(2024, 10, 9))));
        Assert.Matches("^[0-9a-f]{64}$", RequestFingerprint.Of(approve));
    }

    private static readonly Actor Approver = EngineHarness.Approver("market-regulation");

    private static DecideMatter Approve(string key, WorkTask task) => new(key, Approver, task.Id, MatterDecision.Approve, "准予登记", []);

    private static FileApplication Filing(EngineHarness h, string key, string name) => new(key, EngineHarness.Agent, Definition,
        new ProjectDetails(name, EngineHarness.Investor.UserId, "某某新材料有限公司", "320193", "C26", 100m, null, "张伟", "13812345678"),
        [.. h.Engine.Catalog.Latest(Definition).Intake.Materials.Select(m => m.Code)]);

    private static async Task<(Guid Project, WorkTask Licence)> LicenceAsync(EngineHarness h)
    {
        var project = await h.FileAndAcceptAsync(Definition);
        return (project, Assert.Single(await h.OpenTasksAsync(project)));
    }

    private static async Task<Store> StoreAsync(string store, int keptProjects)
    {
        var pg = store == "postgres" ? await PostgresDatabase.CreateAsync(Ct) : null;
        var harness = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 11, 4, 9), pg?.ConnectionString,
            setup => setup.Engine.AggregateCacheSize = keptProjects);
        return new Store(harness, pg);
    }

    private sealed record Store(EngineHarness Harness, PostgresDatabase? Postgres) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Harness.DisposeAsync();
            if (Postgres is not null) await Postgres.DisposeAsync();
        }
    }
}
