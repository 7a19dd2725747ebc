using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Search.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BaliProcess.Web.Tests.Search;

/// <summary>
/// The in-memory index (decision 0013) must answer every search exactly as PostgreSQL does: the same
/// matches in the same order (ts_rank_cd, ties by id), the same total and facets. Checked over the whole
/// real corpus with a few hundred queries taken from the corpus itself.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class ParagraphIndexTests(SearchFixture fixture)
{
    [Fact]
    public async Task The_index_finds_and_orders_every_match_as_PostgreSQL_ranks_it()
    {
        var index = await fixture.BuildIndexAsync();
        var queries = await CorpusQueriesAsync();
        var answered = 0;
        var left = new List<string>();
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        foreach (var words in queries)
        {
            var printed = await db.Database.SqlQuery<string>($"SELECT websearch_to_tsquery('english', {words})::text AS \"Value\"").SingleAsync();
            var query = TextQuery.TryParse(printed);
            if (query is null)
            {
                if (printed.Length > 0)
                {
                    left.Add(printed); // an empty query (stop words only) finds nothing either way
                }

                continue;
            }

            answered++;
            var expected = await db.Database.SqlQuery<int>($"""
                SELECT p.id AS "Value" FROM paragraphs AS p
                WHERE p.search_vector @@ websearch_to_tsquery('english', {words})
                ORDER BY ts_rank_cd(p.search_vector, websearch_to_tsquery('english', {words}), 1) DESC, p.id
                """).ToListAsync();
            var answer = index.Answer(query, new IndexFilters(null, null, null, null, null), int.MaxValue);

            Assert.True(expected.SequenceEqual(answer.RankedIds), $"{words} ({printed}): expected {string.Join(',', expected.Take(12))}…, got {string.Join(',', answer.RankedIds.Take(12))}…");
            Assert.Equal(expected.Count, answer.Total);
        }

        // Only negation falls back to SQL: every other query with words is the index's to answer.
        Assert.True(answered > 250, $"only {answered} of {queries.Count} answered by the index");
        Assert.Equal(["!'traffick' & 'victim'"], left);
    }

    [Fact]
    public async Task Search_through_the_index_answers_as_search_in_SQL_with_filters()
    {
        var requests = new List<SearchRequest>();
        foreach (var words in (await CorpusQueriesAsync()).Where((_, i) => i % 7 == 0))
        {
            requests.Add(new SearchRequest(words));
            requests.Add(new SearchRequest(words, Theme: "victim-protection"));
            requests.Add(new SearchRequest(words, Kind: "ministerial-conference", Year: "2016"));
        }

        requests.AddRange(
        [
            new(Theme: "coordination-and-support"), new(Year: "2010"), new(Member: "australia"),
            new(Kind: "workshop", Theme: "coordination-and-support", Year: "2012"),
            new("trafficking", Member: "indonesia", Theme: "victim-protection"),
            new("victims", Group: "working-group-disruption"), new("-trafficking"), new("the of and"),
        ]);

        foreach (var request in requests)
        {
            fixture.Cache.Enabled = false;
            try
            {
                foreach (var page in new[] { "1", "2", "3" })
                {
                    var sql = await fixture.SqlSearch.SearchAsync(request with { Page = page });
                    var indexed = await fixture.Search.SearchAsync(request with { Page = page });
                    Assert.Equal(Describe(sql), Describe(indexed));
                }
            }
            finally
            {
                fixture.Cache.Enabled = true;
            }
        }
    }

    [Theory]
    [InlineData("'traffick'", true)]
    [InlineData("'follow' <2> 'money' & 'traffick' | 'victim'", true)]
    [InlineData("'peopl' <-> 'smuggl' <2> 'traffick'", true)]
    [InlineData("( 'a' | 'b' ) & 'c'", true)]
    [InlineData("'o''brien'", true)]
    [InlineData("!'traffick'", false)]
    [InlineData("'traffick' & !'smuggl'", false)]
    [InlineData("'traff':*", false)]
    [InlineData("'a' <-> ( 'b' | 'c' )", false)]
    [InlineData("", false)]
    public void Query_shapes_the_index_does_not_answer_exactly_are_left_to_SQL(string printed, bool parsed)
    {
        var query = TextQuery.TryParse(printed);
        Assert.Equal(parsed, query is not null);
        if (printed == "'o''brien'")
        {
            Assert.Equal(["o'brien"], query!.Words);
        }
    }

    /// <summary>Words, pairs, "or", phrases of two and three words as they stand in the corpus, and a few odd ones.</summary>
    private async Task<List<string>> CorpusQueriesAsync()
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var frequent = await db.SearchTerms.OrderByDescending(t => t.Documents).ThenBy(t => t.Word).Select(t => t.Word).Take(120).ToListAsync();
        var rare = await db.SearchTerms.Where(t => t.Documents <= 2).OrderBy(t => t.Word).Select(t => t.Word).Take(30).ToListAsync();
        var texts = await db.Paragraphs.OrderBy(p => p.Id).Select(p => p.Text).Take(60).ToListAsync();
        var queries = new List<string>(frequent.Concat(rare));
        for (var i = 0; i + 1 < 30; i += 2)
        {
            queries.Add($"{frequent[i]} {frequent[i + 1]}");
            queries.Add($"{frequent[i]} or {rare[i]}");
            queries.Add($"{frequent[i]} {frequent[i + 3]} {frequent[i + 7]}");
        }

        foreach (var text in texts)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 8)
            {
                queries.Add($"\"{words[3]} {words[4]}\"");
                queries.Add($"\"{words[5]} {words[6]} {words[7]}\" {words[1]}");
            }
        }

        queries.AddRange(["\"follow the money\"", "follow the money", "people smuggling or trafficking", "anti-trafficking", "-trafficking victims"]);
        return queries;
    }

    private static string Describe(SearchResults r) =>
        $"{r.Mode};{r.Total};{string.Join(',', r.Hits.Select(h => h.Id + ":" + h.Snippet))};" +
        string.Join('|', new[] { r.Facets.Themes, r.Facets.Years, r.Facets.Kinds, r.Facets.Groups, r.Facets.Members }
            .Select(f => string.Join(',', f.Select(v => $"{v.Value}={v.Count}")))) +
        $";{string.Join(',', r.WorkPlanItems.Select(w => w.Number))};{r.Help?.DidYouMean}";
}

/// <summary>The portal's builder: the index is dropped the moment data changes and rebuilt from the database.</summary>
[Collection(SearchCollection.Name)]
public sealed class ParagraphIndexBuilderTests(SearchFixture fixture)
{
    [Fact]
    public async Task An_invalidation_drops_the_index_at_once_and_a_new_one_is_built()
    {
        using var cache = new SearchCache();
        var holder = new ParagraphIndexHolder();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        using var builder = new ParagraphIndexBuilder(fixture.DbFactory, holder, cache, configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger<ParagraphIndexBuilder>.Instance);
        await builder.StartAsync(CancellationToken.None);
        try
        {
            var first = await WaitForIndexAsync(holder);
            Assert.Equal(await fixture.DbFactory.CreateDbContext().Paragraphs.CountAsync(), first.ParagraphCount);

            cache.Invalidate();
            Assert.Null(holder.Current); // searches go to SQL from this moment, never to the old index

            var second = await WaitForIndexAsync(holder);
            Assert.NotSame(first, second);
        }
        finally
        {
            await builder.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Turned_off_by_configuration_no_index_is_built()
    {
        using var cache = new SearchCache();
        var holder = new ParagraphIndexHolder();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Search:InMemoryIndex"] = "false" }).Build();
        using var builder = new ParagraphIndexBuilder(fixture.DbFactory, holder, cache, configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger<ParagraphIndexBuilder>.Instance);
        await builder.StartAsync(CancellationToken.None);
        await Task.Delay(1500);
        await builder.StopAsync(CancellationToken.None);
        Assert.Null(holder.Current);
    }

    private static async Task<ParagraphIndex> WaitForIndexAsync(ParagraphIndexHolder holder)
    {
        for (var i = 0; i < 300; i++)
        {
            if (holder.Current is { } index)
            {
                return index;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The index was not built within 30 s.");
    }
}
