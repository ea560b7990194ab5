using System.Data.Common;
using Approval.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Approval.Benchmarks.Seed;

/// <summary>One column of a table, read from the EF Core model: its name, how to get it from an entity, how it is stored.</summary>
public sealed class RowColumn(IProperty property, string name, RelationalTypeMapping mapping)
{
    private readonly IClrPropertyGetter _getter = property.GetGetter();

    public string Name { get; } = name;
    public Type ModelType { get; } = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
    public RelationalTypeMapping Mapping { get; } = mapping;
    private ValueConverter? Converter { get; } = mapping.Converter;

    /// <summary>The store type without its size (<c>character varying</c>, <c>numeric</c>), as Npgsql's COPY names types.</summary>
    public string StoreType { get; } = mapping.StoreType.Split('(')[0].Trim();

    public object? Get(object entity) => _getter.GetClrValue(entity);

    public object? ToProvider(object? value) => value is null ? null : Converter is null ? value : Converter.ConvertToProvider(value);
}

/// <summary>A table of the model, its columns in the model's order.</summary>
public sealed class RowTable
{
    public RowTable(IEntityType type)
    {
        Type = type;
        Name = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Name, type.GetSchema());
        Columns = [.. type.GetProperties().Select(p => new RowColumn(p, p.GetColumnName(store)!, (RelationalTypeMapping)p.GetTypeMapping()))];
    }

    public IEntityType Type { get; }
    public string Name { get; }
    public RowColumn[] Columns { get; }

    public int IndexOf(string column) => Array.FindIndex(Columns, c => c.Name == column);

    public object?[] RowOf(object entity)
    {
        var row = new object?[Columns.Length];
        for (var i = 0; i < row.Length; i++) row[i] = Columns[i].Get(entity);
        return row;
    }

    public static RowTable Of<T>(DbContext db) => new(db.Model.FindEntityType(typeof(T))!);
}

/// <summary>Where generated rows go: PostgreSQL's binary COPY, or SQLite's prepared INSERTs in one transaction per batch.</summary>
public abstract class RowSink : IAsyncDisposable
{
    public long Rows { get; protected set; }

    public abstract void Begin(RowTable table);
    public abstract void Write(object?[] modelValues);
    public abstract void End();
    /// <summary>Commits what was written since the last call (one batch of projects).</summary>
    public abstract void Commit();
    public abstract ValueTask DisposeAsync();

    public static async Task<RowSink> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var pg = new NpgsqlConnection(connectionString);
            await pg.OpenAsync();
            return new PostgresCopySink(pg);
        }
        var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        await using (var pragma = sqlite.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync();
        }
        return new SqliteInsertSink(sqlite);
    }
}

/// <summary>Binary COPY: each table of a batch is one COPY, committed as it completes (tables in foreign-key order).</summary>
public sealed class PostgresCopySink(NpgsqlConnection connection) : RowSink
{
    private NpgsqlBinaryImporter? _importer;
    private RowTable? _table;

    public override void Begin(RowTable table)
    {
        _table = table;
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        _importer = connection.BeginBinaryImport($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
    }

    public override void Write(object?[] modelValues)
    {
        var importer = _importer!;
        var columns = _table!.Columns;
        importer.StartRow();
        for (var i = 0; i < columns.Length; i++)
        {
            var value = columns[i].ToProvider(modelValues[i]);
            if (value is null) importer.WriteNull();
            else importer.Write(value, columns[i].StoreType);
        }
        Rows++;
    }

    public override void End()
    {
        _importer!.Complete();
        _importer.Dispose();
        _importer = null;
    }

    public override void Commit() { }

    public override async ValueTask DisposeAsync()
    {
        if (_importer is not null) await _importer.DisposeAsync();
        await connection.DisposeAsync();
    }
}

/// <summary>One prepared INSERT per table, its parameters made by each column's own EF Core type mapping (so stored as EF Core stores them).</summary>
public sealed class SqliteInsertSink(Microsoft.Data.Sqlite.SqliteConnection connection) : RowSink
{
    private DbTransaction? _transaction;
    private DbCommand? _insert;
    private RowTable? _table;

    public override void Begin(RowTable table)
    {
        _transaction ??= connection.BeginTransaction();
        _table = table;
        _insert = connection.CreateCommand();
        _insert.Transaction = _transaction;
        _insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
    }

    public override void Write(object?[] modelValues)
    {
        var insert = _insert!;
        var columns = _table!.Columns;
        insert.Parameters.Clear();
        for (var i = 0; i < columns.Length; i++)
            insert.Parameters.Add(columns[i].Mapping.CreateParameter(insert, "@p" + i, modelValues[i], nullable: true));
        insert.ExecuteNonQuery();
        Rows++;
    }

    public override void End()
    {
        _insert!.Dispose();
        _insert = null;
    }

    public override void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
