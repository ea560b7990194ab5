using System.Text.Json;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Projects;

/// <summary>A correction request (补正) as the applicant reads it: who asks, for which materials, and why.</summary>
public sealed class CorrectionNoticeTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly Clients _clients = new(factory);

    private WorkflowEngine Engine => factory.Services.GetRequiredService<WorkflowEngine>();

    [Fact]
    public async Task A_pre_review_correction_names_the_department_each_material_with_its_requirement_and_the_explanation()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        foreach (var task in (await Steps.ProjectAsync(factory, id)).Tasks.Where(t => t.Kind == TaskKind.PreReviewOpinion && t.IsOpen).ToList())
        {
            var asks = task.DepartmentId == "natural-resources";
            await Engine.ExecuteAsync(new GiveOpinion(Guid.NewGuid().ToString(), Steps.Approver(task.DepartmentId!), task.Id, !asks,
                asks ? ["land-transfer-contract", "宗地界址点坐标表"] : [], asks ? "出让合同缺少附件二（宗地界址）" : null));
        }
        var agent = await _clients.AsAsync("agent");

        var correction = Assert.Single((await (await agent.GetAsync($"/api/projects/{id}/corrections")).ReadOkAsync()).EnumerateArray());

        var items = correction.GetProperty("items").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.DoesNotContain(items, i => i.Contains("land-transfer-contract") || i.Contains('【'));
        Assert.Contains(items, i => i.Contains("国有建设用地使用权出让合同"));
        var request = Assert.Single(correction.GetProperty("correctionRequests").EnumerateArray());
        Assert.Equal("natural-resources", request.GetProperty("departmentId").GetString());
        Assert.Equal("市自然资源和规划局", request.GetProperty("departmentName").GetString());
        Assert.Equal("出让合同缺少附件二（宗地界址）", request.GetProperty("comment").GetString());
        var materials = request.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(("land-transfer-contract", "国有建设用地使用权出让合同", true, "必要材料"),
            (materials[0].GetProperty("materialCode").GetString(), materials[0].GetProperty("name").GetString(),
                materials[0].GetProperty("required").GetBoolean(), materials[0].GetProperty("requirement").GetString()));
        Assert.Equal((JsonValueKind.Null, "宗地界址点坐标表"),
            (materials[1].GetProperty("materialCode").ValueKind, materials[1].GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_matter_correction_keeps_the_departments_explanation_after_the_applicant_answers()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Filings.Definition);
        var licence = await Steps.OpenTaskAsync(factory, id, "market-regulation");
        await Engine.ExecuteAsync(new DecideMatter(Guid.NewGuid().ToString(), Steps.Approver("market-regulation"), licence.Id,
            MatterDecision.RequestCorrection, "章程第十二条未经全体股东签字", ["articles-of-association"]));
        var agent = await _clients.AsAsync("agent");
        var open = Assert.Single((await (await agent.GetAsync($"/api/projects/{id}/corrections")).ReadOkAsync()).EnumerateArray());
        await Engine.ExecuteAsync(new SubmitCorrection(Guid.NewGuid().ToString(), await TestProjects.AgentAsync(factory),
            open.GetProperty("id").GetGuid(), ["articles-of-association"], "已补签"));

        var detail = await (await agent.GetAsync($"/api/projects/{id}")).ReadOkAsync();

        var answered = detail.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "applicantCorrection");
        var request = Assert.Single(answered.GetProperty("correctionRequests").EnumerateArray());
        Assert.Equal(("市市场监督管理局", "SCJG-001", "章程第十二条未经全体股东签字"), (request.GetProperty("departmentName").GetString(),
            request.GetProperty("matterCode").GetString(), request.GetProperty("comment").GetString()));
        Assert.Equal("公司章程", Assert.Single(request.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("已补签", answered.GetProperty("comment").GetString());
    }
}
