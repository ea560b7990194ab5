using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace Approval.Engine.Persistence;

/// <summary>
/// A table's place in the schema's foreign keys, and what a save's statements on it may do and still be ordered by
/// that place alone (see <see cref="RankedCommandBatchPreparer"/> and <see cref="SaveWriter"/>).
/// </summary>
/// <param name="Rank">Depth in the foreign keys (0: references no other table); -1 in a foreign-key cycle.</param>
/// <param name="Ordering">Columns whose change can order statements: keys, unique and foreign-key columns.</param>
/// <param name="Referenced">Whether another table's foreign key points at this one.</param>
internal sealed record TableOrder(int Rank, HashSet<string> Ordering, bool Referenced)
{
    private static readonly ConcurrentDictionary<ITable, TableOrder> Tables = new();

    public static TableOrder Of(ITable table) => Tables.GetOrAdd(table, Compute);

    public bool Allows(IReadOnlyModificationCommand command) => command.EntityState switch
    {
        // A key the database generates must be read back before a dependent can be written: another batch.
        EntityState.Added => !(Referenced && command.ColumnModifications.Any(c => c.IsRead)),
        EntityState.Modified => !command.ColumnModifications.Any(c => c.IsWrite && Ordering.Contains(c.ColumnName)),
        _ => false,
    };

    private static TableOrder Compute(ITable table)
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
