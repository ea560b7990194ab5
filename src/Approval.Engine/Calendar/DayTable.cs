namespace Approval.Engine.Calendar;

/// <summary>Why a day's answer is provisional, and what an administrator does about it.</summary>
/// <param name="Year">The year whose arrangement is missing or unverified.</param>
/// <param name="Code">The stable code (<see cref="ProvisionalNote"/>'s constants).</param>
/// <param name="Text">The reason in Chinese, shown to users.</param>
/// <param name="Remedy">How to add the data, for the strict-mode error.</param>
internal sealed record ProvisionalReason(int Year, string Code, string Text, string Remedy)
{
    /// <summary>The public face of the reason: its code and text.</summary>
    public ProvisionalNote Note => new(Code, Text);
}

/// <summary>
/// A calendar precomputed over <see cref="SupportedRange"/>: per day its kind, name and provisional reason, plus
/// the prefix counts that make every question a few array look-ups.
/// </summary>
/// <remarks>
/// <c>workingBefore[i]</c> counts working days with index &lt; i, so the working days in (a, b] are
/// <c>workingBefore[b + 1] − workingBefore[a + 1]</c>; <c>workingDayIndex[k]</c> is the index of the k-th working
/// day, so the n-th working day after a is <c>workingDayIndex[workingBefore[a + 1] + n]</c>;
/// <c>nextProvisional[i]</c> is the first provisional index ≥ i, so "is anything in [a, b] provisional" is one
/// comparison.
/// </remarks>
internal sealed class DayTable
{
    private readonly DayKind[] _kinds;
    private readonly string?[] _names;
    private readonly ProvisionalReason?[] _reasons;
    private readonly int[] _workingBefore;
    private readonly int[] _workingDayIndex;
    private readonly int[] _nextProvisional;

    public DayTable(DayKind[] kinds, string?[] names, ProvisionalReason?[] reasons)
    {
        var count = kinds.Length;
        _kinds = kinds;
        _names = names;
        _reasons = reasons;
        _workingBefore = new int[count + 1];
        var working = new List<int>(count) { -1 };
        for (var i = 0; i < count; i++)
        {
            var isWorking = IsWorkingKind(kinds[i]);
            _workingBefore[i + 1] = _workingBefore[i] + (isWorking ? 1 : 0);
            if (isWorking) working.Add(i);
        }
        _workingDayIndex = [.. working];
        _nextProvisional = new int[count + 1];
        _nextProvisional[count] = count;
        for (var i = count - 1; i >= 0; i--) _nextProvisional[i] = reasons[i] is null ? _nextProvisional[i + 1] : i;
    }

    public int Count => _kinds.Length;

    public int TotalWorkingDays => _workingDayIndex.Length - 1;

    public DayKind Kind(int index) => _kinds[index];

    public string? Name(int index) => _names[index];

    public ProvisionalReason? Reason(int index) => _reasons[index];

    public bool IsWorking(int index) => IsWorkingKind(_kinds[index]);

    /// <summary>Working days with index &lt; <paramref name="index"/> (0 ≤ index ≤ Count).</summary>
    public int WorkingBefore(int index) => _workingBefore[index];

    /// <summary>Working days in the inclusive index range [first, last]; 0 when empty.</summary>
    public int WorkingIn(int first, int last) => last < first ? 0 : _workingBefore[last + 1] - _workingBefore[first];

    /// <summary>The index of the working day with this 1-based ordinal, or -1 past the end of the range.</summary>
    public int WorkingDayAt(long ordinal) =>
        ordinal >= 1 && ordinal < _workingDayIndex.Length ? _workingDayIndex[ordinal] : -1;

    /// <summary>The first provisional index in [first, last], or -1.</summary>
    public int FirstProvisionalIn(int first, int last)
    {
        if (last < first) return -1;
        var next = _nextProvisional[first];
        return next <= last ? next : -1;
    }

    private static bool IsWorkingKind(DayKind kind) => kind is DayKind.Workday or DayKind.AdjustedWorkday;
}
