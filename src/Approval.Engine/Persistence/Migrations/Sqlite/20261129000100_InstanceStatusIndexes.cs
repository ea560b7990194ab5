using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Sqlite;

/// <summary>Indexes a project's tasks and timers by instance and status instead of by instance alone.</summary>
[DbContext(typeof(SqliteApprovalDbContext))]
[Migration("20261129000100_InstanceStatusIndexes")]
public sealed class InstanceStatusIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "ix_tasks_instance_status", table: "tasks", columns: ["InstanceId", "Status"]);
        migrationBuilder.CreateIndex(name: "ix_timers_instance_status", table: "timers", columns: ["InstanceId", "Status"]);
        migrationBuilder.DropIndex(name: "ix_tasks_instance", table: "tasks");
        migrationBuilder.DropIndex(name: "ix_timers_instance", table: "timers");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "ix_tasks_instance", table: "tasks", column: "InstanceId");
        migrationBuilder.CreateIndex(name: "ix_timers_instance", table: "timers", column: "InstanceId");
        migrationBuilder.DropIndex(name: "ix_tasks_instance_status", table: "tasks");
        migrationBuilder.DropIndex(name: "ix_timers_instance_status", table: "timers");
    }
}
