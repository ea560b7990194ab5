using System.Globalization;
using System.IO.Compression;
using Approval.Engine;
using Approval.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Approval.Web.Api;

/// <summary>
/// What an uploaded material must be: a multipart form with one <c>materialCode</c> and one <c>file</c>; a plain file
/// name (no path, no control characters); one of the accepted types, with an extension and first bytes that agree.
/// </summary>
internal static class MaterialUpload
{
    public const string CodeField = "materialCode";
    public const string FileField = "file";

    /// <summary>An accepted type: its media type, the extensions it may carry and how its content begins.</summary>
    public sealed record Kind(string ContentType, string[] Extensions, Func<Stream, bool> Matches);

    // OFD (GB/T 33190, 版式文档) is a ZIP package whose root holds OFD.xml.
    public static readonly IReadOnlyList<Kind> Kinds =
    [
        new("application/pdf", [".pdf"], s => StartsWith(s, "%PDF-"u8)),
        new("image/jpeg", [".jpg", ".jpeg"], s => StartsWith(s, [0xFF, 0xD8, 0xFF])),
        new("image/png", [".png"], s => StartsWith(s, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        new("application/ofd", [".ofd"], IsOfd),
    ];

    /// <summary>Reads the form with limits that follow the file limit, so an oversized body stops early instead of filling a disk.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new InvalidInputException(FileField, $"Send multipart/form-data with the fields '{CodeField}' and '{FileField}'; given '{request.ContentType}'.");
        // Room for the material code and the part headers besides the file itself.
        var limit = maxBytes + 64 * 1024;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request,
            new FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 8, KeyLengthLimit = 100 }));
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A wrong boundary, a part cut short, a body that ends early: the form is unreadable, not the server broken.
            throw new InvalidInputException(FileField, ProblemText.UnreadableUpload(maxBytes));
        }
    }

    /// <summary>The one value of a form field.</summary>
    public static string Single(IFormCollection form, string field)
    {
        var values = form[field];
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0])) throw new InvalidInputException(field, ProblemText.Required);
        if (values.Count > 1) throw new InvalidInputException(field, $"Give one value; given {values.Count}.");
        return ControlCharacters.RequireLine(values[0]!.Trim(), field);
    }

    /// <summary>The one file of the form, under the name <c>file</c>.</summary>
    public static IFormFile File(IFormCollection form)
    {
        var files = form.Files.GetFiles(FileField);
        if (files.Count != 1 || form.Files.Count != 1)
            throw new InvalidInputException(FileField, $"Send exactly one file, in the field '{FileField}'; given {form.Files.Count}.");
        return files[0];
    }

    /// <summary>
    /// The name as given, if it is a plain file name. A name with a path, control or invisible formatting
    /// characters (e.g. a right-to-left override hiding the real extension) is refused rather than repaired,
    /// so that what the staff see is what the applicant sent.
    /// </summary>
    public static string FileName(string? given, string field = FileField)
    {
        var name = given?.Trim() ?? "";
        if (name.Length == 0) throw new InvalidInputException(field, "The file needs a name, e.g. 营业执照.pdf.");
        if (name.Length > 255) throw new InvalidInputException(field, $"The file name may have at most 255 characters; given {name.Length}.");
        if (name.IndexOfAny(['/', '\\', ':']) >= 0 || name is "." or "..")
            throw new InvalidInputException(field, $"Give the file's own name without a path; given '{Printable(name)}'.");
        if (name.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
            throw new InvalidInputException(field, $"The file name contains control or invisible characters: '{Printable(name)}'.");
        return name;
    }

    /// <summary>The accepted type the upload declares, checked against the file name's extension.</summary>
    public static Kind KindOf(string? contentType, string fileName, string field = FileField)
    {
        var media = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.ToString().ToLowerInvariant() : "";
        var kind = Kinds.FirstOrDefault(k => k.ContentType == media)
            ?? throw new InvalidInputException(field,
                $"Type '{contentType}' is not accepted; accepted: {string.Join(", ", Kinds.Select(k => k.ContentType))}.");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!kind.Extensions.Contains(extension))
            throw new InvalidInputException(field,
                $"A {kind.ContentType} file's name ends in {string.Join(" or ", kind.Extensions)}; given '{fileName}'.");
        return kind;
    }

    private static bool StartsWith(Stream content, ReadOnlySpan<byte> signature)
    {
        Span<byte> head = stackalloc byte[signature.Length];
        return content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(signature);
    }

    private static bool IsOfd(Stream content)
    {
        if (!StartsWith(content, "PK\u0003\u0004"u8)) return false;
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));
}
