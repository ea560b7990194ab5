using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>An uploaded material (申报材料) of a project: metadata here, the bytes in file storage under their hash.</summary>
public sealed class MaterialFile
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string MaterialCode { get; set; } = "";
    /// <summary>The name as uploaded, reduced to its last segment; never used as a path.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    /// <summary>SHA-256 of the content, hex; also the storage key.</summary>
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public Instant UploadedAt { get; set; }
}
