using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agent_authorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InvestorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InvestorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agent_authorizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "document_numbers",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Occasion = table.Column<int>(type: "integer", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NumberedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_numbers", x => new { x.Prefix, x.Kind, x.Year, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    ProjectCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ProjectCodeLocallyIssued = table.Column<bool>(type: "boolean", nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    InvestorId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    InvestorName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AgentId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Division = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Industry = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    InvestmentAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CurrentActivityId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SubmittedMaterials = table.Column<string>(type: "text", nullable: false),
                    UploadedMaterials = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
                    PaperOriginals = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
                    Deficiencies = table.Column<string>(type: "text", nullable: false),
                    DeficienciesDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    QueryKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TargetWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StepStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SurveyOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StepDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OnTime = table.Column<bool>(type: "boolean", nullable: true),
                    OutcomeReason = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    JournalCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "issued_project_codes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issued_project_codes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "operations",
                columns: table => new
                {
                    OperationId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CommandType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Result = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InstanceVersion = table.Column<int>(type: "integer", nullable: true),
                    RequestFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_operations", x => x.OperationId);
                });

            migrationBuilder.CreateTable(
                name: "clock_stops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Notice = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpectedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ResumesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clock_stops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clock_stops_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "extensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "text", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_extensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_extensions_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ProjectCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ActivityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DepartmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MatterCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Event = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Decision = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reasons = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkingDay = table.Column<DateOnly>(type: "date", nullable: false),
                    OperationId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal", x => new { x.InstanceId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_journal_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "material_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaterialCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_material_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_material_files_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DepartmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MatterCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Comment = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    Items = table.Column<string>(type: "text", nullable: false),
                    Asks = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LimitWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WarnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tasks_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "timers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_timers_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agent_authorizations_agent_investor",
                table: "agent_authorizations",
                columns: new[] { "AgentId", "InvestorId" });

            migrationBuilder.CreateIndex(
                name: "ix_agent_authorizations_investor",
                table: "agent_authorizations",
                column: "InvestorId");

            migrationBuilder.CreateIndex(
                name: "ix_clock_stops_instance",
                table: "clock_stops",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "ux_document_numbers_occasion",
                table: "document_numbers",
                columns: new[] { "InstanceId", "Kind", "Occasion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_extensions_instance",
                table: "extensions",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "ix_extensions_status",
                table: "extensions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "ix_instances_agent",
                table: "instances",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "ix_instances_code",
                table: "instances",
                column: "ProjectCode");

            migrationBuilder.CreateIndex(
                name: "ix_instances_investor",
                table: "instances",
                column: "InvestorId");

            migrationBuilder.CreateIndex(
                name: "ix_instances_status_due",
                table: "instances",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "ux_instances_running_code",
                table: "instances",
                columns: new[] { "ProjectCode", "DefinitionId" },
                unique: true,
                filter: "\"ProjectCode\" IS NOT NULL AND \"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_material_files_instance",
                table: "material_files",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "ux_operations_instance_version",
                table: "operations",
                columns: new[] { "InstanceId", "InstanceVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_department_open_due",
                table: "tasks",
                columns: new[] { "DepartmentId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_instance_status",
                table: "tasks",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_status_due",
                table: "tasks",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "ix_timers_instance_status",
                table: "timers",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "ix_timers_status_due",
                table: "timers",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_authorizations");

            migrationBuilder.DropTable(
                name: "clock_stops");

            migrationBuilder.DropTable(
                name: "document_numbers");

            migrationBuilder.DropTable(
                name: "extensions");

            migrationBuilder.DropTable(
                name: "issued_project_codes");

            migrationBuilder.DropTable(
                name: "journal");

            migrationBuilder.DropTable(
                name: "material_files");

            migrationBuilder.DropTable(
                name: "operations");

            migrationBuilder.DropTable(
                name: "tasks");

            migrationBuilder.DropTable(
                name: "timers");

            migrationBuilder.DropTable(
                name: "instances");
        }
    }
}
