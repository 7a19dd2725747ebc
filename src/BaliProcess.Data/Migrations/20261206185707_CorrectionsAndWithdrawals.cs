using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class CorrectionsAndWithdrawals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "statements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "statements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "source_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "source_documents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "meetings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "action_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "action_items",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "record_corrections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    record_kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    record_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fields = table.Column<string>(type: "jsonb", nullable: false),
                    replaces = table.Column<string>(type: "jsonb", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    proposed_by = table.Column<string>(type: "text", nullable: false),
                    proposed_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    decided_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_corrections", x => x.id);
                    table.CheckConstraint("ck_record_corrections_reason_not_blank", "btrim(reason) <> ''");
                });

            migrationBuilder.CreateIndex(
                name: "ix_record_corrections_record_kind_record_key_state",
                table: "record_corrections",
                columns: new[] { "record_kind", "record_key", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_record_corrections_state",
                table: "record_corrections",
                column: "state");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "record_corrections");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "source_documents");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "source_documents");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "action_items");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "action_items");
        }
    }
}
