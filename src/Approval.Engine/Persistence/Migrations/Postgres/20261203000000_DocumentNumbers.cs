using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence.Migrations.Postgres;

/// <summary>
/// The numbers (文号) of the window's documents: the key makes a number unique per prefix, kind and year; the unique
/// index keeps the number a document was first given when it is printed again.
/// </summary>
[DbContext(typeof(PostgresApprovalDbContext))]
[Migration("20261203000000_DocumentNumbers")]
public sealed class DocumentNumbers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
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
                NumberedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_document_numbers", x => new { x.Prefix, x.Kind, x.Year, x.Sequence });
            });

        migrationBuilder.CreateIndex(name: "ux_document_numbers_occasion", table: "document_numbers",
            columns: ["InstanceId", "Kind", "Occasion"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "document_numbers");
}
