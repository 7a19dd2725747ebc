using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "disagreements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    subject = table.Column<string>(type: "text", nullable: false),
                    field = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    values = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disagreements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    full_name = table.Column<string>(type: "text", nullable: true),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    region = table.Column<string>(type: "text", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "source_documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    publisher = table.Column<string>(type: "text", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_precision = table.Column<int>(type: "integer", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "themes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    adelaide_area = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_themes", x => x.id);
                    table.ForeignKey(
                        name: "fk_themes_themes_parent_id",
                        column: x => x.parent_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    participant_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    since_date = table.Column<DateOnly>(type: "date", nullable: true),
                    since_precision = table.Column<string>(type: "text", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_memberships_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_item_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    action_item_id = table.Column<int>(type: "integer", nullable: false),
                    from_status = table.Column<string>(type: "text", nullable: true),
                    to_status = table.Column<string>(type: "text", nullable: false),
                    status_text = table.Column<string>(type: "text", nullable: true),
                    changed_by = table.Column<string>(type: "text", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    from_seed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_item_status_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "action_item_themes",
                columns: table => new
                {
                    action_items_id = table.Column<int>(type: "integer", nullable: false),
                    themes_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_item_themes", x => new { x.action_items_id, x.themes_id });
                    table.ForeignKey(
                        name: "fk_action_item_themes_themes_themes_id",
                        column: x => x.themes_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_plan_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    status_text = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_items", x => x.id);
                });

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
                        name: "fk_mechanism_co_chairs_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mechanisms",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    short_name = table.Column<string>(type: "text", nullable: true),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    mandate = table.Column<string>(type: "text", nullable: true),
                    established_date = table.Column<DateOnly>(type: "date", nullable: true),
                    established_precision = table.Column<string>(type: "text", nullable: true),
                    established_by_meeting_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    co_chair_people = table.Column<List<string>>(type: "text[]", nullable: false),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mechanisms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_precision = table.Column<string>(type: "text", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_precision = table.Column<string>(type: "text", nullable: true),
                    place = table.Column<string>(type: "text", nullable: true),
                    is_virtual = table.Column<bool>(type: "boolean", nullable: false),
                    mechanism_id = table.Column<int>(type: "integer", nullable: true),
                    summary = table.Column<string>(type: "text", nullable: true),
                    co_chair_people = table.Column<List<string>>(type: "text[]", nullable: false),
                    participants_reported = table.Column<string>(type: "jsonb", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "meeting_attendance",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_attendance_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_attendance_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    meeting_id = table.Column<int>(type: "integer", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: true),
                    date_precision = table.Column<string>(type: "text", nullable: true),
                    author_id = table.Column<int>(type: "integer", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_statements_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_statements_participants_author_id",
                        column: x => x.author_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_plans",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    mechanism_id = table.Column<int>(type: "integer", nullable: true),
                    period = table.Column<string>(type: "text", nullable: false),
                    start_year = table.Column<int>(type: "integer", nullable: false),
                    end_year = table.Column<int>(type: "integer", nullable: false),
                    adopted_at_meeting_id = table.Column<int>(type: "integer", nullable: true),
                    updated_at_meeting_id = table.Column<int>(type: "integer", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_plans_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_work_plans_meetings_adopted_at_meeting_id",
                        column: x => x.adopted_at_meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_work_plans_meetings_updated_at_meeting_id",
                        column: x => x.updated_at_meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "paragraphs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    statement_id = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    section = table.Column<string>(type: "text", nullable: true),
                    text = table.Column<string>(type: "text", nullable: false),
                    location = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                        .Annotation("Npgsql:TsVectorConfig", "english")
                        .Annotation("Npgsql:TsVectorProperties", new[] { "text" })
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paragraphs", x => x.id);
                    table.ForeignKey(
                        name: "fk_paragraphs_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paragraph_mentions",
                columns: table => new
                {
                    mentioned_in_id = table.Column<int>(type: "integer", nullable: false),
                    mentions_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paragraph_mentions", x => new { x.mentioned_in_id, x.mentions_id });
                    table.ForeignKey(
                        name: "fk_paragraph_mentions_paragraphs_mentioned_in_id",
                        column: x => x.mentioned_in_id,
                        principalTable: "paragraphs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_paragraph_mentions_participants_mentions_id",
                        column: x => x.mentions_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paragraph_themes",
                columns: table => new
                {
                    paragraphs_id = table.Column<int>(type: "integer", nullable: false),
                    themes_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paragraph_themes", x => new { x.paragraphs_id, x.themes_id });
                    table.ForeignKey(
                        name: "fk_paragraph_themes_paragraphs_paragraphs_id",
                        column: x => x.paragraphs_id,
                        principalTable: "paragraphs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_paragraph_themes_themes_themes_id",
                        column: x => x.themes_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_item_status_changes_action_item_id_changed_at",
                table: "action_item_status_changes",
                columns: new[] { "action_item_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_action_item_themes_themes_id",
                table: "action_item_themes",
                column: "themes_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_work_plan_id_number",
                table: "action_items",
                columns: new[] { "work_plan_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disagreements_subject_field",
                table: "disagreements",
                columns: new[] { "subject", "field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_co_chairs_mechanism_id",
                table: "mechanism_co_chairs",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_mechanism_co_chairs_participant_id",
                table: "mechanism_co_chairs",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_mechanisms_established_by_meeting_id",
                table: "mechanisms",
                column: "established_by_meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_mechanisms_slug",
                table: "mechanisms",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_attendance_meeting_id_participant_id_role",
                table: "meeting_attendance",
                columns: new[] { "meeting_id", "participant_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_attendance_participant_id",
                table: "meeting_attendance",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_mechanism_id",
                table: "meetings",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_slug",
                table: "meetings",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meetings_start_date",
                table: "meetings",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_participant_id",
                table: "memberships",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_paragraph_mentions_mentions_id",
                table: "paragraph_mentions",
                column: "mentions_id");

            migrationBuilder.CreateIndex(
                name: "ix_paragraph_themes_themes_id",
                table: "paragraph_themes",
                column: "themes_id");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_search_vector",
                table: "paragraphs",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_statement_id_label",
                table: "paragraphs",
                columns: new[] { "statement_id", "label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_year",
                table: "paragraphs",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_participants_slug",
                table: "participants",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_source_documents_file_name",
                table: "source_documents",
                column: "file_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_source_documents_slug",
                table: "source_documents",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_statements_author_id",
                table: "statements",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_statements_meeting_id",
                table: "statements",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_statements_slug",
                table: "statements",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_themes_parent_id",
                table: "themes",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_themes_slug",
                table: "themes",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_plans_adopted_at_meeting_id",
                table: "work_plans",
                column: "adopted_at_meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_plans_mechanism_id",
                table: "work_plans",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_plans_slug",
                table: "work_plans",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_plans_updated_at_meeting_id",
                table: "work_plans",
                column: "updated_at_meeting_id");

            migrationBuilder.AddForeignKey(
                name: "fk_action_item_status_changes_action_items_action_item_id",
                table: "action_item_status_changes",
                column: "action_item_id",
                principalTable: "action_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_action_item_themes_action_items_action_items_id",
                table: "action_item_themes",
                column: "action_items_id",
                principalTable: "action_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_action_items_work_plans_work_plan_id",
                table: "action_items",
                column: "work_plan_id",
                principalTable: "work_plans",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_mechanism_co_chairs_mechanisms_mechanism_id",
                table: "mechanism_co_chairs",
                column: "mechanism_id",
                principalTable: "mechanisms",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_mechanisms_meetings_established_by_meeting_id",
                table: "mechanisms",
                column: "established_by_meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_meetings_mechanisms_mechanism_id",
                table: "meetings");

            migrationBuilder.DropTable(
                name: "action_item_status_changes");

            migrationBuilder.DropTable(
                name: "action_item_themes");

            migrationBuilder.DropTable(
                name: "disagreements");

            migrationBuilder.DropTable(
                name: "mechanism_co_chairs");

            migrationBuilder.DropTable(
                name: "meeting_attendance");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "paragraph_mentions");

            migrationBuilder.DropTable(
                name: "paragraph_themes");

            migrationBuilder.DropTable(
                name: "source_documents");

            migrationBuilder.DropTable(
                name: "action_items");

            migrationBuilder.DropTable(
                name: "paragraphs");

            migrationBuilder.DropTable(
                name: "themes");

            migrationBuilder.DropTable(
                name: "work_plans");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "mechanisms");

            migrationBuilder.DropTable(
                name: "meetings");
        }
    }
}
