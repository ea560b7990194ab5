using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Approval.Engine.Runtime.Commands;
using NodaTime;
using NodaTime.Text;

namespace Approval.Engine.Runtime;

/// <summary>
/// What a command asks for, as a SHA-256 over its kind, its target and every value it carries (not its operation id
/// or actor): the request an operation id stands for, so that the same id with another request is refused instead of
/// answered with the first result.
/// </summary>
/// <remarks>
/// The command is what the API's method, route, target and body come to after the edge has checked and trimmed them, so
/// a retry that differs only in spacing or in the order of JSON members is the same request, and a page that runs the
/// same command is fingerprinted the same way. Members are written sorted by name, so that the fingerprint does not
/// depend on the order in which a record declares them.
/// </remarks>
public static class RequestFingerprint
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(), new LocalDateConverter(), new InstantConverter() },
    };

    /// <summary>64 lower-case hex digits.</summary>
    public static string Of(Command command)
    {
        var node = JsonSerializer.SerializeToNode(command, command.GetType(), Options)!.AsObject();
        node.Remove(nameof(Command.OperationId));
        node.Remove(nameof(Command.Actor));
        var canonical = new JsonObject { ["command"] = command.GetType().Name, ["values"] = Sorted(node) };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => throw new NotSupportedException();
        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }

    private sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => throw new NotSupportedException();
        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}
