using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Approval.Web.Hosting;

/// <summary>Writes and reads <see cref="LocalDate"/> as ISO <c>yyyy-MM-dd</c> (NodaTime's System.Text.Json package is not obtainable here).</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = LocalDatePattern.Iso.Parse(reader.GetString() ?? "");
        return result.Success ? result.Value : throw new JsonException($"Expected a date as yyyy-MM-dd: {result.Exception.Message}");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>Writes and reads <see cref="Instant"/> as ISO-8601 UTC, e.g. <c>2024-10-08T01:30:00Z</c>.</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = InstantPattern.ExtendedIso.Parse(reader.GetString() ?? "");
        return result.Success ? result.Value : throw new JsonException($"Expected an ISO-8601 UTC instant: {result.Exception.Message}");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}
