using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffStatementsAndRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "statements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "statements",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "statements",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "statements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "origin",
                table: "statements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every statement before this migration came from seed-data/statements: they are the seed's, not the secretariat's.
            migrationBuilder.Sql("UPDATE statements SET origin = 1;");


            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "statements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "statements",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "statements",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "paragraphs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "record_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    record_kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    record_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    changed_by = table.Column<string>(type: "text", nullable: false),
                    changed_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_revisions", x => x.id);
                    table.CheckConstraint("ck_record_revisions_reason_not_blank", "btrim(reason) <> ''");
                });

            migrationBuilder.CreateIndex(
                name: "ix_record_revisions_changed_at",
                table: "record_revisions",
                column: "changed_at");

            migrationBuilder.CreateIndex(
                name: "ix_record_revisions_record_kind_record_key_changed_at",
                table: "record_revisions",
                columns: new[] { "record_kind", "record_key", "changed_at" });

            // Append-only revisions, enforced by the database itself, as for the work-plan history (EditableWorkPlans):
            // no code path can rewrite or remove one. TRUNCATE skips row triggers, so it gets a statement trigger.
            migrationBuilder.Sql("""
                CREATE FUNCTION record_revisions_append_only() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'record_revisions is append-only: % refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege',
                              HINT = 'Append a new revision instead of changing or removing one.';
                END;
                $$;

                CREATE TRIGGER record_revisions_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON record_revisions
                    FOR EACH ROW EXECUTE FUNCTION record_revisions_append_only();

                CREATE TRIGGER record_revisions_no_truncate
                    BEFORE TRUNCATE ON record_revisions
                    FOR EACH STATEMENT EXECUTE FUNCTION record_revisions_append_only();
                """);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER record_revisions_no_truncate ON record_revisions;
                DROP TRIGGER record_revisions_no_update_or_delete ON record_revisions;
                DROP FUNCTION record_revisions_append_only();
                """);
            migrationBuilder.DropTable(
                name: "record_revisions");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "paragraphs");
        }
    }
}
