using System.Security.Cryptography;
using NodaTime;

namespace Approval.Engine.ProjectCodes;

/// <summary>
/// Issues current-format project codes locally (本地赋码) for projects without a platform code and for demonstrations.
/// </summary>
/// <remarks>
/// <para>Layout: YYMM of the acceptance date, the configured division, guiding department and project type, five random
/// digits from <see cref="RandomNumberGenerator"/> and a check digit of our own (the Luhn digit, see
/// <see cref="LocalCheckDigit"/>). It is NOT the GB/T 40058 校验码, whose algorithm we do not have, so the platform
/// would not recognise these codes; they are marked as local by the <see cref="IIssuedProjectCodeStore"/>.</para>
/// <para>A code is unique because the table's key records it once: an acceptance adds a <see cref="Propose">proposed</see>
/// code to its own save and retries a collision with another; <see cref="IssueAsync"/> reserves one through the store on
/// its own, trying another random part up to <see cref="LocalProjectCodeOptions.MaxAttempts"/> times. Only digits are drawn: 100,000 codes per month and
/// division, which a service centre will not exhaust.</para>
/// </remarks>
public sealed class LocalProjectCodeIssuer
{
    private static readonly LocalDate FirstDate = new(2020, 10, 1);
    private static readonly LocalDate LastDate = new(2099, 12, 31);

    private readonly IIssuedProjectCodeStore _store;
    private readonly IClock _clock;
    private readonly string _fixedMiddle;
    private readonly int _maxAttempts;

    /// <summary>Validates and copies <paramref name="options"/>.</summary>
    /// <exception cref="InvalidInputException">An option is invalid; the field names it (e.g. <c>DivisionCode</c>).</exception>
    public LocalProjectCodeIssuer(IIssuedProjectCodeStore store, LocalProjectCodeOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        _store = store;
        _clock = clock;
        _fixedMiddle = $"{options.DivisionCode}-{options.GuidingDepartment}-{options.ProjectType}";
        _maxAttempts = options.MaxAttempts;
    }

    /// <summary>
    /// A candidate code for an acceptance on <paramref name="acceptanceDate"/>, not yet recorded: the engine records it
    /// with the acceptance itself, and the table's key turns a collision into a retry with another candidate.
    /// </summary>
    /// <exception cref="InvalidInputException">The date is before October 2020 or after 2099 (field <c>acceptanceDate</c>).</exception>
    public ProjectCode Propose(LocalDate acceptanceDate) =>
        Compose(YearMonthOf(acceptanceDate), RandomNumberGenerator.GetString("0123456789", 5));

    /// <summary>Issues and records a new code whose 时间代码 is the month of <paramref name="acceptanceDate"/> (受理日期), on its own.</summary>
    /// <exception cref="InvalidInputException">The date is before October 2020 or after 2099 (field <c>acceptanceDate</c>).</exception>
    /// <exception cref="InvalidOperationException">Every attempt collided with a code already issued.</exception>
    public async Task<ProjectCode> IssueAsync(LocalDate acceptanceDate, CancellationToken ct = default)
    {
        var yearMonth = YearMonthOf(acceptanceDate);
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            var code = Compose(yearMonth, RandomNumberGenerator.GetString("0123456789", 5));
            if (await _store.TryReserveAsync(code, _clock.GetCurrentInstant(), ct).ConfigureAwait(false))
                return code;
        }
        throw new InvalidOperationException(
            $"No unique local project code for {yearMonth}-{_fixedMiddle} after {_maxAttempts} attempts: every random part tried was already issued. " +
            "Either the month's 100,000 codes are nearly used up or the store is refusing reservations.");
    }

    private static string YearMonthOf(LocalDate date)
    {
        var iso = date.WithCalendar(CalendarSystem.Iso);
        if (iso < FirstDate || iso > LastDate)
            throw new InvalidInputException("acceptanceDate",
                $"acceptance date {iso:uuuu-MM-dd} cannot be written as a current-format 时间代码 (YYMM): expected 2020-10-01 to 2099-12-31");
        return $"{iso.Year % 100:00}{iso.Month:00}";
    }

    private ProjectCode Compose(string yearMonth, string random)
    {
        var body = $"{yearMonth}-{_fixedMiddle}-{random}";
        return ProjectCode.Parse(body + LocalCheckDigit.Compute(body.Replace("-", "")));
    }
}
