using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Search.Index;
using BaliProcess.Web.Infrastructure.Caching;
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
        // Every 14th corpus query (each of the list's groups, from frequent words to phrases, is longer than 14, so
        // every kind of query is asked), with and without filters, over three pages.
        foreach (var words in (await CorpusQueriesAsync()).Where((_, i) => i % 14 == 0))
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

/// <summary>The portal's builder: the index answers only for the generation it was built from, and is rebuilt from the database.</summary>
[Collection(SearchCollection.Name)]
public sealed class ParagraphIndexBuilderTests(SearchFixture fixture)
{
    private readonly RecordGeneration generation = new();
    private readonly CacheMetrics metrics = new();

    private ParagraphIndexBuilder NewBuilder(ParagraphIndexHolder holder, string inMemoryIndex = "true") => new(
        fixture.DbFactory, holder, generation, TimeProvider.System, metrics,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:InMemoryIndex"] = inMemoryIndex,
            ["Search:RebuildDelay"] = "00:00:00",
        }).Build(),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<ParagraphIndexBuilder>.Instance);

    [Fact]
    public async Task A_change_drops_the_index_at_once_and_it_comes_back_updated_with_the_changed_paragraphs_only()
    {
        var holder = new ParagraphIndexHolder(generation);
        using var builder = NewBuilder(holder);
        await builder.StartAsync(CancellationToken.None);
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var paragraph = await db.Paragraphs.OrderBy(p => p.Id).FirstAsync();
        var hidden = await db.Paragraphs.OrderBy(p => p.Id).Skip(1).Select(p => p.Id).FirstAsync();
        try
        {
            var first = await WaitForIndexAsync(holder);
            Assert.Equal(await db.Paragraphs.CountAsync(), first.ParagraphCount);

            // A change elsewhere (a work-plan edit): dropped at once, then the same index is current again.
            generation.Advance();
            Assert.Null(holder.Current); // searches go to SQL from this moment, never to a possibly stale index
            Assert.Same(first, await WaitForIndexAsync(holder));

            // A paragraph changed: a new index, updated with that paragraph alone (its earlier version is a tombstone,
            // nothing was read again), which finds the new word.
            await db.Paragraphs.Where(p => p.Id == paragraph.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Text, paragraph.Text + " qqxzindexword"));
            generation.Advance();
            Assert.Null(holder.Current);
            var updated = await WaitForIndexAsync(holder);
            Assert.NotSame(first, updated);
            Assert.Equal(first.RemovedCount + 1, updated.RemovedCount);
            Assert.Equal(1, updated.Answer(TextQuery.TryParse("'qqxzindexword'"), new IndexFilters(null, null, null, null, null), 10).Total);
            Assert.Equal(0, first.Answer(TextQuery.TryParse("'qqxzindexword'"), new IndexFilters(null, null, null, null, null), 10).Total);
            await AssertAnswersAsAFullBuildAsync(updated);

            // A paragraph hidden (its statement back to a draft) and one added, then the added one deleted: each an update
            // (the deletion found through paragraph_removals), each answering as an index built from every paragraph.
            await db.Database.ExecuteSqlAsync($"UPDATE paragraphs SET is_draft = true WHERE id = {hidden}");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO paragraphs (statement_id, sequence, label, text, location, year)
                SELECT statement_id, 999, 'added-by-test', text || ' qqxznewword', location, year FROM paragraphs WHERE id = {paragraph.Id}
                """);
            generation.Advance();
            var added = await WaitForIndexAsync(holder);
            Assert.Equal(updated.ParagraphCount, added.ParagraphCount); // one hidden, one added
            Assert.Equal(updated.RemovedCount + 1, added.RemovedCount);
            Assert.Equal(1, added.Answer(TextQuery.TryParse("'qqxznewword'"), new IndexFilters(null, null, null, null, null), 10).Total);
            await AssertAnswersAsAFullBuildAsync(added);

            await db.Database.ExecuteSqlAsync($"DELETE FROM paragraphs WHERE label = 'added-by-test'");
            generation.Advance();
            var removed = await WaitForIndexAsync(holder);
            Assert.Equal(added.ParagraphCount - 1, removed.ParagraphCount);
            Assert.Equal(0, removed.Answer(TextQuery.TryParse("'qqxznewword'"), new IndexFilters(null, null, null, null, null), 10).Total);
            await AssertAnswersAsAFullBuildAsync(removed);
        }
        finally
        {
            await builder.StopAsync(CancellationToken.None);
            await db.Paragraphs.Where(p => p.Id == paragraph.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Text, paragraph.Text));
            await db.Database.ExecuteSqlAsync($"UPDATE paragraphs SET is_draft = false WHERE id = {hidden}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM paragraphs WHERE label = 'added-by-test'");
            await fixture.RecordChangedAsync(); // the shared fixture's index is updated with the restored rows
        }
    }

    /// <summary>Browsing, a frequent word, a phrase and "or", with and without filters: as an index built from every paragraph answers.</summary>
    private async Task AssertAnswersAsAFullBuildAsync(ParagraphIndex updated)
    {
        var built = await fixture.BuildIndexAsync();
        Assert.Equal(built.ParagraphCount, updated.ParagraphCount);
        foreach (var printed in new string?[] { null, "'traffick'", "'member' & 'state'", "'peopl' <-> 'smuggl'", "'victim' | 'qqxznewword' | 'qqxzindexword'" })
        {
            var query = printed is null ? null : TextQuery.TryParse(printed);
            foreach (var filters in new IndexFilters[] { new(null, null, null, null, null), new(null, 2016, null, null, null), new(null, null, "MinisterialConference", null, null) })
            {
                var a = built.Answer(query, filters, SearchService.RankedIdCap);
                var b = updated.Answer(query, filters, SearchService.RankedIdCap);
                Assert.Equal(a.RankedIds, b.RankedIds);
                Assert.Equal(a.Total, b.Total);
                Assert.Equal(a.Cells.Select(c => $"{c.Year}|{c.Kind}|{c.GroupId}|{string.Join(',', c.ThemeIds)}|{string.Join(',', c.MemberIds)}|{c.Misses}={c.Count}").Order(),
                    b.Cells.Select(c => $"{c.Year}|{c.Kind}|{c.GroupId}|{string.Join(',', c.ThemeIds)}|{string.Join(',', c.MemberIds)}|{c.Misses}={c.Count}").Order());
            }
        }
    }

    /// <summary>
    /// The race the old builder had: it checked "no change since I started" and then installed, so a change landing
    /// between the two left a stale index in place. An index now carries its generation and answers only for it.
    /// </summary>
    [Fact]
    public async Task An_index_installed_after_a_change_landed_is_never_used()
    {
        var holder = new ParagraphIndexHolder(generation);
        var index = await fixture.BuildIndexAsync();
        var readUnder = generation.Current;
        generation.Advance();                  // the change lands while the build is still running
        holder.Install(index, readUnder);      // the build finishes and installs
        Assert.Null(holder.Current);

        holder.Install(index, generation.Current);
        Assert.Same(index, holder.Current);
    }

    [Fact]
    public async Task Turned_off_by_configuration_the_builder_stops_at_once_and_no_index_is_built()
    {
        var holder = new ParagraphIndexHolder(generation);
        using var builder = NewBuilder(holder, inMemoryIndex: "false");
        await builder.StartAsync(CancellationToken.None);
        // Ends by itself (fails after a minute if it keeps waiting for changes, as a builder that is on does).
        await builder.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));
        await builder.StopAsync(CancellationToken.None);
        Assert.Null(holder.Current);
    }

    [Fact]
    public async Task Changes_arriving_together_from_many_threads_never_throw_and_end_in_a_build_for_the_last_one()
    {
        var holder = new ParagraphIndexHolder(generation);
        using var builder = NewBuilder(holder);
        await builder.StartAsync(CancellationToken.None);
        try
        {
            await WaitForIndexAsync(holder);
            // The old service released a SemaphoreSlim(1, 1) after checking CurrentCount == 0: two changes at the same
            // moment threw SemaphoreFullException into the write that announced them.
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < 500; i++)
                {
                    generation.Advance();
                }
            })));
            Assert.False(builder.ExecuteTask!.IsCompleted, "the builder stopped");
            Assert.NotNull(await WaitForIndexAsync(holder));   // built (or reused) for the last generation
        }
        finally
        {
            await builder.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Waits for the builder to install an index of the current generation (polling a condition; fails only after a minute).</summary>
    private static async Task<ParagraphIndex> WaitForIndexAsync(ParagraphIndexHolder holder)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        ParagraphIndex? index;
        while ((index = holder.Current) is null)
        {
            await Task.Delay(20, limit.Token);
        }

        return index;
    }
}
