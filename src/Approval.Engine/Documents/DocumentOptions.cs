namespace Approval.Engine.Documents;

/// <summary>How document numbers (文号) are written (configuration section <c>Approval:Documents</c>).</summary>
public sealed class DocumentOptions
{
    /// <summary>The issuing office's short name (机关简称) that starts every number. Default <c>宁政务</c>.</summary>
    public string Prefix { get; set; } = "宁政务";

    /// <summary>Throws <see cref="InvalidInputException"/> naming the option that is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Prefix) || Prefix.Trim().Length > 20)
            throw new InvalidInputException(nameof(Prefix),
                $"{nameof(DocumentOptions)}.{nameof(Prefix)}: expected 1–20 characters, given '{Prefix}'");
    }
}
