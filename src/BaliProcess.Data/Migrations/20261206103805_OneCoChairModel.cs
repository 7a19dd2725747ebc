using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneCoChairModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Co-chairs were modelled twice (docs/decisions/0019): each mechanism co-chair becomes a membership
            // with the role CoChair, with its dates and sources, before the table goes. A membership is one per
            // mechanism, participant and role, so a participant with two terms keeps its earliest (the seed
            // data has none; the seed load after start-up rewrites these rows from seed-data/ anyway), and a
            // co-chair already recorded as a membership keeps that membership, which carries more.
            migrationBuilder.Sql("""
                INSERT INTO mechanism_memberships (mechanism_id, participant_id, role, as_written, from_date, from_precision, to_date, to_precision, sources)
                SELECT DISTINCT ON (c.mechanism_id, c.participant_id)
                       c.mechanism_id, c.participant_id, 'CoChair', NULL, c.from_date, c.from_precision, c.to_date, c.to_precision, c.sources
                FROM mechanism_co_chairs c
                WHERE NOT EXISTS (
                    SELECT 1 FROM mechanism_memberships m
                    WHERE m.mechanism_id = c.mechanism_id AND m.participant_id = c.participant_id AND m.role = 'CoChair')
                ORDER BY c.mechanism_id, c.participant_id, c.from_date NULLS FIRST, c.id;
                """);
            migrationBuilder.DropTable(
                name: "mechanism_co_chairs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mechanism_co_chairs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    mechanism_id = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<int>(type: "integer", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: true),
                    from_precision = table.Column<string>(type: "text", nullable: true),
                    to_date = table.Column<DateOnly>(type: "date", nullable: true),
                    to_precision = table.Column<string>(type: "text", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mechanism_co_chairs", x => x.id);
                    table.ForeignKey(
                        name: "fk_mechanism_co_chairs_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mechanism_co_chairs_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_co_chairs_mechanism_id",
                table: "mechanism_co_chairs",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_co_chairs_participant_id",
                table: "mechanism_co_chairs",
                column: "participant_id");

            // The co-chairs of mechanisms go back to their own table; the memberships stay (the seed load of
            // the older code removes the ones its seed files do not have).
            migrationBuilder.Sql("""
                INSERT INTO mechanism_co_chairs (mechanism_id, participant_id, from_date, from_precision, to_date, to_precision, sources)
                SELECT mechanism_id, participant_id, from_date, from_precision, to_date, to_precision, sources
                FROM mechanism_memberships
                WHERE role = 'CoChair' AND mechanism_id IS NOT NULL
                ORDER BY id;
                """);
        }
    }
}
