using Approval.Engine.Definitions;
using Approval.Testing;

namespace Approval.Engine.Tests.Definitions;

/// <summary>The definitions and catalogue in the repository's <c>workflows/</c>, as an administrator ships them.</summary>
public sealed class ShippedWorkflowsTests
{
    internal static DefinitionCatalog Catalog { get; } = DefinitionLoader.Load(RepositoryPaths.Workflows);

    public static TheoryData<string> Definitions => new(Catalog.Definitions.Select(d => d.Key));

    [Fact]
    public void The_3550_definitions_and_the_joint_completion_acceptance_have_their_targets() =>
        Assert.Equal(
            [("enterprise-establishment", 3), ("industrial-construction-permit", 50), ("joint-completion-acceptance", 10),
                ("real-estate-registration", 5)],
            Catalog.Definitions.Select(d => (d.Id, d.TargetWorkingDays)));

    [Fact]
    public void Joint_completion_acceptance_inspects_with_the_five_departments_of_the_seed_on_one_date()
    {
        var inspection = Catalog.Latest("joint-completion-acceptance").Activities.OfType<CombinedSiteSurveyDefinition>().Single();

        // seeds/004: 由发改、住建、规划、人防、消防共同参与、联合验收、一次办结.
        Assert.Equal(["development-reform", "natural-resources", "housing-construction", "civil-air-defence", "fire-rescue"], inspection.Departments);
        Assert.Equal(AbsenceRule.Blocks, inspection.Absence);
    }

    [Fact]
    public void Joint_completion_acceptance_files_completion_after_planning_fire_and_civil_defence_and_issues_one_document()
    {
        var definition = Catalog.Latest("joint-completion-acceptance");
        var decisions = definition.Activities.OfType<ParallelApprovalsDefinition>().Single();

        Assert.Equal(["industrial-construction-permit"], definition.Follows);
        Assert.Equal(["ZRZY-003", "RF-002", "ZJ-004", "FG-002", "ZJ-005"], decisions.Matters.Select(m => m.MatterCode));
        Assert.Equal(["ZRZY-003", "RF-002", "ZJ-004"], decisions.Matters.Single(m => m.MatterCode == "ZJ-005").After);
        Assert.Equal("联合验收意见书", definition.Activities.OfType<DeadlineCompletionDefinition>().Single().Document);
        Assert.All(decisions.Matters, m => Assert.NotEmpty(Catalog.Matter(m.MatterCode).LegalBasis));
    }

    [Fact]
    public void Only_the_joint_completion_acceptance_follows_another_definition() =>
        Assert.Equal(["joint-completion-acceptance"], Catalog.Definitions.Where(d => d.Follows.Count > 0).Select(d => d.Id));

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
