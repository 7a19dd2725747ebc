using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordThirdPass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "portal_aliases",
                table: "participants",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<bool>(
                name: "title_added_by_portal",
                table: "outcome_documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<bool>(
                name: "is_virtual",
                table: "meetings",
                type: "boolean",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AddColumn<List<string>>(
                name: "portal_aliases",
                table: "mechanisms",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<bool>(
                name: "number_added_by_portal",
                table: "action_items",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "meeting_facilitators",
                columns: table => new
                {
                    facilitated_by_id = table.Column<int>(type: "integer", nullable: false),
                    facilitated_meetings_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_facilitators", x => new { x.facilitated_by_id, x.facilitated_meetings_id });
                    table.ForeignKey(
                        name: "fk_meeting_facilitators_mechanisms_facilitated_by_id",
                        column: x => x.facilitated_by_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_facilitators_meetings_facilitated_meetings_id",
                        column: x => x.facilitated_meetings_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statement_meetings",
                columns: table => new
                {
                    also_meetings_id = table.Column<int>(type: "integer", nullable: false),
                    also_statements_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_meetings", x => new { x.also_meetings_id, x.also_statements_id });
                    table.ForeignKey(
                        name: "fk_statement_meetings_meetings_also_meetings_id",
                        column: x => x.also_meetings_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_statement_meetings_statements_also_statements_id",
                        column: x => x.also_statements_id,
                        principalTable: "statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_facilitators_facilitated_meetings_id",
                table: "meeting_facilitators",
                column: "facilitated_meetings_id");

            migrationBuilder.CreateIndex(
                name: "ix_statement_meetings_also_statements_id",
                table: "statement_meetings",
                column: "also_statements_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_facilitators");

            migrationBuilder.DropTable(
                name: "statement_meetings");

            migrationBuilder.DropColumn(
                name: "portal_aliases",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "title_added_by_portal",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "portal_aliases",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "number_added_by_portal",
                table: "action_items");

            migrationBuilder.AlterColumn<bool>(
                name: "is_virtual",
                table: "meetings",
                type: "boolean",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldNullable: true);
        }
    }
}
