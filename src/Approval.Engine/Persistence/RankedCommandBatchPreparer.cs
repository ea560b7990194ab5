using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.EntityFrameworkCore.Update.Internal;

namespace Approval.Engine.Persistence;

#pragma warning disable EF1001 // EF Core's own preparer, extended through ReplaceService; revisit when EF Core's major version changes.

/// <summary>
/// Orders a save's statements by their tables' places in the schema's foreign keys, principals first, when that is
/// the only order that matters; any other save is ordered by EF Core as always.
/// </summary>
/// <remarks>
/// EF Core sorts a graph of every foreign-key, unique-value and same-table dependency between the rows of a save:
/// general, and 4–5% of an engine command's CPU (perf). A command's save inserts rows and updates columns of rows it
/// loaded that are neither keys, foreign keys nor unique: nothing is deleted and no key or unique value moves from
/// one row to another. Then only the foreign keys order the statements (a principal's insert before its
/// dependents'), and a table's depth in the foreign keys fixes that once for the schema. A save that deletes,
/// changes such a column, reads a generated key back for a table others reference, or touches a table in a
/// foreign-key cycle is handed to EF Core's sort. Within a depth the statements keep EF Core's order (table, then
/// key), so that concurrent saves lock rows in the same order.
/// </remarks>
public sealed class RankedCommandBatchPreparer(CommandBatchPreparerDependencies dependencies) : CommandBatchPreparer(dependencies)
{
    private static readonly ConcurrentDictionary<ITable, TableOrder> Tables = new();

    public override IReadOnlyList<List<IReadOnlyModificationCommand>> TopologicalSort(IEnumerable<IReadOnlyModificationCommand> commands)
    {
        var ranked = new List<(int Rank, IReadOnlyModificationCommand Command)>();
        foreach (var command in commands)
        {
            if (command.Table is not { } table || Tables.GetOrAdd(table, TableOrder.Of) is not { Rank: >= 0 } order ||
                !order.Allows(command))
                return base.TopologicalSort(commands);
            ranked.Add((order.Rank, command));
        }
        var comparer = Dependencies.ModificationCommandComparer;
        ranked.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : comparer.Compare(a.Command, b.Command));
        return [ranked.ConvertAll(r => r.Command)];
    }

    /// <summary>What a table's statements may do and still be ordered by <paramref name="Rank"/> alone.</summary>
    /// <param name="Rank">Depth in the foreign keys (0: references no other table); -1 in a foreign-key cycle.</param>
    /// <param name="Ordering">Columns whose change can order statements: keys, unique and foreign-key columns.</param>
    /// <param name="Referenced">Whether another table's foreign key points at this one.</param>
    private sealed record TableOrder(int Rank, HashSet<string> Ordering, bool Referenced)
    {
        public bool Allows(IReadOnlyModificationCommand command) => command.EntityState switch
        {
            // A key the database generates must be read back before a dependent can be written: another batch.
            EntityState.Added => !(Referenced && command.ColumnModifications.Any(c => c.IsRead)),
            EntityState.Modified => !command.ColumnModifications.Any(c => c.IsWrite && Ordering.Contains(c.ColumnName)),
            _ => false,
        };

        public static TableOrder Of(ITable table)
        {
            var ordering = new HashSet<string>(StringComparer.Ordinal);
            foreach (var column in table.PrimaryKey?.Columns ?? []) ordering.Add(column.Name);
            foreach (var constraint in table.UniqueConstraints) ordering.UnionWith(constraint.Columns.Select(c => c.Name));
            foreach (var index in table.Indexes.Where(i => i.IsUnique)) ordering.UnionWith(index.Columns.Select(c => c.Name));
            foreach (var foreignKey in table.ForeignKeyConstraints) ordering.UnionWith(foreignKey.Columns.Select(c => c.Name));
            return new TableOrder(RankOf(table, []), ordering, table.ReferencingForeignKeyConstraints.Any());
        }

        private static int RankOf(ITable table, HashSet<ITable> path)
        {
            if (!path.Add(table)) return -1;
            var rank = 0;
            foreach (var foreignKey in table.ForeignKeyConstraints)
            {
                var principal = RankOf(foreignKey.PrincipalTable, path);
                if (principal < 0) return -1;
                rank = Math.Max(rank, principal + 1);
            }
            path.Remove(table);
            return rank;
        }
    }
}
