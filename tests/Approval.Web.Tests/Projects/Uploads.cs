using System.IO.Compression;
using System.Net.Http.Headers;

namespace Approval.Web.Tests.Projects;

/// <summary>Multipart uploads and small files of each accepted type.</summary>
internal static class Uploads
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    /// <summary>A minimal OFD package: a ZIP whose root holds OFD.xml.</summary>
    public static byte[] Ofd(string entry = "OFD.xml")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("""<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1"/>""");
        }
        return buffer.ToArray();
    }

    /// <summary>Builds the form: any of the parts may be left out to test what is missing.</summary>
    public static MultipartFormDataContent Form(string? materialCode, byte[]? content, string fileName = "营业执照.pdf",
        string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        if (materialCode is not null) form.Add(new StringContent(materialCode), "materialCode");
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(file, "file", fileName);
        }
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid projectId, HttpContent form, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{projectId}/materials") { Content = form };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
