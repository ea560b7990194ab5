using System.Net.Http.Json;
using System.Text.Json;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;

namespace Approval.Web.Tests.Supervision;

/// <summary>
/// The lists that grow with the data answer a page at a time over HTTP: <c>{ items, nextCursor, total }</c>, pages
/// that follow <c>nextCursor</c> give every row once in the list's order, and bad paging input is a 400 naming the
/// parameter; the OpenAPI document says so.
/// </summary>
public sealed class PagedListsApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Lists => new()
    {
        { "approver-market-regulation", "/api/tasks" },
        { "supervisor", "/api/supervision/tasks" },
        { "supervisor", "/api/supervision/projects" },
        { "supervisor", "/api/supervision/tasks?department=market-regulation&due=nearDue" },
        { "window", "/api/intake/queue" },
        { "investor", "/api/projects" },
        { "anonymous", "/api/disclosure" },
        { "supervisor", "/api/supervision/extensions" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Pages_of_two_followed_by_their_cursor_give_the_whole_list_once_in_order(string user, string url)
    {
        await SeedAsync();
        var http = await factory.ClientForAsync(user == "anonymous" ? null : user);

        var whole = await GetAsync(http, With(url, "size=200"));
        var paged = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(http, With(url, "size=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))));
            var items = page.GetProperty("items").EnumerateArray().Select(Id).ToList();
            Assert.InRange(items.Count, 1, 2);
            paged.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        } while (cursor is not null && pages < 200);

        var all = whole.GetProperty("items").EnumerateArray().Select(Id).ToList();
        Assert.True(all.Count >= 3, $"{url}: {all.Count} rows are too few to page");
        Assert.Equal(all, paged);
        Assert.Null(whole.GetProperty("nextCursor").GetString());
    }

    [Theory]
    [InlineData("window", "/api/intake/queue?size=0", "size")]
    [InlineData("window", "/api/intake/queue?size=201", "size")]
    [InlineData("window", "/api/intake/queue?size=many", "size")]
    [InlineData("window", "/api/intake/queue?cursor=not-a-cursor", "cursor")]
    [InlineData("approver-market-regulation", "/api/tasks?size=1000", "size")]
    [InlineData("approver-market-regulation", "/api/tasks?cursor=AAAA", "cursor")]
    [InlineData("supervisor", "/api/supervision/projects?cursor=%25%25", "cursor")]
    [InlineData("supervisor", "/api/supervision/tasks?due=soon", "due")]
    [InlineData("investor", "/api/projects?size=-1", "size")]
    [InlineData("investor", "/api/authorisations?size=0", "size")]
    [InlineData("investor", "/api/authorisations?cursor=AAAA", "cursor")]
    [InlineData("supervisor", "/api/supervision/extensions?size=0", "size")]
    [InlineData("supervisor", "/api/supervision/extensions?size=201", "size")]
    [InlineData("supervisor", "/api/supervision/extensions?size=two", "size")]
    [InlineData("supervisor", "/api/supervision/extensions?cursor=AAAA", "cursor")]
    public async Task Bad_paging_input_is_a_400_naming_the_parameter(string user, string url, string field)
    {
        var http = await factory.ClientForAsync(user);

        await (await http.GetAsync(url, Ct)).AssertInvalidAsync(field);
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_a_400_naming_cursor()
    {
        await SeedAsync();
        var queue = await GetAsync(await factory.ClientForAsync("window"), "/api/intake/queue?size=1");
        var cursor = Uri.EscapeDataString(queue.GetProperty("nextCursor").GetString()!);

        var supervisor = await factory.ClientForAsync("supervisor");

        await (await supervisor.GetAsync($"/api/supervision/tasks?cursor={cursor}", Ct)).AssertInvalidAsync("cursor");
        await (await supervisor.GetAsync($"/api/supervision/extensions?cursor={cursor}", Ct)).AssertInvalidAsync("cursor");
    }

    [Fact]
    public async Task Pending_extensions_come_a_page_at_a_time_oldest_request_first_each_once_with_the_total()
    {
        await SeedAsync();
        // Five more requests an hour apart, the first of them at the seed's own time.
        var mine = new List<Guid>();
        for (var n = 0; n < 5; n++)
        {
            factory.Clock.Advance(NodaTime.Duration.FromHours(1));
            mine.Add(await Scenario.RequestExtensionAsync(factory, await Scenario.RunningAsync(factory), "market-regulation", 1 + n, $"第 {n + 1} 件"));
        }
        var http = await factory.ClientForAsync("supervisor");

        var first = await GetAsync(http, "/api/supervision/extensions?size=2");
        var rows = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(http, "/api/supervision/extensions?size=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            rows.AddRange(page.GetProperty("items").EnumerateArray());
            Assert.InRange(page.GetProperty("items").GetArrayLength(), 1, 2);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        } while (cursor is not null && pages < 200);

        var ids = rows.Select(r => r.GetProperty("extension").GetProperty("id").GetGuid()).ToList();
        var requested = rows.Select(r => r.GetProperty("extension").GetProperty("requestedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(mine, ids.Where(mine.Contains));
        Assert.Equal(requested.Order(), requested);
        Assert.Equal(ids.Count, first.GetProperty("total").GetInt32());
        Assert.True(pages >= 4, $"{ids.Count} requests in {pages} pages of two");
        var last = rows.Single(r => r.GetProperty("extension").GetProperty("id").GetGuid() == mine[^1]);
        Assert.Equal(("第 5 件", 5, "SCJG-001", true), (last.GetProperty("extension").GetProperty("reason").GetString(),
            last.GetProperty("extension").GetProperty("workingDays").GetInt32(), last.GetProperty("matterCode").GetString(), last.GetProperty("decidable").GetBoolean()));
    }

    [Fact]
    public async Task The_department_to_do_list_and_the_queue_count_every_row_in_total()
    {
        await SeedAsync();

        var tasks = await GetAsync(await factory.ClientForAsync("approver-market-regulation"), "/api/tasks?size=1");
        var all = await GetAsync(await factory.ClientForAsync("approver-market-regulation"), "/api/tasks?size=200");

        Assert.Equal(all.GetProperty("items").GetArrayLength(), tasks.GetProperty("total").GetInt32());
        Assert.Single(tasks.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_size_cursor_and_the_page_answer()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        foreach (var path in new[] { "/api/tasks", "/api/supervision/projects", "/api/supervision/tasks", "/api/intake/queue", "/api/projects", "/api/authorisations", "/api/disclosure",
                     "/api/supervision/extensions" })
        {
            var get = document.GetProperty("paths").GetProperty(path).GetProperty("get");
            var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            Assert.Contains("200", parameters["size"].GetProperty("description").GetString());
            Assert.Contains("nextCursor", parameters["cursor"].GetProperty("description").GetString());
            Assert.True(get.GetProperty("responses").TryGetProperty("400", out _), $"{path} does not document 400");
            var schema = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var name = schema.GetProperty("$ref").GetString()!.Split('/')[^1];
            var properties = document.GetProperty("components").GetProperty("schemas").GetProperty(name).GetProperty("properties");
            Assert.True(properties.TryGetProperty("items", out _) && properties.TryGetProperty("nextCursor", out _) && properties.TryGetProperty("total", out _),
                $"{path}: {properties}");
        }
    }

    // Three filed and three running projects of the demo investor, each running one with a pending extension request:
    // every list here has rows to page.
    private async Task SeedAsync()
    {
        factory.Clock.Reset(FakeClock.AtShanghai(2024, 9, 27, 10).GetCurrentInstant());
        for (var n = 0; n < 3; n++)
        {
            await TestProjects.FileAsync(factory, "enterprise-establishment");
            await Scenario.RequestExtensionAsync(factory, await Scenario.RunningAsync(factory), "market-regulation", 2, "需现场核查");
        }
        await Scenario.CompletedAsync(factory);
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string url) =>
        await (await http.GetAsync(url, Ct)).ReadOkAsync();

    private static string With(string url, string query) => url + (url.Contains('?') ? "&" : "?") + query;

    // A disclosed decision has no id (nothing internal is published): the row itself names it.
    private static string Id(JsonElement row) =>
        row.TryGetProperty("extension", out var extension) ? extension.GetProperty("id").GetString()!
        : row.TryGetProperty("project", out var project) ? project.GetProperty("id").GetString()!
        : row.TryGetProperty("id", out var id) ? id.GetString()! : row.GetRawText();
}
