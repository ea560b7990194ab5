using Approval.Engine;
using Approval.Engine.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Approval.Web.Api;

/// <summary>
/// Parses query and route values ourselves, so that a malformed value is a 400 problem naming the parameter
/// and saying what was expected, instead of a binder's generic message.
/// </summary>
public static class ApiInput
{
    public static LocalDate Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidInputException(field, "Required: a date as yyyy-MM-dd.");
        var result = LocalDatePattern.Iso.Parse(value.Trim());
        return result.Success
            ? result.Value
            : throw new InvalidInputException(field, $"'{value}' is not a date that exists, written yyyy-MM-dd (e.g. 2024-10-08).");
    }

    public static int Int(string? value, string field, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidInputException(field, $"Required: a whole number from {min} to {max}.");
        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
            throw new InvalidInputException(field, $"'{value}' is not a whole number.");
        return n < min || n > max ? throw new InvalidInputException(field, $"Must be from {min} to {max}; given {n}.") : n;
    }

    public static ClockStops Stops(string? value) => string.IsNullOrWhiteSpace(value) ? ClockStops.None : ClockStops.Parse(value);
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
        if (key.Length > 100) throw new Engine.InvalidInputException(Header, $"At most 100 characters; given {key.Length}.");
        return Scoped(actor, key);
    }

    /// <summary>The engine's operation id for a client's key (the API's header, or a page form's hidden field).</summary>
    /// <remarks>Scoped by user, so that two users can never collide on a key.</remarks>
    public static string Scoped(Engine.Runtime.Actor actor, string key) => $"{actor.UserId}:{key}";
}
