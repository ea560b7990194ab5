using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;

namespace Approval.Browser.Tests.Admin;

/// <summary>工作日历: the loaded years and their status in words, a year's holiday blocks, the regional overlays, reloading.</summary>
public sealed class CalendarAdminPageTests(ProductServer product) : BrowserTest(product)
{
    private IWorkingDayCalendars Calendars => Product.Services.GetRequiredService<IWorkingDayCalendars>();

    private async Task<IPage> AdminAsync()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "admin");
        await GotoAsync(page, "/admin/calendar");
        return page;
    }

    [Fact]
    public async Task Each_loaded_year_is_listed_with_its_status_in_words_and_a_year_shows_its_breaks()
    {
        var page = await AdminAsync();

        Assert.Equal("工作日历", await HeadingAsync(page));
        var rows = page.Locator("#national-years tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(Calendars.National.Years.Count);
        foreach (var year in Calendars.National.Years)
            await Assertions.Expect(rows.Filter(new() { HasText = $"{year.Year} 年" })).ToContainTextAsync(year.IsVerified ? "已核实" : "暂定");

        await page.Locator("#national-2024 summary").ClickAsync();
        var nationalDay = page.Locator("#national-2024 tbody tr").Filter(new() { HasText = "国庆节" });
        await Assertions.Expect(nationalDay).ToContainTextAsync("2024年10月1日 至 2024年10月7日");
        await Assertions.Expect(nationalDay).ToContainTextAsync("7 天");
        await Assertions.Expect(nationalDay).ToContainTextAsync("2024年9月29日、2024年10月12日");
        var breaks = Enumerable.Range(0, 366).Select(d => Calendars.National.Describe(new LocalDate(2024, 1, 1).PlusDays(d)))
            .Where(d => d.Kind == DayKind.Holiday).Select(d => d.Name).Distinct().Count();
        await Assertions.Expect(page.Locator("#national-2024 tbody tr")).ToHaveCountAsync(breaks);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-calendar");
    }

    [Fact]
    public async Task Regional_overlays_list_their_own_days_only()
    {
        var page = await AdminAsync();

        foreach (var code in Calendars.Regions)
        {
            var region = Calendars.For(code);
            var section = page.Locator("section.region").Filter(new() { HasText = $"{region.RegionName}（{code}）" });
            await Assertions.Expect(section.Locator("h4")).ToHaveCountAsync(region.Years.Count);
        }
        var xinjiang = page.Locator("section.region").Filter(new() { HasText = "新疆维吾尔自治区" });
        await Assertions.Expect(xinjiang).ToContainTextAsync("古尔邦节");
        await Assertions.Expect(xinjiang).Not.ToContainTextAsync("国庆节");
    }

    [Fact]
    public async Task Reloading_the_unchanged_files_recomputes_the_running_projects_and_moves_no_deadline()
    {
        var page = await AdminAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "重新加载" }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync("已重新加载日历文件");
        await Assertions.Expect(status).ToContainTextAsync($"全国 {Calendars.National.Years.Count} 个年度");
        await Assertions.Expect(status).ToContainTextAsync("其中 0 个项目的办结期限有变化");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("没有项目的办结期限发生变化");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-calendar-reloaded");
    }
}
