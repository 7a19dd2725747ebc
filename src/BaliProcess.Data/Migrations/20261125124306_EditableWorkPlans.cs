using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditableWorkPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Ownership: every work plan and item in the database so far came from the seed data.
            migrationBuilder.AddColumn<string>(name: "origin", table: "work_plans", type: "text", nullable: false, defaultValue: "Seed");
            migrationBuilder.AddColumn<string>(name: "origin", table: "action_items", type: "text", nullable: false, defaultValue: "Seed");
            migrationBuilder.AddColumn<bool>(name: "paragraph_links_set_by_staff", table: "action_items", type: "boolean", nullable: false, defaultValue: false);
            migrationBuilder.AddColumn<bool>(name: "themes_set_by_staff", table: "action_items", type: "boolean", nullable: false, defaultValue: false);

            // History: new columns, nullable until the existing rows are filled in.
            migrationBuilder.DropForeignKey(
                name: "fk_action_item_status_changes_action_items_action_item_id",
                table: "action_item_status_changes");
            migrationBuilder.AddColumn<string>(name: "changed_by_user_id", table: "action_item_status_changes", type: "character varying(450)", maxLength: 450, nullable: true);
            migrationBuilder.AddColumn<DateOnly>(name: "effective_date", table: "action_item_status_changes", type: "date", nullable: true);
            migrationBuilder.AddColumn<string>(name: "effective_precision", table: "action_item_status_changes", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "note", table: "action_item_status_changes", type: "character varying(2000)", maxLength: 2000, nullable: true);
            migrationBuilder.AddColumn<string>(name: "source_document", table: "action_item_status_changes", type: "text", nullable: true);

            // Fix the seeded first entries BEFORE the trigger exists: they become the document's record (its
            // status cell as the note, dated as the document is dated, attributed to the document's heading),
            // not "by seed data" at load time. Any other entry keeps its reason as the note, effective the day it
            // was recorded.
            migrationBuilder.Sql("""
                UPDATE action_item_status_changes c
                SET note = left(COALESCE(NULLIF(btrim(c.status_text), ''), c.reason), 2000),
                    source_document = COALESCE(ai.sources -> 0 ->> 'Document', ai.sources -> 0 ->> 'document'),
                    effective_date = COALESCE(sd.published_on, make_date(GREATEST(w.start_year, 1), 1, 1)),
                    -- source_documents keeps its precision as the enum's number (1 year, 2 month, 3 day).
                    effective_precision = CASE sd.published_precision WHEN 3 THEN 'Day' WHEN 2 THEN 'Month' ELSE 'Year' END,
                    changed_by = w.title
                FROM action_items ai
                JOIN work_plans w ON w.id = ai.work_plan_id
                LEFT JOIN source_documents sd
                    ON sd.file_name = COALESCE(ai.sources -> 0 ->> 'Document', ai.sources -> 0 ->> 'document')
                WHERE c.action_item_id = ai.id AND c.from_seed;

                UPDATE action_item_status_changes
                SET note = left(COALESCE(NULLIF(btrim(reason), ''), status_text, 'Status changed'), 2000),
                    effective_date = (changed_at AT TIME ZONE 'UTC')::date,
                    effective_precision = 'Day'
                WHERE NOT from_seed;
                """);

            migrationBuilder.AlterColumn<DateOnly>(name: "effective_date", table: "action_item_status_changes", type: "date", nullable: false, oldClrType: typeof(DateOnly), oldType: "date", oldNullable: true);
            migrationBuilder.AlterColumn<string>(name: "effective_precision", table: "action_item_status_changes", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);
            migrationBuilder.AlterColumn<string>(name: "note", table: "action_item_status_changes", type: "character varying(2000)", maxLength: 2000, nullable: false, oldClrType: typeof(string), oldType: "character varying(2000)", oldMaxLength: 2000, oldNullable: true);
            migrationBuilder.DropColumn(name: "status_text", table: "action_item_status_changes");
            migrationBuilder.DropColumn(name: "reason", table: "action_item_status_changes");

            migrationBuilder.CreateTable(
                name: "action_item_paragraph_links",
                columns: table => new
                {
                    action_item_id = table.Column<int>(type: "integer", nullable: false),
                    paragraph_id = table.Column<int>(type: "integer", nullable: false),
                    origin = table.Column<string>(type: "text", nullable: false),
                    linked_by = table.Column<string>(type: "text", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_item_paragraph_links", x => new { x.action_item_id, x.paragraph_id });
                    table.ForeignKey(
                        name: "fk_action_item_paragraph_links_action_items_action_item_id",
                        column: x => x.action_item_id,
                        principalTable: "action_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_item_paragraph_links_paragraphs_paragraph_id",
                        column: x => x.paragraph_id,
                        principalTable: "paragraphs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_item_status_changes_changed_at",
                table: "action_item_status_changes",
                column: "changed_at");
            migrationBuilder.AddCheckConstraint(
                name: "ck_action_item_status_changes_note_not_blank",
                table: "action_item_status_changes",
                sql: "btrim(note) <> ''");
            migrationBuilder.CreateIndex(
                name: "ix_action_item_paragraph_links_paragraph_id",
                table: "action_item_paragraph_links",
                column: "paragraph_id");
            migrationBuilder.AddForeignKey(
                name: "fk_action_item_status_changes_action_items_action_item_id",
                table: "action_item_status_changes",
                column: "action_item_id",
                principalTable: "action_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Append-only history, enforced by the database itself: no code path (the portal, a script, a
            // future migration that forgets) can rewrite or remove an entry. TRUNCATE skips row triggers, so
            // it gets a statement trigger of its own.
            migrationBuilder.Sql("""
                CREATE FUNCTION action_item_status_changes_append_only() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'action_item_status_changes is append-only: % refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege',
                              HINT = 'Record a new status change instead of changing or removing history.';
                END;
                $$;

                CREATE TRIGGER action_item_status_changes_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON action_item_status_changes
                    FOR EACH ROW EXECUTE FUNCTION action_item_status_changes_append_only();

                CREATE TRIGGER action_item_status_changes_no_truncate
                    BEFORE TRUNCATE ON action_item_status_changes
                    FOR EACH STATEMENT EXECUTE FUNCTION action_item_status_changes_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER action_item_status_changes_no_truncate ON action_item_status_changes;
                DROP TRIGGER action_item_status_changes_no_update_or_delete ON action_item_status_changes;
                DROP FUNCTION action_item_status_changes_append_only();
                """);
            migrationBuilder.DropForeignKey(name: "fk_action_item_status_changes_action_items_action_item_id", table: "action_item_status_changes");
            migrationBuilder.DropTable(name: "action_item_paragraph_links");
            migrationBuilder.DropIndex(name: "ix_action_item_status_changes_changed_at", table: "action_item_status_changes");
            migrationBuilder.DropCheckConstraint(name: "ck_action_item_status_changes_note_not_blank", table: "action_item_status_changes");
            migrationBuilder.DropColumn(name: "origin", table: "work_plans");
            migrationBuilder.DropColumn(name: "origin", table: "action_items");
            migrationBuilder.DropColumn(name: "paragraph_links_set_by_staff", table: "action_items");
            migrationBuilder.DropColumn(name: "themes_set_by_staff", table: "action_items");
            migrationBuilder.AddColumn<string>(name: "status_text", table: "action_item_status_changes", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "reason", table: "action_item_status_changes", type: "text", nullable: true);
            migrationBuilder.Sql("UPDATE action_item_status_changes SET reason = note, status_text = note;");
            migrationBuilder.AlterColumn<string>(name: "reason", table: "action_item_status_changes", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);
            migrationBuilder.DropColumn(name: "changed_by_user_id", table: "action_item_status_changes");
            migrationBuilder.DropColumn(name: "effective_date", table: "action_item_status_changes");
            migrationBuilder.DropColumn(name: "effective_precision", table: "action_item_status_changes");
            migrationBuilder.DropColumn(name: "note", table: "action_item_status_changes");
            migrationBuilder.DropColumn(name: "source_document", table: "action_item_status_changes");
            migrationBuilder.AddForeignKey(
                name: "fk_action_item_status_changes_action_items_action_item_id",
                table: "action_item_status_changes",
                column: "action_item_id",
                principalTable: "action_items",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
