using System.Text.RegularExpressions;
using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Definitions;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Admin;

/// <summary>流程定义: every loaded version drawn and listed as the catalogue has it, running projects per version, validation.</summary>
public sealed class DefinitionsPageTests(ProductServer product) : BrowserTest(product)
{
    private DefinitionCatalog Catalog => Product.Services.GetRequiredService<DefinitionCatalog>();

    private async Task<IPage> AdminAsync()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "admin");
        await GotoAsync(page, "/admin/definitions");
        return page;
    }

    [Fact]
    public async Task Every_version_is_drawn_as_a_described_diagram_with_a_table_of_the_same_steps()
    {
        var page = await AdminAsync();

        Assert.Equal("流程定义", await HeadingAsync(page));
        var sections = page.Locator("section.definition");
        await Assertions.Expect(sections).ToHaveCountAsync(Catalog.Definitions.Count);
        foreach (var definition in Catalog.Definitions)
        {
            var section = sections.Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"{definition.Name} 第 {definition.Version} 版" }) });
            var diagram = section.GetByRole(AriaRole.Img, new() { Name = $"{definition.Name} 第 {definition.Version} 版流程图" });
            await Assertions.Expect(diagram).ToHaveCountAsync(1);
            var steps = definition.InFlowOrder().ToList();
            await Assertions.Expect(diagram.Locator("g.flow-step")).ToHaveCountAsync(steps.Count);
            var rows = section.Locator("table.flow-table tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(steps.Count);
            for (var i = 0; i < steps.Count; i++)
            {
                // A long name is cut in the box; the whole name is its title (and in the table).
                await Assertions.Expect(diagram.Locator("g.flow-step").Nth(i)).ToContainTextAsync($"{i + 1}. {steps[i].Name[..Math.Min(5, steps[i].Name.Length)]}");
                await Assertions.Expect(diagram.Locator("g.flow-step").Nth(i).Locator("title").First).ToHaveTextAsync(steps[i].Name);
                await Assertions.Expect(rows.Nth(i).Locator("th")).ToContainTextAsync($"{i + 1}. {steps[i].Name}");
                await Assertions.Expect(diagram.Locator("g.flow-step").Nth(i)).ToContainTextAsync($"{steps[i].BudgetWorkingDays} 个工作日");
                await Assertions.Expect(rows.Nth(i)).ToContainTextAsync($"{steps[i].BudgetWorkingDays} 个工作日");
            }
            // Each matter's "after" is an arrow in the picture and a sentence in the table.
            var matters = steps.OfType<ParallelApprovalsDefinition>().SelectMany(p => p.Matters).ToList();
            await Assertions.Expect(diagram.Locator("path.flow-after")).ToHaveCountAsync(matters.Sum(m => m.After.Count));
            foreach (var matter in matters.Where(m => m.After.Count > 0))
            {
                var name = Catalog.Matters.Single(m => m.Code == matter.MatterCode).Name;
                var first = Catalog.Matters.Single(m => m.Code == matter.After[0]).Name;
                await Assertions.Expect(section.Locator("table.flow-table li").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(name + "（")) })).ToContainTextAsync($"须在{first}");
            }
        }
        Assert.Contains(Catalog.Definitions, d => d.Activities.OfType<ParallelApprovalsDefinition>().Any(p => p.Matters.Any(m => m.After.Count > 0)));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-definitions");
    }

    [Fact]
    public async Task The_running_projects_of_each_version_are_the_readers_count()
    {
        var reader = Product.Services.GetRequiredService<ProjectReader>();
        var before = await reader.RunningPerVersionAsync();
        var page = await AdminAsync();
        var after = await reader.RunningPerVersionAsync();

        foreach (var definition in Catalog.Definitions)
        {
            var key = (definition.Id, definition.Version);
            var shown = await page.Locator("section.definition").Filter(new() { HasText = $"{definition.Name} 第 {definition.Version} 版" })
                .Locator("dd.running-count").InnerTextAsync();
            // Other tests start projects on the same server meanwhile: the page's count lies between the two readings.
            var counted = int.Parse(shown.Replace(" 个", ""));
            Assert.InRange(counted, Math.Min(before.GetValueOrDefault(key), after.GetValueOrDefault(key)),
                Math.Max(before.GetValueOrDefault(key), after.GetValueOrDefault(key)));
        }
        Assert.True(after.GetValueOrDefault(("industrial-construction-permit", 1)) > 0, "the demo data runs an industrial permit");
    }

    [Fact]
    public async Task Validating_the_shipped_files_says_all_are_valid_and_names_each_version()
    {
        var page = await AdminAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "校验定义文件" }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync($"全部定义文件校验通过，共 {Catalog.Definitions.Count} 个流程定义版本");
        foreach (var definition in Catalog.Definitions)
            await Assertions.Expect(status).ToContainTextAsync($"{definition.Name}（{definition.Id} 第 {definition.Version} 版）：已载入");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-definitions-validated");
    }
}
