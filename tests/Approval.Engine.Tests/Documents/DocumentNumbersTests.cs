using Approval.Engine.Documents;
using Approval.Engine.Persistence;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Engine.Tests.Documents;

/// <summary>Document numbers (文号): one per document, kept on reprint, never given twice, even numbered concurrently.</summary>
public sealed class DocumentNumbersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly LocalDate Day = new(2026, 3, 2);

    [Fact]
    public async Task A_number_is_prefix_kind_year_and_sequence()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 3, 2, 9));
        var numbers = h.Services.GetRequiredService<DocumentNumbers>();

        var first = await numbers.NumberAsync(Guid.NewGuid(), DocumentKind.Receipt, 3, Day, Ct);
        var second = await numbers.NumberAsync(Guid.NewGuid(), DocumentKind.Receipt, 3, Day, Ct);
        var notice = await numbers.NumberAsync(Guid.NewGuid(), DocumentKind.OneTimeNotice, 2, Day, Ct);

        Assert.Equal("宁政务受〔2026〕1号", first.Number);
        Assert.Equal("宁政务受〔2026〕2号", second.Number);
        Assert.Equal("宁政务告〔2026〕1号", notice.Number);
    }

    [Fact]
    public async Task The_prefix_is_configuration_and_numbers_each_prefix_on_its_own()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 3, 2, 9));
        var database = h.Services.GetRequiredService<ApprovalDatabase>();
        var suzhou = new DocumentNumbers(database, new DocumentOptions { Prefix = "苏政务" }, SystemClock.Instance);

        var document = await suzhou.NumberAsync(Guid.NewGuid(), DocumentKind.Receipt, 1, Day, Ct);

        Assert.Equal("苏政务受〔2026〕1号", document.Number);
        Assert.Throws<InvalidInputException>(() => new DocumentOptions { Prefix = " " }.Validate());
    }

    [Fact]
    public async Task A_document_printed_again_keeps_its_number()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 3, 2, 9));
        var numbers = h.Services.GetRequiredService<DocumentNumbers>();
        var id = Guid.NewGuid();

        var first = await numbers.NumberAsync(id, DocumentKind.Refusal, 4, Day, Ct);
        var again = await numbers.NumberAsync(id, DocumentKind.Refusal, 4, Day.PlusDays(30), Ct);
        var laterOccasion = await numbers.NumberAsync(id, DocumentKind.Refusal, 9, Day, Ct);

        Assert.Equal(first.Number, again.Number);
        Assert.Equal(Day, again.IssuedOn);
        Assert.NotEqual(first.Number, laterOccasion.Number);
    }

    [Fact]
    public async Task Concurrent_numbering_on_sqlite_gives_distinct_numbers_and_one_per_document() =>
        await NumberConcurrentlyAsync(await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 3, 2, 9)), null);

    [Fact]
    public async Task Concurrent_numbering_on_two_postgres_nodes_gives_distinct_numbers_and_one_per_document()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 3, 2, 9), pg.ConnectionString);
        // A second node: its own database object (no shared in-process gate), the same PostgreSQL database.
        await using var other = new ApprovalDatabase(pg.Options);
        await NumberConcurrentlyAsync(h, new DocumentNumbers(other, new DocumentOptions(), SystemClock.Instance));
    }

    private static async Task NumberConcurrentlyAsync(EngineHarness h, DocumentNumbers? secondNode)
    {
        await using var _ = h;
        var first = h.Services.GetRequiredService<DocumentNumbers>();
        var nodes = new[] { first, secondNode ?? first };
        var projects = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();

        // Each project's receipt is asked for twice at once (once per node), all projects at the same time.
        var issued = await Task.WhenAll(projects.SelectMany(p => nodes.Select(n => Task.Run(() =>
            n.NumberAsync(p, DocumentKind.Receipt, 1, Day, Ct), Ct))));

        var perProject = issued.GroupBy(d => d.InstanceId).ToList();
        Assert.All(perProject, g => Assert.Single(g.Select(d => d.Sequence).Distinct()));
        Assert.Equal(Enumerable.Range(1, projects.Count), perProject.Select(g => g.First().Sequence).Order());
    }
}
