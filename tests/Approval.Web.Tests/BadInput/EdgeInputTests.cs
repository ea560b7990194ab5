using System.Net;
using System.Net.Http.Json;
using System.Text;
using Approval.Engine.Runtime;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Projects;
using Approval.Web.Tests.Tasks;

namespace Approval.Web.Tests.BadInput;

/// <summary>
/// What the edge refuses before anything is read from or written to the store: control characters, dates outside the
/// calendar, unreadable bodies and uploads — each a 400 naming the field, in the caller's language, naming no internal type.
/// </summary>
public sealed class EdgeInputTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task A_nul_in_a_tracking_lookup_is_refused_naming_the_parameter()
    {
        var response = await factory.CreateClient().GetAsync("/api/tracking?code=%00&key=abc");

        Assert.Contains("U+0000", await response.AssertInvalidAsync("code"));
    }

    [Fact]
    public async Task A_nul_in_a_user_name_is_refused_naming_the_field()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "window\u0000", password = "x" });

        Assert.Contains("U+0000", await response.AssertInvalidAsync("userName"));
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("-0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task An_authorisation_dated_outside_the_calendar_is_refused_naming_the_field(string date)
    {
        var admin = await factory.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/authorisations",
            new { agentUserName = "agent", validFrom = date, validTo = "2030-01-01", investorId = "i-1", investorName = "某公司" });

        Assert.Contains(date, await response.AssertInvalidAsync("validFrom"));
    }

    [Fact]
    public async Task A_promised_date_in_year_zero_is_refused_naming_the_field()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await factory.ClientForAsync("window");

        var response = await window.PostRawAsync($"/api/intake/{id}/acceptance", """{ "promisedBy": "0000-01-01" }""");

        await response.AssertInvalidAsync("promisedBy");
        Assert.Equal(InstanceStatus.Filed, (await Steps.ProjectAsync(factory, id)).Status);
    }

    [Fact]
    public async Task A_control_character_in_a_reason_is_refused_but_a_line_break_is_kept()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await factory.ClientForAsync("window");

        var bell = await window.PostRawAsync($"/api/intake/{id}/refusal", """{ "reason": "不符合\u0007条件" }""");
        var lines = await window.PostRawAsync($"/api/intake/{id}/refusal", """{ "reason": "不符合条件：\n一、用地未落实" }""");

        Assert.Contains("U+0007", await bell.AssertInvalidAsync("reason"));
        Assert.Equal(HttpStatusCode.OK, lines.StatusCode);
    }

    [Fact]
    public async Task An_upload_cut_short_is_refused_naming_the_file()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var agent = await factory.ClientForAsync("agent");
        const string form = "--b\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\nbank-account\r\n--b\r\n" +
            "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(form));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        var response = await agent.UploadAsync(id, content);

        await response.AssertInvalidAsync("file");
    }

    [Theory]
    [InlineData("""{ "date": 5 }""", "date")]
    [InlineData("""[]""", "body")]
    [InlineData("", "body")]
    public async Task A_body_of_the_wrong_kind_names_the_field_and_no_internal_type(string json, string field)
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        var window = await factory.ClientForAsync("window");

        var response = await window.PostRawAsync($"/api/intake/{id}/survey", json);

        var message = await response.AssertInvalidAsync(field);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Approval.", body);
        Assert.DoesNotContain("Did you mean", body);
        Assert.DoesNotContain("SurveyRequest", message);
    }

    [Fact]
    public async Task A_body_missing_several_fields_names_them_all_at_once()
    {
        var agent = await factory.ClientForAsync("agent");

        var response = await agent.PostRawAsync("/api/projects", """{ "project": { "investorId": "investor" } }""");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "definitionId", "materials", "project.investmentAmount", "project.projectName",
            "project.division", "project.industry", "project.contactName", "project.contactPhone" }, fields);
    }

    [Fact]
    public async Task Findings_without_agreement_or_text_name_both()
    {
        var approver = await factory.ClientForAsync("approver-market-regulation");

        var response = await approver.PostRawAsync($"/api/tasks/{Guid.NewGuid()}/findings", "{}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("agrees", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("findings", out _));
    }

    [Fact]
    public async Task A_caller_asking_for_chinese_gets_the_problem_in_chinese_and_english_stays_the_default()
    {
        var client = factory.CreateClient();
        var chinese = new HttpRequestMessage(HttpMethod.Get, "/api/tracking?code=%01&key=abc");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        var inChinese = await client.SendAsync(chinese);
        var inEnglish = await client.GetAsync("/api/tracking?code=%01&key=abc");

        var problem = await inChinese.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("输入有误。", problem.GetProperty("title").GetString());
        Assert.Contains("控制字符", problem.GetProperty("errors").GetProperty("code")[0].GetString());
        Assert.Equal("One or more inputs are invalid.", (await inEnglish.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("title").GetString());
    }
}
