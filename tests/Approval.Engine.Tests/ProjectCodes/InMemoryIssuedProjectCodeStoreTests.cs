using Approval.Engine.ProjectCodes;
using NodaTime;

namespace Approval.Engine.Tests.ProjectCodes;

public class InMemoryIssuedProjectCodeStoreTests
{
    private static readonly ProjectCode Code = ProjectCode.Parse("2509-320193-99-01-123458");
    private static readonly Instant At = Instant.FromUtc(2025, 9, 15, 1, 0);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Second_reservation_of_the_same_code_is_refused()
    {
        var store = new InMemoryIssuedProjectCodeStore();

        var first = await store.TryReserveAsync(Code, At, Ct);
        var second = await store.TryReserveAsync(ProjectCode.Parse("２５０９－320193-99-01-123458"), At, Ct);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_code_succeed_exactly_once()
    {
        var store = new InMemoryIssuedProjectCodeStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => store.TryReserveAsync(Code, At, Ct), Ct)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Code_not_reserved_is_not_locally_issued()
    {
        var store = new InMemoryIssuedProjectCodeStore();

        Assert.False(await store.IsLocallyIssuedAsync(ProjectCode.Parse("2509-320193-89-01-544060"), Ct));
    }

    [Fact]
    public async Task Empty_code_cannot_be_reserved()
    {
        var store = new InMemoryIssuedProjectCodeStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryReserveAsync(default, At, Ct));
    }
}
