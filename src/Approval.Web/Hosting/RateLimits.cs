using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Hosting;

/// <summary>
/// The rate-limiting policies (ASP.NET Core's rate limiter), counted per client address (<see cref="ClientAddress"/>).
/// A refused request is a 429 problem with <c>Retry-After</c> in seconds.
/// </summary>
public static class RateLimits
{
    /// <summary>Public tracking: <c>Approval:Tracking:PermitsPerMinute</c> look-ups per address and minute (30).</summary>
    public const string Tracking = "tracking";

    public static WebApplicationBuilder AddApprovalRateLimits(this WebApplicationBuilder builder)
    {
        var tracking = builder.Configuration.GetSection("Approval:Tracking");
        builder.Services.AddSingleton(new TrackingMisses(tracking.GetValue("MissesPerHour", 10)));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)) http.Response.Headers.RetryAfter = Seconds(wait);
                // A browser gets the Chinese 429 page (the status code pages re-execute an empty answer).
                if (Components.PageHosting.WantsPage(http)) return;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = "Too many requests.", Detail = "Try again after the time in Retry-After." },
                });
            };
            // Tracking is public: a per-client budget makes guessing codes and keys impractical.
            o.AddPolicy(Tracking, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = tracking.GetValue("PermitsPerMinute", 30), Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>A <c>Retry-After</c> value: whole seconds, rounded up, at least one.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Failed tracking look-ups (a wrong code or query key) per client address and hour — a budget much tighter than
/// the look-ups themselves, because only a guesser fails often. <c>Approval:Tracking:MissesPerHour</c> (10).
/// </summary>
public sealed class TrackingMisses(int missesPerHour) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _misses = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = missesPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0,
        }));

    /// <summary>Null when the address may look up again, else how long it must wait.</summary>
    public TimeSpan? Wait(string address)
    {
        using var lease = _misses.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromHours(1);
    }

    public void Record(string address) => _misses.AttemptAcquire(address).Dispose();

    public void Dispose() => _misses.Dispose();
}
