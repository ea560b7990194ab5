using System.Data.Common;

namespace Approval.Testing.Persistence;

/// <summary>Reads a PostgreSQL database's schema (the current schema) back as sorted, self-contained lines, one fact each.</summary>
public static class PostgresSchema
{
    private const string Ours = "table_schema = current_schema() AND table_name NOT LIKE '\\_\\_EFMigrations%'";

    /// <summary>
    /// Every table of the current schema but EF Core's default history table (<c>__EFMigrations…</c>), nor those in
    /// <paramref name="ignoring"/>, e.g. another context's history table.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection, CancellationToken ct,
        params IReadOnlyCollection<string> ignoring)
    {
        var lines = new List<string>();
        foreach (var t in await SchemaQuery.RowsAsync(connection, $"""
            SELECT table_name, table_type FROM information_schema.tables WHERE {Ours}
            """, [], ct))
            lines.Add($"{t[0]}: {t[1]}");

        foreach (var c in await SchemaQuery.RowsAsync(connection, $"""
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, column_default, is_identity, identity_generation
            FROM information_schema.columns WHERE {Ours}
            """, [], ct))
            lines.Add($"{c[0]}: column {c[1]} {c[2]} length={c[3] ?? "-"} precision={c[4] ?? "-"},{c[5] ?? "-"} " +
                $"nullable={c[6]} default={c[7] ?? "none"} identity={c[8]} {c[9] ?? ""}".TrimEnd());

        // indexdef is the server's own rendering: columns, uniqueness, method and the filter, all normalised.
        foreach (var i in await SchemaQuery.RowsAsync(connection, """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename NOT LIKE '\_\_EFMigrations%'
            """, [], ct))
            lines.Add($"{i[0]}: index {i[1]}: {i[2]}");

        // Not-null constraints show up as CHECKs named after object ids; nullability is covered by the columns.
        foreach (var k in await SchemaQuery.RowsAsync(connection, $"""
            SELECT tc.table_name, tc.constraint_type, tc.constraint_name,
                   (SELECT string_agg(k.column_name, ', ' ORDER BY k.ordinal_position)
                    FROM information_schema.key_column_usage k
                    WHERE k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name),
                   (SELECT min(u.table_name) || '(' || string_agg(u.column_name, ', ' ORDER BY u.ordinal_position) || ')'
                    FROM information_schema.key_column_usage u
                    WHERE u.constraint_schema = rc.unique_constraint_schema AND u.constraint_name = rc.unique_constraint_name),
                   rc.delete_rule, rc.update_rule, cc.check_clause
            FROM information_schema.table_constraints tc
            LEFT JOIN information_schema.referential_constraints rc
              ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
            LEFT JOIN information_schema.check_constraints cc
              ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
            WHERE tc.table_schema = current_schema() AND tc.table_name NOT LIKE '\_\_EFMigrations%'
              AND NOT (tc.constraint_type = 'CHECK' AND tc.constraint_name LIKE '%\_not\_null')
            """, [], ct))
            lines.Add($"{k[0]}: {k[1]} {k[2]} ({k[3]})" + k[1] switch
            {
                "FOREIGN KEY" => $" references {k[4]} on delete {k[5]} on update {k[6]}",
                "CHECK" => $" {k[7]}",
                _ => "",
            });

        // Every line starts with its table's name; a history table's own key and index go with it.
        lines.RemoveAll(l => ignoring.Contains(l[..l.IndexOf(':', StringComparison.Ordinal)]));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
