using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BaliProcess.Data.Tests;

/// <summary>The SQL search relies on: the words list for suggestions and the index the text queries use.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed partial class SearchSqlTests(SeededDatabaseFixture fixture)
{
    [Fact]
    public async Task The_seed_loader_fills_the_words_list_with_whole_words_and_their_paragraph_counts()
    {
        await using var db = fixture.Database.CreateContext();
        var trafficking = await db.SearchTerms.SingleAsync(t => t.Word == "trafficking");
        Assert.Equal(SeedParagraphs().Count(p => Trafficking().IsMatch(p.Text)), trafficking.Documents);
        Assert.False(await db.SearchTerms.AnyAsync(t => t.Word == "traffick"), "stems do not belong in suggestions");
        Assert.False(await db.SearchTerms.AnyAsync(t => t.Word.Length < 3));
    }

    [Fact]
    public async Task The_nearest_word_to_a_slip_is_found_by_trigram_similarity()
    {
        await using var db = fixture.Database.CreateContext();
        var nearest = await db.SearchTerms
            .Where(t => EF.Functions.TrigramsAreSimilar(t.Word, "exploitaton"))
            .OrderByDescending(t => EF.Functions.TrigramsSimilarity(t.Word, "exploitaton"))
            .Select(t => t.Word)
            .FirstAsync();
        Assert.Equal("exploitation", nearest);
    }

    [Fact]
    public async Task The_facet_columns_of_every_paragraph_match_its_themes_mentions_and_meeting()
    {
        // Kept by triggers (migration SearchFacetColumns) while the seed loader wrote through EF Core.
        await using var db = fixture.Database.CreateContext();
        var wrong = await db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value"
            FROM paragraphs p JOIN statements s ON s.id = p.statement_id LEFT JOIN meetings m ON m.id = s.meeting_id
            WHERE p.theme_ids <> ARRAY(SELECT themes_id FROM paragraph_themes WHERE paragraphs_id = p.id ORDER BY 1)
               OR p.member_ids <> ARRAY(SELECT mentions_id FROM paragraph_mentions WHERE mentioned_in_id = p.id ORDER BY 1)
               OR p.meeting_kind IS DISTINCT FROM m.kind OR p.mechanism_id IS DISTINCT FROM m.mechanism_id
            """).SingleAsync();
        Assert.Equal(0, wrong);

        // Every meeting has a kind, so a paragraph has both facets when it has a theme and its statement a meeting.
        Assert.Equal(
            SeedParagraphs().Count(p => p.HasThemes && p.HasMeeting),
            await db.Paragraphs.CountAsync(p => p.ThemeIds.Length > 0 && p.MeetingKind != null));
    }

    /// <summary>The statement paragraphs as seed-data/ has them, read without the seed loader.</summary>
    private static List<(string Text, bool HasThemes, bool HasMeeting)> SeedParagraphs()
    {
        var paragraphs = new List<(string, bool, bool)>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.SeedDirectory, "statements"), "*.json"))
        {
            var statement = JsonNode.Parse(File.ReadAllText(file))!;
            var hasMeeting = statement["meeting"]?.GetValue<string>() is { Length: > 0 };
            paragraphs.AddRange(statement["paragraphs"]!.AsArray().Select(p =>
                (p!["text"]!.GetValue<string>(), p["themes"]?.AsArray().Count > 0, hasMeeting)));
        }

        Assert.NotEmpty(paragraphs);
        return paragraphs;
    }

    /// <summary>The word as PostgreSQL's 'simple' parser splits it out: in any case, also inside "anti-trafficking".</summary>
    [GeneratedRegex(@"\btrafficking\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trafficking();

    [Theory]
    [InlineData("SELECT id FROM paragraphs WHERE search_vector @@ websearch_to_tsquery('english', 'online scams')", "ix_paragraphs_search_vector")]
    [InlineData("SELECT word FROM search_terms WHERE word % 'trafficing'", "ix_search_terms_word_trgm")]
    public async Task Text_queries_can_use_their_index(string sql, string index)
    {
        // At 195 paragraphs a sequential scan (or a whole scan of the words' b-tree) is cheaper, so both are
        // taken away inside a transaction that is rolled back: the point is that the index matches the query
        // (the same text-search configuration, the trigram operator class).
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off; DROP INDEX ix_search_terms_word", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection, transaction);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
    }
}
