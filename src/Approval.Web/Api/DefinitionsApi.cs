namespace Approval.Web.Api;

/// <summary>TODO: being written.</summary>
public static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder routes) => routes;
}
