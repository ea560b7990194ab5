using Approval.Engine;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

/// <summary>
/// What the public may read without signing in (政务公开): the matter catalogue (办事指南), the departments, and the
/// results of completed approvals, without personal data.
/// </summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        var catalogue = routes.MapGroup("/api/catalogue").WithTags("Catalogue").AllowAnonymous();
        catalogue.MapGet("/matters", Matters).WithSummary("The matter catalogue (办事指南), in catalogue order; filter by department")
            .ProducesValidationProblem();
        catalogue.MapGet("/matters/{code}", Matter).WithSummary("One matter's guide; 404 for an unknown code")
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalogue.MapGet("/departments", Departments).WithSummary("The departments and the matters each decides");
        routes.MapGroup("/api/disclosure").WithTags("Catalogue").AllowAnonymous()
            .MapGet("/", Disclosure)
            .WithSummary("Decided matters of ended projects (审批结果公开), newest first: project code and name, matter, decision, day, department")
            .WithDescription("`from`, `to` (days of the decision), `department` and `matter` filter; `limit` is an older name of `size`." +
                Paging.Description)
            .ProducesValidationProblem();
        return routes;
    }

    private static Ok<List<MatterGuideDto>> Matters(string? department, DefinitionCatalog catalog)
    {
        var departmentId = CatalogueNames.DepartmentFilter(department, catalog);
        return TypedResults.Ok(catalog.Matters.Where(m => departmentId is null || m.DepartmentId == departmentId)
            .Select(m => Guide(m, catalog)).ToList());
    }

    private static Ok<MatterGuideDto> Matter(string code, DefinitionCatalog catalog) =>
        TypedResults.Ok(Guide(catalog.Matters.FirstOrDefault(m => m.Code == code.Trim())
            ?? throw new NotFoundException($"Matter '{code}'"), catalog));

    private static Ok<List<DepartmentDto>> Departments(DefinitionCatalog catalog) =>
        TypedResults.Ok(catalog.Departments.Select(d => new DepartmentDto(d.Id, d.Name, d.ShortName,
            catalog.Matters.Where(m => m.DepartmentId == d.Id).Select(m => m.Code).ToList())).ToList());

    private static async Task<Ok<PageDto<DisclosureDto>>> Disclosure(string? from, string? to, string? department, string? matter,
        [System.ComponentModel.Description(Paging.Size)] string? size, [System.ComponentModel.Description(Paging.Cursor)] string? cursor,
        [System.ComponentModel.Description("An older name of `size`.")] string? limit, ProjectReader reader, DefinitionCatalog catalog, CancellationToken ct)
    {
        var first = string.IsNullOrWhiteSpace(from) ? (NodaTime.LocalDate?)null : ApiInput.Date(from, "from");
        var last = string.IsNullOrWhiteSpace(to) ? (NodaTime.LocalDate?)null : ApiInput.Date(to, "to");
        if (first > last) throw new InvalidInputException("to", $"Must not be before from ({first:yyyy-MM-dd}); given {last:yyyy-MM-dd}.");
        var departmentId = CatalogueNames.DepartmentFilter(department, catalog);
        var matterCode = string.IsNullOrWhiteSpace(matter) ? null : matter.Trim();
        var request = string.IsNullOrWhiteSpace(size) && !string.IsNullOrWhiteSpace(limit)
            ? new PageRequest(ApiInput.Int(limit, "limit", 1, PageRequest.MaxSize), cursor)
            : ApiInput.Page(size, cursor);
        var page = await reader.DisclosedAsync(new DisclosureFilter(first, last, departmentId, matterCode), request, ct);
        return TypedResults.Ok(PageDto<DisclosureDto>.From(page, r => new DisclosureDto(r.ProjectCode, r.ProjectName, r.MatterCode,
            CatalogueNames.Matter(r.MatterCode, catalog) ?? r.TaskTitle, Outcomes.Code(r.Outcome),
            r.DecidedOn, r.DepartmentId, CatalogueNames.Department(r.DepartmentId, catalog), Outcomes.Label(r.Outcome))));
    }

    private static MatterGuideDto Guide(Matter m, DefinitionCatalog catalog) => new(m.Code, m.Name, m.DepartmentId,
        CatalogueNames.Department(m.DepartmentId, catalog), m.LegalBasis,
        m.Materials.Select(x => new MaterialDto(x.Code, x.Name, x.Required, x.DeficiencyAllowed)).ToList(),
        m.StatutoryWorkingDays, m.PromisedWorkingDays, m.Fees, m.Description,
        m.Commitment is { } c ? new CommitmentDto(c.Text, c.VerificationWorkingDays) : null);
}

/// <summary>Names from the catalogue for ids the API shows, and the <c>department</c> filter every list shares.</summary>
internal static class CatalogueNames
{
    /// <summary>The department's full name, or its id when the catalogue no longer lists it.</summary>
    public static string Department(string id, DefinitionCatalog catalog) =>
        catalog.Departments.FirstOrDefault(d => d.Id == id)?.Name ?? id;

    public static string? Matter(string? code, DefinitionCatalog catalog) =>
        code is null ? null : catalog.Matters.FirstOrDefault(m => m.Code == code)?.Name;

    /// <summary>A <c>department</c> query value: null when absent, else a known department id (400 naming the field otherwise).</summary>
    public static string? DepartmentFilter(string? value, DefinitionCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var id = value.Trim();
        return catalog.Departments.Any(d => d.Id == id) ? id
            : throw new InvalidInputException("department",
                $"No department '{id}'; known: {string.Join(", ", catalog.Departments.Select(d => d.Id))}.");
    }
}
