using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Calendar;

/// <summary>The OpenAPI document tells a client what it will get: typed dates and numbers, the login answer, every error answer.</summary>
public sealed class OpenApiDocumentTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task Dates_and_instants_are_iso_strings_and_integers_are_integers()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var receipt = schemas.GetProperty("ReceiptResponse").GetProperty("properties");
        var material = schemas.GetProperty("MaterialFileResponse").GetProperty("properties");

        Assert.Equal(("string", "date"), TypeOf(schemas, receipt.GetProperty("acceptedOn")));
        Assert.Equal(("string", "date-time"), TypeOf(schemas, material.GetProperty("uploadedAt")));
        Assert.Equal("integer", receipt.GetProperty("targetWorkingDays").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_login_answer_has_a_schema_with_the_access_token()
    {
        var document = await DocumentAsync();
        var ok = document.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post").GetProperty("responses").GetProperty("200");

        var schema = ok.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var resolved = schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
        Assert.True(resolved.GetProperty("properties").TryGetProperty("accessToken", out _), resolved.ToString());
    }

    [Theory]
    [InlineData("/api/tracking", "get", "400,404,429")]
    [InlineData("/api/supervision/projects", "get", "401,403")]
    [InlineData("/api/supervision/extensions/{id}/decision", "post", "400,401,403,404,409,422")]
    [InlineData("/api/catalogue/matters/{code}", "get", "404")]
    [InlineData("/api/disclosure", "get", "400")]
    [InlineData("/api/definitions/{id}", "get", "401,404")]
    [InlineData("/api/admin/calendar/reload", "post", "401,403")]
    [InlineData("/api/tasks/{id}/decision", "post", "400,401,403,404,409,422")]
    public async Task Every_error_answer_an_operation_gives_is_documented(string path, string method, string statuses)
    {
        var responses = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        foreach (var status in statuses.Split(','))
            Assert.True(responses.TryGetProperty(status, out _), $"{method} {path} does not document {status}");
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;

    /// <summary>The type and format of a property, through a reference or a nullable wrapper.</summary>
    private static (string? Type, string? Format) TypeOf(JsonElement schemas, JsonElement property)
    {
        if (property.TryGetProperty("$ref", out var reference))
            property = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        var type = property.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null") : t.GetString()
            : null;
        return (type, property.TryGetProperty("format", out var f) ? f.GetString() : null);
    }
}
