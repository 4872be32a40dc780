using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCallCenterState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgentStates",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IdleSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WrapUpUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentStates", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "CallMembers",
                columns: table => new
                {
                    ParticipantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IsSupervisor = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallMembers", x => x.ParticipantId);
                });

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    CallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerParticipantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerTag = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    WaitingSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    QueueSequence = table.Column<long>(type: "bigint", nullable: true),
                    OfferedTo = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OfferExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclinedBy = table.Column<string>(type: "text", nullable: false),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Whispered = table.Column<string>(type: "text", nullable: false),
                    CustomerResumeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.CallId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallMembers_CallId",
                table: "CallMembers",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_EndedAt",
                table: "Calls",
                column: "EndedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentStates");

            migrationBuilder.DropTable(
                name: "CallMembers");

            migrationBuilder.DropTable(
                name: "Calls");
        }
    }
}
