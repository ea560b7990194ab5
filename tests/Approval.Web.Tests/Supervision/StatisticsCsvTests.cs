using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Supervision;

/// <summary>
/// GET /api/supervision/statistics.csv: the statistics for Excel (UTF-8 with BOM, Chinese headers), the same numbers
/// as the JSON answer, over a period; supervisors only. One arranged history for the class (counts cover the database).
/// </summary>
public sealed class StatisticsCsvTests(StatisticsCsvTests.History history) : IClassFixture<StatisticsCsvTests.History>
{
    private ApprovalWebFactory Factory => history.Factory;

    [Fact]
    public async Task The_csv_starts_with_a_bom_and_chinese_headers_and_has_the_json_numbers()
    {
        var http = await Factory.ClientForAsync("supervisor");

        var response = await http.GetAsync("/api/supervision/statistics.csv", TestContext.Current.CancellationToken);
        var json = await http.GetFromJsonAsync<JsonElement>("/api/supervision/statistics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("类别,名称,所属部门,在办,超期在办,办结,准予许可,不予许可,超时默许,超期办结,平均办理工作日,按时办结率", lines[0]);
        Assert.Contains("申报事项,承诺时限（工作日）,办理中,超期在办,办结,按时办结,超期办结,不予许可,不予受理,终止办理,平均办结工作日,按时办结率", lines);
        Assert.Contains("月份,申报事项,受理项目数", lines);

        var market = json.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("departmentId").GetString() == "market-regulation");
        var decisions = market.GetProperty("decisions");
        var row = lines.Single(l => l.StartsWith("部门," + market.GetProperty("departmentName").GetString() + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal((decisions.GetProperty("open").GetInt32(), decisions.GetProperty("decided").GetInt32()), (int.Parse(row[3]), int.Parse(row[5])));
        Assert.Equal((1, 1, "100.0%"), (int.Parse(row[3]), int.Parse(row[5]), row[11]));
        var enterprise = lines.Single(l => l.StartsWith("企业开办,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("3", "1", "1", "1"), (enterprise[1], enterprise[2], enterprise[4], enterprise[5]));
        Assert.Contains("2024-09,企业开办,2", lines);
    }

    [Fact]
    public async Task A_period_counts_only_what_happened_in_it()
    {
        var http = await Factory.ClientForAsync("supervisor");

        var before = await http.GetStringAsync("/api/supervision/statistics.csv?from=2024-01-01&to=2024-09-26", TestContext.Current.CancellationToken);
        var json = await http.GetFromJsonAsync<JsonElement>("/api/supervision/statistics?from=2024-01-01&to=2024-09-26", TestContext.Current.CancellationToken);

        // Decided on 09-27 and 09-29: nothing decided, completed or accepted in the period; the open work is today's.
        var enterprise = before.Split("\r\n").Single(l => l.StartsWith("企业开办,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("1", "0"), (enterprise[2], enterprise[4]));
        Assert.DoesNotContain("2024-09,", before);
        Assert.Equal(("2024-01-01", "2024-09-26"), (json.GetProperty("from").GetString(), json.GetProperty("to").GetString()));
        Assert.Empty(json.GetProperty("acceptedPerMonth").EnumerateArray());
    }

    [Fact]
    public async Task Bad_periods_are_400s_naming_the_field()
    {
        var http = await Factory.ClientForAsync("supervisor");

        await (await http.GetAsync("/api/supervision/statistics.csv?from=2024-13-01", TestContext.Current.CancellationToken)).AssertInvalidAsync("from");
        await (await http.GetAsync("/api/supervision/statistics.csv?from=2024-10-01&to=2024-09-01", TestContext.Current.CancellationToken)).AssertInvalidAsync("to");
        await (await http.GetAsync("/api/supervision/statistics?to=yesterday", TestContext.Current.CancellationToken)).AssertInvalidAsync("to");
    }

    [Theory]
    [InlineData("approver-taxation", HttpStatusCode.Forbidden)]
    [InlineData("window", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_supervisors_get_the_csv(string? user, HttpStatusCode expected)
    {
        var http = await Factory.ClientForAsync(user);

        var response = await http.GetAsync("/api/supervision/statistics.csv", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>One completed enterprise establishment (accepted 09-27, completed 09-29 on time) and one running.</summary>
    public sealed class History : IAsyncLifetime
    {
        public ApprovalWebFactory Factory { get; } = new();

        public async ValueTask InitializeAsync()
        {
            Factory.Clock.Reset(FakeClock.AtShanghai(2024, 9, 27, 10).GetCurrentInstant());
            var completed = await Scenario.RunningAsync(Factory);
            await Scenario.DecideAsync(Factory, completed, "market-regulation");
            Factory.Clock.Reset(FakeClock.AtShanghai(2024, 9, 29, 10).GetCurrentInstant());
            foreach (var department in new[] { "public-security", "taxation", "human-resources" })
                await Scenario.DecideAsync(Factory, completed, department);
            await Factory.Services.GetRequiredService<Engine.Runtime.WorkflowEngine>()
                .ExecuteAsync(new IssueResults(Guid.NewGuid().ToString(), Scenario.WindowClerk, completed));
            await Scenario.RunningAsync(Factory);
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
