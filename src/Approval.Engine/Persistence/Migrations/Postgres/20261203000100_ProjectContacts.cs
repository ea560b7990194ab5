using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Postgres;

/// <summary>The project unit's contact person and telephone (联系人、联系电话), asked at filing.</summary>
/// <remarks>Projects filed before keep nulls: nobody asked them, and nothing is made up for them.</remarks>
[DbContext(typeof(PostgresApprovalDbContext))]
[Migration("20261203000100_ProjectContacts")]
public sealed class ProjectContacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ContactName", table: "instances", type: "character varying(50)", maxLength: 50, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ContactPhone", table: "instances", type: "character varying(32)", maxLength: 32, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ContactPhone", table: "instances");
        migrationBuilder.DropColumn(name: "ContactName", table: "instances");
    }
}
