using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.My.ApplicantPages;

namespace Approval.Browser.Tests.My;

/// <summary>
/// 模拟审批 on the filing form: offered only where the procedure allows it; ticked, the filing is a simulation, journalled,
/// and the project page says so; together with 告知承诺 it is refused next to the field.
/// </summary>
public sealed class SimulationFilingTests(ProductServer product) : BrowserTest(product)
{
    private const string Choice = "土地尚未摘牌，申请模拟审批";

    [Fact]
    public async Task An_agent_files_in_simulation_and_the_project_shows_the_label()
    {
        var name = UniqueName("模拟审批申报项目");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/my/projects/new?definition={Industrial}");
        await FillProjectAsync(page, name);
        await AttachAsync(page, Checklist(Product.Services, Industrial).Take(1));
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "模拟审批（选填）" })).ToContainTextAsync("国有建设用地使用权出让合同");
        await page.GetByLabel(Choice).CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-projects-new-simulation");

        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();

        await page.WaitForURLAsync("**/my/projects/*?done=filed");
        var filed = Assert.Single(await ProjectsNamedAsync(Product.Services, name));
        Assert.Equal(SimulationState.Simulating, filed.Simulation);
        var journal = await Product.Services.GetRequiredService<ProjectReader>().JournalAsync(filed.Id);
        Assert.Equal(filed.AgentId, Assert.Single(journal, j => j.Event == JournalEvents.SimulationChosen).UserId);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("模拟审批");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("各部门出具模拟审批意见");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Simulation_with_a_commitment_is_refused_next_to_the_choice_and_nothing_is_filed()
    {
        var name = UniqueName("模拟承诺项目");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/my/projects/new?definition={Industrial}");
        await FillProjectAsync(page, name);
        await page.GetByLabel("以告知承诺方式办理").First.CheckAsync();
        await page.GetByLabel(Choice).CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();

        await Assertions.Expect(page.Locator("#simulation-error")).ToContainTextAsync("模拟审批不能同时选择告知承诺");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("模拟审批不能同时选择告知承诺");
        Assert.Empty(await ProjectsNamedAsync(Product.Services, name));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Simulation_is_not_offered_where_the_procedure_does_not_allow_it()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");

        await GotoAsync(page, $"/my/projects/new?definition={Enterprise}");

        Assert.Equal("申报新项目", await HeadingAsync(page));
        await Assertions.Expect(page.GetByLabel(Choice)).ToHaveCountAsync(0);
    }
}
