using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Projects;

/// <summary>Every kind of bad filing is a 400 problem naming the field, and leaves no project behind.</summary>
public sealed class FilingBadInputTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private const string Materials = """["registration-application","articles-of-association"]""";

    private static string Filing(string project, string materials = Materials, string definition = "\"enterprise-establishment\"") =>
        $$"""{"definitionId":{{definition}},"project":{{project}},"materials":{{materials}}}""";

    private static string Project(string name = "\"某某公司设立\"", string amount = "500", string code = "null", string phone = "\"13812345678\"") =>
        $$"""{"projectName":{{name}},"division":"320193","industry":"F51","investmentAmount":{{amount}},"projectCode":{{code}},"contactName":"张伟","contactPhone":{{phone}}}""";

    public static TheoryData<string, string, string> BadFilings => new()
    {
        { "wrong type: amount as words", Filing(Project(amount: "\"五百万\"")), "project.investmentAmount" },
        { "wrong type: materials as a string", Filing(Project(), materials: "\"registration-application\""), "materials" },
        { "wrong type: definition as a number", Filing(Project(), definition: "42"), "definitionId" },
        { "wrong type: project as an array", Filing("[]"), "project" },
        { "missing definition", $$"""{"project":{{Project()}},"materials":{{Materials}}}""", "definitionId" },
        { "missing project", $$"""{"definitionId":"enterprise-establishment","materials":{{Materials}}}""", "project" },
        { "missing materials", $$"""{"definitionId":"enterprise-establishment","project":{{Project()}}}""", "materials" },
        { "missing project name", Filing("""{"division":"320193","industry":"F51","investmentAmount":500}"""), "project.projectName" },
        { "missing investment", Filing("""{"projectName":"某某公司设立","division":"320193","industry":"F51"}"""), "project.investmentAmount" },
        { "blank material code", Filing(Project(), materials: """["registration-application", " "]"""), "materials[1]" },
        { "negative investment", Filing(Project(amount: "-1")), "project.investmentAmount" },
        { "unknown definition", Filing(Project(), definition: "\"shopping-mall\""), "definitionId" },
        { "unknown material", Filing(Project(), materials: """["registration-application","birth-certificate"]"""), "materials[1]" },
        { "project code with a month 13", Filing(Project(code: "\"2513-320193-89-01-544060\"")), "project.projectCode" },
        { "project code with a wrong project type", Filing(Project(code: "\"2020-451421-88-04-016343\"")), "project.projectCode" },
        { "project code that is not one", Filing(Project(code: "\"ABC\"")), "project.projectCode" },
        { "missing contact phone", Filing(Project(phone: "null")), "project.contactPhone" },
        { "contact phone too short", Filing(Project(phone: "\"1381234567\"")), "project.contactPhone" },
        { "contact phone as a landline without area code", Filing(Project(phone: "\"83123456\"")), "project.contactPhone" },
        { "contact phone with letters", Filing(Project(phone: "\"1381234567x\"")), "project.contactPhone" },
    };

    [Theory]
    [MemberData(nameof(BadFilings))]
    public async Task A_bad_filing_is_a_problem_naming_the_field_and_stores_nothing(string why, string json, string field)
    {
        var investor = await factory.ClientForAsync("investor");
        var before = (await investor.MineAsync()).Count;

        var response = await investor.PostJsonAsync("/api/projects", json);

        var message = await response.AssertInvalidAsync(field);
        Assert.False(string.IsNullOrWhiteSpace(message), why);
        Assert.Equal(before, (await investor.MineAsync()).Count);
    }

    [Theory]
    [InlineData("""{"definitionId":"enterprise-establishment","project":""")]
    [InlineData("""{"definitionId":"enterprise-establishment",}""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task Malformed_json_is_a_bad_request_problem_and_stores_nothing(string json)
    {
        var investor = await factory.ClientForAsync("investor");
        var before = (await investor.MineAsync()).Count;

        var response = await investor.PostJsonAsync("/api/projects", json);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
        Assert.Equal(before, (await investor.MineAsync()).Count);
    }

    [Fact]
    public async Task A_filing_sent_as_a_form_is_refused_and_stores_nothing()
    {
        var investor = await factory.ClientForAsync("investor");
        var before = (await investor.MineAsync()).Count;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["definitionId"] = "enterprise-establishment" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await investor.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, (await investor.MineAsync()).Count);
    }
}
