using Npgsql;

namespace BaliProcess.Benchmarks;

/// <summary>
/// Grows the seeded database to about 100,000 paragraphs (or the size asked for), deterministically: every
/// seeded statement is copied 512 times (by default) with its paragraphs, themes and mentions, each copy dated 0–21 years earlier, so that
/// words, themes, members and meeting kinds keep the seeded proportions while years spread over 2001–2024.
/// Plain SQL because this is bulk data generation, not application logic.
/// </summary>
internal static class SyntheticCorpus
{
    public const int Copies = 512;

    public static async Task BuildAsync(NpgsqlDataSource dataSource, int copies = Copies)
    {
        string[] steps =
        [
            $"""
            INSERT INTO statements (slug, kind, title, meeting_id, date, date_precision, author_id, sources)
            SELECT s.slug || '-copy-' || c, s.kind, s.title || ' (copy ' || c || ')', s.meeting_id,
                   (s.date - make_interval(years => c % 22))::date, s.date_precision, s.author_id, s.sources
            FROM statements s CROSS JOIN generate_series(1, {copies}) AS c
            ORDER BY s.id, c
            """,
            """
            CREATE TEMP TABLE copy_map AS
            SELECT p.id AS original_id, np_statement.id AS statement_id, p.sequence, p.label, p.section, p.text, p.location,
                   extract(year FROM np_statement.date)::int AS year, p.theme_ids, p.member_ids
            FROM paragraphs p
            JOIN statements s ON s.id = p.statement_id
            JOIN statements np_statement ON np_statement.slug LIKE s.slug || '-copy-%'
            """,
            """
            INSERT INTO paragraphs (statement_id, sequence, label, section, text, location, year, theme_ids, member_ids)
            SELECT statement_id, sequence, label, section, text, location, year, theme_ids, member_ids FROM copy_map ORDER BY statement_id, sequence
            """,
            // The copies' id arrays were copied above with the paragraphs: the triggers that keep them (one
            // UPDATE of every paragraph per join table) are paused for the bulk copy only, which also keeps the
            // table free of the dead rows those updates would leave.
            "ALTER TABLE paragraph_themes DISABLE TRIGGER paragraph_themes_ids_insert",
            "ALTER TABLE paragraph_mentions DISABLE TRIGGER paragraph_mentions_ids_insert",
            """
            INSERT INTO paragraph_themes (paragraphs_id, themes_id)
            SELECT np.id, pt.themes_id
            FROM copy_map m
            JOIN paragraphs np ON np.statement_id = m.statement_id AND np.label = m.label
            JOIN paragraph_themes pt ON pt.paragraphs_id = m.original_id
            """,
            """
            INSERT INTO paragraph_mentions (mentioned_in_id, mentions_id)
            SELECT np.id, pm.mentions_id
            FROM copy_map m
            JOIN paragraphs np ON np.statement_id = m.statement_id AND np.label = m.label
            JOIN paragraph_mentions pm ON pm.mentioned_in_id = m.original_id
            """,
            "ALTER TABLE paragraph_themes ENABLE TRIGGER paragraph_themes_ids_insert",
            "ALTER TABLE paragraph_mentions ENABLE TRIGGER paragraph_mentions_ids_insert",
            "REFRESH MATERIALIZED VIEW search_terms",
            "VACUUM ANALYZE paragraphs",
            "VACUUM ANALYZE paragraph_themes",
            "VACUUM ANALYZE paragraph_mentions",
            "VACUUM ANALYZE statements",
        ];

        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var sql in steps)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }
}
