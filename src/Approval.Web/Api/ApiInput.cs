using Approval.Engine;
using Approval.Engine.Calendar;
using NodaTime;
using Approval.Web.Hosting;

namespace Approval.Web.Api;

/// <summary>
/// Parses query and route values ourselves, so that a malformed value is a 400 problem naming the parameter
/// and saying what was expected, instead of a binder's generic message.
/// </summary>
public static class ApiInput
{
    public static LocalDate Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidInputException(field, ProblemText.RequiredValue("a date as yyyy-MM-dd"));
        return LocalDateJsonConverter.Parse(value, message => new InvalidInputException(field, message));
    }

    public static int Int(string? value, string field, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidInputException(field, $"Required: a whole number from {min} to {max}.");
        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
            throw new InvalidInputException(field, $"'{value}' is not a whole number.");
        return n < min || n > max ? throw new InvalidInputException(field, $"Must be from {min} to {max}; given {n}.") : n;
    }

    /// <summary>What the <c>size</c> and <c>cursor</c> query parameters of a paged list ask for (see <see cref="Paging"/>).</summary>
    public static Engine.Supervision.PageRequest Page(string? size, string? cursor) => new(
        string.IsNullOrWhiteSpace(size) ? Engine.Supervision.PageRequest.DefaultSize : Int(size, "size", 1, Engine.Supervision.PageRequest.MaxSize),
        cursor);

    public static ClockStops Stops(string? value) => string.IsNullOrWhiteSpace(value) ? ClockStops.None : ClockStops.Parse(value);
}

/// <summary>How the API's paged lists read, for their OpenAPI descriptions.</summary>
public static class Paging
{
    public const string Size = "Rows per page, from 1 to 200 (50 when absent); more is a 400 naming `size`.";

    public const string Cursor = "The `nextCursor` of the page before, as it was given; absent for the first page. A cursor this list did not give is a 400 naming `cursor`.";

    /// <summary>Appended to a paged list's description.</summary>
    public const string Description = " Paged by keyset: the answer is `{ items, nextCursor, total }`; pass `nextCursor` back as `cursor` " +
        "for the next page (null on the last). Rows added meanwhile behind the cursor are not repeated. `total` is null where counting would not be cheap.";
}

/// <summary>Reads the operation id of a command from the <c>Idempotency-Key</c> header.</summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>The caller's operation id; the same key sent again returns the first result and changes nothing.</summary>
    public static string Key(HttpRequest request, Engine.Runtime.Actor actor)
    {
        var key = request.Headers[Header].ToString().Trim();
        if (key.Length == 0)
            throw new Engine.InvalidInputException(Header, "Every decision needs an Idempotency-Key header (e.g. a UUID) so that a retry never signs twice.");
        if (key.Length > 100) throw new Engine.InvalidInputException(Header, ProblemText.TooLong(100, key.Length));
        ControlCharacters.RequireLine(key, Header);
        return Scoped(actor, key);
    }

    /// <summary>The engine's operation id for a client's key (the API's header, or a page form's hidden field).</summary>
    /// <remarks>Scoped by user, so that two users can never collide on a key.</remarks>
    public static string Scoped(Engine.Runtime.Actor actor, string key) => $"{actor.UserId}:{key}";
}
