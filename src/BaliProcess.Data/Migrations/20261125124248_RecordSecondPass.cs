using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordSecondPass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "label_added_by_portal",
                table: "paragraphs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "mechanisms",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateTable(
                name: "mechanism_memberships",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    mechanism_id = table.Column<int>(type: "integer", nullable: true),
                    participant_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    as_written = table.Column<string>(type: "text", nullable: true),
                    from_date = table.Column<DateOnly>(type: "date", nullable: true),
                    from_precision = table.Column<string>(type: "text", nullable: true),
                    to_date = table.Column<DateOnly>(type: "date", nullable: true),
                    to_precision = table.Column<string>(type: "text", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mechanism_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_mechanism_memberships_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mechanism_memberships_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mechanism_relations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from_mechanism_id = table.Column<int>(type: "integer", nullable: false),
                    to_mechanism_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    as_written = table.Column<string>(type: "text", nullable: false),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mechanism_relations", x => x.id);
                    table.ForeignKey(
                        name: "fk_mechanism_relations_mechanisms_from_mechanism_id",
                        column: x => x.from_mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mechanism_relations_mechanisms_to_mechanism_id",
                        column: x => x.to_mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "open_questions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    subject = table.Column<string>(type: "text", nullable: false),
                    field = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open_questions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outcome_documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    meeting_id = table.Column<int>(type: "integer", nullable: true),
                    action = table.Column<string>(type: "text", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: true),
                    date_precision = table.Column<string>(type: "text", nullable: true),
                    quotes = table.Column<string>(type: "jsonb", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_outcome_documents_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outcome_document_meetings",
                columns: table => new
                {
                    mentioned_at_meetings_id = table.Column<int>(type: "integer", nullable: false),
                    outcome_document_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_document_meetings", x => new { x.mentioned_at_meetings_id, x.outcome_document_id });
                    table.ForeignKey(
                        name: "fk_outcome_document_meetings_meetings_mentioned_at_meetings_id",
                        column: x => x.mentioned_at_meetings_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outcome_document_meetings_outcome_documents_outcome_documen",
                        column: x => x.outcome_document_id,
                        principalTable: "outcome_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outcome_document_paragraphs",
                columns: table => new
                {
                    mentioned_in_id = table.Column<int>(type: "integer", nullable: false),
                    outcome_document_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_document_paragraphs", x => new { x.mentioned_in_id, x.outcome_document_id });
                    table.ForeignKey(
                        name: "fk_outcome_document_paragraphs_outcome_documents_outcome_docum",
                        column: x => x.outcome_document_id,
                        principalTable: "outcome_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outcome_document_paragraphs_paragraphs_mentioned_in_id",
                        column: x => x.mentioned_in_id,
                        principalTable: "paragraphs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_roles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    as_written = table.Column<string>(type: "text", nullable: false),
                    office = table.Column<string>(type: "text", nullable: true),
                    participant_id = table.Column<int>(type: "integer", nullable: true),
                    meeting_id = table.Column<int>(type: "integer", nullable: true),
                    mechanism_id = table.Column<int>(type: "integer", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: true),
                    date_precision = table.Column<string>(type: "text", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_roles", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_roles_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_person_roles_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_person_roles_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_person_roles_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_memberships_mechanism_id_participant_id_role",
                table: "mechanism_memberships",
                columns: new[] { "mechanism_id", "participant_id", "role" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_memberships_participant_id",
                table: "mechanism_memberships",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_relations_from_mechanism_id_to_mechanism_id_kind",
                table: "mechanism_relations",
                columns: new[] { "from_mechanism_id", "to_mechanism_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_relations_to_mechanism_id",
                table: "mechanism_relations",
                column: "to_mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_open_questions_subject_field",
                table: "open_questions",
                columns: new[] { "subject", "field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outcome_document_meetings_outcome_document_id",
                table: "outcome_document_meetings",
                column: "outcome_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_document_paragraphs_outcome_document_id",
                table: "outcome_document_paragraphs",
                column: "outcome_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_documents_meeting_id",
                table: "outcome_documents",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_documents_slug",
                table: "outcome_documents",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_slug",
                table: "people",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_person_roles_mechanism_id",
                table: "person_roles",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_roles_meeting_id",
                table: "person_roles",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_roles_participant_id",
                table: "person_roles",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_roles_person_id",
                table: "person_roles",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mechanism_memberships");

            migrationBuilder.DropTable(
                name: "mechanism_relations");

            migrationBuilder.DropTable(
                name: "open_questions");

            migrationBuilder.DropTable(
                name: "outcome_document_meetings");

            migrationBuilder.DropTable(
                name: "outcome_document_paragraphs");

            migrationBuilder.DropTable(
                name: "person_roles");

            migrationBuilder.DropTable(
                name: "outcome_documents");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropColumn(
                name: "label_added_by_portal",
                table: "paragraphs");

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "mechanisms",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
