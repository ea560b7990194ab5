using Approval.Engine;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Web.Api;
using Approval.Web.Components.Shared;

namespace Approval.Web.Components.Pages.My;

/// <summary>
/// The files of an applicant form (a plain multipart post: static rendering has no <c>InputFile</c>), one input per
/// material named <see cref="FieldFor"/>. Every file is checked by <see cref="MaterialFiles"/> exactly as the API checks
/// an upload before the command runs; after the command the checked files are recorded for the project.
/// </summary>
public sealed class ApplicantUploads : IDisposable
{
    private readonly List<(string Code, string FieldId, CheckedUpload Upload)> _checked = [];

    /// <summary>The name and id of a material's file input; a page with several upload forms gives each its own prefix.</summary>
    public static string FieldFor(string materialCode, string? form = null) => (form is null ? "" : form + "-") + "file-" + materialCode;

    /// <summary>The codes of the materials that came with a file that passed the checks.</summary>
    public List<string?> Codes => _checked.Select(c => (string?)c.Code).ToList();

    public bool Any => _checked.Count > 0;

    /// <summary>
    /// Checks the posted file of each of the given materials (an input left empty is no file); each refusal is added
    /// to <paramref name="errors"/> under its input, in Chinese.
    /// </summary>
    public static async Task<ApplicantUploads> CheckAsync(HttpContext http, IEnumerable<MaterialRequirement> materials, MaterialFiles files,
        FormErrors errors, CancellationToken ct, string? form = null)
    {
        var uploads = new ApplicantUploads();
        var posted = http.Request.HasFormContentType ? http.Request.Form.Files : null;
        foreach (var material in materials)
        {
            var field = FieldFor(material.Code, form);
            // A file input left empty is posted as a part without a name and without content.
            var file = posted?.GetFiles(field).FirstOrDefault(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName));
            if (file is null) continue;
            try
            {
                uploads._checked.Add((material.Code, field, await files.CheckAsync(file, field, ct)));
            }
            catch (InvalidInputException e)
            {
                errors.Add(field, $"{material.Name}：{ApplicantMessages.OfFile(e, files.MaxBytes)}");
            }
        }
        return uploads;
    }

    /// <summary>
    /// Keeps every checked file as a material of the project, each under a key derived from the form's operation id,
    /// so that the same post repeated records each file once.
    /// </summary>
    public async Task RecordAsync(MaterialFiles files, ProjectInstance project, OneWindowIntakeDefinition intake, string operationKey,
        Actor actor, CancellationToken ct)
    {
        foreach (var (code, field, upload) in _checked)
            await files.RecordAsync(project, intake, code, field, upload, $"{operationKey}:{code}", actor, ct);
    }

    public void Dispose()
    {
        foreach (var (_, _, upload) in _checked) upload.Dispose();
    }
}
