namespace Approval.Web.Api;

/// <summary>TODO: being written.</summary>
public static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder routes) => routes;
}
