using System.Text.Json.Nodes;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class LoaderTests : IDisposable
{
    private readonly TempWorkflows workflows = new();

    public void Dispose() => workflows.Dispose();

    [Fact]
    public void Valid_demo_loads_and_its_intake_is_not_counted_in_the_target()
    {
        workflows.Write(TempWorkflows.DemoFile, TempWorkflows.Demo());

        var demo = workflows.Load().Latest("demo");

        Assert.Equal(12, demo.StageBudgetWorkingDays);
    }

    [Fact]
    public void Definition_following_an_unknown_definition_is_reported_at_the_follows_entry()
    {
        var demo = TempWorkflows.Demo();
        demo["follows"] = new JsonArray("building-permit");

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.follows[0]", "no definition 'building-permit' in this folder; known: demo");
    }

    [Fact]
    public void Definition_following_itself_is_reported()
    {
        var demo = TempWorkflows.Demo();
        demo["follows"] = new JsonArray("demo");

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.follows[0]", "a definition cannot follow itself");
    }

    [Fact]
    public void Completion_naming_its_one_document_loads_it()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![4]!["document"] = "联合验收意见书";
        workflows.Write(TempWorkflows.DemoFile, demo);

        var completion = workflows.Load().Latest("demo").Activities.OfType<Approval.Engine.Definitions.DeadlineCompletionDefinition>().Single();

        Assert.Equal("联合验收意见书", completion.Document);
    }

    [Fact]
    public void Unknown_activity_type_is_reported_at_its_type()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![1]!["type"] = "JointReview";

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.activities[1].type", "\"JointReview\" is not one of: \"OneWindowIntake\"");
    }

    [Fact]
    public void Flow_edge_to_a_missing_activity_is_reported_at_the_edge_end()
    {
        var demo = TempWorkflows.Demo();
        demo["flow"]!.AsArray().Add(Edge("completion", "archive"));

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.flow[4].to", "no activity has the id 'archive'");
    }

    [Fact]
    public void Two_activities_without_incoming_edge_are_two_starts()
    {
        var demo = TempWorkflows.Demo();
        demo["flow"]!.AsArray().RemoveAt(0);

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.flow", "2 activities have no incoming edge (intake, review)");
    }

    [Fact]
    public void Activity_off_the_chain_is_unreachable()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]!.AsArray().Add(new JsonObject { ["id"] = "orphan", ["type"] = "DeadlineCompletion", ["name"] = "孤立", ["budgetWorkingDays"] = 0 });
        demo["flow"]!.AsArray().Add(Edge("orphan", "orphan"));

        workflows.Refuses(demo).Has(TempWorkflows.DemoFile, "$.activities[5]", "'orphan' cannot be reached from the start 'intake'");
    }

    [Fact]
    public void Edge_back_to_an_earlier_activity_closes_a_cycle()
    {
        var demo = TempWorkflows.Demo();
        demo["flow"]!.AsArray().Add(Edge("completion", "review"));

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, "$.flow[4]", "closes a cycle review -> survey -> approvals -> completion -> review");
    }

    [Fact]
    public void Second_edge_out_of_an_activity_is_refused_because_the_flow_is_linear()
    {
        var demo = TempWorkflows.Demo();
        demo["flow"]!.AsArray().Add(Edge("intake", "survey"));

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.flow[4]", "'intake' already goes to 'review'");
    }

    [Fact]
    public void First_activity_must_be_the_one_window_intake()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![0] = new JsonObject
        {
            ["id"] = "intake", ["type"] = "JointPreReview", ["name"] = "预审", ["budgetWorkingDays"] = 0, ["departments"] = new JsonArray("planning"),
        };

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, "$.activities[0].type", "the first activity ('intake') must be OneWindowIntake, not JointPreReview");
    }

    [Fact]
    public void Last_activity_must_be_the_deadline_completion()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![4] = new JsonObject
        {
            ["id"] = "completion", ["type"] = "JointPreReview", ["name"] = "预审", ["budgetWorkingDays"] = 1, ["departments"] = new JsonArray("planning"),
        };

        workflows.Refuses(demo).HasOnly(
            TempWorkflows.DemoFile, "$.activities[4].type", "the last activity ('completion') must be DeadlineCompletion, not JointPreReview");
    }

    [Fact]
    public void Intake_in_the_middle_of_the_flow_is_refused()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![1] = TempWorkflows.Demo()["activities"]![0]!.DeepClone();
        demo["activities"]![1]!["id"] = "review";

        workflows.Refuses(demo).HasOnly(TempWorkflows.DemoFile, "$.activities[1].type", "only the first activity may be OneWindowIntake");
    }

    [Fact]
    public void Duplicate_activity_id_is_reported_at_the_second_one()
    {
        var demo = TempWorkflows.Demo();
        demo["activities"]![2]!["id"] = "review";

        workflows.Refuses(demo).Has(TempWorkflows.DemoFile, "$.activities[2].id", "'review' is already the id of activities[1]");
    }

    private static JsonObject Edge(string from, string to) => new() { ["from"] = from, ["to"] = to };
}
