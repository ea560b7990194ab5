namespace Approval.Web.Api;

/// <summary>TODO: being written.</summary>
public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder routes) => routes;
}
