using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Journal;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.My.ApplicantPages;

namespace Approval.Browser.Tests.My;

/// <summary>告知承诺 on the filing form: the eligible matter's commitment is shown in full; ticking it signs it at filing.</summary>
public sealed class CommitmentFilingTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task An_agent_ticks_the_commitment_and_the_filing_signs_it()
    {
        var name = UniqueName("告知承诺申报项目");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/my/projects/new?definition={Enterprise}");
        await FillProjectAsync(page, name);
        await AttachAsync(page, Checklist(Product.Services, Enterprise).Take(1));
        var commitment = page.GetByRole(AriaRole.Group, new() { Name = "告知承诺（选填）" });
        await Assertions.Expect(commitment).ToContainTextAsync("本企业承诺所申报的住所（经营场所）真实");
        await page.GetByLabel("企业设立登记（核发营业执照）：以告知承诺方式办理").CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-projects-new-commitment");

        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();

        await page.WaitForURLAsync("**/my/projects/*?done=filed");
        var filed = Assert.Single(await ProjectsNamedAsync(Product.Services, name));
        Assert.Equal(["SCJG-001"], filed.CommitmentMatters);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("企业设立登记（核发营业执照）（申报时已签署告知承诺书");
        var journal = await Product.Services.GetRequiredService<ProjectReader>().JournalAsync(filed.Id);
        // Signed by the agent who filed, at the filing.
        var signed = Assert.Single(journal, j => j.Event == JournalEvents.CommitmentSigned);
        Assert.NotNull(filed.AgentId);
        Assert.Equal((filed.AgentId, filed.FiledAt), (signed.UserId, signed.At));
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
