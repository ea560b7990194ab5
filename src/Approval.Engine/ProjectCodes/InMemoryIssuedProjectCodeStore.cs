using System.Collections.Concurrent;
using NodaTime;

namespace Approval.Engine.ProjectCodes;

/// <summary>A thread-safe, process-local record of locally issued codes (本地赋码), for tests and demonstrations.</summary>
/// <remarks>Forgets everything on restart, so it cannot keep codes unique in production; the database store does that.</remarks>
public sealed class InMemoryIssuedProjectCodeStore : IIssuedProjectCodeStore
{
    private readonly ConcurrentDictionary<ProjectCode, Instant> _issued = new();

    /// <summary>How many codes have been reserved.</summary>
    public int Count => _issued.Count;

    /// <inheritdoc/>
    public Task<bool> TryReserveAsync(ProjectCode code, Instant issuedAt, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (code.IsEmpty) throw new ArgumentException("default(ProjectCode) is not a code and cannot be reserved.", nameof(code));
        return Task.FromResult(_issued.TryAdd(code, issuedAt));
    }

    /// <inheritdoc/>
    public Task<bool> IsLocallyIssuedAsync(ProjectCode code, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(_issued.ContainsKey(code));
    }

    /// <summary>When <paramref name="code"/> was issued, if it was issued here.</summary>
    public bool TryGetIssuedAt(ProjectCode code, out Instant issuedAt) => _issued.TryGetValue(code, out issuedAt);
}
