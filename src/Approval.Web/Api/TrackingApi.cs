namespace Approval.Web.Api;

/// <summary>TODO: being written.</summary>
public static class TrackingApi
{
    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder routes) => routes;
}
