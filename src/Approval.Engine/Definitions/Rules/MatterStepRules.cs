namespace Approval.Engine.Definitions;

/// <summary>
/// The matters of a parallel-approvals step (并联审批事项): each known and listed once, <c>after</c> naming
/// matters of the same step without a cycle, and every chain of waiting matters inside the step's budget.
/// </summary>
internal static class MatterStepRules
{
    public static void Check(
        ParallelApprovalsDefinition step, string at, IReadOnlyDictionary<string, Matter>? catalogue, FileProblems report)
    {
        var matters = step.Matters;
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var complete = catalogue is not null;
        for (var j = 0; j < matters.Count; j++)
        {
            var code = matters[j].MatterCode;
            if (!position.TryAdd(code, j))
                report.Add($"{at}.matters[{j}].matter", $"'{code}' is already listed at matters[{position[code]}]");
            else if (catalogue is not null && !catalogue.ContainsKey(code))
            {
                report.Add($"{at}.matters[{j}].matter", $"no matter '{code}' in catalogue/matters.json");
                complete = false;
            }
        }
        for (var j = 0; j < matters.Count; j++)
            for (var k = 0; k < matters[j].After.Count; k++)
                if (!position.ContainsKey(matters[j].After[k]))
                {
                    report.Add($"{at}.matters[{j}].after[{k}]", $"'{matters[j].After[k]}' is not a matter of this step ('{step.Id}')");
                    complete = false;
                }

        if (ReportCycles(matters, position, at, report) && complete)
            CheckTimes(step, position, catalogue!, at, report);
    }

    /// <returns><c>true</c> when <c>after</c> has no cycle, so chains have a length.</returns>
    private static bool ReportCycles(IReadOnlyList<MatterStep> matters, Dictionary<string, int> position, string at, FileProblems report)
    {
        var acyclic = true;
        var done = new HashSet<int>();
        var path = new List<int>();

        void Visit(int j)
        {
            path.Add(j);
            for (var k = 0; k < matters[j].After.Count; k++)
            {
                if (!position.TryGetValue(matters[j].After[k], out var waitsFor) || done.Contains(waitsFor))
                    continue;
                if (path.IndexOf(waitsFor) is var back and >= 0)
                {
                    var cycle = path.Skip(back).Append(waitsFor).Select(i => matters[i].MatterCode);
                    report.Add($"{at}.matters[{j}].after[{k}]", $"closes a cycle of waiting matters {string.Join(" waits for ", cycle)}");
                    acyclic = false;
                }
                else
                    Visit(waitsFor);
            }
            path.RemoveAt(path.Count - 1);
            done.Add(j);
        }

        for (var j = 0; j < matters.Count; j++)
            if (!done.Contains(j))
                Visit(j);
        return acyclic;
    }

    private static void CheckTimes(
        ParallelApprovalsDefinition step, Dictionary<string, int> position, IReadOnlyDictionary<string, Matter> catalogue,
        string at, FileProblems report)
    {
        var matters = step.Matters;
        var own = matters.Select(m => m.WorkingDays ?? catalogue[m.MatterCode].PromisedWorkingDays).ToArray();
        var chains = new Dictionary<int, List<int>>();

        // The longest chain ending at a matter: its predecessors' longest chain, then itself.
        List<int> Chain(int j)
        {
            if (chains.TryGetValue(j, out var known))
                return known;
            var longest = matters[j].After.Select(code => Chain(position[code])).MaxBy(c => c.Sum(i => own[i])) ?? [];
            return chains[j] = [.. longest, j];
        }

        for (var j = 0; j < matters.Count; j++)
        {
            var statutory = catalogue[matters[j].MatterCode].StatutoryWorkingDays;
            if (matters[j].WorkingDays > statutory)
                report.Add($"{at}.matters[{j}].workingDays",
                    $"{matters[j].WorkingDays} working days exceed the statutory limit of {matters[j].MatterCode} ({statutory})");
            var chain = Chain(j);
            var total = chain.Sum(i => own[i]);
            if (total > step.BudgetWorkingDays)
                report.Add($"{at}.matters[{j}]",
                    $"'{matters[j].MatterCode}' needs {total} working days ({string.Join(" + ", chain.Select(i => $"{matters[i].MatterCode} {own[i]}"))}), " +
                    $"more than the step's budget of {step.BudgetWorkingDays}");
        }
    }
}
