using NodaTime;

namespace Approval.Engine.ProjectCodes;

/// <summary>The record of codes this installation issued itself (本地赋码), which makes them unique and recognisable.</summary>
public interface IIssuedProjectCodeStore
{
    /// <summary>Records <paramref name="code"/> as issued at <paramref name="issuedAt"/>; false if it is already recorded.</summary>
    /// <remarks>Must be atomic: of two callers reserving the same code at once, exactly one gets true.</remarks>
    Task<bool> TryReserveAsync(ProjectCode code, Instant issuedAt, CancellationToken ct);

    /// <summary>True when <paramref name="code"/> was issued here rather than by the national platform.</summary>
    Task<bool> IsLocallyIssuedAsync(ProjectCode code, CancellationToken ct);
}
