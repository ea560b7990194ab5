using System.Data.Common;
using System.Globalization;

namespace Approval.Testing.Persistence;

/// <summary>Runs a catalogue query and returns its rows as invariant text, so schema descriptions need no mapping.</summary>
public static class SchemaQuery
{
    /// <summary>Rows of <paramref name="sql"/>; its parameters are <c>$t</c>, <c>$u</c>, … for <paramref name="args"/> (SQLite's syntax).</summary>
    public static async Task<List<string?[]>> RowsAsync(DbConnection connection, string sql, string?[] args, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var n = 0; n < args.Length; n++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$" + (char)('t' + n);
            parameter.Value = args[n];
            command.Parameters.Add(parameter);
        }
        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new string?[reader.FieldCount];
            for (var c = 0; c < row.Length; c++)
                row[c] = reader.IsDBNull(c) ? null : Convert.ToString(reader.GetValue(c), CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
