using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime.Commands;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>Creates the instance on the latest version of its definition and enters intake.</summary>
    private async Task<(CommandResult, ProjectInstance)> FileAsync(ProjectSession session, FileApplication command, List<JournalEntry> journal,
        CancellationToken ct)
    {
        if (command.Actor.Role is not (ActorRole.Agent or ActorRole.Investor or ActorRole.System))
            throw new ForbiddenException("Only an investor or a proxy agent files applications.");
        var definition = catalog.Latest(command.DefinitionId);
        var project = ValidateProject(command.Project);
        if (command.Actor.Role == ActorRole.Agent)
        {
            var today = Deadlines.Calendar.LocalDateOf(Now());
            var authorisations = await session.Db.AgentAuthorizations.AsNoTracking()
                .Where(a => a.AgentId == command.Actor.UserId && a.InvestorId == project.InvestorId).ToListAsync(ct);
            if (!authorisations.Any(a => a.IsValidOn(today)))
                throw new ForbiddenException($"No valid authorisation (委托) from investor '{project.InvestorId}' to agent '{command.Actor.UserId}' on {today:yyyy-MM-dd}.");
        }
        else if (command.Actor.Role == ActorRole.Investor && command.Actor.UserId != project.InvestorId)
        {
            throw new ForbiddenException("An investor files only for itself.");
        }
        var intake = definition.Intake;
        MaterialCodes.Validate(intake, command.Materials);
        if (project.ProjectCode is { } code && await session.HasRunningAsync(code, definition.Id, ct))
            throw new ConflictException($"Project {code} already has a running {definition.Name} application.");
        var followed = await FollowedAsync(session, definition, project, ct);
        var commitments = Commitments.Validate(definition, catalog, command.CommitmentMatters);
        Simulations.Validate(definition, command.Simulation, commitments);

        var now = Now();
        var instance = new ProjectInstance
        {
            Id = Guid.NewGuid(), DefinitionId = definition.Id, DefinitionVersion = definition.Version,
            ProjectCode = project.ProjectCode, ProjectName = project.ProjectName, InvestorId = project.InvestorId,
            InvestorName = project.InvestorName, AgentId = command.Actor.Role == ActorRole.Agent ? command.Actor.UserId : null,
            Division = project.Division, Industry = project.Industry, InvestmentAmount = project.InvestmentAmount,
            ContactName = project.ContactName, ContactPhone = project.ContactPhone,
            CurrentActivityId = intake.Id, SubmittedMaterials = command.Materials.Distinct().ToList(), CommitmentMatters = commitments,
            FiledAt = now, TargetWorkingDays = definition.TargetWorkingDays,
            Simulation = command.Simulation ? SimulationState.Simulating : SimulationState.None,
        };
        var step = new StepContext(instance, definition, catalog, Deadlines, now, command.Actor, command.OperationId, journal);
        instance.StepStartedOn = step.Today;
        instance.StepDueOn = Deadlines.Calendar.Deadline(step.Today, intake.BudgetWorkingDays).Date;
        Activities[intake.Type].Enter(step);
        Commitments.Sign(step);
        Simulations.Choose(step);
        if (followed is not null)
        {
            var earlier = catalog.Get(followed.DefinitionId, followed.DefinitionVersion);
            step.Record(JournalEvents.FollowsApplication,
                reasons: $"{earlier.Name}（投资项目统一代码 {followed.ProjectCode}，{followed.EndedOn:yyyy-MM-dd} 办结）");
        }
        return (ResultOf(step, command), instance);
    }

    /// <summary>
    /// For a definition that follows others (竣工联合验收 after 施工许可): the completed application the filing's project
    /// code names, of the same project unit. The code is required; an unknown, unfinished or other unit's application
    /// is refused on the code's field, with the same answer, so that nobody learns of another unit's projects.
    /// </summary>
    private async Task<ProjectInstance?> FollowedAsync(ProjectSession session, Definitions.WorkflowDefinition definition,
        ProjectDetails project, CancellationToken ct)
    {
        if (definition.Follows.Count == 0) return null;
        var names = string.Join(" or ", definition.Follows.Select(id => catalog.TryGetLatest(id, out var d) ? $"{d!.Name} ({id})" : id));
        if (project.ProjectCode is not { } code)
            throw new InvalidInputException("project.projectCode",
                $"Required: {definition.Name} follows {names}; give the project code of that completed application.");
        return await session.LatestCompletedAsync(code, definition.Follows, project.InvestorId, ct)
            ?? throw new InvalidInputException("project.projectCode",
                $"No completed application of {names} with project code {code} by project unit '{project.InvestorId}'; {definition.Name} follows it.");
    }

    /// <summary>Every field of the project data checked, and all refusals reported together.</summary>
    public static ProjectDetails ValidateProject(ProjectDetails p)
    {
        var errors = new InputErrors();
        errors.Check(() => Require(p.ProjectName, "project.projectName", 200));
        errors.Check(() => Require(p.InvestorId, "project.investorId", 100));
        errors.Check(() => Require(p.InvestorName, "project.investorName", 200));
        errors.Check(() => Require(p.Division, "project.division", 12));
        errors.Check(() => Require(p.Industry, "project.industry", 100));
        if (p.InvestmentAmount is < 0 or > 100_000_000m)
            errors.Add(new InvalidInputException("project.investmentAmount", $"Investment (万元) must be between 0 and 100,000,000; given {p.InvestmentAmount}."));
        errors.Check(() => Require(p.ContactName, "project.contactName", 50));
        string? phone = null;
        if (string.IsNullOrWhiteSpace(p.ContactPhone)) errors.Add(new InvalidInputException("project.contactPhone", "Required."));
        else if (!Runtime.ContactPhone.TryNormalize(p.ContactPhone, out phone))
            errors.Add(new InvalidInputException("project.contactPhone", Runtime.ContactPhone.Expected(p.ContactPhone)));
        string? code = null;
        if (!string.IsNullOrWhiteSpace(p.ProjectCode))
        {
            if (!ProjectCode.TryParse(p.ProjectCode, out var parsed, out var error))
                errors.Add(new InvalidInputException("project.projectCode", $"Invalid project code: {error!.Message}"));
            else code = parsed.Value;
        }
        errors.ThrowIfAny();
        return p with { ProjectName = p.ProjectName.Trim(), InvestorName = p.InvestorName.Trim(), ProjectCode = code,
            ContactName = p.ContactName.Trim(), ContactPhone = phone! };
    }

    /// <summary>A one-line text: present, not too long, and without control characters (a name is never several lines).</summary>
    private static bool Require(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidInputException(field, "Required.");
        if (value.Length > maxLength) throw new InvalidInputException(field, $"At most {maxLength} characters; given {value.Length}.");
        if (value.Any(char.IsControl))
            throw new InvalidInputException(field, $"Contains the control character U+{(int)value.First(char.IsControl):X4}; give one line of text.");
        return true;
    }
}
