using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Sqlite;

/// <summary>
/// Keys the journal by (project, sequence), which was already unique, instead of by an AUTOINCREMENT column (whose
/// counter row is updated on every insert).
/// </summary>
/// <remarks>
/// SQLite cannot change a table's primary key in place, so the table is rebuilt and its rows copied, as EF Core's
/// own rebuilds do; our migrations carry no target model for EF Core to rebuild from.
/// </remarks>
[DbContext(typeof(SqliteApprovalDbContext))]
[Migration("20261130000000_JournalNaturalKey")]
public sealed class JournalNaturalKey : Migration
{
    private const string Columns = """
        "InstanceId", "Sequence", "ProjectCode", "ActivityId", "DepartmentId", "MatterCode", "TaskId", "Event",
        "Decision", "Reasons", "UserId", "ActorRole", "At", "WorkingDay", "OperationId"
        """;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateJournal(migrationBuilder, "ef_temp_journal", naturalKey: true);
        migrationBuilder.Sql($"""INSERT INTO "ef_temp_journal" ({Columns}) SELECT {Columns} FROM "journal";""");
        migrationBuilder.DropTable(name: "journal");
        migrationBuilder.RenameTable(name: "ef_temp_journal", newName: "journal");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        CreateJournal(migrationBuilder, "ef_temp_journal", naturalKey: false);
        migrationBuilder.Sql($"""
            INSERT INTO "ef_temp_journal" ({Columns}) SELECT {Columns} FROM "journal" ORDER BY "InstanceId", "Sequence";
            """);
        migrationBuilder.DropTable(name: "journal");
        migrationBuilder.RenameTable(name: "ef_temp_journal", newName: "journal");
        migrationBuilder.CreateIndex(name: "ux_journal_instance_sequence", table: "journal", columns: ["InstanceId", "Sequence"], unique: true);
    }

    /// <summary>The journal's table under <paramref name="name"/>: keyed by (project, sequence), or, for Down, by the old identity column.</summary>
    private static void CreateJournal(MigrationBuilder migrationBuilder, string name, bool naturalKey)
    {
        if (naturalKey)
            migrationBuilder.CreateTable(name: name, columns: table => new
            {
                InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                ProjectCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                ActivityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                DepartmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                MatterCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Decision = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                Reasons = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                ActorRole = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                WorkingDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                OperationId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
            }, constraints: table =>
            {
                table.PrimaryKey("PK_journal", x => new { x.InstanceId, x.Sequence });
                table.ForeignKey(name: "FK_journal_instances_InstanceId", column: x => x.InstanceId,
                    principalTable: "instances", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        else
            migrationBuilder.CreateTable(name: name, columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                ProjectCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                ActivityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                DepartmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                MatterCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Decision = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                Reasons = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                ActorRole = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                WorkingDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                OperationId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
            }, constraints: table =>
            {
                table.PrimaryKey("PK_journal", x => x.Id);
                table.ForeignKey(name: "FK_journal_instances_InstanceId", column: x => x.InstanceId,
                    principalTable: "instances", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
    }
}
