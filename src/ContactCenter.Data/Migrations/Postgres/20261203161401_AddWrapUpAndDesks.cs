using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddWrapUpAndDesks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallerKey",
                table: "Calls",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DispositionAt",
                table: "Calls",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DispositionBy",
                table: "Calls",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DispositionCodeId",
                table: "Calls",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DispositionNote",
                table: "Calls",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WaitingTicks",
                table: "Calls",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "DeskSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "DispositionCodes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispositionCodes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CallerKey",
                table: "Calls",
                column: "CallerKey");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_WaitingTicks",
                table: "Calls",
                column: "WaitingTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeskSettings");

            migrationBuilder.DropTable(
                name: "DispositionCodes");

            migrationBuilder.DropIndex(
                name: "IX_Calls_CallerKey",
                table: "Calls");

            migrationBuilder.DropIndex(
                name: "IX_Calls_WaitingTicks",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "CallerKey",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "DispositionAt",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "DispositionBy",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "DispositionCodeId",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "DispositionNote",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "WaitingTicks",
                table: "Calls");
        }
    }
}
