using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <summary>
    /// The words list behind search suggestions. EF Core does not create views, so this is SQL: a
    /// materialised view of the distinct words of the paragraphs ('simple' configuration: whole words, not
    /// stems) with their paragraph counts, and a trigram index so that "nearest word" lookups stay cheap
    /// however large the corpus grows. The seed loader refreshes it after every load.
    /// </summary>
    public partial class AddSearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE MATERIALIZED VIEW search_terms AS
                SELECT word, ndoc AS documents
                FROM ts_stat('SELECT to_tsvector(''simple'', text) FROM paragraphs')
                WHERE length(word) >= 3 AND word ~ '^[[:alpha:]]+$';
                """);
            migrationBuilder.Sql("CREATE UNIQUE INDEX ix_search_terms_word ON search_terms (word);");
            migrationBuilder.Sql("CREATE INDEX ix_search_terms_word_trgm ON search_terms USING GIN (word gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP MATERIALIZED VIEW IF EXISTS search_terms;");
        }
    }
}
