using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Engine.ProjectCodes;

/// <summary>Writes a project code (项目代码) as its 24-character string and reads it back through <see cref="ProjectCode.Parse"/>.</summary>
/// <remarks>
/// Without it System.Text.Json would write the segments and read every code back as an empty <c>default</c>.
/// An invalid string throws <see cref="InvalidProjectCodeException"/> (not <see cref="JsonException"/>), so the web layer
/// reports the segment and the reason like any other invalid input. The empty code is written and read as <c>null</c>.
/// </remarks>
public sealed class ProjectCodeJsonConverter : JsonConverter<ProjectCode>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override ProjectCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => default,
            JsonTokenType.String => ProjectCode.Parse(reader.GetString()),
            _ => throw new JsonException($"A project code is a JSON string, not {reader.TokenType}."),
        };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ProjectCode value, JsonSerializerOptions options)
    {
        if (value.IsEmpty) writer.WriteNullValue();
        else writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc/>
    public override ProjectCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ProjectCode.Parse(reader.GetString());

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, ProjectCode value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.IsEmpty
            ? throw new JsonException("The empty project code cannot be a property name.")
            : value.Value);
}
