using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Approval.Browser.Tests.My.ApplicantPages;

namespace Approval.Browser.Tests.My;

/// <summary>The filing form (申报): errors re-render with nothing stored, a repeated post files once, the keyboard alone files.</summary>
public sealed class FilingFormTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task A_filing_without_a_project_name_shows_the_error_summary_and_stores_nothing()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/my/projects/new?definition={Enterprise}");
        var projectsBefore = (await ProjectsNamedAsync(Product.Services, "")).Count;
        await FillProjectAsync(page, null);
        await AttachAsync(page, Checklist(Product.Services, Enterprise).Take(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "请填写项目名称。" })).ToHaveAttributeAsync("href", "#projectName");
        await Assertions.Expect(page.GetByLabel("项目名称")).ToHaveAttributeAsync("aria-describedby", "projectName-error");
        // What was typed is still there; nothing was filed.
        await Assertions.Expect(page.GetByLabel("总投资（万元）")).ToHaveValueAsync("52000");
        Assert.Contains("/my/projects/new", page.Url);
        Assert.Equal(projectsBefore, (await ProjectsNamedAsync(Product.Services, "")).Count);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-projects-new-errors");
    }

    [Fact]
    public async Task A_contact_phone_the_engine_refuses_shows_its_chinese_message_next_to_the_field_and_stores_nothing()
    {
        var name = UniqueName("联系电话有误项目");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/my/projects/new?definition={Enterprise}");
        await FillProjectAsync(page, name);
        await page.GetByLabel("联系电话").FillAsync("83123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();

        const string message = "联系电话请填写 11 位手机号码，或带区号的固定电话（如 025-83123456）。";
        await Assertions.Expect(page.Locator("#contactPhone-error")).ToContainTextAsync(message);
        await Assertions.Expect(page.Locator(".error-summary").GetByRole(AriaRole.Link, new() { Name = message })).ToHaveAttributeAsync("href", "#contactPhone");
        await Assertions.Expect(page.GetByLabel("联系人")).ToHaveValueAsync("张伟");
        Assert.Empty(await ProjectsNamedAsync(Product.Services, name));
    }

    [Fact]
    public async Task The_same_filing_posted_twice_files_once()
    {
        var name = UniqueName("重复提交测试项目");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/my/projects/new?definition={Enterprise}");
        await FillProjectAsync(page, name);
        var first = Checklist(Product.Services, Enterprise)[0];

        // A double click sends the form as rendered twice: the same antiforgery token and the same operation id.
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var input in await page.Locator("form[enctype] input:not([type=file]), form[enctype] select").AllAsync())
            if (await input.GetAttributeAsync("name") is { } field) form.Set(field, await input.InputValueAsync());
        form.Set("Input.Action", "submit");
        form.Set($"file-{first.Code}", new FilePayload { Name = "章程.pdf", MimeType = "application/pdf", Buffer = Pdf });
        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            page.Context.APIRequest.PostAsync("/my/projects/new", new() { Multipart = form, MaxRedirects = 0 })));

        Assert.All(posts, p => Assert.Equal(302, p.Status));
        Assert.Equal(posts[0].Headers["location"], posts[1].Headers["location"]);
        var filed = Assert.Single(await ProjectsNamedAsync(Product.Services, name));
        await GotoAsync(page, $"/my/projects/{filed.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "章程.pdf" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_agent_files_with_the_keyboard_alone()
    {
        var name = UniqueName("键盘申报项目");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, "/my/projects/new");
        await TabToAsync(page, $"a[href='/my/projects/new?definition={Enterprise}']");
        // The wait starts with the key press, so a navigation that finishes at once is not missed.
        var chosen = page.WaitForURLAsync($"**/my/projects/new?definition={Enterprise}", new() { Timeout = 60_000 });
        await page.Keyboard.PressAsync("Enter");
        await chosen;

        await TabToAsync(page, "#projectName");
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");   // the first (only) authorising investor
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("320193");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("F51");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("500");
        await TabToAsync(page, "#contactName");
        await page.Keyboard.TypeAsync("张伟");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("025-83123456");
        await TabToAsync(page, "#submit");
        var filed = page.WaitForURLAsync(ProjectUrl(), new() { Timeout = 60_000 });
        await page.Keyboard.PressAsync("Enter");

        try
        {
            await filed;
        }
        catch (TimeoutException)
        {
            // Say what the page shows instead (a message next to a field, another page) rather than only "timeout".
            Assert.Fail($"The filing did not reach its project page; at {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
        Assert.Equal(name, await HeadingAsync(page));
        Assert.Single(await ProjectsNamedAsync(Product.Services, name));
    }

    /// <summary>Presses Tab until the element is focused (at most 80 times), as a keyboard user moves through the page.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.Locator(selector).EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
