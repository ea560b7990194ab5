using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// The database work of one engine command, from EF Core's diagnostic events (see <see cref="SqlProfiler"/>).
/// </summary>
/// <remarks>
/// <see cref="Sql"/> is the time during which at least one statement was executing or its reader was open: the
/// reader of a split query's first part stays open while the other parts run, so summing per-statement times would
/// count the same milliseconds several times. Each statement in <see cref="Statements"/> carries its own time until
/// its first result.
/// </remarks>
public sealed partial class CommandSample(string command)
{
    private int _open;
    private long _openSince;
    private long _saveStartedAt;
    private TimeSpan _sqlAtSaveStart;

    public string Command { get; } = command;
    public List<(string Sql, TimeSpan Time)> Statements { get; } = [];
    public TimeSpan Sql { get; private set; }
    public TimeSpan Commit { get; set; }
    public TimeSpan Open { get; set; }

    /// <summary>SaveChanges outside its statements: change detection, building commands, propagating results.</summary>
    public TimeSpan Save { get; private set; }

    /// <summary>LINQ queries compiled (0 once EF Core's query cache is warm, if the queries are cacheable).</summary>
    public int Compilations { get; private set; }

    public void StatementStarted()
    {
        if (_open++ == 0) _openSince = Stopwatch.GetTimestamp();
    }

    public void Executed(string sql, TimeSpan untilFirstResult, bool endsStatement)
    {
        Statements.Add((Shorten(sql), untilFirstResult));
        if (endsStatement) StatementEnded();
    }

    public void StatementEnded()
    {
        if (_open > 0 && --_open == 0) Sql += Stopwatch.GetElapsedTime(_openSince);
    }

    public void On(string @event)
    {
        if (@event == CoreEventId.SaveChangesStarting.Name)
        {
            _saveStartedAt = Stopwatch.GetTimestamp();
            _sqlAtSaveStart = Sql;
        }
        else if (@event == CoreEventId.SaveChangesCompleted.Name && _saveStartedAt != 0)
        {
            Save += Stopwatch.GetElapsedTime(_saveStartedAt) - (Sql - _sqlAtSaveStart);
            _saveStartedAt = 0;
        }
        else if (@event == CoreEventId.QueryCompilationStarting.Name)
        {
            Compilations++;
        }
    }

    private static string Shorten(string sql)
    {
        var flat = Whitespace().Replace(sql, " ").Trim();
        return flat.Length <= 110 ? flat : flat[..110] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
