using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// With <c>--profile</c>: listens to EF Core's diagnostic events (no change to the engine) and charges each SQL
/// statement, connection open and commit to the engine command that caused it, found through an
/// <see cref="AsyncLocal{T}"/> the driver sets around each command.
/// </summary>
public sealed partial class SqlProfiler : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<Sample?> Current = new();
    private static readonly HashSet<string> Events =
    [
        RelationalEventId.CommandExecuted.Name!, RelationalEventId.DataReaderDisposing.Name!, RelationalEventId.TransactionCommitted.Name!,
        RelationalEventId.ConnectionOpened.Name!,
        CoreEventId.SaveChangesStarting.Name!, CoreEventId.SaveChangesCompleted.Name!, CoreEventId.QueryCompilationStarting.Name!,
    ];

    private readonly object _gate = new();
    private readonly Dictionary<string, Totals> _byCommand = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Command, string Sql), (int Count, TimeSpan Time)> _statements = [];
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public SqlProfiler() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Starts charging database work of the current async flow to a new sample.</summary>
    public static Sample Begin(string command) => Current.Value = new Sample(command);

    /// <summary>Stops charging and adds the sample, with the command's whole latency, to the totals.</summary>
    public void End(Sample sample, TimeSpan latency)
    {
        Current.Value = null;
        lock (_gate)
        {
            if (!_byCommand.TryGetValue(sample.Command, out var totals)) _byCommand[sample.Command] = totals = new Totals();
            totals.Add(sample, latency);
            foreach (var (sql, time) in sample.Statements)
            {
                var key = (sample.Command, sql);
                var seen = _statements.GetValueOrDefault(key);
                _statements[key] = (seen.Count + 1, seen.Time + time);
            }
        }
    }

    /// <summary>Per command type: mean latency and where it went; then the statements that cost most in total.</summary>
    public IEnumerable<string> Report()
    {
        var c = CultureInfo.InvariantCulture;
        yield return "profile, means per command: sql = statements from execution until their reader is disposed (for SQLite incl. an " +
            "autocommit's fsync; rows are materialised meanwhile), commit = COMMIT, " +
            "open = opening connections, save = SaveChanges outside its statements (change detection, building commands), " +
            "other = the rest (queries' materialisation, engine logic, waiting for the SQLite write gate); compiles = LINQ queries compiled";
        yield return string.Format(c, "  {0,-20} {1,7} {2,8} {3,6} {4,8} {5,8} {6,8} {7,9} {8,8} {9,8}", "command", "n", "ms", "stmts",
            "compiles", "sql_ms", "commit_ms", "open_ms", "save_ms", "other_ms");
        lock (_gate)
        {
            foreach (var (command, t) in _byCommand.OrderByDescending(p => p.Value.Latency))
                yield return string.Format(c, "  {0,-20} {1,7} {2,8:F3} {3,6:F1} {4,8:F2} {5,8:F3} {6,8:F3} {7,9:F3} {8,8:F3} {9,8:F3}",
                    command, t.Count, Mean(t.Latency, t.Count), (double)t.Statements / t.Count, (double)t.Compilations / t.Count,
                    Mean(t.Sql, t.Count), Mean(t.Commit, t.Count), Mean(t.Open, t.Count), Mean(t.Save, t.Count),
                    Mean(t.Latency - t.Sql - t.Commit - t.Open - t.Save, t.Count));
            yield return "  statements by total time (top 12):";
            foreach (var ((command, sql), (count, time)) in _statements.OrderByDescending(p => p.Value.Time).Take(12))
                yield return string.Format(c, "  {0,9:F0} ms {1,8}x {2,7:F3} ms/each  {3}: {4}", time.TotalMilliseconds, count,
                    time.TotalMilliseconds / count, command, sql);
        }
    }

    private static double Mean(TimeSpan total, int count) => total.TotalMilliseconds / count;

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_gate) _subscriptions.Add(listener.Subscribe(this, Events.Contains));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (Current.Value is not { } sample) return;
        switch (e.Value)
        {
            // A reader's statement goes on until the reader is disposed (SQLite finishes an INSERT … RETURNING, and
            // an autocommit, only then), so its time is taken at disposal: rows are read, and materialised, meanwhile.
            case CommandExecutedEventData { ExecuteMethod: DbCommandMethod.ExecuteReader }:
                break;
            case CommandExecutedEventData executed:
                sample.AddStatement(executed.Command.CommandText, executed.Duration);
                break;
            case DataReaderDisposingEventData disposing:
                sample.AddStatement(disposing.Command.CommandText, disposing.Duration);
                break;
            case TransactionEndEventData committed:
                sample.Commit += committed.Duration;
                break;
            case ConnectionEndEventData opened:
                sample.Open += opened.Duration;
                break;
            default:
                sample.On(e.Key);
                break;
        }
    }

    private static string Shorten(string sql)
    {
        var flat = Whitespace().Replace(sql, " ").Trim();
        return flat.Length <= 110 ? flat : flat[..110] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_gate) _subscriptions.ForEach(s => s.Dispose());
    }

    /// <summary>The database work of one engine command.</summary>
    public sealed class Sample(string command)
    {
        public string Command { get; } = command;
        public List<(string Sql, TimeSpan Time)> Statements { get; } = [];
        public TimeSpan Sql { get; private set; }
        public TimeSpan Commit { get; set; }
        public TimeSpan Open { get; set; }
        public TimeSpan Save { get; private set; }
        public int Compilations { get; private set; }

        private long _saveStartedAt;
        private TimeSpan _sqlAtSaveStart;

        public void AddStatement(string sql, TimeSpan time)
        {
            Statements.Add((Shorten(sql), time));
            Sql += time;
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
    }

    private sealed class Totals
    {
        public int Count, Compilations;
        public long Statements;
        public TimeSpan Latency, Sql, Commit, Open, Save;

        public void Add(Sample s, TimeSpan latency)
        {
            Count++;
            Statements += s.Statements.Count;
            Latency += latency;
            Sql += s.Sql;
            Commit += s.Commit;
            Open += s.Open;
            Save += s.Save;
            Compilations += s.Compilations;
        }
    }
}
