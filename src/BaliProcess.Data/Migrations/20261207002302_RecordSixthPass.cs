using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordSixthPass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_mechanism_memberships_mechanism_id_participant_id_role",
                table: "mechanism_memberships");

            migrationBuilder.CreateTable(
                name: "outcome_document_developers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    outcome_document_id = table.Column<int>(type: "integer", nullable: false),
                    as_written = table.Column<string>(type: "text", nullable: false),
                    participant_id = table.Column<int>(type: "integer", nullable: true),
                    mechanism_id = table.Column<int>(type: "integer", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_document_developers", x => x.id);
                    table.ForeignKey(
                        name: "fk_outcome_document_developers_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_outcome_document_developers_outcome_documents_outcome_docum",
                        column: x => x.outcome_document_id,
                        principalTable: "outcome_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outcome_document_developers_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_memberships_mechanism_id_participant_id_role_as_w",
                table: "mechanism_memberships",
                columns: new[] { "mechanism_id", "participant_id", "role", "as_written" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_outcome_document_developers_mechanism_id",
                table: "outcome_document_developers",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_document_developers_outcome_document_id_as_written",
                table: "outcome_document_developers",
                columns: new[] { "outcome_document_id", "as_written" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outcome_document_developers_participant_id",
                table: "outcome_document_developers",
                column: "participant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outcome_document_developers");

            migrationBuilder.DropIndex(
                name: "ix_mechanism_memberships_mechanism_id_participant_id_role_as_w",
                table: "mechanism_memberships");

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_memberships_mechanism_id_participant_id_role",
                table: "mechanism_memberships",
                columns: new[] { "mechanism_id", "participant_id", "role" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }
    }
}
