using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Sqlite;

/// <summary>Records which instance version each operation produced, unique per instance (the version guard).</summary>
/// <remarks>Rows from before keep a null version; nulls never collide in a unique index.</remarks>
[DbContext(typeof(SqliteApprovalDbContext))]
[Migration("20261129000000_OperationVersions")]
public sealed class OperationVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "InstanceVersion", table: "operations", type: "INTEGER", nullable: true);
        migrationBuilder.CreateIndex(
            name: "ux_operations_instance_version",
            table: "operations",
            columns: ["InstanceId", "InstanceVersion"],
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ux_operations_instance_version", table: "operations");
        migrationBuilder.DropColumn(name: "InstanceVersion", table: "operations");
    }
}
