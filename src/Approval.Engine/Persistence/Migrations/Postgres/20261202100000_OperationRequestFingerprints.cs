using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Postgres;

/// <summary>Records the request each operation id was first used for, so that the same id with another request is refused.</summary>
/// <remarks>Rows from before keep a null fingerprint and are compared by command kind and target, as they were.</remarks>
[DbContext(typeof(PostgresApprovalDbContext))]
[Migration("20261202100000_OperationRequestFingerprints")]
public sealed class OperationRequestFingerprints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "RequestFingerprint", table: "operations", type: "character varying(64)", maxLength: 64, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "RequestFingerprint", table: "operations");
}
