using Approval.Engine.Runtime;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>Granting an authorisation (委托) under an id the caller chose: a repeated form post grants once.</summary>
public sealed class AuthorisationGrantTests
{
    private static readonly Actor Investor = new("investor-9", ActorRole.Investor);

    [Fact]
    public async Task Granting_twice_under_the_same_id_keeps_one_authorisation_on_sqlite()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        await GrantTwiceAsync(h);
    }

    [Fact]
    public async Task Granting_twice_under_the_same_id_keeps_one_authorisation_on_postgres()
    {
        await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9), pg.ConnectionString);
        await GrantTwiceAsync(h);
    }

    [Fact]
    public async Task An_id_already_used_for_another_agent_is_a_conflict()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var authorisations = h.Services.GetRequiredService<AgentAuthorizations>();
        var id = Guid.NewGuid();
        await authorisations.GrantAsync(Investor, Investor.UserId, "某公司", "agent-a", new LocalDate(2024, 5, 6), new LocalDate(2024, 12, 31), id: id);

        await Assert.ThrowsAsync<ConflictException>(() =>
            authorisations.GrantAsync(Investor, Investor.UserId, "某公司", "agent-b", new LocalDate(2024, 5, 6), new LocalDate(2024, 12, 31), id: id));
        Assert.Equal(["agent-a"], (await authorisations.ListAsync(Investor)).Select(a => a.AgentId));
    }

    private static async Task GrantTwiceAsync(EngineHarness h)
    {
        var authorisations = h.Services.GetRequiredService<AgentAuthorizations>();
        var id = Guid.NewGuid();
        var grants = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => authorisations.GrantAsync(Investor, Investor.UserId, "某公司",
            "agent-a", new LocalDate(2024, 5, 6), new LocalDate(2024, 12, 31), id: id)));

        Assert.All(grants, g => Assert.Equal(id, g.Id));
        var listed = Assert.Single(await authorisations.ListAsync(Investor));
        Assert.Equal(id, listed.Id);
    }
}
