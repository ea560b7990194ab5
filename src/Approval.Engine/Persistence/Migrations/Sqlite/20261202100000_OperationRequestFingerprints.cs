using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Sqlite;

/// <summary>Records the request each operation id was first used for, so that the same id with another request is refused.</summary>
/// <remarks>Rows from before keep a null fingerprint and are compared by command kind and target, as they were.</remarks>
[DbContext(typeof(SqliteApprovalDbContext))]
[Migration("20261202100000_OperationRequestFingerprints")]
public sealed class OperationRequestFingerprints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "RequestFingerprint", table: "operations", type: "TEXT", maxLength: 64, nullable: true);

    // EF Core's SQLite generator refuses DropColumn (it would rebuild the table from a target model we do not carry);
    // the bundled SQLite (3.35 and later) drops a plain column in place.
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE "operations" DROP COLUMN "RequestFingerprint";""");
}
