using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed class WorkflowDefinitionTests
{
    private static readonly WorkflowDefinition Permit = ShippedWorkflowsTests.Catalog.Latest("industrial-construction-permit");

    [Fact]
    public void Key_joins_id_and_version() => Assert.Equal("industrial-construction-permit@v1", Permit.Key);

    [Fact]
    public void Start_is_the_activity_without_incoming_edge() => Assert.IsType<OneWindowIntakeDefinition>(Permit.Start);

    [Fact]
    public void NextAfter_follows_the_flow() => Assert.Equal("site-survey", Permit.NextAfter("joint-pre-review")!.Id);

    [Fact]
    public void NextAfter_the_last_activity_is_null() => Assert.Null(Permit.NextAfter("completion"));

    [Fact]
    public void Unknown_activity_names_the_activity_id_field() =>
        Assert.Equal("activityId", Assert.Throws<InvalidInputException>(() => Permit.Activity("hearing")).Field);

    [Fact]
    public void Flow_order_visits_the_five_domain_activities_in_turn() =>
        Assert.Equal(
            [ActivityType.OneWindowIntake, ActivityType.JointPreReview, ActivityType.CombinedSiteSurvey, ActivityType.ParallelApprovals, ActivityType.DeadlineCompletion],
            Permit.InFlowOrder().Select(a => a.Type));
}
