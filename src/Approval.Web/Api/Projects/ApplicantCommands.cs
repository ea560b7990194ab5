using Approval.Engine;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Approval.Web.Api.ProjectsApi;

namespace Approval.Web.Api;

/// <summary>
/// The applicant's commands as the API and the applicant pages both run them: a filing (申报), a resubmission after a
/// one-time notice, 容缺 materials handed in, and the answer to a correction request (补正). Each checks its input the
/// one way, then runs the engine command under the caller's operation key.
/// </summary>
public sealed class ApplicantCommands(WorkflowEngine engine, ProjectReader reader, AgentAuthorizations authorisations, ApprovalDatabase database)
{
    /// <summary>Files an application for the investor the request names (an investor: itself).</summary>
    public async Task<CommandResult> FileAsync(Actor actor, string operationKey, FileApplicationRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
            throw new InvalidInputException("definitionId", $"Required: one of {string.Join(", ", engine.Catalog.Definitions.Select(d => d.Id).Distinct())}.");
        var project = request.Project
            ?? throw new InvalidInputException("project", "Required: projectName, division, industry, investmentAmount (万元), and for an agent investorId.");
        var materials = Codes(request.Materials);
        if (project.InvestmentAmount is not { } amount) throw new InvalidInputException("project.investmentAmount", "Required: the investment in 万元.");
        var (investorId, investorName) = await InvestorAsync(actor, project, reader.Today, ct);
        var details = new ProjectDetails(project.ProjectName ?? "", investorId, investorName, project.Division?.Trim() ?? "",
            project.Industry?.Trim() ?? "", amount, project.ProjectCode);
        return await engine.ExecuteAsync(new FileApplication(operationKey, actor, request.DefinitionId.Trim(), details, materials), ct);
    }

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
        Guid? instanceId;
        await using (var db = database.CreateContext())
            instanceId = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => (Guid?)t.InstanceId).FirstOrDefaultAsync(ct);
        // A task of a project the caller may not see is as unknown as one that does not exist.
        var project = await reader.GetAsync(actor, instanceId ?? throw new NotFoundException($"Task {taskId}"), ct);
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

    /// <summary>Material codes from a body: the list is required (it may be empty); the engine or the checklist judges each code.</summary>
    private static List<string> Codes(List<string?>? codes, string field = "materials")
    {
        if (codes is null) throw new InvalidInputException(field, "Required: the codes of the materials handed in (an empty list when none).");
        var trimmed = codes.Select(c => c?.Trim() ?? "").ToList();
        var blank = trimmed.FindIndex(c => c.Length == 0);
        return blank < 0 ? trimmed : throw new InvalidInputException($"{field}[{blank}]", "A material code is required here.");
    }
}
