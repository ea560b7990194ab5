using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Tasks.TaskData;

namespace Approval.Browser.Tests.Tasks;

public sealed partial class TaskDetailTests
{
    [Fact]
    public async Task A_pre_review_opinion_passes_after_a_missing_choice_was_refused()
    {
        var name = UniqueName("预审通过项目");
        var id = await AcceptedAsync(Product.Services, Industrial, name);
        var task = await TaskOfAsync(Product.Services, id, "natural-resources", TaskKind.PreReviewOpinion);
        var page = await OpenTaskAsync("natural-resources", task.Id);
        Assert.Equal("审批办理：预审意见", await HeadingAsync(page));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(name);
        // The step's other departments, each with its state.
        var step = page.GetByRole(AriaRole.Table, new() { Name = "联合预审" });
        await Assertions.Expect(step).ToContainTextAsync("市住房和城乡建设局");
        await Assertions.Expect(step).ToContainTextAsync("（本部门）");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-pre-review");

        await SubmitAsync(page, "提交预审意见");
        await ExpectFieldMessageAsync(page, "opinion-passed", "请选择预审结论。");
        Assert.True((await TaskOfAsync(Product.Services, id, "natural-resources", TaskKind.PreReviewOpinion)).IsOpen);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-pre-review-error");

        await page.GetByLabel("预审结论").SelectOptionAsync("pass");
        await SubmitAsync(page, "提交预审意见");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=opinion");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("预审意见已提交");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "办理结果" })).ToContainTextAsync("预审通过");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交预审意见" })).ToHaveCountAsync(0);
        var stored = await TaskOfAsync(Product.Services, id, "natural-resources", TaskKind.PreReviewOpinion);
        Assert.Equal(Outcomes.Passed, stored.Outcome);
    }

    [Fact]
    public async Task A_pre_review_opinion_asks_for_a_correction_item_which_it_must_name()
    {
        var id = await AcceptedAsync(Product.Services, Industrial, UniqueName("预审补正项目"));
        var task = await TaskOfAsync(Product.Services, id, "fire-rescue", TaskKind.PreReviewOpinion);
        // Plain form posts: the page works without JavaScript.
        var page = await OpenTaskAsync("fire-rescue", task.Id, javaScript: false);

        await page.GetByLabel("预审结论").SelectOptionAsync("correct");
        await SubmitAsync(page, "提交预审意见");
        await ExpectFieldMessageAsync(page, "opinion-items", "请填写补正内容。");
        Assert.True((await TaskOfAsync(Product.Services, id, "fire-rescue", TaskKind.PreReviewOpinion)).IsOpen);

        await page.GetByLabel("补正内容（需要补正时填写，每行一项）").FillAsync("总平面图缺少消防车道标注");
        await SubmitAsync(page, "提交预审意见");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=opinion");
        var result = page.GetByRole(AriaRole.Region, new() { Name = "办理结果" });
        await Assertions.Expect(result).ToContainTextAsync("需要补正");
        await Assertions.Expect(result).ToContainTextAsync("总平面图缺少消防车道标注");
        var stored = await TaskOfAsync(Product.Services, id, "fire-rescue", TaskKind.PreReviewOpinion);
        Assert.Equal(Outcomes.CorrectionRequired, stored.Outcome);
        Assert.Equal(["总平面图缺少消防车道标注"], stored.Items);
        // axe needs JavaScript; the same page is checked with it in the test of a pass.
        await Screenshots.SaveAsync(page, "task-pre-review-correction");
    }

    [Fact]
    public async Task Survey_findings_are_recorded_once_they_say_what_was_found()
    {
        var name = UniqueName("踏勘项目");
        var id = await AtSurveyOnAsync(Product.Services, LastWorkingDay(Product.Services), name);
        var task = await TaskOfAsync(Product.Services, id, "natural-resources", TaskKind.SurveyFinding);
        var page = await OpenTaskAsync("natural-resources", task.Id);
        Assert.Equal("审批办理：踏勘意见", await HeadingAsync(page));
        // The earlier round: every department's pre-review opinion.
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "已提出的意见和补正（按时间先后）" })).ToContainTextAsync("预审通过");

        await page.GetByLabel("踏勘结论").SelectOptionAsync("yes");
        await SubmitAsync(page, "提交踏勘意见");
        await ExpectFieldMessageAsync(page, "findings-text", "请填写踏勘发现的情况。");
        Assert.True((await TaskOfAsync(Product.Services, id, "natural-resources", TaskKind.SurveyFinding)).IsOpen);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("踏勘发现的情况").FillAsync("宗地界址清楚，现场与宗地图一致");
        await SubmitAsync(page, "提交踏勘意见");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=findings");
        var result = page.GetByRole(AriaRole.Region, new() { Name = "办理结果" });
        await Assertions.Expect(result).ToContainTextAsync("同意");
        await Assertions.Expect(result).ToContainTextAsync("宗地界址清楚");
        Assert.Equal(Outcomes.Agreed, (await TaskOfAsync(Product.Services, id, "natural-resources", TaskKind.SurveyFinding)).Outcome);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-survey");
    }
}
