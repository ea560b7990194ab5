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
        return Scoped(key, actor, Header);
    }

    /// <summary>
    /// The operation id of a key the caller chose (a header, or the hidden field of a page's form), scoped by user so
    /// that two users can never collide on a key.
    /// </summary>
    public static string Scoped(string key, Engine.Runtime.Actor actor, string field)
    {
        if (key.Length > 100) throw new Engine.InvalidInputException(field, $"At most 100 characters; given {key.Length}.");
        return $"{actor.UserId}:{key}";
    }
}
