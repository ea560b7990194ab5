namespace Approval.Web.Api;

/// <summary>TODO: being written.</summary>
public static class IntakeApi
{
    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder routes) => routes;
}
