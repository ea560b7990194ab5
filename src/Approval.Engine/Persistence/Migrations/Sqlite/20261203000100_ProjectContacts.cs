using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Sqlite;

/// <summary>The project unit's contact person and telephone (联系人、联系电话), asked at filing.</summary>
/// <remarks>Projects filed before keep nulls: nobody asked them, and nothing is made up for them.</remarks>
[DbContext(typeof(SqliteApprovalDbContext))]
[Migration("20261203000100_ProjectContacts")]
public sealed class ProjectContacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ContactName", table: "instances", type: "TEXT", maxLength: 50, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ContactPhone", table: "instances", type: "TEXT", maxLength: 32, nullable: true);
    }

    // EF Core's SQLite generator refuses DropColumn; the bundled SQLite (3.35 and later) drops a plain column in place.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "instances" DROP COLUMN "ContactPhone";""");
        migrationBuilder.Sql("""ALTER TABLE "instances" DROP COLUMN "ContactName";""");
    }
}
