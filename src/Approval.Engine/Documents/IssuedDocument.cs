using NodaTime;

namespace Approval.Engine.Documents;

/// <summary>
/// A document number (文号) given to one document of one project: <c>宁政务受〔2026〕15号</c>.
/// </summary>
/// <remarks>
/// (prefix, kind, year, sequence) is the key, so a number is never given twice; (instance, kind, occasion) is unique,
/// so a document printed again keeps the number it was first given. The occasion is the sequence of the journal entry
/// that made the document (the acceptance, the return, the refusal): a project returned twice gets two notices.
/// </remarks>
public sealed class IssuedDocument
{
    /// <summary>The issuing office's short name (机关简称) when the number was given, e.g. 宁政务.</summary>
    public string Prefix { get; set; } = "";
    public DocumentKind Kind { get; set; }
    /// <summary>The year of the number: the local year of the day the document was issued.</summary>
    public int Year { get; set; }
    /// <summary>The serial number within (prefix, kind, year), from 1 without gaps unless a save failed.</summary>
    public int Sequence { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>The sequence of the journal entry the document records.</summary>
    public int Occasion { get; set; }
    /// <summary>The local day the document is dated (the day of the acceptance, return or refusal).</summary>
    public LocalDate IssuedOn { get; set; }
    /// <summary>When the number was first given.</summary>
    public Instant NumberedAt { get; set; }

    /// <summary>The number as printed: prefix, the kind's character, 〔year〕, sequence, 号.</summary>
    public string Number => DocumentNumbers.Format(Prefix, Kind, Year, Sequence);
}
