using Approval.Browser.Tests.Infrastructure;
using Approval.Browser.Tests.My;
using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.EndToEnd;

/// <summary>
/// 企业开办 (3 working days) and 不动产登记 (5) end to end in the browser: the agent files with every material, the
/// window accepts, each department approves its matter as it opens (the later matters open once the earlier are
/// approved), the window issues the results and the investor's tracking shows the project completed on time.
/// </summary>
public sealed class ShortProcedureWalkTests(ProductServer product) : EndToEndWalk(product)
{
    [Theory]
    [InlineData("enterprise-establishment", "企业开办", "e2e测试科技有限公司设立", 4)]
    [InlineData("real-estate-registration", "不动产登记（存量房买卖）", "e2e测试存量房买卖登记", 3)]
    public async Task A_project_is_filed_accepted_decided_issued_and_tracked_as_completed(
        string definitionId, string procedureName, string what, int matters)
    {
        var name = ApplicantPages.UniqueName(what);

        var id = await FileAsync(definitionId, procedureName, name);

        var window = await AcceptAsync(id, $"e2e-{definitionId}-receipt");
        var project = await ProjectAsync(id);
        Assert.Equal(InstanceStatus.Running, project.Status);
        var receipt = await window.Locator("main").InnerTextAsync();
        Assert.StartsWith("宁政务受〔", DocumentNumber().Match(receipt).Value);
        Assert.Contains(project.QueryKey!, receipt);
        var (code, key) = await ReceiptCodesAsync(id);
        Assert.Equal((project.ProjectCode, project.QueryKey), (code, key));

        await ApproveAllMattersAsync(id, $"e2e-{definitionId}-decided");
        Assert.Equal(matters, (await ProjectAsync(id)).Tasks.Count(t => t.Kind == TaskKind.MatterDecision && t.Outcome == Outcomes.Approved));

        await IssueResultsAsync(id, $"e2e-{definitionId}-results");

        // The applicant's page and the investor's tracking: completed on time.
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, $"/my/projects/{id}");
        await Assertions.Expect(Fact(agent, "办结日期")).ToContainTextAsync("（按时办结）", new() { Timeout = Slow });
        await Screenshots.SaveAsync(agent, $"e2e-{definitionId}-completed");
        await TrackCompletedAsync(code, key, name, $"e2e-{definitionId}-track");
    }
}
