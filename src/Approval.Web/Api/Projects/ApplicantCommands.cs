using Approval.Engine;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Approval.Web.Hosting;
using static Approval.Web.Api.ProjectsApi;

namespace Approval.Web.Api;

/// <summary>
/// The applicant's commands as the API and the applicant pages both run them: a filing (申报), a resubmission after a
/// one-time notice, 容缺 materials handed in, and the answer to a correction request (补正). Each checks its input the
/// one way, then runs the engine command under the caller's operation key.
/// </summary>
public sealed class ApplicantCommands(WorkflowEngine engine, ProjectReader reader, AgentAuthorizations authorisations)
{
    /// <summary>Files an application for the investor the request names (an investor: itself).</summary>
    public async Task<CommandResult> FileAsync(Actor actor, string operationKey, FileApplicationRequest request, CancellationToken ct)
    {
        // Every missing or wrong field of the filing is reported at once, the engine's checks of the project data included.
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
            errors.Add(new InvalidInputException("definitionId", ProblemText.RequiredValue(
                $"one of {string.Join(", ", engine.Catalog.Definitions.Select(d => d.Id).Distinct())}")));
        var materials = errors.Check(() => Codes(request.Materials));
        var project = request.Project;
        if (project is null)
            errors.Add(new InvalidInputException("project", ProblemText.RequiredValue(
                "projectName, division, industry, investmentAmount (万元), contactName, contactPhone, and for an agent investorId")));
        else if (project.InvestmentAmount is null)
            errors.Add(new InvalidInputException("project.investmentAmount", ProblemText.RequiredValue("the investment in 万元")));
        // The investor's name may still come from the account or the authorisation: only what the body must hold is checked here.
        if (project is not null)
            errors.Check(() => WorkflowEngine.ValidateProject(Details(project,
                project.InvestorId?.Trim() ?? (actor.Role == ActorRole.Investor ? actor.UserId : ""), project.InvestorName ?? "-")));
        errors.ThrowIfAny();
        var (investorId, investorName) = await InvestorAsync(actor, project!, reader.Today, ct);
        return await engine.ExecuteAsync(new FileApplication(operationKey, actor, request.DefinitionId!.Trim(),
            Details(project!, investorId, investorName), materials,
            request.CommitmentMatters?.Select(c => c?.Trim() ?? "").ToList(), request.Simulation ?? false), ct);
    }

    private static ProjectDetails Details(ProjectInput project, string investorId, string investorName) =>
        new(project.ProjectName ?? "", investorId, investorName, project.Division?.Trim() ?? "", project.Industry?.Trim() ?? "",
            project.InvestmentAmount ?? 0, project.ProjectCode, project.ContactName ?? "", project.ContactPhone ?? "");

    /// <summary>Resubmits a returned filing with the materials the one-time notice (一次性告知) asked for.</summary>
    public async Task<CommandResult> ResubmitAsync(Actor actor, string operationKey, Guid projectId, List<string?>? materials, CancellationToken ct)
    {
        var project = await reader.GetAsync(actor, projectId, ct);
        return await engine.ExecuteAsync(new ResubmitApplication(operationKey, actor, projectId, Checked(materials, project)), ct);
    }

    /// <summary>Hands in materials promised under 容缺受理.</summary>
    public async Task<CommandResult> SupplyAsync(Actor actor, string operationKey, Guid projectId, List<string?>? materials, CancellationToken ct)
    {
        var project = await reader.GetAsync(actor, projectId, ct);
        return await engine.ExecuteAsync(new SupplyDeficiencies(operationKey, actor, projectId, Checked(materials, project)), ct);
    }

    /// <summary>Answers a correction request (补正); the stopped clock restarts.</summary>
    public async Task<CommandResult> CorrectAsync(Actor actor, string operationKey, Guid taskId, List<string?>? materials, string? note,
        CancellationToken ct)
    {
        var project = await reader.GetByTaskAsync(actor, taskId, ct);
        return await engine.ExecuteAsync(new SubmitCorrection(operationKey, actor, taskId, Checked(materials, project),
            string.IsNullOrWhiteSpace(note) ? null : note.Trim()), ct);
    }

    /// <summary>Who the filing is for: an investor files for itself; an agent names the investor who authorised it.</summary>
    private async Task<(string Id, string Name)> InvestorAsync(Actor actor, ProjectInput project, LocalDate today, CancellationToken ct)
    {
        // A different investorId from an investor account is passed on, for the engine to refuse (403).
        if (actor.Role == ActorRole.Investor)
            return (project.InvestorId?.Trim() ?? actor.UserId, project.InvestorName?.Trim() ?? actor.DisplayName ?? "");
        var id = project.InvestorId?.Trim() ?? "";
        if (project.InvestorName is not null || id.Length == 0) return (id, project.InvestorName?.Trim() ?? "");
        // The name is taken from the authorisation; without a valid one the answer is the refusal, not a missing name.
        var granted = (await authorisations.ListAsync(actor, ct)).FirstOrDefault(a => a.InvestorId == id && a.IsValidOn(today))
            ?? throw new ForbiddenException($"No valid authorisation (委托) from investor '{id}' to this agent on {today:yyyy-MM-dd}.");
        return (id, granted.InvestorName);
    }

    /// <summary>Codes checked against the checklist of the version the project runs on, so no unknown code is recorded.</summary>
    private List<string> Checked(List<string?>? codes, ProjectInstance project)
    {
        var materials = Codes(codes);
        MaterialCodes.Validate(engine.Catalog.Get(project.DefinitionId, project.DefinitionVersion).Intake, materials);
        return materials;
    }

    private static List<string> Codes(List<string?>? codes) => RequestInput.Codes(codes);
}
