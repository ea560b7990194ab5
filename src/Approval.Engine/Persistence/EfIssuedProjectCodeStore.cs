using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Persistence;

/// <summary>Keeps locally issued project codes in the database; its key is what makes them unique.</summary>
public sealed class EfIssuedProjectCodeStore(ApprovalDatabase database) : IIssuedProjectCodeStore
{
    public async Task<bool> TryReserveAsync(ProjectCode code, Instant issuedAt, CancellationToken ct)
    {
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        db.IssuedProjectCodes.Add(new IssuedProjectCode { Code = code.Value, IssuedAt = issuedAt });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ApprovalDatabase.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<bool> IsLocallyIssuedAsync(ProjectCode code, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await db.IssuedProjectCodes.AnyAsync(c => c.Code == code.Value, ct);
    }
}
