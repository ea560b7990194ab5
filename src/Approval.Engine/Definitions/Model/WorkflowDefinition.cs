namespace Approval.Engine.Definitions;

/// <summary>A transition (流转) from one activity to the next.</summary>
/// <param name="From">The id of the activity that ends.</param>
/// <param name="To">The id of the activity that starts.</param>
public sealed record FlowEdge(string From, string To);

/// <summary>
/// A workflow definition (流程定义): one kind of application as activities on a linear flow, one version of it.
/// A running project stays on the version it started with, so old versions stay loadable.
/// </summary>
/// <param name="Id">Stable across versions, kebab-case (e.g. <c>enterprise-establishment</c>).</param>
/// <param name="Version">1, 2, …; the file is <c>workflows/&lt;id&gt;.v&lt;version&gt;.json</c>.</param>
/// <param name="Name">What the public sees (e.g. 企业开办).</param>
/// <param name="Description">Scope and conditions, if any.</param>
/// <param name="TargetWorkingDays">
/// The promised total (e.g. 3 of "3550"), counted from acceptance; the stage budgets of every activity but the
/// intake add up to at most this.
/// </param>
/// <param name="Activities">The activities in file order.</param>
/// <param name="Flow">The edges; at most one leaves each activity.</param>
/// <param name="Follows">
/// Definitions this one follows (竣工联合验收 after 施工许可): a filing gives the project code of a completed
/// application of one of them by the same project unit, and the two are linked by that code. Empty for most.
/// </param>
/// <remarks>
/// Instances come from <see cref="DefinitionLoader"/>, which has checked the flow, so <see cref="Start"/> and
/// <see cref="NextAfter"/> can rely on one start, no cycle and no branching. Equality of the lists is by
/// reference, as for any record.
/// </remarks>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string Name,
    string? Description,
    int TargetWorkingDays,
    IReadOnlyList<ActivityDefinition> Activities,
    IReadOnlyList<FlowEdge> Flow,
    IReadOnlyList<string> Follows)
{
    /// <summary>Id and version together, e.g. <c>enterprise-establishment@v1</c>.</summary>
    public string Key => $"{Id}@v{Version}";

    /// <summary>The one activity with no incoming edge: always the one-window intake.</summary>
    public ActivityDefinition Start =>
        Activities.FirstOrDefault(a => Flow.All(e => e.To != a.Id))
        ?? throw new InvalidOperationException($"workflow {Key} has no start activity");

    /// <summary>The one-window intake (一窗受理) that every definition starts with (the loader guarantees it).</summary>
    public OneWindowIntakeDefinition Intake => (OneWindowIntakeDefinition)Start;

    /// <summary>The sum of the budgets of every activity but the intake, which runs before acceptance.</summary>
    public int StageBudgetWorkingDays =>
        Activities.Where(a => a.Type != ActivityType.OneWindowIntake).Sum(a => a.BudgetWorkingDays);

    /// <summary>The activity that follows <paramref name="activityId"/>, or <c>null</c> after the last one.</summary>
    /// <exception cref="InvalidInputException">No activity has that id (field <c>activityId</c>).</exception>
    public ActivityDefinition? NextAfter(string activityId)
    {
        var from = Activity(activityId);
        return Flow.FirstOrDefault(e => e.From == from.Id) is { } edge ? Activity(edge.To) : null;
    }

    /// <summary>The activity with the given id.</summary>
    /// <exception cref="InvalidInputException">No activity has that id (field <c>activityId</c>).</exception>
    public ActivityDefinition Activity(string activityId) =>
        Activities.FirstOrDefault(a => a.Id == activityId)
        ?? throw new InvalidInputException(
            "activityId",
            $"workflow {Key} has no activity '{activityId}'; it has: {string.Join(", ", Activities.Select(a => a.Id))}");

    /// <summary>The activities in the order the flow visits them, from <see cref="Start"/> to the completion.</summary>
    public IEnumerable<ActivityDefinition> InFlowOrder()
    {
        for (ActivityDefinition? current = Start; current is not null; current = NextAfter(current.Id))
            yield return current;
    }
}
