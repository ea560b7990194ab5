using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RatingEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Card",
                table: "tasks",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MatterCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OverdueWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cards_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepartmentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Notice = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    ReplyWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ReplyTaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReplyDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reply = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    RepliedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingNote = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_escalations_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DepartmentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClerkId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Comment = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    RatedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EditableUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Edits = table.Column<int>(type: "integer", nullable: false),
                    RectificationTaskId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ratings_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cards_department_day",
                table: "cards",
                columns: new[] { "DepartmentId", "RecordedOn" });

            migrationBuilder.CreateIndex(
                name: "ix_cards_instance",
                table: "cards",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "ix_escalations_department_day",
                table: "escalations",
                columns: new[] { "DepartmentId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "ix_escalations_instance",
                table: "escalations",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "ux_escalations_reply_task",
                table: "escalations",
                column: "ReplyTaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ratings_department_day",
                table: "ratings",
                columns: new[] { "DepartmentId", "RatedOn" });

            migrationBuilder.CreateIndex(
                name: "ux_ratings_instance_matter",
                table: "ratings",
                columns: new[] { "InstanceId", "MatterKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cards");

            migrationBuilder.DropTable(
                name: "escalations");

            migrationBuilder.DropTable(
                name: "ratings");

            migrationBuilder.DropColumn(
                name: "Card",
                table: "tasks");
        }
    }
}
