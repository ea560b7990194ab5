using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SimulationApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ConvertedOn",
                table: "instances",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Simulation",
                table: "instances",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SimulationExpiresOn",
                table: "instances",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConvertedOn",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "Simulation",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "SimulationExpiresOn",
                table: "instances");
        }
    }
}
