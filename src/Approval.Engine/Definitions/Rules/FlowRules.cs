namespace Approval.Engine.Definitions;

/// <summary>
/// The shape of the flow (流转): unique activity ids, edges between known activities, a linear chain without
/// cycles from one start, opened by the one-window intake and closed by the deadline completion.
/// </summary>
internal static class FlowRules
{
    public static void Check(WorkflowDefinition definition, FileProblems report)
    {
        var activities = definition.Activities;
        var position = IndexIds(activities, report);
        var edges = KnownEdges(definition.Flow, position, report);
        ReportCycles(activities, edges, report);

        var targets = edges.Select(e => e.Edge.To).ToHashSet();
        var sources = edges.Select(e => e.Edge.From).ToHashSet();
        var starts = position.Keys.Where(id => !targets.Contains(id)).ToList();
        var ends = position.Keys.Where(id => !sources.Contains(id)).ToList();
        if (starts.Count > 1)
            report.Add("$.flow", $"{starts.Count} activities have no incoming edge ({string.Join(", ", starts)}); exactly one may start the flow");
        if (starts.Count == 1)
        {
            ReportUnreachable(starts[0], edges, position, report);
            RequireOnlyAt(ActivityType.OneWindowIntake, "first", starts[0], activities, position, report);
        }
        if (ends.Count == 1)
            RequireOnlyAt(ActivityType.DeadlineCompletion, "last", ends[0], activities, position, report);
    }

    private static Dictionary<string, int> IndexIds(IReadOnlyList<ActivityDefinition> activities, FileProblems report)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < activities.Count; i++)
            if (!position.TryAdd(activities[i].Id, i))
                report.Add($"$.activities[{i}].id", $"'{activities[i].Id}' is already the id of activities[{position[activities[i].Id]}]");
        return position;
    }

    private static List<(FlowEdge Edge, int Index)> KnownEdges(
        IReadOnlyList<FlowEdge> flow, Dictionary<string, int> position, FileProblems report)
    {
        var edges = new List<(FlowEdge, int)>();
        var leaving = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < flow.Count; i++)
        {
            var (from, to) = (flow[i].From, flow[i].To);
            var fromKnown = position.ContainsKey(from);
            var toKnown = position.ContainsKey(to);
            if (!fromKnown)
                report.Add($"$.flow[{i}].from", $"no activity has the id '{from}'");
            if (!toKnown)
                report.Add($"$.flow[{i}].to", $"no activity has the id '{to}'");
            if (!fromKnown || !toKnown)
                continue;
            if (leaving.TryGetValue(from, out var other))
                report.Add($"$.flow[{i}]", $"'{from}' already goes to '{other}'; the flow is linear, so at most one edge leaves an activity");
            else
                leaving[from] = to;
            edges.Add((flow[i], i));
        }
        return edges;
    }

    private static void ReportCycles(IReadOnlyList<ActivityDefinition> activities, List<(FlowEdge Edge, int Index)> edges, FileProblems report)
    {
        var outgoing = edges.ToLookup(e => e.Edge.From);
        var done = new HashSet<string>();
        var path = new List<string>();

        void Visit(string id)
        {
            path.Add(id);
            foreach (var (edge, index) in outgoing[id])
            {
                if (path.IndexOf(edge.To) is var back and >= 0)
                    report.Add($"$.flow[{index}]", $"closes a cycle {string.Join(" -> ", path.Skip(back).Append(edge.To))}; the flow may not loop");
                else if (!done.Contains(edge.To))
                    Visit(edge.To);
            }
            path.RemoveAt(path.Count - 1);
            done.Add(id);
        }

        foreach (var activity in activities.Where(a => !done.Contains(a.Id)))
            Visit(activity.Id);
    }

    private static void ReportUnreachable(
        string start, List<(FlowEdge Edge, int Index)> edges, Dictionary<string, int> position, FileProblems report)
    {
        var outgoing = edges.ToLookup(e => e.Edge.From, e => e.Edge.To);
        var reached = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
            foreach (var next in outgoing[id].Where(reached.Add))
                queue.Enqueue(next);
        foreach (var (id, i) in position.Where(p => !reached.Contains(p.Key)))
            report.Add($"$.activities[{i}]", $"'{id}' cannot be reached from the start '{start}'");
    }

    /// <summary>The intake must open the flow and only open it; the completion must close it and only close it.</summary>
    private static void RequireOnlyAt(
        ActivityType type, string place, string expected, IReadOnlyList<ActivityDefinition> activities,
        Dictionary<string, int> position, FileProblems report)
    {
        var at = position[expected];
        if (activities[at].Type != type)
            report.Add($"$.activities[{at}].type", $"the {place} activity ('{expected}') must be {type}, not {activities[at].Type}");
        foreach (var (id, i) in position.Where(p => p.Key != expected && activities[p.Value].Type == type))
            report.Add($"$.activities[{i}].type", $"'{id}' is not the {place} activity; only the {place} activity may be {type}");
    }
}
