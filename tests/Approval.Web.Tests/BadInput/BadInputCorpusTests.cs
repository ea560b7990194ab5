using Approval.Testing.Persistence;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.BadInput;

/// <summary>Every operation, fed the bad-input corpus, answers 4xx naming no internal type — never 5xx — on both providers.</summary>
public sealed class BadInputCorpusTests
{
    // Tracking's budget would turn most of the corpus into 429s before it reached the handler.
    private static readonly Dictionary<string, string> Settings = new() { ["Approval:Tracking:PermitsPerMinute"] = "100000" };

    [Fact]
    public async Task On_sqlite_no_operation_answers_bad_input_with_a_server_error()
    {
        await using var factory = new ApprovalWebFactory { Settings = Settings };
        Assert.Empty(await new BadInputCorpus(factory).RunAsync());
    }

    [Fact]
    public async Task On_postgres_no_operation_answers_bad_input_with_a_server_error()
    {
        await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await using var factory = new ApprovalWebFactory { Postgres = pg.ConnectionString, Settings = Settings };
        Assert.Empty(await new BadInputCorpus(factory).RunAsync());
    }
}
