using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExtensionsPaged : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_extensions_status",
                table: "extensions");

            migrationBuilder.CreateIndex(
                name: "ix_extensions_pending_requested",
                table: "extensions",
                columns: new[] { "RequestedAt", "Id" },
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_extensions_pending_requested",
                table: "extensions");

            migrationBuilder.CreateIndex(
                name: "ix_extensions_status",
                table: "extensions",
                column: "Status");
        }
    }
}
