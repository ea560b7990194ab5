using System.Text.Json.Nodes;
using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class LoaderTests
{
    private const string Approvals = "$.activities[3]";

    [Fact]
    public void Unknown_department_is_reported_at_its_place_in_the_list()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![1]!["departments"]![1] = "planing";

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.activities[1].departments[1]", "no department 'planing'");
    }

    [Fact]
    public void Unknown_matter_code_is_reported_at_the_matter()
    {
        var demo = TempWorkflows.Demo();
        Matters(demo).Add(new JsonObject { ["matter"] = "XX-001" });

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, $"{Approvals}.matters[2].matter", "no matter 'XX-001'");
    }

    [Fact]
    public void After_naming_a_matter_of_another_step_is_refused()
    {
        var demo = TempWorkflows.Demo();
        Matters(demo)[1]!["after"] = new JsonArray("GH-002");

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, $"{Approvals}.matters[1].after[0]", "'GH-002' is not a matter of this step ('approvals')");
    }

    [Fact]
    public void Matters_waiting_for_each_other_are_a_cycle()
    {
        var demo = TempWorkflows.Demo();
        Matters(demo)[0]!["after"] = new JsonArray("ZJ-001");

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, $"{Approvals}.matters[1].after[0]", "cycle of waiting matters GH-001 waits for ZJ-001 waits for GH-001");
    }

    [Fact]
    public void Matter_listed_twice_in_a_step_is_a_duplicate()
    {
        var demo = TempWorkflows.Demo();
        Matters(demo).Add(new JsonObject { ["matter"] = "GH-001" });

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, $"{Approvals}.matters[2].matter", "'GH-001' is already listed at matters[0]");
    }

    [Fact]
    public void Stage_budgets_above_the_target_are_refused()
    {
        var demo = TempWorkflows.Demo();
        demo["targetWorkingDays"] = 11;

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, "$.targetWorkingDays",
            "add up to 12 working days (review 2 + survey 1 + approvals 8 + completion 1), more than the target of 11");
    }

    [Fact]
    public void Chain_of_waiting_matters_longer_than_the_step_budget_is_refused()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![3]!["budgetWorkingDays"] = 7;

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, $"{Approvals}.matters[1]", "'ZJ-001' needs 8 working days (GH-001 5 + ZJ-001 3), more than the step's budget of 7");
    }

    [Fact]
    public void Override_of_a_matter_limit_counts_instead_of_the_promised_one()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![3]!["budgetWorkingDays"] = 7;
        Matters(demo)[1]!["workingDays"] = 2;
        workflows.Write(TempWorkflows.DemoFile, demo);

        var catalog = workflows.Load();

        var step = (ParallelApprovalsDefinition)catalog.Latest("demo").Activities[3];
        Assert.Equal(2, catalog.WorkingDaysOf(step.Matters[1]));
    }

    [Fact]
    public void Override_above_the_statutory_limit_is_refused()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![3]!["budgetWorkingDays"] = 13;
        demo["targetWorkingDays"] = 17;
        Matters(demo)[1]!["workingDays"] = 8;

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, $"{Approvals}.matters[1].workingDays", "8 working days exceed the statutory limit of ZJ-001 (7)");
    }

    [Fact]
    public void Material_code_used_twice_in_the_checklist_is_a_duplicate()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![0]!["materials"]![1]!["code"] = "application";

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, "$.activities[0].materials[1].code", "'application' is already the code of materials[0]");
    }

    [Fact]
    public void Deficiency_on_an_optional_material_is_refused()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![0]!["materials"]![1]!["required"] = false;

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, "$.activities[0].materials[1].deficiencyAllowed", "容缺 (deficiencyAllowed) applies only to required materials");
    }

    [Fact]
    public void Deficiency_materials_need_days_to_be_supplied()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![0]!["maxDeficiencyWorkingDays"] = 0;

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.activities[0].maxDeficiencyWorkingDays", "at least 1 working day");
    }

    [Fact]
    public void Schema_error_points_into_the_department_list()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![1]!["departments"]![0] = 5;

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.activities[1].departments[0]", "expected string, found number 5");
    }

    [Fact]
    public void Schema_error_in_an_activity_names_only_that_activity_type_s_rules()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![2]!.AsObject().Remove("absence");

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.activities[2]", "missing required property 'absence'");
    }

    private static JsonArray Matters(JsonObject demo) => demo["activities"]![3]!["matters"]!.AsArray();
}
