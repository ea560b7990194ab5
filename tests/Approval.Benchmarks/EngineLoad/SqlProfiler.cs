using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// With <c>--profile</c>: listens to EF Core's diagnostic events (no change to the engine) and charges each SQL
/// statement, connection open and commit to the engine command that caused it, found through an
/// <see cref="AsyncLocal{T}"/> the driver sets around each command.
/// </summary>
public sealed class SqlProfiler : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<CommandSample?> Current = new();
    private static readonly HashSet<string> Events =
    [
        RelationalEventId.CommandExecuting.Name!, RelationalEventId.CommandExecuted.Name!, RelationalEventId.CommandError.Name!,
        RelationalEventId.DataReaderDisposing.Name!, RelationalEventId.TransactionCommitted.Name!, RelationalEventId.ConnectionOpened.Name!,
        CoreEventId.SaveChangesStarting.Name!, CoreEventId.SaveChangesCompleted.Name!, CoreEventId.QueryCompilationStarting.Name!,
    ];

    private readonly object _gate = new();
    private readonly Dictionary<string, Totals> _byCommand = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Command, string Sql), (int Count, TimeSpan Time)> _statements = [];
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public SqlProfiler() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Starts charging database work of the current async flow to a new sample.</summary>
    public static CommandSample Begin(string command) => Current.Value = new CommandSample(command);

    /// <summary>Stops charging and adds the sample, with the command's whole latency, to the totals.</summary>
    public void End(CommandSample sample, TimeSpan latency)
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
        yield return "profile, means per command: sql = wall time with a statement executing or its reader open (rows are read and " +
            "materialised meanwhile); commit = COMMIT; open = opening connections; save = SaveChanges outside its statements " +
            "(change detection, building commands; on SQLite also the fsync of an autocommit, done when its reader is disposed); " +
            "other = the rest (engine logic, waiting for the SQLite write gate, thread-pool hops); compiles = LINQ queries compiled";
        yield return string.Format(c, "  {0,-20} {1,7} {2,8} {3,6} {4,8} {5,8} {6,8} {7,9} {8,8} {9,8}", "command", "n", "ms", "stmts",
            "compiles", "sql_ms", "commit_ms", "open_ms", "save_ms", "other_ms");
        lock (_gate)
        {
            foreach (var (command, t) in _byCommand.OrderByDescending(p => p.Value.Latency))
                yield return string.Format(c, "  {0,-20} {1,7} {2,8:F3} {3,6:F1} {4,8:F2} {5,8:F3} {6,8:F3} {7,9:F3} {8,8:F3} {9,8:F3}",
                    command, t.Count, Mean(t.Latency, t.Count), (double)t.Statements / t.Count, (double)t.Compilations / t.Count,
                    Mean(t.Sql, t.Count), Mean(t.Commit, t.Count), Mean(t.Open, t.Count), Mean(t.Save, t.Count),
                    Mean(t.Latency - t.Sql - t.Commit - t.Open - t.Save, t.Count));
            yield return "  statements by total time until their first result (top 20):";
            foreach (var ((command, sql), (count, time)) in _statements.OrderByDescending(p => p.Value.Time).Take(20))
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
            case CommandErrorEventData:
            case DataReaderDisposingEventData:
                sample.StatementEnded();
                break;
            case CommandExecutedEventData executed:
                // A reader's statement goes on until the reader is disposed: rows are read (and materialised) meanwhile.
                sample.Executed(executed.Command.CommandText, executed.Duration,
                    endsStatement: executed.ExecuteMethod != DbCommandMethod.ExecuteReader);
                break;
            case CommandEventData:
                sample.StatementStarted();
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

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_gate) _subscriptions.ForEach(s => s.Dispose());
    }

    private sealed class Totals
    {
        public int Count, Compilations;
        public long Statements;
        public TimeSpan Latency, Sql, Commit, Open, Save;

        public void Add(CommandSample s, TimeSpan latency)
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
