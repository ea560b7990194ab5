using Approval.Engine.Definitions;

namespace Approval.Engine.Activities;

/// <summary>Checks material codes against an intake checklist and merges what the applicant hands in.</summary>
public static class MaterialCodes
{
    /// <summary>Unknown codes are bad input, named by their position so the applicant can fix them.</summary>
    public static void Validate(OneWindowIntakeDefinition intake, IReadOnlyList<string> codes, string field = "materials")
    {
        for (var i = 0; i < codes.Count; i++) Require(intake, codes[i], $"{field}[{i}]");
    }

    /// <summary>One code that must be on the checklist; <paramref name="field"/> names it in the error.</summary>
    public static void Require(OneWindowIntakeDefinition intake, string code, string field)
    {
        if (intake.Materials.All(m => m.Code != code))
            throw new InvalidInputException(field,
                $"Unknown material '{code}'; the checklist has: {string.Join(", ", intake.Materials.Select(m => m.Code))}.");
    }

    public static List<string> Merge(OneWindowIntakeDefinition intake, IEnumerable<string> have, IReadOnlyList<string> added)
    {
        Validate(intake, added);
        return have.Union(added).ToList();
    }

    /// <summary>The checklist names of material codes, for notices and reasons people read.</summary>
    public static string Names(WorkflowDefinition definition, IEnumerable<string> codes)
    {
        var intake = definition.Intake;
        return string.Join("、", codes.Select(c => intake.Materials.FirstOrDefault(m => m.Code == c)?.Name ?? c));
    }
}
