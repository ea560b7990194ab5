using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Postgres;

/// <summary>
/// 告知承诺: the matters a project's applicant chose to have approved on its commitment, and whether the project unit is
/// marked for the credit record after a commitment was found false (事后核查).
/// </summary>
/// <remarks>Projects filed before chose none and were never marked.</remarks>
[DbContext(typeof(PostgresApprovalDbContext))]
[Migration("20261204000100_Commitments")]
public sealed class Commitments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "CommitmentMatters", table: "instances", type: "text", nullable: false, defaultValueSql: "'[]'");
        migrationBuilder.AddColumn<bool>(name: "InvestorCreditMarked", table: "instances", type: "boolean", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "InvestorCreditMarked", table: "instances");
        migrationBuilder.DropColumn(name: "CommitmentMatters", table: "instances");
    }
}
