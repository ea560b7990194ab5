namespace Approval.Engine.ProjectCodes;

/// <summary>
/// Words the error for a code whose 20 characters are all there but whose hyphens are missing, doubled or misplaced,
/// so that the message can say exactly which hyphen to move.
/// </summary>
internal static class ProjectCodeHyphens
{
    public static ProjectCodeError Diagnose(string text, string[] names)
    {
        var found = new List<(int Position, int Offset)>();
        var content = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '-') found.Add((i + 1, content));
            else content++;
        }

        var expected = ProjectCodeLayout.ExpectedOffsets;
        var stray = found.Where((h, k) => !expected.Contains(h.Offset) || found.FindIndex(o => o.Offset == h.Offset) != k).ToList();
        var missing = expected.Where(o => found.All(h => h.Offset != o)).Select(ProjectCodeLayout.HyphenOffsetIndex).ToList();

        var message = (missing.Count, stray.Count) switch
        {
            (1, 1) => $"the hyphen at position {stray[0].Position} should be at position {ProjectCodeLayout.HyphenPositionFor(missing[0])} ({Between(names, missing[0])})",
            (4, 0) => "no hyphens: expected '-' at positions 5, 12, 15 and 18",
            (1, 0) => $"missing hyphen at position {ProjectCodeLayout.HyphenPositionFor(missing[0])} ({Between(names, missing[0])})",
            ( > 1, 0) => $"missing hyphens at positions {Join(missing.Select(ProjectCodeLayout.HyphenPositionFor))}",
            (0, 1) => $"unexpected hyphen at position {stray[0].Position}",
            (0, _) => $"unexpected hyphens at positions {Join(stray.Select(h => h.Position))}",
            _ => $"hyphens at positions {Join(found.Select(h => h.Position))}; expected them at positions 5, 12, 15 and 18",
        };
        return ProjectCodeLayout.Whole(message, text);
    }

    private static string Between(string[] names, int hyphenIndex) =>
        $"between segments '{names[hyphenIndex]}' and '{names[hyphenIndex + 1]}'";

    private static string Join(IEnumerable<int> positions)
    {
        var list = positions.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
