using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Approval.Testing.Persistence;

/// <summary>
/// Writes the C# of a migration that creates a context's whole model, for a developer to read, trim to the
/// change at hand and commit; it stands in for <c>dotnet ef migrations add</c>, whose design-time package we cannot obtain.
/// </summary>
/// <remarks>
/// The committed migrations are frozen history: nothing computes them at run time. An operation or annotation this
/// generator does not know makes it throw, so that a model feature is never silently left out of the code.
/// </remarks>
public static class MigrationCodeGenerator
{
    /// <summary>The complete migration file creating every table and index of <paramref name="context"/>'s model.</summary>
    /// <param name="summary">The XML summary of the migration class: what it creates.</param>
    public static string InitialMigration(DbContext context, string ns, string id, string className,
        string summary = "Creates the schema of the first release.")
    {
        var operations = context.GetService<IMigrationsModelDiffer>()
            .GetDifferences(null, context.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        var up = new StringBuilder();
        var tables = new List<string>();
        foreach (var operation in operations)
        {
            if (up.Length > 0) up.AppendLine();
            switch (operation)
            {
                case CreateTableOperation table:
                    WriteTable(up, table);
                    tables.Add(table.Name);
                    break;
                case CreateIndexOperation index:
                    WriteIndex(up, index);
                    break;
                default:
                    throw new NotSupportedException($"The generator does not write {operation.GetType().Name} yet; add it.");
            }
        }
        var down = new StringBuilder();
        tables.Reverse();
        foreach (var table in tables)
            down.AppendLine($"migrationBuilder.DropTable(name: {Literal(table)});");

        var usings = "using Microsoft.EntityFrameworkCore.Infrastructure;\nusing Microsoft.EntityFrameworkCore.Migrations;\n";
        if (context.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            usings += "using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;\n";
        return $$"""
            {{usings}}
            namespace {{ns}};

            /// <summary>{{summary}}</summary>
            /// <remarks>Written by <c>MigrationCodeGenerator</c> from the model of the time; frozen history, never regenerated.</remarks>
            [DbContext(typeof({{context.GetType().Name}}))]
            [Migration("{{id}}")]
            public sealed class {{className}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{Indent(up.ToString(), 8)}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
            {{Indent(down.ToString(), 8)}}
                }
            }

            """;
    }

    private static void WriteTable(StringBuilder b, CreateTableOperation table)
    {
        Refuse(table, table.Schema, table.Comment, table.UniqueConstraints.Count, table.CheckConstraints.Count);
        b.AppendLine("migrationBuilder.CreateTable(");
        b.AppendLine($"    name: {Literal(table.Name)},");
        b.AppendLine("    columns: table => new");
        b.AppendLine("    {");
        foreach (var column in table.Columns) b.AppendLine($"        {column.Name} = {Column(column)},");
        b.AppendLine("    },");
        b.AppendLine("    constraints: table =>");
        b.AppendLine("    {");
        if (table.PrimaryKey is { } pk)
            b.AppendLine($"        table.PrimaryKey({Literal(pk.Name)}, {Lambda(pk.Columns)});");
        foreach (var fk in table.ForeignKeys)
        {
            if (fk.PrincipalColumns is not { Length: > 0 } principalColumns)
                throw new NotSupportedException($"Foreign key {fk.Name} names no principal column.");
            b.AppendLine("        table.ForeignKey(");
            b.AppendLine($"            name: {Literal(fk.Name)},");
            b.AppendLine($"            column: {Lambda(fk.Columns)},");
            b.AppendLine($"            principalTable: {Literal(fk.PrincipalTable)},");
            b.AppendLine(principalColumns.Length == 1
                ? $"            principalColumn: {Literal(principalColumns[0])},"
                : $"            principalColumns: new[] {{ {string.Join(", ", principalColumns.Select(Literal))} }},");
            b.AppendLine($"            onDelete: ReferentialAction.{fk.OnDelete});");
        }
        b.AppendLine("    });");
    }

    private static string Column(AddColumnOperation c)
    {
        Refuse(c, c.DefaultValue, c.DefaultValueSql, c.ComputedColumnSql, c.Comment, c.Collation,
            c.IsRowVersion ? "row version" : null, c.IsUnicode, c.IsFixedLength);
        var args = new List<string> { $"type: {Literal(c.ColumnType!)}" };
        if (c.MaxLength is { } max) args.Add($"maxLength: {max}");
        if (c.Precision is { } precision) args.Add($"precision: {precision}");
        if (c.Scale is { } scale) args.Add($"scale: {scale}");
        args.Add($"nullable: {(c.IsNullable ? "true" : "false")}");
        var code = $"table.Column<{TypeName(c.ClrType)}>({string.Join(", ", args)})";
        foreach (var a in c.GetAnnotations()) code += $"\n            .Annotation({Literal(a.Name)}, {Value(a.Value)})";
        return code;
    }

    private static void WriteIndex(StringBuilder b, CreateIndexOperation index)
    {
        Refuse(index, index.Schema, index.IsDescending);
        if (index.GetAnnotations().Any())
            throw new NotSupportedException($"Index {index.Name} has annotations the generator does not write.");
        b.AppendLine("migrationBuilder.CreateIndex(");
        b.AppendLine($"    name: {Literal(index.Name)},");
        b.AppendLine($"    table: {Literal(index.Table)},");
        b.Append(index.Columns.Length == 1
            ? $"    column: {Literal(index.Columns[0])}"
            : $"    columns: new[] {{ {string.Join(", ", index.Columns.Select(Literal))} }}");
        if (index.IsUnique) b.Append(",\n    unique: true");
        if (index.Filter is { } filter) b.Append($",\n    filter: {Literal(filter)}");
        b.AppendLine(");");
    }

    // Anything set here would change the schema, so leaving it out of the code must not pass quietly.
    private static void Refuse(MigrationOperation owner, params object?[] unsupported)
    {
        if (unsupported.Any(u => u is not (null or 0 or false)))
            throw new NotSupportedException($"{owner} uses a feature the generator does not write yet; add it.");
    }

    private static string Lambda(string[] columns) => columns.Length == 1
        ? $"x => x.{columns[0]}"
        : $"x => new {{ {string.Join(", ", columns.Select(c => "x." + c))} }}";

    private static string TypeName(Type t) => t switch
    {
        _ when t == typeof(string) => "string",
        _ when t == typeof(int) => "int",
        _ when t == typeof(long) => "long",
        _ when t == typeof(bool) => "bool",
        _ when t == typeof(decimal) => "decimal",
        _ when t == typeof(double) => "double",
        _ when t == typeof(byte[]) => "byte[]",
        _ => t.Name,
    };

    private static string Value(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => Literal(s),
        Enum e => $"{e.GetType().Name}.{e}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"Cannot write the annotation value {value} ({value?.GetType().Name})."),
    };

    private static string Literal(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Indent(string code, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join("\n", code.TrimEnd().Split('\n').Select(l => l.Length == 0 ? l : pad + l));
    }
}
