using BaliProcess.Web.Features.Search;

namespace BaliProcess.Web.Tests.Search;

[Collection(SearchCollection.Name)]
public sealed class SearchServiceTests(SearchFixture fixture)
{
    [Theory]
    [InlineData("follow the money", "follow the money")]
    [InlineData("\"follow the money\"", "follow the money")]
    [InlineData("online scams", "online scam")]
    [InlineData("labour exploitation", "labour exploitation")]
    public async Task The_paragraph_that_names_the_phrase_comes_first(string query, string phrase)
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest(query));

        Assert.Equal(SearchMode.Query, results.Mode);
        var first = results.Hits[0];
        var text = string.Concat(first.Snippet.Where(c => c is not Highlight.Start and not Highlight.Stop));
        Assert.Contains(phrase, text.Replace('’', '\'').Replace("‘", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("money", new[] { "money" })]
    [InlineData("online scams", new[] { "online", "scam" })]
    [InlineData("trafficking victims", new[] { "traffick", "victim" })]
    public async Task Highlights_mark_the_query_words(string query, string[] stems)
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest(query));

        Assert.NotEmpty(results.Hits);
        foreach (var hit in results.Hits)
        {
            var marked = Highlight.MarkedWords(hit.Snippet).Select(w => w.ToLowerInvariant()).ToList();
            Assert.NotEmpty(marked);
            Assert.All(marked, w => Assert.Contains(stems, s => w.StartsWith(s, StringComparison.Ordinal)));
        }

        var html = Highlight.ToHtml(results.Hits[0].Snippet).Value;
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Highlighting_encodes_the_text_and_only_the_markers_become_marks()
    {
        var html = Highlight.ToHtml($"a <b>&{Highlight.Start}c{Highlight.Stop} {Highlight.Start}open").Value;
        Assert.Equal("a &lt;b&gt;&amp;<mark>c</mark> <mark>open</mark>", html);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("trafficking")]
    [InlineData("")]
    public async Task Every_facet_count_equals_the_number_of_results_its_link_leads_to(string query)
    {
        // With no words, start from a theme so the search has something to narrow.
        var start = new SearchRequest(query, Theme: query.Length == 0 ? "victim-protection" : null);
        var results = await fixture.Search.SearchAsync(start);
        Assert.True(results.Total > 0);

        var checkedValues = 0;
        foreach (var (name, values) in new[]
        {
            ("theme", results.Facets.Themes), ("year", results.Facets.Years), ("kind", results.Facets.Kinds),
            ("group", results.Facets.Groups), ("member", results.Facets.Members),
        })
        {
            Assert.NotEmpty(values);
            foreach (var value in values.Take(6))
            {
                var narrowed = name switch
                {
                    "theme" => start with { Theme = value.Value },
                    "year" => start with { Year = value.Value },
                    "kind" => start with { Kind = value.Value },
                    "group" => start with { Group = value.Value },
                    _ => start with { Member = value.Value },
                };
                var after = await fixture.Search.SearchAsync(narrowed);
                Assert.True(value.Count == after.Total, $"{name}={value.Value}: facet says {value.Count}, the search finds {after.Total}");
                checkedValues++;

                // A second facet on top of the first still counts exactly (each facet ignores only its own filter).
                var year = after.Facets.Years.Count > 0 ? after.Facets.Years[0] : null;
                if (name != "year" && year is not null)
                {
                    var both = await fixture.Search.SearchAsync(narrowed with { Year = year.Value });
                    Assert.Equal(year.Count, both.Total);
                }
            }
        }

        Assert.True(checkedValues >= 10);
    }

    [Fact]
    public async Task A_theme_alone_lists_every_paragraph_on_it_newest_first()
    {
        var theme = await fixture.Themes.GetAsync("follow-the-money");
        Assert.NotNull(theme);

        var results = await fixture.Search.SearchAsync(new SearchRequest(Theme: "follow-the-money"));

        Assert.Equal(SearchMode.Browse, results.Mode);
        Assert.Equal(theme.Paragraphs.Count, results.Total);
        var years = results.Hits.Select(h => h.Year ?? 0).ToList();
        Assert.Equal(years.OrderByDescending(y => y), years);
        Assert.Contains(results.Filters, f => f.What == "Theme" && f.Label == "Follow the money");
    }

    [Fact]
    public async Task Paging_covers_every_result_once()
    {
        var first = await fixture.Search.SearchAsync(new SearchRequest("bali"));
        Assert.True(first.PageCount > 1);
        var ids = new List<int>();
        for (var page = 1; page <= first.PageCount; page++)
        {
            var results = await fixture.Search.SearchAsync(new SearchRequest("bali", Page: page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            ids.AddRange(results.Hits.Select(h => h.Id));
        }

        Assert.Equal(first.Total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Websearch_syntax_works_as_in_a_search_box()
    {
        var either = await fixture.Search.SearchAsync(new SearchRequest("scams or laundering"));
        var scams = await fixture.Search.SearchAsync(new SearchRequest("scams"));
        var laundering = await fixture.Search.SearchAsync(new SearchRequest("laundering"));
        Assert.True(either.Total >= Math.Max(scams.Total, laundering.Total));

        var without = await fixture.Search.SearchAsync(new SearchRequest("trafficking -labour"));
        Assert.All(without.Hits, h => Assert.DoesNotContain("labour", h.Snippet, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Spelling_slips_get_the_nearest_words_of_the_corpus()
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest("trafficing"));

        Assert.Equal(0, results.Total);
        Assert.NotNull(results.Help);
        Assert.Equal("trafficking", results.Help.DidYouMean);
        Assert.Contains("trafficking", results.Help.CloseWords);
    }

    [Fact]
    public async Task Work_plan_items_are_a_second_result_type()
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest("money laundering"));
        Assert.NotEmpty(results.WorkPlanItems);
        Assert.All(results.WorkPlanItems, i => Assert.NotEmpty(Highlight.MarkedWords(i.Snippet)));
    }

    [Fact]
    public async Task Statement_page_data_marks_the_search_words_in_matching_paragraphs_only()
    {
        var statement = await fixture.Statements.GetAsync("eighth-ministerial-conference-2023-co-chairs-statement", "online scams");
        Assert.NotNull(statement);
        var marked = statement.Paragraphs.Where(p => p.Highlighted is not null).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, p => Assert.NotEmpty(Highlight.MarkedWords(p.Highlighted!)));
        Assert.Contains(statement.Paragraphs, p => p.Label == "15a");
    }
}
