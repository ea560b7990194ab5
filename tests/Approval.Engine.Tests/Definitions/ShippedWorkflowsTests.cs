using Approval.Engine.Definitions;
using Approval.Testing;

namespace Approval.Engine.Tests.Definitions;

/// <summary>The definitions and catalogue in the repository's <c>workflows/</c>, as an administrator ships them.</summary>
public sealed class ShippedWorkflowsTests
{
    internal static DefinitionCatalog Catalog { get; } = DefinitionLoader.Load(RepositoryPaths.Workflows);

    public static TheoryData<string> Definitions => new(Catalog.Definitions.Select(d => d.Key));

    [Fact]
    public void The_3550_definitions_have_their_targets() =>
        Assert.Equal(
            [("enterprise-establishment", 3), ("industrial-construction-permit", 50), ("real-estate-registration", 5)],
            Catalog.Definitions.Select(d => (d.Id, d.TargetWorkingDays)));

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Stage_budgets_add_up_exactly_to_the_target(string key)
    {
        var definition = Catalog.Definitions.Single(d => d.Key == key);

        Assert.Equal(definition.TargetWorkingDays, definition.StageBudgetWorkingDays);
    }

    [Fact]
    public void Enterprise_establishment_issues_the_licence_before_seal_invoice_and_social_insurance()
    {
        var approvals = Catalog.Latest("enterprise-establishment").Activities.OfType<ParallelApprovalsDefinition>().Single();

        Assert.Equal(
            [("SCJG-001", ""), ("GA-001", "SCJG-001"), ("SW-001", "SCJG-001"), ("RS-001", "SCJG-001")],
            approvals.Matters.Select(m => (m.MatterCode, string.Join(",", m.After))));
    }

    [Fact]
    public void Construction_permit_waits_for_planning_and_fire_design_review()
    {
        var approvals = Catalog.Latest("industrial-construction-permit").Activities.OfType<ParallelApprovalsDefinition>().Single();

        Assert.Equal(["ZRZY-002", "ZJ-002"], approvals.Matters.Single(m => m.MatterCode == "ZJ-003").After);
        Assert.Equal(RejectionRule.RejectProject, approvals.OnRejection);
    }

    [Fact]
    public void Civil_air_defence_is_deemed_approved_when_its_time_runs_out()
    {
        var approvals = Catalog.Latest("industrial-construction-permit").Activities.OfType<ParallelApprovalsDefinition>().Single();

        Assert.Equal(["RF-001"], approvals.Matters.Where(m => m.DeemedApprovalOnTimeout).Select(m => m.MatterCode));
    }

    [Fact]
    public void Site_survey_absence_counts_as_agreement() =>
        Assert.Equal(
            AbsenceRule.DeemedAgreement,
            Catalog.Latest("industrial-construction-permit").Activities.OfType<CombinedSiteSurveyDefinition>().Single().Absence);

    [Fact]
    public void Window_checklists_allow_deficiency_only_where_a_promise_date_exists() =>
        Assert.All(
            Catalog.Definitions.Select(d => d.Intake),
            intake => Assert.Equal(intake.Materials.Any(m => m.DeficiencyAllowed), intake.MaxDeficiencyWorkingDays > 0));
}
