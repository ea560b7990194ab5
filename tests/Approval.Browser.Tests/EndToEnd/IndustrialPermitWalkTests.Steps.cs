using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;

namespace Approval.Browser.Tests.EndToEnd;

public sealed partial class IndustrialPermitWalkTests
{
    /// <summary>The window returns the filing: the printed 一次性告知书 lists exactly the two missing materials.</summary>
    private async Task ReturnWithNoticeAsync(Guid id)
    {
        var window = await PersonAsync("window");
        await GotoAsync(window, $"/window/intake/{id}");
        Assert.StartsWith("受理审查：", await HeadingAsync(window));
        await Assertions.Expect(window.GetByLabel("节能报告（必要）")).ToBeCheckedAsync(new() { Timeout = Slow });
        await Assertions.Expect(window.GetByLabel("消防设计文件（必要）")).ToBeCheckedAsync(new() { Timeout = Slow });
        await Screenshots.SaveAsync(window, "e2e-industrial-intake");
        await window.GetByRole(AriaRole.Button, new() { Name = "出具一次性告知书" }).ClickAsync();

        await window.WaitForURLAsync($"**/window/documents/{id}/notice");
        Assert.Equal("一次性告知书", await HeadingAsync(window));
        var items = await window.GetByRole(AriaRole.Table, new() { Name = "需补正的材料" }).Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["节能报告", "消防设计文件"], items.Select(i => i.Trim()));
        Assert.StartsWith("宁政务告〔", DocumentNumber().Match(await window.Locator("main").InnerTextAsync()).Value);
        Assert.Equal(InstanceStatus.Returned, (await ProjectAsync(id)).Status);
        await Screenshots.SaveAsync(window, "e2e-industrial-notice");
    }

    /// <summary>The agent reads the notice on its project and resubmits the 节能报告 (the 消防设计文件 is to come under 容缺).</summary>
    private async Task ResubmitAsync(Guid id)
    {
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, $"/my/projects/{id}");
        var resubmit = agent.GetByRole(AriaRole.Region, new() { Name = "按一次性告知补齐材料" });
        await Assertions.Expect(resubmit.GetByRole(AriaRole.Link, new() { Name = "查看并打印一次性告知书" })).ToBeVisibleAsync(new() { Timeout = Slow });
        await resubmit.GetByLabel("节能报告").SetInputFilesAsync(Pdf("节能报告.pdf"));
        await Screenshots.SaveAsync(agent, "e2e-industrial-resubmit");
        await resubmit.GetByRole(AriaRole.Button, new() { Name = "重新提交" }).ClickAsync();

        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("材料已补齐并重新提交", new() { Timeout = Slow });
        var project = await ProjectAsync(id);
        Assert.Equal(InstanceStatus.Filed, project.Status);
        Assert.Contains(EnergyReport, project.SubmittedMaterials);
        Assert.DoesNotContain(FireDesign, project.SubmittedMaterials);
    }

    /// <summary>
    /// The window accepts with 容缺 for the 消防设计文件 (the definition allows it) and prints the receipt: its
    /// number, the project code and the query key, which the applicant reads on its own page too.
    /// </summary>
    private async Task<(string Code, string Key)> AcceptWithDeficiencyAsync(Guid id)
    {
        var window = await PersonAsync("window");
        await GotoAsync(window, $"/window/intake/{id}");
        var latest = await window.GetByLabel("承诺补齐日期").GetAttributeAsync("max");
        await window.GetByLabel("承诺补齐日期").FillAsync(latest!);
        await window.GetByRole(AriaRole.Button, new() { Name = "容缺受理" }).ClickAsync();

        await window.WaitForURLAsync($"**/window/documents/{id}/receipt");
        Assert.Equal("受理通知书", await HeadingAsync(window));
        var project = await ProjectAsync(id);
        Assert.Equal(InstanceStatus.Running, project.Status);
        Assert.Equal([FireDesign], project.Deficiencies);
        var main = await window.Locator("main").InnerTextAsync();
        var number = DocumentNumber().Match(main).Value;
        Assert.StartsWith("宁政务受〔", number);
        Assert.Contains("容缺材料：消防设计文件", main);
        Assert.Contains(project.ProjectCode!, main);
        Assert.Contains(project.QueryKey!, main);
        Assert.Contains("50 个工作日", main);
        await Screenshots.SaveAsync(window, "e2e-industrial-receipt");

        var (code, key) = await ReceiptCodesAsync(id);
        Assert.Equal((project.ProjectCode, project.QueryKey), (code, key));
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, $"/my/projects/{id}/receipt");
        Assert.Contains(number, await agent.Locator("main").InnerTextAsync());
        return (code, key);
    }

    /// <summary>The agent supplies the 容缺 material on its project page.</summary>
    private async Task SupplyDeficiencyAsync(Guid id)
    {
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, $"/my/projects/{id}");
        var supply = agent.GetByRole(AriaRole.Region, new() { Name = "补齐容缺材料" });
        // Without a file the form says so next to the field and in its summary, and nothing changes.
        await supply.GetByRole(AriaRole.Button, new() { Name = "提交容缺材料" }).ClickAsync();
        await Assertions.Expect(agent.Locator($"#supply-file-{FireDesign}-error")).ToContainTextAsync("请选择要补交的容缺材料文件", new() { Timeout = Slow });
        await Assertions.Expect(agent.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择要补交的容缺材料文件", new() { Timeout = Slow });
        Assert.Equal([FireDesign], (await ProjectAsync(id)).Deficiencies);
        // The page's supply form was fixed with this walk: axe on its error state, as the page tests check the others.
        await Accessibility.AssertNoViolationsAsync(agent);
        await Screenshots.SaveAsync(agent, "e2e-industrial-supply-error");
        supply = agent.GetByRole(AriaRole.Region, new() { Name = "补齐容缺材料" });
        await supply.GetByLabel("消防设计文件").SetInputFilesAsync(Pdf("消防设计文件.pdf"));
        await supply.GetByRole(AriaRole.Button, new() { Name = "提交容缺材料" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("容缺材料已提交", new() { Timeout = Slow });
        await Screenshots.SaveAsync(agent, "e2e-industrial-supplied");
        Assert.Empty((await ProjectAsync(id)).Deficiencies);
    }

    /// <summary>联合预审: fire-rescue asks for a correction, the five others pass; the agent answers; fire-rescue passes.</summary>
    private async Task PreReviewAsync(Guid id)
    {
        var opinions = await OpenTasksAsync(id, TaskKind.PreReviewOpinion);
        Assert.Equal(6, opinions.Count);
        foreach (var task in opinions)
        {
            var approver = await OpenTaskAsync(task);
            if (task.DepartmentId == "fire-rescue")
            {
                await approver.GetByLabel("预审结论").SelectOptionAsync("correct");
                await approver.GetByLabel("补正内容（需要补正时填写，每行一项）").FillAsync("消防设计文件缺少消防车道宽度标注");
            }
            else await approver.GetByLabel("预审结论").SelectOptionAsync("pass");
            await approver.GetByRole(AriaRole.Button, new() { Name = "提交预审意见", Exact = true }).ClickAsync();
            await approver.WaitForURLAsync($"**/tasks/{task.Id}?done=opinion");
            await Screenshots.SaveAsync(approver, $"e2e-industrial-pre-review-{task.DepartmentId}");
        }

        // The applicant's turn: one notice with the item, answered on /my/projects/{id}.
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, $"/my/projects/{id}");
        var correction = agent.GetByRole(AriaRole.Region, new() { Name = "答复补正要求" });
        await Assertions.Expect(correction).ToContainTextAsync("消防设计文件缺少消防车道宽度标注", new() { Timeout = Slow });
        await correction.GetByLabel("消防设计文件").SetInputFilesAsync(Pdf("消防设计文件（修改）.pdf"));
        await correction.GetByLabel("补正说明").FillAsync("已在总平面图上标注消防车道宽度");
        await Screenshots.SaveAsync(agent, "e2e-industrial-correction");
        await correction.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("补正已提交", new() { Timeout = Slow });

        // Only the department that asked looks again, and passes.
        var again = Assert.Single(await OpenTasksAsync(id, TaskKind.PreReviewOpinion));
        Assert.Equal(("fire-rescue", 2), (again.DepartmentId, again.Round));
        var fire = await OpenTaskAsync(again);
        await fire.GetByLabel("预审结论").SelectOptionAsync("pass");
        await fire.GetByRole(AriaRole.Button, new() { Name = "提交预审意见", Exact = true }).ClickAsync();
        await fire.WaitForURLAsync($"**/tasks/{again.Id}?done=opinion");
        await Assertions.Expect(fire.GetByRole(AriaRole.Region, new() { Name = "办理结果" })).ToContainTextAsync("预审通过", new() { Timeout = Slow });
        Assert.Equal("site-survey", (await ProjectAsync(id)).CurrentActivityId);
    }

    /// <summary>集中踏勘: the window fixes the date, each department records its findings on its task page.</summary>
    private async Task SurveyAsync(Guid id, LocalDate day)
    {
        var window = await PersonAsync("window");
        await GotoAsync(window, $"/window/survey/{id}");
        Assert.StartsWith("集中踏勘安排：", await HeadingAsync(window));
        await window.GetByLabel("踏勘日期").FillAsync(day.ToString("yyyy-MM-dd", null));
        await window.GetByRole(AriaRole.Button, new() { Name = "确定踏勘日期" }).ClickAsync();
        await Assertions.Expect(window.GetByRole(AriaRole.Status)).ToContainTextAsync("踏勘日期已确定", new() { Timeout = Slow });
        await Screenshots.SaveAsync(window, "e2e-industrial-survey");
        Assert.Equal(day, (await ProjectAsync(id)).SurveyOn);

        var findings = await OpenTasksAsync(id, TaskKind.SurveyFinding);
        Assert.Equal(5, findings.Count);
        foreach (var task in findings)
        {
            if (task == findings[^1])
            {
                // Before the last department: the window sees who recorded what (after it, the step is over).
                await GotoAsync(window, $"/window/survey/{id}");
                var rows = window.GetByRole(AriaRole.Table, new() { Name = "参加踏勘的部门" }).Locator("tbody tr");
                await Assertions.Expect(rows.Filter(new() { HasText = "现场与申报材料一致" })).ToHaveCountAsync(findings.Count - 1, new() { Timeout = Slow });
                await Screenshots.SaveAsync(window, "e2e-industrial-survey-findings");
            }
            var approver = await OpenTaskAsync(task);
            await approver.GetByLabel("踏勘结论").SelectOptionAsync("yes");
            await approver.GetByLabel("踏勘发现的情况").FillAsync("现场与申报材料一致");
            await approver.GetByRole(AriaRole.Button, new() { Name = "提交踏勘意见", Exact = true }).ClickAsync();
            await approver.WaitForURLAsync($"**/tasks/{task.Id}?done=findings");
            await Screenshots.SaveAsync(approver, $"e2e-industrial-findings-{task.DepartmentId}");
        }
        await GotoAsync(window, $"/window/survey/{id}");
        await Assertions.Expect(window.Locator("main")).ToContainTextAsync("本项目当前不在集中踏勘环节", new() { Timeout = Slow });
        Assert.Equal("parallel-approvals", (await ProjectAsync(id)).CurrentActivityId);
    }

    /// <summary>
    /// The civil air defence approver asks for 3 more working days; the supervisor approves on /supervision/extensions;
    /// the project's due date moves on the applicant's page, the supervisor's project page and the investor's tracking.
    /// </summary>
    private async Task ExtensionAsync(Guid id, string code, string key, string name)
    {
        var dueBefore = (await ProjectAsync(id)).DueOn!.Value;
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, $"/my/projects/{id}");
        await Assertions.Expect(Fact(agent, "办结期限")).ToContainTextAsync(ChineseFormat.Date(dueBefore), new() { Timeout = Slow });
        var supervisor = await PersonAsync("supervisor");
        await GotoAsync(supervisor, $"/supervision/projects/{id}");
        await Assertions.Expect(supervisor.Locator("#project-due")).ToContainTextAsync(ChineseFormat.Date(dueBefore), new() { Timeout = Slow });
        var tracked = await TrackAsync(code, key, name, "e2e-industrial-track-before-extension");
        var expectedBefore = (await Fact(tracked, "预计办结").InnerTextAsync()).Trim();

        var task = (await OpenTasksAsync(id, TaskKind.MatterDecision)).Single(t => t.DepartmentId == CivilAirDefence);
        var approver = await OpenTaskAsync(task);
        await approver.GetByLabel("延长的工作日数").FillAsync("3");
        await approver.GetByLabel("延期理由（申请人可见）").FillAsync("需组织人防工程专家论证");
        await approver.GetByRole(AriaRole.Button, new() { Name = "提交延期申请", Exact = true }).ClickAsync();
        await approver.WaitForURLAsync($"**/tasks/{task.Id}?done=extension");
        await Assertions.Expect(approver.GetByRole(AriaRole.Table, new() { Name = "延期申请" })).ToContainTextAsync("待批准", new() { Timeout = Slow });
        await Screenshots.SaveAsync(approver, "e2e-industrial-extension-requested");
        var extension = Assert.Single((await ProjectAsync(id)).Extensions);

        await GotoAsync(supervisor, "/supervision/extensions");
        var request = supervisor.Locator($"section[data-extension='{extension.Id:N}']");
        await Assertions.Expect(request).ToContainTextAsync("需组织人防工程专家论证", new() { Timeout = Slow });
        await request.GetByLabel("审批意见（不予延期时必填）").FillAsync("同意延期");
        await Screenshots.SaveAsync(supervisor, "e2e-industrial-extension-decision");
        await request.GetByRole(AriaRole.Button, new() { Name = "批准延期" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToContainTextAsync("已批准延期", new() { Timeout = Slow });

        var dueAfter = (await ProjectAsync(id)).DueOn!.Value;
        Assert.True(dueAfter > dueBefore, $"the project's due date stayed at {dueBefore}");
        await GotoAsync(agent, $"/my/projects/{id}");
        await Assertions.Expect(Fact(agent, "办结期限")).ToContainTextAsync(ChineseFormat.Date(dueAfter), new() { Timeout = Slow });
        await Assertions.Expect(agent.GetByRole(AriaRole.Table, new() { Name = "延期", Exact = true })).ToContainTextAsync("同意延期", new() { Timeout = Slow });
        await Screenshots.SaveAsync(agent, "e2e-industrial-extended-applicant");
        await GotoAsync(supervisor, $"/supervision/projects/{id}");
        await Assertions.Expect(supervisor.Locator("#project-due")).ToContainTextAsync(ChineseFormat.Date(dueAfter), new() { Timeout = Slow });
        await Screenshots.SaveAsync(supervisor, "e2e-industrial-extended-supervision");
        tracked = await TrackAsync(code, key, name, "e2e-industrial-track-extended");
        await Assertions.Expect(Fact(tracked, "承诺时限")).ToContainTextAsync("另经批准延期 3 个工作日", new() { Timeout = Slow });
        await Assertions.Expect(Fact(tracked, "预计办结")).Not.ToHaveTextAsync(expectedBefore, new() { Timeout = Slow });
    }

    /// <summary>
    /// 并联审批: the matters are approved as they open, the last two (人防 and 施工许可) by two approvers in two browsers at
    /// the same moment: both decisions count and the step completes once.
    /// </summary>
    private async Task DecideMattersAsync(Guid id)
    {
        for (var round = 0; round < 5; round++)
        {
            var open = await OpenTasksAsync(id, TaskKind.MatterDecision);
            var alone = open.Where(t => t.MatterCode is not ("RF-001" or "ZJ-003")).ToList();
            if (alone.Count == 0) break;
            foreach (var task in alone) await ApproveAsync(task, $"e2e-industrial-decided-{task.MatterCode}");
        }
        var last = await OpenTasksAsync(id, TaskKind.MatterDecision);
        Assert.Equal(["RF-001", "ZJ-003"], last.Select(t => t.MatterCode));
        var pages = new List<IPage>();
        foreach (var task in last)
        {
            var page = await OpenTaskAsync(task);
            await page.GetByLabel("审批结论").SelectOptionAsync("approve");
            pages.Add(page);
        }

        await Task.WhenAll(pages.Select(p => p.GetByRole(AriaRole.Button, new() { Name = "提交审批决定", Exact = true }).ClickAsync()));
        await Task.WhenAll(pages.Select((p, i) => p.WaitForURLAsync($"**/tasks/{last[i].Id}?done=decision")));

        foreach (var (page, i) in pages.Select((p, i) => (p, i)))
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "办理结果" })).ToContainTextAsync("准予许可", new() { Timeout = Slow });
            await Screenshots.SaveAsync(page, $"e2e-industrial-decided-together-{last[i].MatterCode}");
        }
        var project = await ProjectAsync(id);
        Assert.All(project.Tasks.Where(t => t.Kind == TaskKind.MatterDecision), t => Assert.Equal(Outcomes.Approved, t.Outcome));
        Assert.Equal("completion", project.CurrentActivityId);
        var journal = await Product.Services.GetRequiredService<ProjectReader>().JournalAsync(id);
        Assert.Single(journal, e => e.Event == JournalEvents.StepCompleted && e.ActivityId == "parallel-approvals");
        foreach (var task in last)
            Assert.Single(journal, e => e.Event == JournalEvents.TaskDecided && e.TaskId == task.Id);

        // The supervisor's timeline shows the step completed once.
        var supervisor = await PersonAsync("supervisor");
        await GotoAsync(supervisor, $"/supervision/projects/{id}");
        await Assertions.Expect(supervisor.Locator("li[data-event=stepCompleted]").Filter(new() { HasText = "并联审批" })).ToHaveCountAsync(1, new() { Timeout = Slow });
        await Screenshots.SaveAsync(supervisor, "e2e-industrial-timeline");
    }

    private static FilePayload Pdf(string fileName) => new() { Name = fileName, MimeType = "application/pdf", Buffer = My.ApplicantPages.Pdf };
}
