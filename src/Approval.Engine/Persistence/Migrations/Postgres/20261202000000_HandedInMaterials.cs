using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Postgres;

/// <summary>
/// What a project has handed in (uploaded files and paper originals recorded by the window) apart from what its filing
/// listed, and what each department asked in a correction request (补正要求) with its explanation.
/// </summary>
/// <remarks>Rows from before hold empty lists: nothing counted as handed in, no structured request.</remarks>
[DbContext(typeof(PostgresApprovalDbContext))]
[Migration("20261202000000_HandedInMaterials")]
public sealed class HandedInMaterials : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "UploadedMaterials", table: "instances", type: "text", nullable: false, defaultValueSql: "'[]'");
        migrationBuilder.AddColumn<string>(name: "PaperOriginals", table: "instances", type: "text", nullable: false, defaultValueSql: "'[]'");
        migrationBuilder.AddColumn<string>(name: "Asks", table: "tasks", type: "text", nullable: false, defaultValueSql: "'[]'");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Asks", table: "tasks");
        migrationBuilder.DropColumn(name: "PaperOriginals", table: "instances");
        migrationBuilder.DropColumn(name: "UploadedMaterials", table: "instances");
    }
}
