using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Approval.Web.Hosting;

/// <summary>What OpenAPI cannot see through our JSON converters: NodaTime's dates and instants are ISO strings.</summary>
public static class OpenApiSchemas
{
    /// <summary><see cref="LocalDate"/> → <c>string</c>, <c>format: date</c>; <see cref="Instant"/> → <c>string</c>, <c>format: date-time</c>.</summary>
    public static Task NodaTimeAsStringsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var format = type == typeof(LocalDate) ? "date" : type == typeof(Instant) ? "date-time" : null;
        if (format is null) return Task.CompletedTask;
        var nullable = type != context.JsonTypeInfo.Type;
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = format;
        schema.Properties?.Clear();
        return Task.CompletedTask;
    }
}
