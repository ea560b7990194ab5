using System.Security.Claims;
using Approval.Engine;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class SupervisionApi
{
    private const int MaxNoteLength = 2000;

    private static async Task<Ok<List<PendingExtensionDto>>> PendingExtensions(ClaimsPrincipal user, ProjectReader reader,
        ProjectViews views, IMapper mapper, DefinitionCatalog catalog, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        var pending = await reader.PendingExtensionsAsync(ct);
        // Requests are few at any time: load just their projects rather than every running one.
        var projects = new Dictionary<Guid, ProjectInstance>();
        foreach (var id in pending.Select(e => e.InstanceId).Distinct())
            projects[id] = await reader.GetAsync(actor, id, ct);
        var list = pending.Select(e =>
        {
            var project = projects[e.InstanceId];
            var task = project.Tasks.Single(t => t.Id == e.TaskId);
            var view = views.Task(task, project);
            return new PendingExtensionDto(mapper.Map<ExtensionDto>(e), project.ProjectCode, project.ProjectName, task.Title,
                task.DepartmentId, task.DepartmentId is { } d ? CatalogueNames.Department(d, catalog) : null, task.MatterCode, task.DueOn,
                view.Light, project.Status == InstanceStatus.Running && task.IsOpen, view.Provisional, view.ProvisionalCode, view.ProvisionalReason);
        }).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Ok<ExtensionDecisionDto>> DecideExtension(string id, ExtensionDecisionRequest request,
        HttpRequest http, ClaimsPrincipal user, WorkflowEngine engine, ProjectReader reader, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var extensionId))
            throw new InvalidInputException("id", $"'{id}' is not an extension id; expected a UUID.");
        if (request.Approve is not { } approve)
            throw new InvalidInputException("approve", "Required: true to approve the extension, false to refuse it.");
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note?.Length > MaxNoteLength)
            throw new InvalidInputException("note", $"At most {MaxNoteLength} characters; given {note.Length}.");
        var actor = CurrentActor.Of(user);

        var result = await engine.ExecuteAsync(new DecideExtension(Idempotency.Key(http, actor), actor, extensionId, approve, note), ct);
        var project = await reader.GetAsync(actor, result.InstanceId, ct);
        // A replayed key answers for the request it was first used with; that must be this extension.
        var extension = project.Extensions.FirstOrDefault(e => e.Id == extensionId)
            ?? throw new ConflictException($"The {Idempotency.Header} was already used to decide another extension.");
        var task = project.Tasks.Single(t => t.Id == extension.TaskId);
        return TypedResults.Ok(new ExtensionDecisionDto(extension.Id, project.Id, extension.Status, result.Replayed, task.DueOn, project.DueOn));
    }
}
