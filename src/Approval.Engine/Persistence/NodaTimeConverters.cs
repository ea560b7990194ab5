using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Approval.Engine.Persistence;

/// <summary>Stores an <see cref="Instant"/> as a UTC <see cref="DateTime"/> (timestamptz on PostgreSQL, ISO text on SQLite).</summary>
/// <remarks>
/// One set of converters serves both providers: SQLite has no NodaTime plugin, and Npgsql's
/// (<c>Npgsql.EntityFrameworkCore.PostgreSQL.NodaTime</c>, now in the registry) would give PostgreSQL a second mapping
/// whose column types are the same as these; moving to it is a choice for when SQLite is no longer supported.
/// </remarks>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

/// <summary>Stores a <see cref="LocalDate"/> as a <see cref="DateOnly"/> (date on PostgreSQL, yyyy-MM-dd text on SQLite).</summary>
public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    d => d.ToDateOnly(),
    d => LocalDate.FromDateOnly(d));

/// <summary>Stores a list of strings as one JSON text column, the same on every provider.</summary>
/// <remarks>Chinese text is kept as it is rather than escaped to \uXXXX, so the column holds what people wrote.</remarks>
public sealed class StringListConverter() : ValueConverter<List<string>, string>(
    l => JsonSerializer.Serialize(l, StoredJson.Options),
    s => JsonSerializer.Deserialize<List<string>>(s, StoredJson.Options) ?? new List<string>());

/// <summary>JSON settings for values stored in the database (never sent to a browser, so relaxed escaping is safe).</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>Compares string lists by content so that EF Core notices changes made in place.</summary>
public sealed class StringListComparer() : ValueComparer<List<string>>(
    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
    l => l.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
    l => l.ToList());

/// <summary>Stores what the departments asked in a correction request (<see cref="Runtime.CorrectionAsk"/>) as one JSON text column.</summary>
public sealed class CorrectionAsksConverter() : ValueConverter<List<Runtime.CorrectionAsk>, string>(
    l => JsonSerializer.Serialize(l, StoredJson.Options),
    s => JsonSerializer.Deserialize<List<Runtime.CorrectionAsk>>(s, StoredJson.Options) ?? new List<Runtime.CorrectionAsk>());

/// <summary>Compares correction requests by what they store: records holding lists are not equal by content otherwise.</summary>
public sealed class CorrectionAsksComparer() : ValueComparer<List<Runtime.CorrectionAsk>>(
    (a, b) => a == null ? b == null : b != null && JsonSerializer.Serialize(a, StoredJson.Options) == JsonSerializer.Serialize(b, StoredJson.Options),
    l => JsonSerializer.Serialize(l, StoredJson.Options).GetHashCode(),
    l => l.ToList());
