using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsTimeUsed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DecidedLate",
                table: "tasks",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UsedWorkingDays",
                table: "tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UsedWorkingDays",
                table: "instances",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecidedLate",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "UsedWorkingDays",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "UsedWorkingDays",
                table: "instances");
        }
    }
}
