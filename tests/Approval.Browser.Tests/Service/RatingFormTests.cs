using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Service;

/// <summary>The applicant's 好差评 form on its project page (/my/projects/{id}).</summary>
public sealed class RatingFormTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_investor_rates_a_decided_matter_a_bad_rating_needs_a_comment_and_the_rating_is_listed()
    {
        var name = UniqueName("好差评表单测试有限公司设立");
        var id = await AfterServiceData.LicenceApprovedAsync(Product.Services, name);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "investor", $"/my/projects/{id}");

        Assert.Equal(name, await HeadingAsync(page));
        var section = page.Locator("section[aria-labelledby=rating-title]");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "服务评价（好差评）" })).ToBeVisibleAsync();
        await section.GetByLabel("评价对象").SelectOptionAsync("SCJG-001");
        await section.GetByRole(AriaRole.Radio, new() { Name = "非常不满意" }).CheckAsync();
        await section.GetByLabel("评价原因").SelectOptionAsync("slow");
        await section.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.Locator("#rating-comment-error")).ToContainTextAsync("请写明具体问题");
        Assert.Empty(await Product.Services.GetRequiredService<ServiceReader>().RatingsOfProjectAsync(id));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-project-rating-error");

        section = page.Locator("section[aria-labelledby=rating-title]");
        await section.GetByLabel("评价内容（选择“不满意”“非常不满意”时必填）").FillAsync("营业执照办理等候时间过长");
        await section.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("评价已提交");
        var table = page.Locator("section[aria-labelledby=rating-title] table");
        await Assertions.Expect(table).ToContainTextAsync("非常不满意");
        await Assertions.Expect(table).ToContainTextAsync("营业执照办理等候时间过长");
        var rating = Assert.Single(await Product.Services.GetRequiredService<ServiceReader>().RatingsOfProjectAsync(id));
        Assert.Equal((RatingLevel.VeryDissatisfied, "slow"), (rating.Level, rating.Reason));
        Assert.NotNull(rating.RectificationTaskId);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-project-rating");
    }

    [Fact]
    public async Task Another_role_gets_the_403_page()
    {
        var id = await AfterServiceData.LicenceApprovedAsync(Product.Services, UniqueName("好差评角色测试有限公司设立"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor");

        await GotoAsync(page, $"/my/projects/{id}", 403);
    }
}
