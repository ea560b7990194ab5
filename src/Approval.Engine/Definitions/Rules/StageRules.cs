namespace Approval.Engine.Definitions;

/// <summary>What the loader knows of the catalogue; a part is <c>null</c> when its file was refused, so that its references are not reported twice.</summary>
internal sealed record CatalogueIndex(IReadOnlyDictionary<string, Department>? Departments, IReadOnlyDictionary<string, Matter>? Matters);

/// <summary>The contents of each activity (环节): checklists, departments, matters and the time budgets.</summary>
internal static class StageRules
{
    public static void Check(WorkflowDefinition definition, CatalogueIndex catalogue, FileProblems report)
    {
        var budgets = definition.Activities.Where(a => a.Type != ActivityType.OneWindowIntake).ToList();
        if (definition.StageBudgetWorkingDays > definition.TargetWorkingDays)
            report.Add("$.targetWorkingDays",
                $"the stage budgets add up to {definition.StageBudgetWorkingDays} working days " +
                $"({string.Join(" + ", budgets.Select(a => $"{a.Id} {a.BudgetWorkingDays}"))}), more than the target of " +
                $"{definition.TargetWorkingDays} (the intake runs before acceptance and is not counted)");

        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var at = $"$.activities[{i}]";
            switch (definition.Activities[i])
            {
                case OneWindowIntakeDefinition intake:
                    MaterialRules.Check(intake.Materials, $"{at}.materials", report);
                    if (intake.MaxDeficiencyWorkingDays == 0 && intake.Materials.Any(m => m.DeficiencyAllowed))
                        report.Add($"{at}.maxDeficiencyWorkingDays",
                            "some materials allow 容缺 (deficiencyAllowed), so the applicant needs at least 1 working day to supply them");
                    break;
                case JointPreReviewDefinition review:
                    CheckDepartments(review.Departments, $"{at}.departments", catalogue, report);
                    break;
                case CombinedSiteSurveyDefinition survey:
                    CheckDepartments(survey.Departments, $"{at}.departments", catalogue, report);
                    break;
                case ParallelApprovalsDefinition approvals:
                    MatterStepRules.Check(approvals, at, catalogue.Matters, report);
                    break;
            }
        }
    }

    private static void CheckDepartments(IReadOnlyList<string> ids, string at, CatalogueIndex catalogue, FileProblems report)
    {
        if (catalogue.Departments is null)
            return;
        for (var j = 0; j < ids.Count; j++)
            if (!catalogue.Departments.ContainsKey(ids[j]))
                report.Add($"{at}[{j}]", $"no department '{ids[j]}' in catalogue/departments.json");
    }
}

/// <summary>A materials checklist (材料清单), whether the window's or a matter's.</summary>
internal static class MaterialRules
{
    public static void Check(IReadOnlyList<MaterialRequirement> materials, string at, FileProblems report)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < materials.Count; j++)
        {
            if (!seen.TryAdd(materials[j].Code, j))
                report.Add($"{at}[{j}].code", $"'{materials[j].Code}' is already the code of {at.Split('.')[^1]}[{seen[materials[j].Code]}]");
            if (materials[j].DeficiencyAllowed && !materials[j].Required)
                report.Add($"{at}[{j}].deficiencyAllowed",
                    $"'{materials[j].Code}' is optional, so it may simply be missing; 容缺 (deficiencyAllowed) applies only to required materials");
        }
    }
}
