using Npgsql;

namespace BaliProcess.Benchmarks;

/// <summary>
/// Grows the seeded database to about 100,000 paragraphs, deterministically: every seeded statement is
/// copied 512 times with its paragraphs, themes and mentions, each copy dated 0–21 years earlier, so that
/// words, themes, members and meeting kinds keep the seeded proportions while years spread over 2001–2024.
/// Plain SQL because this is bulk data generation, not application logic.
/// </summary>
internal static class SyntheticCorpus
{
    public const int Copies = 512;

    public static async Task BuildAsync(NpgsqlDataSource dataSource)
    {
        string[] steps =
        [
            $"""
            INSERT INTO statements (slug, kind, title, meeting_id, date, date_precision, author_id, sources)
            SELECT s.slug || '-copy-' || c, s.kind, s.title || ' (copy ' || c || ')', s.meeting_id,
                   (s.date - make_interval(years => c % 22))::date, s.date_precision, s.author_id, s.sources
            FROM statements s CROSS JOIN generate_series(1, {Copies}) AS c
            ORDER BY s.id, c
            """,
            """
            CREATE TEMP TABLE copy_map AS
            SELECT p.id AS original_id, np_statement.id AS statement_id, p.sequence, p.label, p.section, p.text, p.location,
                   extract(year FROM np_statement.date)::int AS year
            FROM paragraphs p
            JOIN statements s ON s.id = p.statement_id
            JOIN statements np_statement ON np_statement.slug LIKE s.slug || '-copy-%'
            """,
            """
            INSERT INTO paragraphs (statement_id, sequence, label, section, text, location, year)
            SELECT statement_id, sequence, label, section, text, location, year FROM copy_map ORDER BY statement_id, sequence
            """,
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
            "REFRESH MATERIALIZED VIEW search_terms",
            "VACUUM ANALYZE paragraphs",
            "VACUUM ANALYZE paragraph_themes",
            "VACUUM ANALYZE paragraph_mentions",
            "VACUUM ANALYZE statements",
        ];

        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var sql in steps)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }
}
