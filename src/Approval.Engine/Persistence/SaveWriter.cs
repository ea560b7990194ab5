using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Npgsql;

namespace Approval.Engine.Persistence;

#pragma warning disable EF1001 // The state manager's entries to save, as SaveChanges reads them; revisit when EF Core's major version changes.

/// <summary>
/// Writes a context's pending inserts and updates to PostgreSQL as one batch of statements built from EF Core's
/// model — the same tables, columns, value converters, parameter types and version checks as SaveChanges — with each
/// table's new rows in one multi-row INSERT. A save it cannot write exactly so is left to SaveChanges.
/// </summary>
/// <remarks>
/// An engine command's save is always of one shape: rows inserted (journal entries, tasks, timers, the operation
/// record) and columns of loaded rows updated, the instance's version checked. EF Core's update pipeline builds
/// modification commands, column modifications, parameters and SQL text afresh for every row of every save, and the
/// provider then parses that text again to split and bind it: measured, about two thirds of what a command
/// allocated and a fifth of the engine's CPU, with every row its own statement for the server. Here each statement's
/// text is made once per table and shape and cached, parameters are positional, and the statements go out as an
/// ADO.NET batch (one round trip, one implicit transaction when none is open). Every update is guarded: one that
/// matches no row (the version check, above all) raises inside the batch, so the server rolls back the whole batch
/// and nothing of the save is written — a row count checked after the batch would come too late, it has committed.
/// <para>
/// Left to SaveChanges: deletes; a changed key, unique or foreign-key column in a row that is not the only one of its
/// table in the save (the order of statements could then matter beyond the tables' foreign-key depth); a value the
/// database generates; entity types that share a table, inherit, or own others; a table in a foreign-key cycle; any
/// provider but PostgreSQL's. The statements do not pass through EF Core's command pipeline, so EF Core's command
/// log and interceptors do not see a save written here; its failures surface as <see cref="DbUpdateException"/>s as
/// SaveChanges' do.
/// </para>
/// </remarks>
internal static class SaveWriter
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    // At most this many rows in one INSERT (a statement's parameters are limited to 65,535); more make another INSERT.
    private const int MaxRowsPerInsert = 200;
    // What a guarded update reports as its rows affected: it ends in a SELECT, which reports none (-1); it raises
    // inside the batch when it updated no row (see UpdateText).
    internal const int GuardedUpdate = -1;
    private static readonly ConcurrentDictionary<IEntityType, TableWrite?> Tables = new();

    /// <summary>Writes the pending changes (detected already) and returns true, or returns false having written nothing.</summary>
    /// <exception cref="DbUpdateConcurrencyException">An update found no row with the key and original version it expected; nothing was written.</exception>
    /// <exception cref="DbUpdateException">The database refused a statement (a unique key, above all).</exception>
    public static async Task<bool> TryWriteAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName != PostgresProvider) return false;
        // The writer goes round SaveChanges, and so round any SaveChanges interceptor (auditing, soft deletes): with one
        // registered, the save is SaveChanges' so that the interceptor sees it.
        if (db.GetService<IInterceptors>().Aggregate<ISaveChangesInterceptor>() is not null) return false;
        var connection = db.Database.GetDbConnection();
        await using var batch = connection.CreateBatch();
        await using var maker = connection.CreateCommand();
        if (Plan(db, batch, maker) is not { } plan) return false;
        if (batch.BatchCommands.Count == 0) return true;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (db.Database.GetCommandTimeout() is { } timeout) batch.Timeout = timeout;
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DivisionByZero && plan.Rows.Contains(GuardedUpdate))
        {
            // A guarded update matched no row (see UpdateText; no other statement here divides): the server has rolled
            // back every statement of the batch.
            throw new DbUpdateConcurrencyException(
                "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have " +
                "been modified or deleted since entities were loaded.", ex,
                [.. plan.Entries.Where(e => e.EntityState == EntityState.Modified)]);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.",
                ex, plan.Entries);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        for (var i = 0; i < plan.Rows.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected == plan.Rows[i]) continue;
            throw new DbUpdateConcurrencyException(
                $"The database operation was expected to affect {plan.Rows[i]} row(s), but actually affected " +
                $"{batch.BatchCommands[i].RecordsAffected} row(s); data may have been modified or deleted since entities were loaded.",
                [.. plan.Entries.Where(e => e.EntityState == EntityState.Modified)]);
        }
        return true;
    }

    /// <summary>Fills <paramref name="batch"/> with the statements that write the pending changes, or returns null when SaveChanges must write them.</summary>
    /// <param name="db">The context whose changes have been detected.</param>
    /// <param name="batch">The batch to fill.</param>
    /// <param name="maker">Makes the parameters (a relational type mapping creates them through a command).</param>
    internal static WritePlan? Plan(DbContext db, DbBatch batch, DbCommand maker)
    {
        var entries = db.GetService<IStateManager>().GetEntriesToSave(cascadeChanges: true);
        var sql = db.GetService<ISqlGenerationHelper>();
        var rows = new List<Row>(entries.Count);
        foreach (var entry in entries)
        {
            if (Tables.GetOrAdd(entry.EntityType, TableWrite.For, sql) is not { } table || !table.CanWrite(entry)) return null;
            rows.Add(new Row(table, entry));
        }
        // A changed key, unique or foreign-key column could make another row of its table wait for it (a unique value
        // moved from one row to another); alone in its table it cannot, and the ranks put principals first anyway.
        foreach (var row in rows)
            if (row.Table.ChangesOrdering(row.Entry) && rows.Count(r => ReferenceEquals(r.Table, row.Table)) > 1) return null;
        // Principals before dependents; within a table new rows together, then updates in key order, so that
        // concurrent saves lock rows in the same order.
        rows.Sort(static (a, b) =>
            a.Table.Order.Rank != b.Table.Order.Rank ? a.Table.Order.Rank.CompareTo(b.Table.Order.Rank)
            : !ReferenceEquals(a.Table, b.Table) ? string.CompareOrdinal(a.Table.Name, b.Table.Name)
            : a.Entry.EntityState != b.Entry.EntityState ? a.Entry.EntityState == EntityState.Added ? -1 : 1
            : CompareKeys(a, b));

        var affected = new List<int>();
        for (var i = 0; i < rows.Count;)
        {
            var table = rows[i].Table;
            if (rows[i].Entry.EntityState == EntityState.Added)
            {
                var count = 1;
                while (i + count < rows.Count && count < MaxRowsPerInsert && ReferenceEquals(rows[i + count].Table, table) &&
                       rows[i + count].Entry.EntityState == EntityState.Added)
                    count++;
                batch.BatchCommands.Add(table.Insert(batch, maker, rows, i, count));
                affected.Add(count);
                i += count;
            }
            else
            {
                if (table.Update(batch, maker, rows[i].Entry) is { } update)
                {
                    batch.BatchCommands.Add(update);
                    affected.Add(GuardedUpdate);
                }
                i++;
            }
        }
        return new WritePlan(affected, [.. entries]);
    }

    private static int CompareKeys(Row a, Row b)
    {
        foreach (var property in a.Table.Key)
        {
            var order = Comparer<object?>.Default.Compare(a.Entry.GetCurrentValue(property), b.Entry.GetCurrentValue(property));
            if (order != 0) return order;
        }
        return 0;
    }

    private readonly record struct Row(TableWrite Table, IUpdateEntry Entry);

    /// <summary>
    /// A save as a batch: the rows each of its statements must affect (<see cref="GuardedUpdate"/> for an update, which
    /// checks itself), and the entries it writes.
    /// </summary>
    internal sealed record WritePlan(List<int> Rows, IReadOnlyList<IUpdateEntry> Entries);

    private sealed record Column(IProperty Property, string Name, string Delimited, RelationalTypeMapping Mapping, bool IsKey)
    {
        /// <summary>A positional parameter (PostgreSQL's <c>$n</c>), typed and converted by the property's own mapping.</summary>
        public DbParameter Parameter(DbCommand maker, object? value) => Mapping.CreateParameter(maker, "", value, Property.IsNullable);
    }

    /// <summary>One entity type's table and columns, from the model, and the texts of its statements by shape.</summary>
    private sealed class TableWrite
    {
        private readonly Column[] _columns;
        private readonly string _table;
        private readonly ConcurrentDictionary<int, string> _inserts = new();
        private readonly ConcurrentDictionary<(ulong Set, ulong Null), string> _updates = new();

        private TableWrite(ITable table, Column[] columns, IProperty[] key, ISqlGenerationHelper sql)
        {
            Name = table.Name;
            Order = TableOrder.Of(table);
            _columns = columns;
            Key = key;
            _table = sql.DelimitIdentifier(table.Name, table.Schema);
        }

        public string Name { get; }
        public TableOrder Order { get; }
        public IProperty[] Key { get; }

        /// <summary>The writer for an entity type, or null when only SaveChanges can write it (see the class remarks).</summary>
        public static TableWrite? For(IEntityType entityType, ISqlGenerationHelper sql)
        {
            if (entityType.BaseType is not null || entityType.GetDirectlyDerivedTypes().Any() || entityType.IsOwned() ||
                entityType.GetComplexProperties().Any() || entityType.GetTableMappings().Count() != 1)
                return null;
            var table = entityType.GetTableMappings().Single().Table;
            // Shapes of an update are kept as bit masks over the columns.
            if (table.EntityTypeMappings.Count() != 1 || TableOrder.Of(table).Rank < 0 || entityType.GetProperties().Count() > 64)
                return null;
            var store = StoreObjectIdentifier.Table(table.Name, table.Schema);
            var columns = new List<Column>();
            foreach (var property in entityType.GetProperties())
            {
                if (property.GetColumnName(store) is not { } name || property.ValueGenerated.HasFlag(ValueGenerated.OnUpdate)) return null;
                columns.Add(new Column(property, name, sql.DelimitIdentifier(name), property.GetRelationalTypeMapping(), property.IsPrimaryKey()));
            }
            return new TableWrite(table, [.. columns], [.. entityType.FindPrimaryKey()!.Properties], sql);
        }

        /// <summary>Whether this writer can write the entry exactly as SaveChanges would.</summary>
        public bool CanWrite(IUpdateEntry entry) => entry.EntityState switch
        {
            EntityState.Added => !_columns.Any(c => entry.IsStoreGenerated(c.Property)),
            EntityState.Modified => true,
            _ => false,
        };

        /// <summary>Whether the entry updates a key, unique or foreign-key column.</summary>
        public bool ChangesOrdering(IUpdateEntry entry) =>
            entry.EntityState == EntityState.Modified && _columns.Any(c => entry.IsModified(c.Property) && Order.Ordering.Contains(c.Name));

        /// <summary>One INSERT of <paramref name="count"/> new rows from <paramref name="first"/> on.</summary>
        public DbBatchCommand Insert(DbBatch batch, DbCommand maker, List<Row> rows, int first, int count)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = _inserts.GetOrAdd(count, InsertText);
            for (var r = first; r < first + count; r++)
                foreach (var column in _columns)
                    command.Parameters.Add(column.Parameter(maker, rows[r].Entry.GetCurrentValue(column.Property)));
            return command;
        }

        /// <summary>The entry's UPDATE of its changed columns, checked by key and concurrency tokens; null when nothing changed (SaveChanges writes nothing then either).</summary>
        public DbBatchCommand? Update(DbBatch batch, DbCommand maker, IUpdateEntry entry)
        {
            ulong set = 0, nulls = 0;
            for (var c = 0; c < _columns.Length; c++)
            {
                if (entry.IsModified(_columns[c].Property)) set |= 1UL << c;
                if (IsChecked(_columns[c]) && Checked(entry, _columns[c]) is null) nulls |= 1UL << c;
            }
            if (set == 0) return null;
            var command = batch.CreateBatchCommand();
            command.CommandText = _updates.GetOrAdd((set, nulls), UpdateText);
            for (var c = 0; c < _columns.Length; c++)
                if ((set & (1UL << c)) != 0) command.Parameters.Add(_columns[c].Parameter(maker, entry.GetCurrentValue(_columns[c].Property)));
            for (var c = 0; c < _columns.Length; c++)
                if (IsChecked(_columns[c]) && (nulls & (1UL << c)) == 0) command.Parameters.Add(_columns[c].Parameter(maker, Checked(entry, _columns[c])));
            return command;
        }

        private static bool IsChecked(Column column) => column.IsKey || column.Property.IsConcurrencyToken;

        // A key is checked at its current value (keys never change here); a token at the value it was loaded with.
        private static object? Checked(IUpdateEntry entry, Column column) =>
            column.IsKey ? entry.GetCurrentValue(column.Property) : entry.GetOriginalValue(column.Property);

        private string InsertText(int count)
        {
            var text = new StringBuilder($"INSERT INTO {_table} ({string.Join(", ", _columns.Select(c => c.Delimited))}) VALUES ");
            var n = 0;
            for (var r = 0; r < count; r++)
                text.Append(r == 0 ? "(" : ", (").AppendJoin(", ", _columns.Select(_ => "$" + ++n)).Append(')');
            return text.ToString();
        }

        private string UpdateText((ulong Set, ulong Null) shape)
        {
            var n = 0;
            var set = _columns.Where((_, c) => (shape.Set & (1UL << c)) != 0).Select(c => $"{c.Delimited} = ${++n}").ToList();
            var where = _columns.Select((c, i) => (Column: c, Bit: 1UL << i)).Where(c => IsChecked(c.Column))
                .Select(c => (shape.Null & c.Bit) != 0 ? $"{c.Column.Delimited} IS NULL" : $"{c.Column.Delimited} = ${++n}")
                .ToList();
            // The batch runs as one implicit transaction, which commits whatever row counts its statements had: an
            // update that matched nothing must fail the batch itself, before it commits, or the rows inserted next to
            // it (journal, tasks, the operation record) would be saved for a version that was never written. A
            // division by the updated rows' count fails exactly then (not constant, so the planner cannot fold it).
            return $"WITH guarded AS (UPDATE {_table} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)} RETURNING 1) " +
                "SELECT 1 / count(*) FROM guarded";
        }
    }
}
