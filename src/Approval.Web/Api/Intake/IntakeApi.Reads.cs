using System.ComponentModel;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class IntakeApi
{
    private static async Task<Ok<PageDto<ProjectSummaryDto>>> Queue([Description(Paging.Size)] string? size,
        [Description(Paging.Cursor)] string? cursor, ListReader lists, ProjectViews views, CancellationToken ct) =>
        TypedResults.Ok(PageDto<ProjectSummaryDto>.From(await lists.IntakeQueueAsync(ApiInput.Page(size, cursor), ct), views.Summary));

    private static async Task<Ok<ChecklistResponse>> Checklist(Guid id, HttpContext http, IntakeDocuments documents,
        ProjectViews views, CancellationToken ct)
    {
        var (project, materials, missing, maxDeficiencyWorkingDays) = await documents.ChecklistAsync(CurrentActor.Of(http.User), id, ct);
        return TypedResults.Ok(new ChecklistResponse(views.Summary(project), materials, missing, maxDeficiencyWorkingDays));
    }

    private static async Task<Ok<ReceiptResponse>> Receipt(Guid id, HttpContext http, IntakeDocuments documents, CancellationToken ct) =>
        TypedResults.Ok(await documents.ReceiptAsync(CurrentActor.Of(http.User), id, ct));

    private static async Task<Ok<WindowDocument>> Document(Guid id, string kind, HttpContext http,
        IntakeDocuments documents, CancellationToken ct)
    {
        if (!IntakeDocuments.Kinds.TryGetValue(kind, out var documentKind))
            throw new NotFoundException($"Document kind '{kind}' (expected one of {string.Join(", ", IntakeDocuments.Kinds.Keys)})");
        return TypedResults.Ok(await documents.DocumentAsync(CurrentActor.Of(http.User), id, documentKind, ct));
    }
}
