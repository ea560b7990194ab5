using Approval.Engine.ProjectCodes;
using NodaTime;

namespace Approval.Engine.Tests.ProjectCodes;

/// <summary>A store that reports the first <c>refusals</c> reservations as collisions, then behaves normally.</summary>
internal sealed class RefusingStore(int refusals) : IIssuedProjectCodeStore
{
    private readonly InMemoryIssuedProjectCodeStore _inner = new();
    private int _attempts;

    public int Attempts => _attempts;

    public Task<bool> TryReserveAsync(ProjectCode code, Instant issuedAt, CancellationToken ct) =>
        Interlocked.Increment(ref _attempts) <= refusals ? Task.FromResult(false) : _inner.TryReserveAsync(code, issuedAt, ct);

    public Task<bool> IsLocallyIssuedAsync(ProjectCode code, CancellationToken ct) => _inner.IsLocallyIssuedAsync(code, ct);
}
