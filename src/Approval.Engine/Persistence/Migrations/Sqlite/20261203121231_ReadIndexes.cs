using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_tasks_decided",
                table: "tasks",
                columns: new[] { "DecidedAt", "Id" },
                filter: "\"DecidedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_open_department_due",
                table: "tasks",
                columns: new[] { "DepartmentId", "DueOn", "Id" },
                filter: "\"Status\" IN ('Open', 'Suspended')");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_open_due",
                table: "tasks",
                columns: new[] { "DueOn", "Id" },
                filter: "\"Status\" IN ('Open', 'Suspended')");

            migrationBuilder.CreateIndex(
                name: "ix_instances_investor_filed",
                table: "instances",
                columns: new[] { "InvestorId", "FiledAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_status_filed",
                table: "instances",
                columns: new[] { "Status", "FiledAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_decided",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_open_department_due",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_open_due",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_instances_investor_filed",
                table: "instances");

            migrationBuilder.DropIndex(
                name: "ix_instances_status_filed",
                table: "instances");
        }
    }
}
