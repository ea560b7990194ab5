using System.Net.Http.Json;
using Approval.Engine.Runtime;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;

namespace Approval.Web.Tests.Intake;

public sealed partial class IntakeApiTests
{
    [Fact]
    public async Task Acceptance_without_an_idempotency_key_is_refused_and_changes_nothing()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        var response = await window.PostAsJsonAsync($"/api/intake/{id}/acceptance", new { });

        await response.AssertInvalidAsync("Idempotency-Key");
        Assert.Equal(InstanceStatus.Filed, (await Steps.ProjectAsync(factory, id)).Status);
    }

    [Theory]
    [InlineData("refusal", """{}""", "reason")]
    [InlineData("refusal", """{ "reason": "   " }""", "reason")]
    [InlineData("refusal", """{ "reason": 42 }""", "reason")]
    [InlineData("refusal", """{ "reason": """, "reason")]
    [InlineData("acceptance", """{ "promisedBy": "2024-02-30" }""", "promisedBy")]
    [InlineData("acceptance", """{ "promisedBy": "30.09.2024" }""", "promisedBy")]
    [InlineData("acceptance", """{ "promisedBy": 20240930 }""", "promisedBy")]
    [InlineData("return", """{ "note": ["a"] }""", "note")]
    public async Task Bad_intake_input_is_a_problem_naming_the_field_and_nothing_is_stored(string action, string json, string field)
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var journal = (await Steps.JournalAsync(factory, id)).Count;
        var window = await WindowAsync();

        var response = await window.PostRawAsync($"/api/intake/{id}/{action}", json);

        await response.AssertInvalidAsync(field);
        Assert.Equal(InstanceStatus.Filed, (await Steps.ProjectAsync(factory, id)).Status);
        Assert.Equal(journal, (await Steps.JournalAsync(factory, id)).Count);
    }

    [Fact]
    public async Task A_refusal_without_a_body_is_a_problem()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        var response = await window.PostRawAsync($"/api/intake/{id}/refusal", "");

        await response.AssertInvalidAsync("body");
        Assert.Equal(InstanceStatus.Filed, (await Steps.ProjectAsync(factory, id)).Status);
    }

    [Fact]
    public async Task A_promised_date_beyond_the_deficiency_limit_is_a_problem_naming_it()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment",
            AllMaterialsBut(factory, "enterprise-establishment", "bank-account"));
        var window = await WindowAsync();

        // Two working days after Friday 27 September is Monday the 30th; 8 October is too late.
        var response = await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { promisedBy = "2024-10-08" });

        await response.AssertInvalidAsync("promisedBy");
        Assert.Equal(InstanceStatus.Filed, (await Steps.ProjectAsync(factory, id)).Status);
    }

    [Theory]
    [InlineData("""{ "date": "2024-10-01" }""")]
    [InlineData("""{ "date": "2024-09-31" }""")]
    [InlineData("""{ "date": "2024-09-26" }""")]
    [InlineData("""{ "date": null }""")]
    [InlineData("""{ "date": true }""")]
    public async Task A_survey_date_that_is_not_a_working_day_ahead_or_does_not_exist_is_a_problem_naming_it(string json)
    {
        var id = await Steps.AtSiteSurveyAsync(factory);
        var window = await WindowAsync();

        var response = await window.PostRawAsync($"/api/intake/{id}/survey", json);

        await response.AssertInvalidAsync("date");
        Assert.Null((await Steps.ProjectAsync(factory, id)).SurveyOn);
    }
}
