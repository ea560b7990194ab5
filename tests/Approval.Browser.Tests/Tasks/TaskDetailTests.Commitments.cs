using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Tasks.TaskData;

namespace Approval.Browser.Tests.Tasks;

/// <summary>告知承诺 on the approver's task page: approve on the signed commitment, then the 事后核查 that revokes it.</summary>
public sealed partial class TaskDetailTests
{
    [Fact]
    public async Task An_approver_approves_on_commitment_and_the_verification_finds_it_false_and_revokes()
    {
        var id = await AcceptedOnCommitmentAsync(Product.Services, Enterprise, UniqueName("告知承诺项目"), "SCJG-001");
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await OpenTaskAsync(MarketRegulation, task.Id);
        var commitment = page.GetByRole(AriaRole.Region, new() { Name = "告知承诺书" });
        await Assertions.Expect(commitment).ToContainTextAsync("本企业承诺所申报的住所（经营场所）真实");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-commitment");

        await page.GetByLabel("审批结论").SelectOptionAsync("approveOnCommitment");
        await SubmitAsync(page, "提交审批决定");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=decision");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "办理结果" })).ToContainTextAsync("准予许可（告知承诺）");
        var verification = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.CommitmentVerification);
        Assert.Equal(Engine.Runtime.TaskStatus.Open, verification.Status);

        await GotoAsync(page, $"/tasks/{verification.Id}");
        Assert.Equal("审批办理：企业设立登记（核发营业执照）", await HeadingAsync(page));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("事后核查时限 10 个工作日");
        await page.GetByLabel("核查结论").SelectOptionAsync("false");
        await SubmitAsync(page, "提交核查结论");
        await ExpectFieldMessageAsync(page, "verification-findings", "请填写核查情况。");
        Assert.False((await ProjectAsync(Product.Services, id)).InvestorCreditMarked);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-verification-error");

        await page.GetByLabel("核查情况（承诺不实时必填）").FillAsync("住所为虚假地址");
        await SubmitAsync(page, "提交核查结论");

        await page.WaitForURLAsync($"**/tasks/{verification.Id}?done=verified");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "办理结果" })).ToContainTextAsync("承诺不实，撤销许可");
        Assert.Equal(Outcomes.CommitmentFalse, (await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.CommitmentVerification)).Outcome);
        Assert.True((await ProjectAsync(Product.Services, id)).InvestorCreditMarked);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-verification");
    }

    [Fact]
    public async Task Approving_on_commitment_is_not_offered_when_the_applicant_did_not_choose_it()
    {
        var id = await AcceptedAsync(Product.Services, Enterprise, UniqueName("非承诺项目"));
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await OpenTaskAsync(MarketRegulation, task.Id);

        await Assertions.Expect(page.Locator("#decision-choice option[value=approveOnCommitment]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "告知承诺书" })).ToHaveCountAsync(0);
    }
}
