using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Sqlite;

/// <summary>
/// Indexes for the lists paged in SQL (ListReader): open work by department and overall by due date (partial, on open
/// and stopped tasks), decided matters by decision time for disclosure, the window's queue and an applicant's projects
/// by filing time; each ends in the id, the keyset's tiebreak.
/// </summary>
[DbContext(typeof(SqliteApprovalDbContext))]
[Migration("20261204000000_ReadIndexes")]
public sealed class ReadIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "ix_tasks_open_department_due", table: "tasks", columns: ["DepartmentId", "DueOn", "Id"],
            filter: "\"Status\" IN ('Open', 'Suspended')");
        migrationBuilder.CreateIndex(name: "ix_tasks_open_due", table: "tasks", columns: ["DueOn", "Id"],
            filter: "\"Status\" IN ('Open', 'Suspended')");
        migrationBuilder.CreateIndex(name: "ix_tasks_decided", table: "tasks", columns: ["DecidedAt", "Id"], filter: "\"DecidedAt\" IS NOT NULL");
        migrationBuilder.CreateIndex(name: "ix_instances_status_filed", table: "instances", columns: ["Status", "FiledAt", "Id"]);
        migrationBuilder.CreateIndex(name: "ix_instances_investor_filed", table: "instances", columns: ["InvestorId", "FiledAt", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_instances_investor_filed", table: "instances");
        migrationBuilder.DropIndex(name: "ix_instances_status_filed", table: "instances");
        migrationBuilder.DropIndex(name: "ix_tasks_decided", table: "tasks");
        migrationBuilder.DropIndex(name: "ix_tasks_open_due", table: "tasks");
        migrationBuilder.DropIndex(name: "ix_tasks_open_department_due", table: "tasks");
    }
}
