using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffPeopleEventsQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "person_roles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "person_roles",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "person_roles",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "person_roles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "person_roles",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "person_roles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "person_roles",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "person_roles",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "people",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "people",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "people",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "people",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "people",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "people",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "people",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "people",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "open_questions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "open_questions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "open_questions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "open_questions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "open_questions",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "open_questions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "open_questions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "open_questions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "disagreements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "disagreements",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "disagreements",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "disagreements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "disagreements",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "disagreements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "disagreements",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "disagreements",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            // Every row that exists now came from seed-data/ (decision 0035).
            migrationBuilder.Sql("UPDATE people SET origin = 'Seed'; UPDATE person_roles SET origin = 'Seed'; UPDATE open_questions SET origin = 'Seed'; UPDATE disagreements SET origin = 'Seed';");

            migrationBuilder.CreateTable(
                name: "timeline_events",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    date_precision = table.Column<string>(type: "text", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: true),
                    place = table.Column<string>(type: "text", nullable: true),
                    mechanism_id = table.Column<int>(type: "integer", nullable: true),
                    participant_id = table.Column<int>(type: "integer", nullable: true),
                    origin = table.Column<string>(type: "text", nullable: false),
                    is_draft = table.Column<bool>(type: "boolean", nullable: false),
                    added_by = table.Column<string>(type: "text", nullable: true),
                    added_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "text", nullable: true),
                    published_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_timeline_events_mechanisms_mechanism_id",
                        column: x => x.mechanism_id,
                        principalTable: "mechanisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_timeline_events_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_timeline_events_mechanism_id",
                table: "timeline_events",
                column: "mechanism_id");

            migrationBuilder.CreateIndex(
                name: "ix_timeline_events_participant_id",
                table: "timeline_events",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_timeline_events_slug",
                table: "timeline_events",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "timeline_events");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "people");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "people");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "people");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "people");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "people");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "people");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "people");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "people");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "disagreements");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "disagreements");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "disagreements");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "disagreements");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "disagreements");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "disagreements");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "disagreements");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "disagreements");
        }
    }
}
