using System.Security.Cryptography;
using System.Text;
using Approval.Engine;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>
/// Uploaded materials (申报材料) of projects: checked, stored and recorded the one way the API's upload endpoint and
/// the applicant pages share, so a file one accepts the other accepts too.
/// </summary>
public sealed class MaterialFiles(MaterialStorage storage, ApprovalDatabase database, IClock clock, WorkflowEngine engine)
{
    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes => storage.MaxBytes;

    /// <summary>
    /// Checks an uploaded file and stages its content: not empty, a plain file name, an accepted type whose extension
    /// agrees, within the size limit, and content that is what the type says. Errors name <paramref name="field"/>.
    /// </summary>
    /// <remarks>Nothing is kept until <see cref="RecordAsync"/>; disposing the result drops the staged content.</remarks>
    public async Task<CheckedUpload> CheckAsync(IFormFile file, string field, CancellationToken ct)
    {
        if (file.Length == 0) throw new InvalidInputException(field, "The file is empty.");
        var name = MaterialUpload.FileName(file.FileName, field);
        var kind = MaterialUpload.KindOf(file.ContentType, name, field);
        if (file.Length > storage.MaxBytes)
            throw new InvalidInputException(field, $"The file has {file.Length:N0} bytes; the limit is {storage.MaxBytes:N0}.");

        var staged = await storage.StageAsync(file.OpenReadStream(), field, ct);
        try
        {
            await using var content = staged.OpenRead();
            if (!kind.Matches(content)) throw new InvalidInputException(field, $"The content of '{name}' is not {kind.ContentType}.");
            return new CheckedUpload(name, kind.ContentType, staged);
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Keeps a checked file as material <paramref name="materialCode"/> of the project, recorded under an id that the
    /// operation key decides, so that a retried upload finds the first record instead of adding a second.
    /// </summary>
    /// <exception cref="InvalidInputException">The code is not on the checklist of the project's version.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was already used for another upload.</exception>
    public async Task<MaterialFile> RecordAsync(ProjectInstance project, OneWindowIntakeDefinition intake, string materialCode, string field,
        CheckedUpload upload, string operationKey, Actor actor, CancellationToken ct)
    {
        MaterialCodes.Require(intake, materialCode, field);
        var fileId = IdOf(operationKey);
        // The upload's own row is its fingerprint: the same key with another project, material, name or content is another request.
        MaterialFile TheSameUpload(MaterialFile? first) => first is not null && first.InstanceId == project.Id && first.MaterialCode == materialCode
            && first.FileName == upload.FileName && first.Sha256 == upload.Staged.Sha256 ? first : throw new IdempotencyKeyReusedException(operationKey);
        async Task<MaterialFile> FirstUploadAsync() => TheSameUpload(await FindAsync(fileId, ct));
        if (await FindAsync(fileId, ct) is { } earlier) return TheSameUpload(earlier);
        if (project.IsEnded) throw new ConflictException($"The project has ended ({project.Status}); no more materials can be added.");
        upload.Staged.Commit();
        var material = new MaterialFile
        {
            Id = fileId, InstanceId = project.Id, MaterialCode = materialCode, FileName = upload.FileName, ContentType = upload.ContentType,
            Length = upload.Staged.Length, Sha256 = upload.Staged.Sha256, UploadedBy = actor.UserId, UploadedAt = clock.GetCurrentInstant(),
        };
        // The engine writes the file's record with the project's change (the material handed in, journalled, a 容缺
        // promise fulfilled), all or nothing.
        try
        {
            var result = await engine.ExecuteAsync(new AttachMaterialFile(operationKey, actor, project.Id, material), ct);
            return result.Replayed ? await FirstUploadAsync() : material;
        }
        catch (IdempotencyKeyReusedException)
        {
            // A retry racing the first attempt carries its own upload time: the stored file decides whether it is the same upload.
            return await FirstUploadAsync();
        }
    }

    public async Task<MaterialFile?> FindAsync(Guid fileId, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await db.MaterialFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
    }

    /// <summary>A project's uploaded materials, oldest first.</summary>
    public async Task<List<MaterialFile>> OfProjectAsync(Guid projectId, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var files = await db.MaterialFiles.AsNoTracking().Where(f => f.InstanceId == projectId).ToListAsync(ct);
        return files.OrderBy(f => f.UploadedAt).ThenBy(f => f.FileName, StringComparer.Ordinal).ToList();
    }

    public Stream OpenRead(MaterialFile file) => storage.OpenRead(file.Sha256);

    /// <summary>The URL a signed-in applicant or staff member downloads the content from.</summary>
    public static string UrlOf(MaterialFile file) => $"/api/projects/{file.InstanceId}/materials/{file.Id}";


    private static Guid IdOf(string operationKey) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("material-file:" + operationKey)).AsSpan(0, 16));
}

/// <summary>An uploaded file that passed the checks, staged but not yet kept.</summary>
public sealed class CheckedUpload(string fileName, string contentType, MaterialStorage.StagedMaterial staged) : IDisposable
{
    public string FileName { get; } = fileName;
    public string ContentType { get; } = contentType;
    internal MaterialStorage.StagedMaterial Staged { get; } = staged;

    public void Dispose() => Staged.Dispose();
}
