using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

/// <summary>
/// Turns documents that passed their schema into the model. The schema has already guaranteed every shape
/// used here, so a missing property or a wrong kind is a bug in the schema, not the administrator's mistake.
/// </summary>
internal static class ModelReader
{
    public static WorkflowDefinition Workflow(JsonObject json) => new(
        Text(json, "id"),
        Int(json, "version"),
        Text(json, "name"),
        OptionalText(json, "description"),
        Int(json, "targetWorkingDays"),
        [.. Array(json, "activities").Select(Activity)],
        [.. Array(json, "flow").Select(e => new FlowEdge(Text(e, "from"), Text(e, "to")))],
        json.ContainsKey("follows") ? Texts(json, "follows") : []);

    public static Department Department(JsonObject json) =>
        new(Text(json, "id"), Text(json, "name"), Text(json, "shortName"));

    public static Matter Matter(JsonObject json) => new(
        Text(json, "code"),
        Text(json, "name"),
        Text(json, "department"),
        Text(json, "legalBasis"),
        Materials(json),
        Int(json, "statutoryWorkingDays"),
        Int(json, "promisedWorkingDays"),
        Text(json, "fees"),
        OptionalText(json, "description"),
        json["commitment"] is JsonObject c ? new Commitment(Text(c, "text"), Int(c, "verificationWorkingDays")) : null);

    public static IEnumerable<JsonObject> Array(JsonObject json, string name) => json[name]!.AsArray().Select(n => n!.AsObject());

    private static ActivityDefinition Activity(JsonObject json)
    {
        var (id, name, budget) = (Text(json, "id"), Text(json, "name"), Int(json, "budgetWorkingDays"));
        return Enum.Parse<ActivityType>(Text(json, "type")) switch
        {
            ActivityType.OneWindowIntake =>
                new OneWindowIntakeDefinition(id, name, budget, Materials(json), Int(json, "maxDeficiencyWorkingDays")),
            ActivityType.JointPreReview => new JointPreReviewDefinition(id, name, budget, Texts(json, "departments")),
            ActivityType.CombinedSiteSurvey => new CombinedSiteSurveyDefinition(
                id, name, budget, Texts(json, "departments"), Enum.Parse<AbsenceRule>(Text(json, "absence"))),
            ActivityType.ParallelApprovals => new ParallelApprovalsDefinition(
                id, name, budget, [.. Array(json, "matters").Select(MatterStep)], Enum.Parse<RejectionRule>(Text(json, "onRejection")),
                json["simulation"] is JsonObject s && s["allowed"]!.GetValue<bool>() ? Simulation(s) : null),
            ActivityType.DeadlineCompletion => new DeadlineCompletionDefinition(id, name, budget, OptionalText(json, "document")),
            var other => throw new InvalidOperationException($"activity type {other} has no reader"),
        };
    }

    private static MatterStep MatterStep(JsonObject json) => new(
        Text(json, "matter"),
        json.ContainsKey("after") ? Texts(json, "after") : [],
        json["deemedApprovalOnTimeout"]?.GetValue<bool>() ?? false,
        json.ContainsKey("workingDays") ? Int(json, "workingDays") : null);

    private static SimulationRule Simulation(JsonObject json) => new(
        Text(json, "convertingMaterial"),
        Int(json, "confirmationWorkingDays"),
        json.ContainsKey("expiresAfterWorkingDays") ? Int(json, "expiresAfterWorkingDays") : null,
        json.ContainsKey("expiresAfterMonths") ? Int(json, "expiresAfterMonths") : null);

    private static IReadOnlyList<MaterialRequirement> Materials(JsonObject json) =>
    [
        .. Array(json, "materials").Select(m => new MaterialRequirement(
            Text(m, "code"), Text(m, "name"), m["required"]!.GetValue<bool>(), m["deficiencyAllowed"]?.GetValue<bool>() ?? false)),
    ];

    private static string Text(JsonObject json, string name) => json[name]!.GetValue<string>();

    private static string? OptionalText(JsonObject json, string name) => json[name]?.GetValue<string>();

    // The schema accepts 3.0 as an integer; reading it as a double first accepts it here too.
    private static int Int(JsonObject json, string name) => (int)json[name]!.GetValue<double>();

    private static IReadOnlyList<string> Texts(JsonObject json, string name) => [.. json[name]!.AsArray().Select(n => n!.GetValue<string>())];
}
