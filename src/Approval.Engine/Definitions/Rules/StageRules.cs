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
                    if (approvals.Simulation is { } simulation) CheckSimulation(definition, approvals, simulation, $"{at}.simulation", report);
                    break;
            }
        }
    }

    /// <summary>模拟审批: the converting material is on the intake's checklist, the expiry is given once, one step simulates.</summary>
    private static void CheckSimulation(WorkflowDefinition definition, ParallelApprovalsDefinition approvals, SimulationRule simulation,
        string at, FileProblems report)
    {
        var intake = definition.Activities.OfType<OneWindowIntakeDefinition>().FirstOrDefault();
        if (intake is not null && intake.Materials.All(m => m.Code != simulation.ConvertingMaterial))
            report.Add($"{at}.convertingMaterial",
                $"'{simulation.ConvertingMaterial}' is not a material of the intake's checklist; it has: {string.Join(", ", intake.Materials.Select(m => m.Code))}");
        if ((simulation.ExpiresAfterWorkingDays is null) == (simulation.ExpiresAfterMonths is null))
            report.Add(at, "give exactly one of expiresAfterWorkingDays and expiresAfterMonths: how long a simulation not converted lasts");
        if (simulation.ConfirmationWorkingDays > approvals.BudgetWorkingDays)
            report.Add($"{at}.confirmationWorkingDays",
                $"{simulation.ConfirmationWorkingDays} working days to confirm exceed the step's budget of {approvals.BudgetWorkingDays}");
        if (definition.Activities.OfType<ParallelApprovalsDefinition>().Count(a => a.Simulation is not null) > 1)
            report.Add(at, "only one parallel-approvals step of a definition may allow simulation");
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
