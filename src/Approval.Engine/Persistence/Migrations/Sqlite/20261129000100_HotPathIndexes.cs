using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Sqlite;

/// <summary>
/// Indexes a project's tasks and timers by instance and status instead of by instance alone, and drops the journal's
/// index by project code, which no query used.
/// </summary>
[DbContext(typeof(SqliteApprovalDbContext))]
[Migration("20261129000100_HotPathIndexes")]
public sealed class HotPathIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "ix_tasks_instance_status", table: "tasks", columns: ["InstanceId", "Status"]);
        migrationBuilder.CreateIndex(name: "ix_timers_instance_status", table: "timers", columns: ["InstanceId", "Status"]);
        migrationBuilder.DropIndex(name: "ix_tasks_instance", table: "tasks");
        migrationBuilder.DropIndex(name: "ix_timers_instance", table: "timers");
        migrationBuilder.DropIndex(name: "ix_journal_code", table: "journal");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "ix_journal_code", table: "journal", column: "ProjectCode");
        migrationBuilder.CreateIndex(name: "ix_tasks_instance", table: "tasks", column: "InstanceId");
        migrationBuilder.CreateIndex(name: "ix_timers_instance", table: "timers", column: "InstanceId");
        migrationBuilder.DropIndex(name: "ix_tasks_instance_status", table: "tasks");
        migrationBuilder.DropIndex(name: "ix_timers_instance_status", table: "timers");
    }
}
