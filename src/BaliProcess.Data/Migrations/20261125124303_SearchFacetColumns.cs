using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <summary>
    /// Search facets copied onto each paragraph (docs/decisions/0008): theme and member id arrays (GIN), the
    /// meeting's kind and working group. Search reads every facet and the total from one pass over the
    /// matching paragraphs instead of joining four tables per facet. The database keeps the copies true
    /// whoever writes (the seed loader, staff editing, plain SQL): statement-level triggers on the join
    /// tables rebuild the arrays of the paragraphs a statement touched, and changes to a statement's
    /// meeting or a meeting's kind or working group are pushed to their paragraphs. The year was already a
    /// column of the paragraph.
    /// </summary>
    public partial class SearchFacetColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "mechanism_id",
                table: "paragraphs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "meeting_kind",
                table: "paragraphs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int[]>(
                name: "member_ids",
                table: "paragraphs",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<int[]>(
                name: "theme_ids",
                table: "paragraphs",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.Sql("""
                CREATE FUNCTION paragraphs_copy_meeting_facets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT m.kind, m.mechanism_id INTO NEW.meeting_kind, NEW.mechanism_id
                    FROM statements s JOIN meetings m ON m.id = s.meeting_id
                    WHERE s.id = NEW.statement_id;
                    IF NOT FOUND THEN
                        NEW.meeting_kind := NULL;
                        NEW.mechanism_id := NULL;
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraphs_meeting_facets BEFORE INSERT OR UPDATE OF statement_id, meeting_kind, mechanism_id ON paragraphs
                    FOR EACH ROW EXECUTE FUNCTION paragraphs_copy_meeting_facets();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION statements_push_meeting_facets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE paragraphs p SET meeting_kind = m.kind, mechanism_id = m.mechanism_id
                    FROM new_rows s LEFT JOIN meetings m ON m.id = s.meeting_id
                    WHERE p.statement_id = s.id
                      AND (p.meeting_kind, p.mechanism_id) IS DISTINCT FROM (m.kind, m.mechanism_id);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statements_meeting_facets AFTER UPDATE ON statements
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statements_push_meeting_facets();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION meetings_push_meeting_facets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE paragraphs p SET meeting_kind = m.kind, mechanism_id = m.mechanism_id
                    FROM new_rows m JOIN statements s ON s.meeting_id = m.id
                    WHERE p.statement_id = s.id
                      AND (p.meeting_kind, p.mechanism_id) IS DISTINCT FROM (m.kind, m.mechanism_id);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER meetings_meeting_facets AFTER UPDATE ON meetings
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meetings_push_meeting_facets();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION paragraph_themes_refresh_ids() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE paragraphs p
                    SET theme_ids = ARRAY(SELECT pt.themes_id FROM paragraph_themes pt WHERE pt.paragraphs_id = p.id ORDER BY 1)
                    WHERE p.id IN (SELECT paragraphs_id FROM changed_rows);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraph_themes_ids_insert AFTER INSERT ON paragraph_themes
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraph_themes_refresh_ids();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraph_themes_ids_delete AFTER DELETE ON paragraph_themes
                    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraph_themes_refresh_ids();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraph_themes_ids_update_old AFTER UPDATE ON paragraph_themes
                    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraph_themes_refresh_ids();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraph_themes_ids_update_new AFTER UPDATE ON paragraph_themes
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraph_themes_refresh_ids();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION paragraph_mentions_refresh_ids() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE paragraphs p
                    SET member_ids = ARRAY(SELECT pm.mentions_id FROM paragraph_mentions pm WHERE pm.mentioned_in_id = p.id ORDER BY 1)
                    WHERE p.id IN (SELECT mentioned_in_id FROM changed_rows);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraph_mentions_ids_insert AFTER INSERT ON paragraph_mentions
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraph_mentions_refresh_ids();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraph_mentions_ids_delete AFTER DELETE ON paragraph_mentions
                    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraph_mentions_refresh_ids();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraph_mentions_ids_update_old AFTER UPDATE ON paragraph_mentions
                    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraph_mentions_refresh_ids();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paragraph_mentions_ids_update_new AFTER UPDATE ON paragraph_mentions
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraph_mentions_refresh_ids();
                """);

            // Existing rows (a database seeded before this migration).
            migrationBuilder.Sql("""
                UPDATE paragraphs p
                SET theme_ids = ARRAY(SELECT pt.themes_id FROM paragraph_themes pt WHERE pt.paragraphs_id = p.id ORDER BY 1),
                    member_ids = ARRAY(SELECT pm.mentions_id FROM paragraph_mentions pm WHERE pm.mentioned_in_id = p.id ORDER BY 1),
                    statement_id = p.statement_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_member_ids",
                table: "paragraphs",
                column: "member_ids")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_theme_ids",
                table: "paragraphs",
                column: "theme_ids")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER paragraphs_meeting_facets ON paragraphs;
                DROP TRIGGER statements_meeting_facets ON statements;
                DROP TRIGGER meetings_meeting_facets ON meetings;
                DROP TRIGGER paragraph_themes_ids_insert ON paragraph_themes;
                DROP TRIGGER paragraph_themes_ids_delete ON paragraph_themes;
                DROP TRIGGER paragraph_themes_ids_update_old ON paragraph_themes;
                DROP TRIGGER paragraph_themes_ids_update_new ON paragraph_themes;
                DROP TRIGGER paragraph_mentions_ids_insert ON paragraph_mentions;
                DROP TRIGGER paragraph_mentions_ids_delete ON paragraph_mentions;
                DROP TRIGGER paragraph_mentions_ids_update_old ON paragraph_mentions;
                DROP TRIGGER paragraph_mentions_ids_update_new ON paragraph_mentions;
                DROP FUNCTION paragraphs_copy_meeting_facets();
                DROP FUNCTION statements_push_meeting_facets();
                DROP FUNCTION meetings_push_meeting_facets();
                DROP FUNCTION paragraph_themes_refresh_ids();
                DROP FUNCTION paragraph_mentions_refresh_ids();
                """);

            migrationBuilder.DropIndex(
                name: "ix_paragraphs_member_ids",
                table: "paragraphs");

            migrationBuilder.DropIndex(
                name: "ix_paragraphs_theme_ids",
                table: "paragraphs");

            migrationBuilder.DropColumn(
                name: "mechanism_id",
                table: "paragraphs");

            migrationBuilder.DropColumn(
                name: "meeting_kind",
                table: "paragraphs");

            migrationBuilder.DropColumn(
                name: "member_ids",
                table: "paragraphs");

            migrationBuilder.DropColumn(
                name: "theme_ids",
                table: "paragraphs");
        }
    }
}
