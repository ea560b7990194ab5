using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed class DefinitionCatalogTests : IDisposable
{
    private readonly TempWorkflows workflows = new();
    private readonly DefinitionCatalog catalog;

    public DefinitionCatalogTests()
    {
        var second = TempWorkflows.Demo(version: 2);
        second["name"] = "演示流程（第二版）";
        workflows.Write("demo.v1.json", TempWorkflows.Demo(version: 1));
        workflows.Write("demo.v2.json", second);
        catalog = workflows.Load();
    }

    public void Dispose() => workflows.Dispose();

    [Fact]
    public void Both_versions_of_one_id_load() =>
        Assert.Equal(["demo@v1", "demo@v2"], catalog.Definitions.Select(d => d.Key));

    [Fact]
    public void Latest_is_the_highest_version() =>
        Assert.Equal("演示流程（第二版）", catalog.Latest("demo").Name);

    [Fact]
    public void Old_version_stays_retrievable_for_running_projects() =>
        Assert.Equal("演示流程", catalog.Get("demo", 1).Name);

    [Fact]
    public void Versions_are_listed_oldest_first() =>
        Assert.Equal([1, 2], catalog.Versions("demo").Select(d => d.Version));

    [Fact]
    public void Unknown_id_names_the_definition_id_field()
    {
        var refusal = Assert.Throws<InvalidInputException>(() => catalog.Latest("demolition"));

        Assert.Equal(("definitionId", "no workflow definition 'demolition'; known: demo"), (refusal.Field, refusal.Message));
    }

    [Fact]
    public void Unknown_id_in_get_names_the_definition_id_field() =>
        Assert.Equal("definitionId", Assert.Throws<InvalidInputException>(() => catalog.Get("demolition", 1)).Field);

    [Fact]
    public void Unknown_version_names_the_version_field_and_the_known_ones()
    {
        var refusal = Assert.Throws<InvalidInputException>(() => catalog.Get("demo", 3));

        Assert.Equal(("version", "workflow 'demo' has no version 3; it has: 1, 2"), (refusal.Field, refusal.Message));
    }

    [Fact]
    public void TryGetLatest_answers_without_throwing()
    {
        Assert.True(catalog.TryGetLatest("demo", out var latest));
        Assert.Equal(2, latest!.Version);
        Assert.False(catalog.TryGetLatest("demolition", out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void Department_and_matter_are_found_by_id_and_code()
    {
        Assert.Equal("自然资源和规划", catalog.Department("planning").ShortName);
        Assert.Equal("housing", catalog.Matter("ZJ-001").DepartmentId);
    }

    [Fact]
    public void Unknown_department_or_matter_names_its_field()
    {
        Assert.Equal("departmentId", Assert.Throws<InvalidInputException>(() => catalog.Department("transport")).Field);
        Assert.Equal("matterCode", Assert.Throws<InvalidInputException>(() => catalog.Matter("XX-001")).Field);
    }

    [Fact]
    public void Matter_without_override_has_the_promised_limit()
    {
        var approvals = (ParallelApprovalsDefinition)catalog.Latest("demo").Activity("approvals");

        Assert.Equal(3, catalog.WorkingDaysOf(approvals.Matters[1]));
    }
}
