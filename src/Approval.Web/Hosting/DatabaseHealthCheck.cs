using Approval.Engine.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.Web.Hosting;

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(ApprovalDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy($"{database.Provider} answers")
            : HealthCheckResult.Unhealthy($"{database.Provider} does not answer");
    }
}
