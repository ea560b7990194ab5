namespace Approval.Web.Api;

/// <summary>TODO: being written.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder routes) => routes;
}
