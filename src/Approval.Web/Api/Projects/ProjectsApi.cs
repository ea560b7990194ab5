using System.Security.Claims;
using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>
/// Projects as applicants (proxy agents 代办员 and investors 项目单位) file and follow them: filing (申报) with the
/// project data and materials, their own projects with lights, one project with its steps, tasks and journal,
/// uploaded materials, and the applicant's answers: resubmission after a one-time notice, 容缺 materials, corrections (补正).
/// </summary>
/// <remarks>
/// Visibility is <see cref="ProjectReader"/>'s: a project the caller may not see is 404, never 403, so that its
/// existence does not leak. Every POST that runs an engine command takes the caller's <c>Idempotency-Key</c>.
/// </remarks>
public static partial class ProjectsApi
{
    /// <summary>
    /// A filing: the definition, the project data and the codes of the materials handed in, and the matters chosen on
    /// commitment (告知承诺, codes of commitment-eligible matters of the procedure): filing with them signs their texts.
    /// </summary>
    /// <param name="DefinitionId">The procedure.</param>
    /// <param name="Project">The project data.</param>
    /// <param name="Materials">The checklist codes the applicant means to hand in.</param>
    /// <param name="CommitmentMatters">Matters chosen on commitment (告知承诺).</param>
    /// <param name="Simulation">
    /// true: file in simulation (模拟审批) because the land is not yet obtained (土地未摘牌), where the procedure allows it;
    /// the land contract is then not required until the window converts the project.
    /// </param>
    public sealed record FileApplicationRequest(string? DefinitionId, ProjectInput? Project, List<string?>? Materials,
        List<string?>? CommitmentMatters = null, bool? Simulation = null);

    /// <summary>
    /// The project data. An investor's own id and name come from its account; an agent names the investor, and the
    /// name on the investor's authorisation (委托) is used when none is given.
    /// </summary>
    /// <param name="ProjectName">项目名称, up to 200 characters.</param>
    /// <param name="InvestorId">The investor (项目单位) an agent files for; an investor's own comes from its account.</param>
    /// <param name="InvestorName">The investor's name; by default from the account or the authorisation.</param>
    /// <param name="Division">行政区划代码 of the project's location.</param>
    /// <param name="Industry">国民经济行业代码.</param>
    /// <param name="InvestmentAmount">总投资 in 万元, 0 – 100,000,000.</param>
    /// <param name="ProjectCode">投资项目统一代码 when the platform has issued one; otherwise issued at acceptance.</param>
    /// <param name="ContactName">The project unit's contact person (联系人), up to 50 characters; required.</param>
    /// <param name="ContactPhone">The contact's telephone (联系电话), required: a mobile number (13812345678) or a landline with its area code (025-83123456).</param>
    public sealed record ProjectInput(string? ProjectName, string? InvestorId, string? InvestorName, string? Division,
        string? Industry, decimal? InvestmentAmount, string? ProjectCode, string? ContactName = null, string? ContactPhone = null);

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var storage = routes.ServiceProvider.GetRequiredService<MaterialStorage>();
        var projects = routes.MapGroup("/api/projects").WithTags("Projects")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        Command(projects.MapPost("", File).RequireAuthorization(Policies.Applicant)
            .WithSummary("File an application (申报) for an investor; an agent needs the investor's valid authorisation (委托)")
            .WithDescription("`materials` lists the checklist codes the applicant means to hand in. " + IntakeApi.HandedInDescription));
        projects.MapGet("", Mine).RequireAuthorization(Policies.Applicant)
            .WithSummary("My projects with their lights: an investor's own, an agent's principals'; newest filing first, a page at a time")
            .WithDescription(Paging.Description.Trim()).ProducesValidationProblem();
        projects.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Anyone)
            .WithSummary("One project with its steps, tasks, deadlines, clock stops, extensions and journal")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapMaterials(projects, storage);
        MapApplicantCommands(projects, routes);
        return routes;
    }

    /// <summary>The error responses of a command.</summary>
    private static RouteHandlerBuilder Command(RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Created<ProjectSummaryDto>> File(FileApplicationRequest request, HttpRequest http, ClaimsPrincipal user,
        ApplicantCommands commands, ProjectReader reader, ProjectViews views, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        var result = await commands.FileAsync(actor, Idempotency.Key(http, actor), request, ct);
        var filed = await reader.GetAsync(actor, result.InstanceId, ct);
        return TypedResults.Created($"/api/projects/{filed.Id}", views.Summary(filed));
    }

    private static async Task<Ok<PageDto<ProjectSummaryDto>>> Mine([System.ComponentModel.Description(Paging.Size)] string? size,
        [System.ComponentModel.Description(Paging.Cursor)] string? cursor, ClaimsPrincipal user, ListReader lists, ProjectViews views, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        var projects = await lists.ForApplicantAsync(actor, ApiInput.Page(size, cursor), ct);
        return TypedResults.Ok(PageDto<ProjectSummaryDto>.From(projects, p => views.Summary(p, actor)));
    }

    private static async Task<JsonAnswer<ProjectDetailDto>> Get(Guid id, ClaimsPrincipal user, ProjectAnswers answers, CancellationToken ct) =>
        new(await answers.DetailAsync(CurrentActor.Of(user), id, ct));
}
