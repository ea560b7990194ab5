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

    /// <summary>What the material endpoints read and write with.</summary>
    public readonly record struct MaterialServices(ProjectReader Reader, DefinitionCatalog Catalog, ApprovalDatabase Database, IClock Clock,
        WorkflowEngine Engine);

    private static void MapMaterials(RouteGroupBuilder projects, MaterialStorage storage)
    {
        Command(projects.MapPost("/{id:guid}/materials",
                (Guid id, HttpRequest http, [AsParameters] MaterialServices s, CancellationToken ct) => UploadAsync(id, http, s, storage, ct))
            .RequireAuthorization(Policies.Applicant)
            .Accepts<MaterialUploadForm>("multipart/form-data")
            .WithSummary($"Upload a material: form fields materialCode and file (PDF, JPEG, PNG or OFD, at most {storage.MaxBytes:N0} bytes)")
            .WithDescription("The material is then handed in (已提交): the window's checklist ticks it, and a 容缺 item it completes is fulfilled. " +
                IntakeApi.HandedInDescription));
        projects.MapGet("/{id:guid}/materials", ListMaterials).RequireAuthorization(Policies.Anyone)
            .WithSummary("The uploaded materials of a project").ProducesProblem(StatusCodes.Status404NotFound);
        projects.MapGet("/{id:guid}/materials/{fileId:guid}",
                (Guid id, Guid fileId, HttpContext http, [AsParameters] MaterialServices s, CancellationToken ct) => DownloadAsync(id, fileId, http, s, storage, ct))
            .RequireAuthorization(Policies.Anyone)
            .WithSummary("Download one uploaded material").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<MaterialFileResponse>> UploadAsync(Guid id, HttpRequest http, MaterialServices s,
        MaterialStorage storage, CancellationToken ct)
    {
        var actor = CurrentActor.Of(http.HttpContext.User);
        var key = Idempotency.Key(http, actor);
        var project = await s.Reader.GetAsync(actor, id, ct);
        var intake = s.Catalog.Get(project.DefinitionId, project.DefinitionVersion).Intake;
        // The key decides the record's id, so a retried upload finds the first one instead of adding a second.
        var fileId = IdOf(key);
        var form = await MaterialUpload.ReadFormAsync(http, storage.MaxBytes, ct);
        var code = MaterialUpload.Single(form, MaterialUpload.CodeField);
        MaterialCodes.Require(intake, code, MaterialUpload.CodeField);
        var file = MaterialUpload.File(form);
        var name = MaterialUpload.FileName(file.FileName);
        var kind = MaterialUpload.KindOf(file.ContentType, name);
        if (file.Length > storage.MaxBytes)
            throw new InvalidInputException(MaterialUpload.FileField, $"The file has {file.Length:N0} bytes; the limit is {storage.MaxBytes:N0}.");

        using var staged = await storage.StageAsync(file.OpenReadStream(), MaterialUpload.FileField, ct);
        await using (var content = staged.OpenRead())
        {
            if (!kind.Matches(content))
                throw new InvalidInputException(MaterialUpload.FileField, $"The content of '{name}' is not {kind.ContentType}.");
        }
        // The upload's own row is its fingerprint: the same key with another project, material, name or content is another request.
        bool SameUpload(MaterialFile earlier) =>
            earlier.InstanceId == id && earlier.MaterialCode == code && earlier.FileName == name && earlier.Sha256 == staged.Sha256;
        async Task<MaterialFile> FirstUploadAsync() =>
            await FindAsync(s.Database, fileId, ct) is { } first && SameUpload(first) ? first : throw new IdempotencyKeyReusedException(key);
        if (await FindAsync(s.Database, fileId, ct) is { } earlier)
            return SameUpload(earlier) ? CreatedMaterial(earlier, intake) : throw new IdempotencyKeyReusedException(key);
        if (project.IsEnded) throw new ConflictException($"The project has ended ({project.Status}); no more materials can be added.");
        staged.Commit();

        var material = new MaterialFile
        {
            Id = fileId, InstanceId = id, MaterialCode = code, FileName = name, ContentType = kind.ContentType,
            Length = staged.Length, Sha256 = staged.Sha256, UploadedBy = actor.UserId, UploadedAt = s.Clock.GetCurrentInstant(),
        };
        // The engine writes the file's record with the project's change (the material handed in, journalled, a 容缺
        // promise fulfilled), all or nothing; the same upload retried meanwhile is answered by the first one, another
        // upload under the same key is refused.
        try
        {
            var result = await s.Engine.ExecuteAsync(new AttachMaterialFile(key, actor, id, material), ct);
            if (result.Replayed) material = await FirstUploadAsync();
        }
        catch (IdempotencyKeyReusedException)
        {
            // A retry racing the first attempt carries its own upload time: the stored file decides whether it is the same upload.
            material = await FirstUploadAsync();
        }
        return CreatedMaterial(material, intake);
    }

    private static async Task<Ok<List<MaterialFileResponse>>> ListMaterials(Guid id, ClaimsPrincipal user, [AsParameters] MaterialServices s,
        CancellationToken ct)
    {
        var project = await s.Reader.GetAsync(CurrentActor.Of(user), id, ct);
        var intake = s.Catalog.Get(project.DefinitionId, project.DefinitionVersion).Intake;
        await using var db = s.Database.CreateContext();
        var files = await db.MaterialFiles.AsNoTracking().Where(f => f.InstanceId == id).ToListAsync(ct);
        return TypedResults.Ok(files.OrderBy(f => f.UploadedAt).ThenBy(f => f.FileName).Select(f => Response(f, intake)).ToList());
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid fileId, HttpContext http, MaterialServices s,
        MaterialStorage storage, CancellationToken ct)
    {
        await s.Reader.GetAsync(CurrentActor.Of(http.User), id, ct);
        var file = await FindAsync(s.Database, fileId, ct);
        if (file is null || file.InstanceId != id) throw new NotFoundException($"Material {fileId}");
        // The stored type was checked against the content at upload; the browser must not guess another.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(storage.OpenRead(file.Sha256), file.ContentType, file.FileName);
    }

    private static async Task<MaterialFile?> FindAsync(ApprovalDatabase database, Guid fileId, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await db.MaterialFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
    }

    private static Guid IdOf(string operationKey) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("material-file:" + operationKey)).AsSpan(0, 16));

    private static Created<MaterialFileResponse> CreatedMaterial(MaterialFile file, OneWindowIntakeDefinition intake)
    {
        var response = Response(file, intake);
        return TypedResults.Created(response.Url, response);
    }

    private static MaterialFileResponse Response(MaterialFile f, OneWindowIntakeDefinition intake) =>
        new(f.Id, f.InstanceId, f.MaterialCode, intake.Materials.FirstOrDefault(m => m.Code == f.MaterialCode)?.Name ?? f.MaterialCode,
            f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedBy, f.UploadedAt, $"/api/projects/{f.InstanceId}/materials/{f.Id}");
}
