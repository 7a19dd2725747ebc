using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordFourthPass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "name_added_by_portal",
                table: "mechanisms",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_added_by_portal = table.Column<bool>(type: "boolean", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    mechanism_id = table.Column<int>(type: "integer", nullable: true),
                    participant_id = table.Column<int>(type: "integer", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    start_precision = table.Column<string>(type: "text", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_precision = table.Column<string>(type: "text", nullable: true),
                    quotes = table.Column<string>(type: "jsonb", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                    table.ForeignKey(
                        name: "fk_programmes_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_programmes_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programme_parts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    programme_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    as_written = table.Column<string>(type: "text", nullable: false),
                    participant_id = table.Column<int>(type: "integer", nullable: true),
                    mechanism_id = table.Column<int>(type: "integer", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_programme_parts_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_programme_parts_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_programme_parts_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_programme_parts_mechanism_id",
                table: "programme_parts",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_parts_participant_id",
                table: "programme_parts",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_parts_programme_id",
                table: "programme_parts",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_mechanism_id",
                table: "programmes",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_participant_id",
                table: "programmes",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_slug",
                table: "programmes",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programme_parts");

            migrationBuilder.DropTable(
                name: "programmes");

            migrationBuilder.DropColumn(
                name: "name_added_by_portal",
                table: "mechanisms");
        }
    }
}
