using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Public;

/// <summary>工作日计算: the month view and the deadline calculator.</summary>
public sealed class CalendarPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task Calculator_counts_from_the_day_after_acceptance_over_the_national_day_break()
    {
        var page = await OpenAsync("/calendar?from=2024-09-27&days=5");
        var answer = page.GetByRole(AriaRole.Status);
        Assert.Contains("2024年10月10日", await answer.InnerTextAsync());
        Assert.Equal("2024-10-10", await answer.Locator("strong time").GetAttributeAsync("datetime"));
    }

    [Fact]
    public async Task Month_view_marks_holidays_adjusted_working_days_and_weekends_in_words()
    {
        var page = await OpenAsync("/calendar?month=2024-10");
        Assert.Contains("国庆节·法定节假日", await page.Locator("td:has(time[datetime='2024-10-01'])").InnerTextAsync());
        Assert.Contains("调休上班", await page.Locator("td:has(time[datetime='2024-10-12'])").InnerTextAsync());
        Assert.Contains("休息日", await page.Locator("td:has(time[datetime='2024-10-19'])").InnerTextAsync());
        Assert.Contains("工作日", await page.Locator("td:has(time[datetime='2024-10-08'])").InnerTextAsync());
    }

    [Fact]
    public async Task Month_in_a_year_without_a_published_arrangement_is_marked_provisional()
    {
        var page = await OpenAsync("/calendar?month=2027-10");
        Assert.Contains("暂定", await page.Locator("main").InnerTextAsync());
        await Screenshots.SaveAsync(page, "calendar-provisional");
    }

    [Fact]
    public async Task Bad_working_day_count_shows_the_message_next_to_the_field_and_in_the_summary()
    {
        var page = await OpenAsync("/calendar");
        await page.GetByLabel("受理日").FillAsync("2024-09-27");
        await page.GetByLabel("工作日数").FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();

        var field = page.Locator(".field:has(#days)");
        Assert.Equal("错误：工作日数须在 0 至 1000 之间。", (await field.Locator(".field-error").TextContentAsync())?.Trim());
        Assert.Contains("days-error", await page.Locator("#days").GetAttributeAsync("aria-describedby"));
        Assert.Equal("#days", await page.Locator(".error-summary a").GetAttributeAsync("href"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "calendar-errors");
    }
}
