using System.Text;
using Approval.Engine.Calendar;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Supervision;

/// <summary>
/// Keeps the tallies (<see cref="Tally"/>) small: folds the rows the saves appended into one row per key
/// (<see cref="CompactAsync"/>, run by the scheduler after each round), and builds them from the projects' rows
/// when they are missing — a database from before the tallies, or rows written round the engine by the data generator.
/// </summary>
/// <remarks>
/// Folding is one statement per tally on PostgreSQL (the appended rows of a key and its folded row deleted, their sum
/// inserted), so a reader sees the rows before or after, never half; a save appending meanwhile adds a row the next
/// round folds. Two nodes folding at once wait on each other's deleted rows and fold what is left.
/// </remarks>
public sealed class TallyCompaction(ApprovalDatabase database, IWorkingDayCalendars calendars)
{
    private static readonly Type[] TallyTypes = [typeof(OpenWorkTally), typeof(DecisionTally), typeof(ProjectTally), typeof(AcceptanceTally)];
    private static readonly HashSet<string> Measures = [nameof(Tally.Count), nameof(DecisionTally.Late), nameof(DecisionTally.Days), nameof(ProjectTally.WithDays)];

    /// <summary>Folds every key that has appended rows into one row.</summary>
    public async Task CompactAsync(CancellationToken ct = default)
    {
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        foreach (var type in TallyTypes)
        {
            var sql = FoldSql(db.Model.FindEntityType(type)!, database.Provider);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync(sql[0], ct);
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var statement in sql) await db.Database.ExecuteSqlRawAsync(statement, ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Builds the tallies from the projects' rows when there are none but there are projects they would count
    /// (a database from before the tallies); true when it built them. Run at start-up, before commands.
    /// </summary>
    public async Task<bool> RebuildIfMissingAsync(CancellationToken ct = default)
    {
        await using (var db = database.CreateContext())
        {
            var any = await db.OpenWorkTallies.AnyAsync(ct) || await db.DecisionTallies.AnyAsync(ct) || await db.ProjectTallies.AnyAsync(ct)
                || await db.AcceptanceTallies.AnyAsync(ct);
            if (any || !await db.Instances.AnyAsync(i => i.Status == InstanceStatus.Filed || i.Status == InstanceStatus.Running || i.EndedAt != null, ct))
                return false;
        }
        await RebuildAsync(ct);
        return true;
    }

    /// <summary>
    /// Replaces the tallies with what the projects' rows add up to by <see cref="TallyRules"/>, folded. For a database
    /// no command writes to meanwhile (start-up, the data generator): a save during it would be counted twice or not at all.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        var calendar = calendars.National;
        var sums = new Dictionary<(Type, object), Tally>();
        void Add(Tally row)
        {
            var key = (row.GetType(), row.Key);
            if (sums.TryGetValue(key, out var sum)) sum.Add(row);
            else sums[key] = row;
        }

        await using (var db = database.CreateContext())
        {
            db.Database.SetCommandTimeout(ApprovalDatabase.MigrationTimeout);
            var openWork = from t in db.Tasks.AsNoTracking().Where(TallyRules.OpenWork)
                           join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
                           select new { t.Status, t.Kind, t.DepartmentId, t.MatterCode, t.DueOn, t.WarnOn, i.Simulation, InstanceStatus = i.Status };
            await foreach (var t in openWork.AsAsyncEnumerable().WithCancellation(ct))
                foreach (var row in TallyRules.Of(new WorkTask { Status = t.Status, Kind = t.Kind, DepartmentId = t.DepartmentId, MatterCode = t.MatterCode, DueOn = t.DueOn, WarnOn = t.WarnOn },
                             TallyRules.PhaseOf(t.InstanceStatus, t.Simulation), calendar))
                    Add(row);

            var decided = db.Tasks.AsNoTracking()
                .Where(t => t.Status == TaskStatus.Done && t.DecidedAt != null && t.MatterCode != null && t.DepartmentId != null
                    && (t.Kind == TaskKind.MatterDecision || t.Kind == TaskKind.SimulationConfirmation || t.Kind == TaskKind.CommitmentVerification))
                .Select(t => new WorkTask
                {
                    Status = t.Status, Kind = t.Kind, DepartmentId = t.DepartmentId, MatterCode = t.MatterCode, Outcome = t.Outcome,
                    DecidedAt = t.DecidedAt, OpenedOn = t.OpenedOn, DueOn = t.DueOn, LimitWorkingDays = t.LimitWorkingDays,
                    ExtensionWorkingDays = t.ExtensionWorkingDays, DecidedLate = t.DecidedLate, UsedWorkingDays = t.UsedWorkingDays,
                });
            await foreach (var t in decided.AsAsyncEnumerable().WithCancellation(ct))
                foreach (var row in TallyRules.Of(t, ProjectPhase.Ended, calendar))
                    Add(row);

            var projects = db.Instances.AsNoTracking()
                .Where(i => i.Status == InstanceStatus.Filed || i.Status == InstanceStatus.Running || i.EndedAt != null)
                .Select(i => new ProjectInstance
                {
                    DefinitionId = i.DefinitionId, Status = i.Status, DueOn = i.DueOn, EndedAt = i.EndedAt, EndedOn = i.EndedOn, OnTime = i.OnTime,
                    UsedWorkingDays = i.UsedWorkingDays, AcceptedOn = i.AcceptedOn, TargetWorkingDays = i.TargetWorkingDays,
                    ExtensionWorkingDays = i.ExtensionWorkingDays,
                });
            await foreach (var p in projects.AsAsyncEnumerable().WithCancellation(ct))
                foreach (var row in TallyRules.Of(p, calendar))
                    Add(row);
        }

        using var gate = await database.EnterWriteAsync(ct);
        await using var write = database.CreateContext();
        write.Database.SetCommandTimeout(ApprovalDatabase.MigrationTimeout);
        await using var transaction = await write.Database.BeginTransactionAsync(ct);
        foreach (var type in TallyTypes)
        {
            var delete = "DELETE FROM " + Table(write.Model.FindEntityType(type)!);  // a table name from the model, no input
            await write.Database.ExecuteSqlRawAsync(delete, ct);
        }
        write.SavingProjectRows = true;
        write.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var batch in sums.Values.Chunk(5_000))
        {
            foreach (var row in batch)
            {
                row.Id = Guid.CreateVersion7();
                row.Folded = true;
                write.Add(row);
            }
            await write.SaveChangesAsync(ct);
            write.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The statements that fold one tally: on PostgreSQL one (delete the rows of every key with an appended row,
    /// insert their sums); on SQLite three in a transaction (sum into a temporary table, delete, insert).
    /// </summary>
    internal static string[] FoldSql(IEntityType type, DatabaseProvider provider)
    {
        var table = Table(type);
        var columns = type.GetProperties().Where(p => !p.IsPrimaryKey() && p.Name != nameof(Tally.Folded)).ToList();
        var keys = columns.Where(p => !Measures.Contains(p.Name)).Select(Column).ToList();
        var measures = columns.Where(p => Measures.Contains(p.Name)).Select(Column).ToList();
        var keyList = string.Join(", ", keys);
        var sums = string.Join(", ", measures.Select(m => $"SUM({m})"));
        var nonZero = string.Join(" OR ", measures.Select(m => $"SUM({m}) <> 0"));
        var folded = Column(type.FindProperty(nameof(Tally.Folded))!);
        var id = Column(type.FindPrimaryKey()!.Properties[0]);
        if (provider == DatabaseProvider.Postgres)
        {
            var same = string.Join(" AND ", keys.Select(k => $"t.{k} IS NOT DISTINCT FROM a.{k}"));
            return [new StringBuilder()
                .Append($"WITH gone AS (DELETE FROM {table} AS t USING (SELECT DISTINCT {keyList} FROM {table} WHERE NOT {folded}) AS a ")
                .Append($"WHERE {same} RETURNING t.*) ")
                .Append($"INSERT INTO {table} ({id}, {keyList}, {string.Join(", ", measures)}, {folded}) ")
                .Append($"SELECT gen_random_uuid(), {keyList}, {sums}, TRUE FROM gone GROUP BY {keyList} HAVING {nonZero}")
                .ToString()];
        }
        var sameAs = string.Join(" AND ", keys.Select(k => $"f.{k} IS {table}.{k}"));
        var appended = string.Join(" AND ", keys.Select(k => $"a.{k} IS t.{k}"));
        // SQLite keeps a Guid as its upper-case text; randomblob is evaluated per row.
        const string guid = "hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))";
        return
        [
            "DROP TABLE IF EXISTS temp.tally_fold",
            $"CREATE TEMP TABLE tally_fold AS SELECT {keyList}, {string.Join(", ", measures.Select(m => $"SUM({m}) AS {m}"))} FROM {table} AS t " +
            $"WHERE EXISTS (SELECT 1 FROM {table} AS a WHERE NOT a.{folded} AND {appended}) GROUP BY {keyList}",
            $"DELETE FROM {table} WHERE EXISTS (SELECT 1 FROM temp.tally_fold AS f WHERE {sameAs})",
            $"INSERT INTO {table} ({id}, {keyList}, {string.Join(", ", measures)}, {folded}) SELECT {guid}, {keyList}, {string.Join(", ", measures)}, 1 " +
            $"FROM temp.tally_fold WHERE {string.Join(" OR ", measures.Select(m => $"{m} <> 0"))}",
            "DROP TABLE temp.tally_fold",
        ];
    }

    private static string Table(IEntityType type) => $"\"{type.GetTableName()}\"";

    private static string Column(IProperty property) => $"\"{property.GetColumnName()}\"";
}
