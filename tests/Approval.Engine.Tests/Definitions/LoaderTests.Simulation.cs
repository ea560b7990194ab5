using System.Text.Json.Nodes;
using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

/// <summary>模拟审批 on a parallel-approvals step: read, and checked like the other fields.</summary>
public sealed partial class LoaderTests
{
    private static JsonObject Simulation(JsonObject demo, string material = "site-plan", int confirm = 3, JsonObject? expiry = null)
    {
        var simulation = new JsonObject { ["allowed"] = true, ["convertingMaterial"] = material, ["confirmationWorkingDays"] = confirm };
        foreach (var (key, value) in expiry ?? new JsonObject { ["expiresAfterMonths"] = 6 }) simulation[key] = value?.DeepClone();
        demo["activities"]![3]!["simulation"] = simulation;
        return demo;
    }

    [Fact]
    public void Simulation_is_read_with_its_converting_material_confirmation_days_and_expiry()
    {
        workflows.Write(TempWorkflows.DemoFile, Simulation(TempWorkflows.Demo()));

        var stage = workflows.Load().Latest("demo").Activities.OfType<ParallelApprovalsDefinition>().Single();

        Assert.Equal(new SimulationRule("site-plan", 3, null, 6), stage.Simulation);
    }

    [Fact]
    public void Simulation_converting_material_must_be_on_the_intake_checklist()
    {
        var demo = Simulation(TempWorkflows.Demo(), material: "land-contract");

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, $"{Approvals}.simulation.convertingMaterial",
            "'land-contract' is not a material of the intake's checklist");
    }

    [Fact]
    public void Simulation_needs_exactly_one_expiry()
    {
        var demo = Simulation(TempWorkflows.Demo(), expiry: new JsonObject { ["expiresAfterMonths"] = 6, ["expiresAfterWorkingDays"] = 120 });

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, $"{Approvals}.simulation", "give exactly one of expiresAfterWorkingDays and expiresAfterMonths");
    }

    [Fact]
    public void Simulation_confirmation_days_beyond_the_step_budget_are_refused()
    {
        var demo = Simulation(TempWorkflows.Demo(), confirm: 9);

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, $"{Approvals}.simulation.confirmationWorkingDays", "exceed the step's budget of 8");
    }

    [Fact]
    public void Simulation_without_its_converting_material_is_refused_by_the_schema()
    {
        var demo = Simulation(TempWorkflows.Demo());
        demo["activities"]![3]!["simulation"]!.AsObject().Remove("convertingMaterial");

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, $"{Approvals}.simulation", "convertingMaterial");
    }
}
