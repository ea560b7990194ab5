using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Commitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommitmentMatters",
                table: "instances",
                type: "text",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<bool>(
                name: "InvestorCreditMarked",
                table: "instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CommitmentMatters",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "InvestorCreditMarked",
                table: "instances");
        }
    }
}
