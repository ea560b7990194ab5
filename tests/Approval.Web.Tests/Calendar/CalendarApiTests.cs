using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Calendar;

public sealed class CalendarApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Theory]
    [InlineData("2024-10-01", false, "holiday", "国庆节")]
    [InlineData("2024-09-29", true, "adjustedWorkday", null)]
    [InlineData("2024-10-08", true, "workday", null)]
    [InlineData("2024-10-13", false, "weekend", null)]
    public async Task Day_says_whether_it_is_a_working_day_and_why(string date, bool working, string kind, string? name)
    {
        var day = await _http.GetFromJsonAsync<JsonElement>($"/api/calendar/days/{date}", TestContext.Current.CancellationToken);

        Assert.Equal(date, day.GetProperty("date").GetString());
        Assert.Equal(working, day.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal(kind, day.GetProperty("kind").GetString());
        if (name is not null) Assert.Equal(name, day.GetProperty("name").GetString());
        Assert.False(day.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task Deadline_skips_national_day_and_counts_the_adjusted_sunday()
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?from=2024-09-27&workingDays=5",
            TestContext.Current.CancellationToken);

        Assert.Equal("2024-10-10", answer.GetProperty("deadline").GetString());
        Assert.Equal(5, answer.GetProperty("workingDays").GetInt32());
        Assert.False(answer.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task Deadline_is_pushed_out_by_the_working_days_of_clock_stops()
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>(
            "/api/calendar/deadline?from=2024-09-27&workingDays=5&stops=2024-10-08..2024-10-09",
            TestContext.Current.CancellationToken);

        Assert.Equal("2024-10-12", answer.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task Working_days_between_counts_after_the_first_day_up_to_the_last()
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>("/api/calendar/working-days?from=2024-09-27&to=2024-10-10",
            TestContext.Current.CancellationToken);

        Assert.Equal(5, answer.GetProperty("workingDays").GetInt32());
    }

    [Fact]
    public async Task A_year_without_a_published_arrangement_is_marked_provisional()
    {
        var day = await _http.GetFromJsonAsync<JsonElement>("/api/calendar/days/2027-10-01", TestContext.Current.CancellationToken);

        Assert.True(day.GetProperty("provisional").GetBoolean());
        Assert.Equal("holiday", day.GetProperty("kind").GetString());
        Assert.Contains("2027", day.GetProperty("provisionalReason").GetString());
    }

    [Theory]
    [InlineData("/api/calendar/deadline?from=2024-09-27&workingDays=-1", "workingDays")]
    [InlineData("/api/calendar/deadline?from=2024-09-27&workingDays=five", "workingDays")]
    [InlineData("/api/calendar/deadline?workingDays=5", "from")]
    [InlineData("/api/calendar/deadline?from=2024-02-30&workingDays=5", "from")]
    [InlineData("/api/calendar/deadline?from=27.09.2024&workingDays=5", "from")]
    [InlineData("/api/calendar/deadline?from=2024-09-27&workingDays=5&stops=2024-10-09..2024-10-08", "stops")]
    [InlineData("/api/calendar/deadline?from=2024-09-27&workingDays=5&stops=yesterday", "stops")]
    [InlineData("/api/calendar/deadline?from=2024-09-27&workingDays=5&region=atlantis", "region")]
    [InlineData("/api/calendar/working-days?from=2024-09-27&to=2024-13-01", "to")]
    [InlineData("/api/calendar/days/2023-02-29", "date")]
    public async Task Malformed_input_is_a_problem_naming_the_parameter(string url, string field)
    {
        var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);

        var message = await response.AssertInvalidAsync(field);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task A_regional_overlay_is_chosen_by_the_region_parameter()
    {
        var national = await _http.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?from=2024-01-02&workingDays=0",
            TestContext.Current.CancellationToken);
        var regional = await _http.GetAsync("/api/calendar/deadline?from=2024-01-02&workingDays=0&region=650000",
            TestContext.Current.CancellationToken);

        Assert.Equal("2024-01-02", national.GetProperty("deadline").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, regional.StatusCode);
    }
}
