namespace Approval.Web.Hosting;

/// <summary>Names of the rate-limiting policies.</summary>
public static class RateLimits
{
    public const string Tracking = "tracking";
}
