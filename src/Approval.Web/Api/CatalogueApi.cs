namespace Approval.Web.Api;

/// <summary>TODO: being written.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder routes) => routes;
}
