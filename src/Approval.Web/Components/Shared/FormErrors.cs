namespace Approval.Web.Components.Shared;

/// <summary>
/// The messages of a form that failed, in the order of its fields, each keyed by the <c>id</c> of its input, so that
/// <see cref="ErrorSummary"/> can link to the field and <see cref="FieldError"/> can show the message beside it.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string FieldId, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string FieldId, string Message)> All => _errors;

    public void Add(string fieldId, string message) => _errors.Add((fieldId, message));

    public string? For(string fieldId) => _errors.FirstOrDefault(e => e.FieldId == fieldId).Message;

    public bool Has(string fieldId) => _errors.Any(e => e.FieldId == fieldId);

    /// <summary>The id of the message element, for the input's <c>aria-describedby</c>.</summary>
    public static string MessageId(string fieldId) => fieldId + "-error";

    /// <summary>Attributes for an input: <c>aria-invalid</c> and <c>aria-describedby</c> when it has a message.</summary>
    public Dictionary<string, object> InputAttributes(string fieldId, string? hintId = null)
    {
        var described = string.Join(' ', new[] { hintId, Has(fieldId) ? MessageId(fieldId) : null }.Where(s => s is not null));
        var attributes = new Dictionary<string, object>();
        if (described.Length > 0) attributes["aria-describedby"] = described;
        if (Has(fieldId)) attributes["aria-invalid"] = "true";
        return attributes;
    }
}
