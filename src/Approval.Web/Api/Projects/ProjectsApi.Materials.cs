using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Approval.Engine;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Web.Api;

public static partial class ProjectsApi
{
    /// <summary>An uploaded material's metadata; the content is downloaded from <c>Url</c>.</summary>
    public sealed record MaterialFileResponse(Guid Id, Guid ProjectId, string MaterialCode, string MaterialName, string FileName,
        string ContentType, long Length, string Sha256, string UploadedBy, Instant UploadedAt, string Url);

    /// <summary>The upload form, as OpenAPI shows it; the handler reads the form itself to check each part.</summary>
    public sealed record MaterialUploadForm(string MaterialCode, IFormFile File);

    /// <summary>What the material endpoints read with.</summary>
    public readonly record struct MaterialServices(ProjectReader Reader, DefinitionCatalog Catalog);

    private static void MapMaterials(RouteGroupBuilder projects, MaterialStorage storage)
    {
        Command(projects.MapPost("/{id:guid}/materials", UploadAsync)
            .RequireAuthorization(Policies.Applicant)
            .Accepts<MaterialUploadForm>("multipart/form-data")
            .WithSummary($"Upload a material: form fields materialCode and file (PDF, JPEG, PNG or OFD, at most {storage.MaxBytes:N0} bytes)")
            .WithDescription("The material is then handed in (已提交): the window's checklist ticks it, and a 容缺 item it completes is fulfilled. " +
                IntakeApi.HandedInDescription));
        projects.MapGet("/{id:guid}/materials", ListMaterials).RequireAuthorization(Policies.Anyone)
            .WithSummary("The uploaded materials of a project").ProducesProblem(StatusCodes.Status404NotFound);
        projects.MapGet("/{id:guid}/materials/{fileId:guid}", DownloadAsync)
            .RequireAuthorization(Policies.Anyone)
            .WithSummary("Download one uploaded material").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<MaterialFileResponse>> UploadAsync(Guid id, HttpRequest http, [AsParameters] MaterialServices s,
        MaterialFiles files, CancellationToken ct)
    {
        var actor = CurrentActor.Of(http.HttpContext.User);
        var key = Idempotency.Key(http, actor);
        var project = await s.Reader.GetAsync(actor, id, ct);
        var intake = s.Catalog.Get(project.DefinitionId, project.DefinitionVersion).Intake;
        var form = await MaterialUpload.ReadFormAsync(http, files.MaxBytes, ct);
        var code = MaterialUpload.Single(form, MaterialUpload.CodeField);
        MaterialCodes.Require(intake, code, MaterialUpload.CodeField);
        using var upload = await files.CheckAsync(MaterialUpload.File(form), MaterialUpload.FileField, ct);
        // A retried upload answers with the first record; the same key with another file is refused (422).
        var material = await files.RecordAsync(project, intake, code, MaterialUpload.CodeField, upload, key, actor, ct);
        return CreatedMaterial(material, intake);
    }

    private static async Task<Ok<List<MaterialFileResponse>>> ListMaterials(Guid id, ClaimsPrincipal user, [AsParameters] MaterialServices s,
        MaterialFiles files, CancellationToken ct)
    {
        var project = await s.Reader.GetAsync(CurrentActor.Of(user), id, ct);
        var intake = s.Catalog.Get(project.DefinitionId, project.DefinitionVersion).Intake;
        return TypedResults.Ok((await files.OfProjectAsync(id, ct)).Select(f => Response(f, intake)).ToList());
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid fileId, HttpContext http, [AsParameters] MaterialServices s,
        MaterialFiles files, CancellationToken ct)
    {
        await s.Reader.GetAsync(CurrentActor.Of(http.User), id, ct);
        var file = await files.FindAsync(fileId, ct);
        if (file is null || file.InstanceId != id) throw new NotFoundException($"Material {fileId}");
        // The stored type was checked against the content at upload; the browser must not guess another.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Inline, so that the window opens a PDF or an image in the browser while checking the filing (the accepted
        // types are PDF, JPEG, PNG and OFD, checked against the content; a browser that cannot show one saves it).
        http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline")
            { FileNameStar = file.FileName }.ToString();
        return TypedResults.File(files.OpenRead(file), file.ContentType);
    }

    private static Created<MaterialFileResponse> CreatedMaterial(MaterialFile file, OneWindowIntakeDefinition intake)
    {
        var response = Response(file, intake);
        return TypedResults.Created(response.Url, response);
    }

    private static MaterialFileResponse Response(MaterialFile f, OneWindowIntakeDefinition intake) =>
        new(f.Id, f.InstanceId, f.MaterialCode, intake.Materials.FirstOrDefault(m => m.Code == f.MaterialCode)?.Name ?? f.MaterialCode,
            f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedBy, f.UploadedAt, MaterialFiles.UrlOf(f));
}
