using System.ComponentModel;
using System.Security.Claims;
using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class SupervisionApi
{
    /// <summary>The longest note a supervisor may give with an extension decision.</summary>
    internal const int MaxNoteLength = 2000;

    private static async Task<Ok<PageDto<PendingExtensionDto>>> PendingExtensions([Description(Paging.Size)] string? size,
        [Description(Paging.Cursor)] string? cursor, SupervisionBoard board, CancellationToken ct) =>
        TypedResults.Ok(PageDto<PendingExtensionDto>.From(await board.PendingExtensionsAsync(ApiInput.Page(size, cursor), ct), e => e));

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
