using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_instances_status_due",
                table: "instances");

            migrationBuilder.AddColumn<bool>(
                name: "DecidedLate",
                table: "tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UsedWorkingDays",
                table: "tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UsedWorkingDays",
                table: "instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_instances_status_due",
                table: "instances",
                columns: new[] { "Status", "DueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_instances_status_due",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "DecidedLate",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "UsedWorkingDays",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "UsedWorkingDays",
                table: "instances");

            migrationBuilder.CreateIndex(
                name: "ix_instances_status_due",
                table: "instances",
                columns: new[] { "Status", "DueOn" });
        }
    }
}
