using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Sqlite;

/// <summary>
/// 告知承诺: the matters a project's applicant chose to have approved on its commitment, and whether the project unit is
/// marked for the credit record after a commitment was found false (事后核查).
/// </summary>
/// <remarks>Projects filed before chose none and were never marked.</remarks>
[DbContext(typeof(SqliteApprovalDbContext))]
[Migration("20261204000100_Commitments")]
public sealed class Commitments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "CommitmentMatters", table: "instances", type: "text", nullable: false, defaultValueSql: "'[]'");
        migrationBuilder.AddColumn<bool>(name: "InvestorCreditMarked", table: "instances", type: "INTEGER", nullable: false, defaultValue: false);
    }

    // SQLite (3.35 and later) drops a column that no index or key uses by itself; EF Core's provider would rebuild the table.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "instances" DROP COLUMN "InvestorCreditMarked";""");
        migrationBuilder.Sql("""ALTER TABLE "instances" DROP COLUMN "CommitmentMatters";""");
    }
}
