using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <summary>
    /// What changed in the paragraphs since a given moment, cheaply (docs/decisions/0027): the in-memory search index
    /// is updated with the paragraphs written since its snapshot instead of being rebuilt from all of them.
    /// Every paragraph and statement row carries the transaction that last wrote it (<c>change_xid</c>, set by
    /// default on insert and by a trigger on every update, B-tree indexed); every deleted paragraph leaves its id in
    /// <c>paragraph_removals</c> with the deleting transaction, and a TRUNCATE leaves a row with no id ("everything").
    /// A snapshot (<c>pg_current_snapshot()</c>) then tells exactly which of them a reader of that snapshot did not see.
    /// Rows older than this migration keep NULL (seen by every index built after it): no table rewrite.
    /// Not in the EF model: only search's own SQL reads these, and EF never writes them.
    /// </summary>
    public partial class ParagraphChangeMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE paragraphs ADD COLUMN change_xid xid8;
                ALTER TABLE paragraphs ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id();
                CREATE INDEX ix_paragraphs_change_xid ON paragraphs (change_xid);
                ALTER TABLE statements ADD COLUMN change_xid xid8;
                ALTER TABLE statements ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id();
                CREATE INDEX ix_statements_change_xid ON statements (change_xid);

                CREATE FUNCTION mark_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.change_xid := pg_current_xact_id();
                    RETURN NEW;
                END $$;
                CREATE TRIGGER paragraphs_change_mark BEFORE UPDATE ON paragraphs
                    FOR EACH ROW EXECUTE FUNCTION mark_row_changed();
                CREATE TRIGGER statements_change_mark BEFORE UPDATE ON statements
                    FOR EACH ROW EXECUTE FUNCTION mark_row_changed();

                CREATE TABLE paragraph_removals (
                    paragraph_id integer,
                    removed_by xid8 NOT NULL DEFAULT pg_current_xact_id()
                );
                CREATE INDEX ix_paragraph_removals_removed_by ON paragraph_removals (removed_by);

                CREATE FUNCTION mark_paragraphs_removed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO paragraph_removals (paragraph_id) SELECT id FROM removed;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER paragraphs_removal_mark AFTER DELETE ON paragraphs
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION mark_paragraphs_removed();

                CREATE FUNCTION mark_paragraphs_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO paragraph_removals (paragraph_id) VALUES (NULL);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER paragraphs_truncate_mark AFTER TRUNCATE ON paragraphs
                    FOR EACH STATEMENT EXECUTE FUNCTION mark_paragraphs_truncated();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER paragraphs_truncate_mark ON paragraphs;
                DROP TRIGGER paragraphs_removal_mark ON paragraphs;
                DROP TRIGGER statements_change_mark ON statements;
                DROP TRIGGER paragraphs_change_mark ON paragraphs;
                DROP FUNCTION mark_paragraphs_truncated();
                DROP FUNCTION mark_paragraphs_removed();
                DROP FUNCTION mark_row_changed();
                DROP TABLE paragraph_removals;
                ALTER TABLE statements DROP COLUMN change_xid;
                ALTER TABLE paragraphs DROP COLUMN change_xid;
                """);
        }
    }
}
