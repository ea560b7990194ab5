using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadsAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_decided",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_extensions_status",
                table: "extensions");

            migrationBuilder.AddColumn<DateTime>(
                name: "ProjectEndedAt",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            // The decided matters of projects that ended before the column existed: what the engine now sets when a project ends.
            migrationBuilder.Sql("""
                UPDATE tasks SET "ProjectEndedAt" = (SELECT i."EndedAt" FROM instances AS i WHERE i."Id" = tasks."InstanceId")
                WHERE "Kind" = 'MatterDecision' AND "Status" = 'Done'
                  AND EXISTS (SELECT 1 FROM instances AS i WHERE i."Id" = tasks."InstanceId" AND i."EndedAt" IS NOT NULL);
                """);

            migrationBuilder.CreateTable(
                name: "tally_acceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Folded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tally_acceptances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tally_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DepartmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Folded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tally_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tally_open_work",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WarnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Folded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tally_open_work", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tally_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Folded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tally_projects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_disclosed",
                table: "tasks",
                columns: new[] { "DecidedAt", "Id" },
                filter: "\"ProjectEndedAt\" IS NOT NULL AND \"Kind\" = 'MatterDecision' AND \"Status\" = 'Done'");

            migrationBuilder.CreateIndex(
                name: "ix_extensions_pending_requested",
                table: "extensions",
                columns: new[] { "RequestedAt", "Id" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_tally_acceptances_day",
                table: "tally_acceptances",
                column: "AcceptedOn");

            migrationBuilder.CreateIndex(
                name: "ix_tally_decisions_day",
                table: "tally_decisions",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "ix_tally_open_work_department",
                table: "tally_open_work",
                column: "DepartmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tally_acceptances");

            migrationBuilder.DropTable(
                name: "tally_decisions");

            migrationBuilder.DropTable(
                name: "tally_open_work");

            migrationBuilder.DropTable(
                name: "tally_projects");

            migrationBuilder.DropIndex(
                name: "ix_tasks_disclosed",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_extensions_pending_requested",
                table: "extensions");

            migrationBuilder.DropColumn(
                name: "ProjectEndedAt",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_decided",
                table: "tasks",
                columns: new[] { "DecidedAt", "Id" },
                filter: "\"DecidedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_extensions_status",
                table: "extensions",
                column: "Status");
        }
    }
}
