using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Approval.Engine.Persistence.Migrations.Postgres;

/// <summary>
/// Keys the journal by (project, sequence), which was already unique, instead of by an identity column: one index less
/// on the largest table, and inserts that read nothing back.
/// </summary>
[DbContext(typeof(PostgresApprovalDbContext))]
[Migration("20261130000000_JournalNaturalKey")]
public sealed class JournalNaturalKey : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropPrimaryKey(name: "PK_journal", table: "journal");
        migrationBuilder.DropIndex(name: "ux_journal_instance_sequence", table: "journal");
        migrationBuilder.DropColumn(name: "Id", table: "journal");
        migrationBuilder.AddPrimaryKey(name: "PK_journal", table: "journal", columns: ["InstanceId", "Sequence"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropPrimaryKey(name: "PK_journal", table: "journal");
        migrationBuilder.AddColumn<long>(name: "Id", table: "journal", type: "bigint", nullable: false)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        migrationBuilder.AddPrimaryKey(name: "PK_journal", table: "journal", column: "Id");
        migrationBuilder.CreateIndex(name: "ux_journal_instance_sequence", table: "journal", columns: ["InstanceId", "Sequence"], unique: true);
    }
}
