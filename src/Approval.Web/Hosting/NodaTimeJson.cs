using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Engine.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Approval.Web.Hosting;

/// <summary>A value in a JSON body that our converters refuse, with a message the caller can act on (no internal type names).</summary>
public sealed class InputJsonException(string message) : JsonException(message);

/// <summary>
/// Writes and reads <see cref="LocalDate"/> as ISO <c>yyyy-MM-dd</c> (NodaTime's System.Text.Json package is not
/// obtainable here). Only dates the calendar handles are read (<see cref="SupportedRange"/>): year 0, negative or
/// far-future years are refused here rather than failing in the database or in deadline arithmetic.
/// </summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new InputJsonException(ProblemText.NotADate(Token(ref reader)));
        return Parse(reader.GetString() ?? "", m => new InputJsonException(m));
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));

    /// <summary>A date within <see cref="SupportedRange"/>, or the refusal <paramref name="refuse"/> makes of the message.</summary>
    public static LocalDate Parse(string text, Func<string, Exception> refuse)
    {
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (!result.Success) throw refuse(ProblemText.NotADate(Printable(text)));
        return SupportedRange.Contains(result.Value)
            ? result.Value
            : throw refuse(ProblemText.DateOutOfRange(Printable(text), Format(SupportedRange.First), Format(SupportedRange.Last)));
    }

    private static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Token(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null =>
            System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => reader.TokenType.ToString(),
    };

    internal static string Printable(string text) =>
        string.Concat(text.Take(40).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}

/// <summary>Writes and reads <see cref="Instant"/> as ISO-8601 UTC, e.g. <c>2024-10-08T01:30:00Z</c>.</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new InputJsonException(ProblemText.NotAnInstant(LocalDateJsonConverter.Token(ref reader)));
        var text = reader.GetString() ?? "";
        var result = InstantPattern.ExtendedIso.Parse(text);
        return result.Success && SupportedRange.Contains(result.Value.InUtc().Date)
            ? result.Value
            : throw new InputJsonException(ProblemText.NotAnInstant(LocalDateJsonConverter.Printable(text)));
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}

/// <summary>
/// Reads every JSON string of a request through <see cref="ControlCharacters.InText"/>: U+0000 and the other control
/// characters are refused with the member's path, tab and line breaks are kept.
/// </summary>
public sealed class TextJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new InputJsonException(ProblemText.WrongType);
        var text = reader.GetString()!;
        return ControlCharacters.InText(text) is { } c ? throw new InputJsonException(ProblemText.ControlCharacter(c)) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys (e.g. a project code's segments) go through these; without them a custom string converter fails.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString()!;
        return ControlCharacters.InLine(name) is { } c ? throw new InputJsonException(ProblemText.ControlCharacter(c)) : name;
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}
