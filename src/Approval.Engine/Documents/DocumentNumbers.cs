using Approval.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Documents;

/// <summary>
/// Gives the window's documents their numbers (文号), <c>机关简称+类别〔年〕序号号</c>, once per document and never twice.
/// </summary>
/// <remarks>
/// A number is kept in <c>document_numbers</c>: asking again for the same (project, kind, occasion) returns the number
/// first given, so a reprint carries the same number. Two nodes numbering at the same instant compute the same next
/// sequence; the table's key lets one of them in and the other retries with the following number.
/// </remarks>
public sealed class DocumentNumbers(ApprovalDatabase database, DocumentOptions options, IClock clock)
{
    private const int MaxAttempts = 20;

    /// <summary>The number of the document of <paramref name="kind"/> that the journal entry <paramref name="occasion"/> made.</summary>
    /// <param name="instanceId">The project.</param>
    /// <param name="kind">Which document.</param>
    /// <param name="occasion">The sequence of the journal entry (acceptance, return, refusal) the document records.</param>
    /// <param name="issuedOn">The local day of that entry; its year is the number's year.</param>
    /// <param name="ct">Cancels the wait for the database.</param>
    public async Task<IssuedDocument> NumberAsync(Guid instanceId, DocumentKind kind, int occasion, LocalDate issuedOn,
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(instanceId, kind, occasion, ct) is { } existing) return existing;
            var prefix = options.Prefix.Trim();
            using var gate = await database.EnterWriteAsync(ct);
            await using var db = database.CreateContext();
            var last = await db.IssuedDocuments
                .Where(d => d.Prefix == prefix && d.Kind == kind && d.Year == issuedOn.Year)
                .MaxAsync(d => (int?)d.Sequence, ct) ?? 0;
            var document = new IssuedDocument
            {
                Prefix = prefix, Kind = kind, Year = issuedOn.Year, Sequence = last + 1, InstanceId = instanceId,
                Occasion = occasion, IssuedOn = issuedOn, NumberedAt = clock.GetCurrentInstant(),
            };
            db.IssuedDocuments.Add(document);
            try
            {
                await db.SaveChangesAsync(ct);
                return document;
            }
            catch (DbUpdateException ex) when (ApprovalDatabase.IsUniqueViolation(ex) && attempt < MaxAttempts)
            {
                // Another request took this sequence, or numbered this very document: look again.
            }
        }
    }

    /// <summary>The number already given to this document, if any.</summary>
    public async Task<IssuedDocument?> FindAsync(Guid instanceId, DocumentKind kind, int occasion, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.IssuedDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.InstanceId == instanceId && d.Kind == kind && d.Occasion == occasion, ct);
    }

    /// <summary>The printed number, e.g. <c>宁政务受〔2026〕15号</c>.</summary>
    public static string Format(string prefix, DocumentKind kind, int year, int sequence) =>
        $"{prefix}{KindCharacter(kind)}〔{year}〕{sequence}号";

    /// <summary>The one character that tells the kinds apart in a number: 受 (受理), 告 (告知), 不 (不予受理), 验 (联合验收).</summary>
    public static char KindCharacter(DocumentKind kind) => kind switch
    {
        DocumentKind.Receipt => '受',
        DocumentKind.OneTimeNotice => '告',
        DocumentKind.Refusal => '不',
        DocumentKind.JointAcceptance => '验',
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
