using System.Data.Common;
using System.Text.RegularExpressions;

namespace Approval.Testing.Persistence;

/// <summary>Reads a SQLite database's schema back as sorted, self-contained lines, one fact each, for comparison.</summary>
public static partial class SqliteSchema
{
    /// <summary>
    /// Every table but SQLite's own and EF Core's bookkeeping (<c>__EFMigrations…</c>: the default history table
    /// and the migration lock), nor those in <paramref name="ignoring"/>, e.g. another context's history table.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection, CancellationToken ct,
        params IReadOnlyCollection<string> ignoring)
    {
        var lines = new List<string>();
        var tables = await SchemaQuery.RowsAsync(connection, """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'
            """, [], ct);
        foreach (var table in tables)
        {
            var name = table[0]!;
            if (ignoring.Contains(name)) continue;
            var sql = table[1] ?? "";
            lines.Add($"{name}: table");
            // SQLite keeps constraint names and AUTOINCREMENT only in the CREATE TABLE text.
            lines.AddRange(ConstraintName().Matches(sql).Select(m => $"{name}: constraint {m.Groups[1].Value}"));
            if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) lines.Add($"{name}: autoincrement");

            foreach (var c in await SchemaQuery.RowsAsync(connection,
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($t)", [name], ct))
                lines.Add($"{name}: column {c[0]} {c[1]} {(c[2] == "1" ? "not null" : "null")} default={c[3] ?? "none"} pk={c[4]}");

            foreach (var i in await SchemaQuery.RowsAsync(connection,
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list($t)", [name], ct))
            {
                var columns = await SchemaQuery.RowsAsync(connection, "SELECT name FROM pragma_index_info($t) ORDER BY seqno", [i[0]], ct);
                var indexSql = (await SchemaQuery.RowsAsync(connection,
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $t", [i[0]], ct)).SingleOrDefault()?[0];
                var where = indexSql?.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) is int at and >= 0 ? indexSql[(at + 7)..] : "";
                lines.Add($"{name}: index {i[0]} ({string.Join(", ", columns.Select(r => r[0]))}) " +
                    $"unique={i[1]} origin={i[2]} where={where}");
            }

            var foreignKeys = await SchemaQuery.RowsAsync(connection, """
                SELECT id, "table", "from", "to", on_update, on_delete, match FROM pragma_foreign_key_list($t) ORDER BY id, seq
                """, [name], ct);
            foreach (var fk in foreignKeys.GroupBy(r => r[0]))
            {
                var (first, from, to) = (fk.First(), string.Join(", ", fk.Select(r => r[2])), string.Join(", ", fk.Select(r => r[3])));
                lines.Add($"{name}: foreign key ({from}) references {first[1]}({to}) " +
                    $"on delete {first[5]} on update {first[4]} match {first[6]}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    [GeneratedRegex("CONSTRAINT \"([^\"]+)\"")]
    private static partial Regex ConstraintName();
}
