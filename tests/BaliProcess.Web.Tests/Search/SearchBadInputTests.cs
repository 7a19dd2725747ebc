using System.Text;
using BaliProcess.Web.Features.Search;

namespace BaliProcess.Web.Tests.Search;

/// <summary>Any query string gets an answer, never an exception: checked against the real database.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchBadInputTests(SearchFixture fixture)
{
    public static TheoryData<string> Awkward => new()
    {
        "\"follow the money",
        "follow the money\"",
        "\"\"\"",
        "'; DROP TABLE paragraphs; --",
        "1' OR '1'='1",
        "trafficking & | ! ( ) : * <-> \\",
        "the and of to a",
        "-",
        "- - or or",
        "or",
        "😀 🚢 trafficking 🙈",
        "\0",
        "traff\0icking",
        "\u0001\u0002\u001b[31m money",
        "\ud800 lone surrogate",
        "\ue000 private \ue001 markers",
        "ts_headline('english', text)",
        "%",
        "_",
        "*:*",
        "a:* & b",
        "人口販運",
        "مكافحة الاتجار",
        new string('a', 5000),
        new string('"', 300),
        string.Concat(Enumerable.Repeat("trafficking ", 500)),
    };

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task Awkward_queries_get_an_answer(string query)
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest(query));
        Assert.True(results.Criteria.Query.Length <= SearchInput.MaxQueryLength);
        Assert.DoesNotContain('\0', results.Criteria.Query);
    }

    [Fact]
    public async Task Long_input_is_cut_and_the_page_says_so()
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest(string.Concat(Enumerable.Repeat("trafficking ", 100))));
        Assert.InRange(results.Criteria.Query.Length, SearchInput.MaxQueryLength - 12, SearchInput.MaxQueryLength);
        Assert.Contains(results.Notes, n => n.Contains("only the first 200", StringComparison.Ordinal));
        Assert.True(results.Total > 0);
    }

    [Fact]
    public async Task Only_stop_words_says_so()
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest("the of and"));
        Assert.Equal(0, results.Total);
        Assert.True(results.Help?.OnlyStopWords);
    }

    [Theory]
    [InlineData("no-such-theme", null, null, null, null)]
    [InlineData(null, "twenty", null, null, null)]
    [InlineData(null, "99999999999", null, null, null)]
    [InlineData(null, null, "tea-party", null, null)]
    [InlineData(null, null, null, "NOT A SLUG!", null)]
    [InlineData(null, null, null, null, "atlantis")]
    public async Task Unknown_facet_values_are_left_out_with_a_note(string? theme, string? year, string? kind, string? group, string? member)
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest("trafficking", theme, year, kind, group, member));
        var plain = await fixture.Search.SearchAsync(new SearchRequest("trafficking"));
        Assert.NotEmpty(results.Notes);
        Assert.Equal(plain.Total, results.Total);
        Assert.Empty(results.Filters);
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("99999999999999999999")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task Odd_page_numbers_get_an_answer(string page)
    {
        var results = await fixture.Search.SearchAsync(new SearchRequest("trafficking", Page: page));
        Assert.True(results.Page >= 1);
        if (results.Page > results.PageCount)
        {
            Assert.True(results.PastTheEnd);
            Assert.Empty(results.Hits);
        }
        else
        {
            Assert.NotEmpty(results.Hits);
        }
    }

    [Fact]
    public async Task Thousands_of_random_strings_get_an_answer()
    {
        // Random strings from an alphabet weighted towards what breaks parsers: quotes, operators, control
        // characters, surrogates (paired and not), private-use and combining characters, and real words.
        var random = new Random(20261123);
        string[] words = ["trafficking", "money", "or", "and", "the", "\"", "-", "scam", "bali", "&", "|", "!", "(", ")", ":*", "<->", "\\", "'", "%", "😀"];
        var cache = new SearchCache { Enabled = false };
        var search = new SearchService(fixture.DbFactory, cache);
        const int count = 2000;
        var requests = new List<(string Text, SearchRequest Request)>(count);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            var length = random.Next(0, i % 100 == 0 ? 400 : 30);
            for (var j = 0; j < length; j++)
            {
                sb.Append(random.Next(6) switch
                {
                    0 => words[random.Next(words.Length)] + " ",
                    1 => (char)random.Next(0, 32),
                    2 => (char)random.Next(0xD800, 0xE002),
                    3 => (char)random.Next(0x300, 0x370),
                    _ => (char)random.Next(32, 127),
                });
            }

            var text = sb.ToString();
            requests.Add((text, (i % 5) switch
            {
                0 => new SearchRequest(text, Theme: text, Year: text, Kind: text, Group: text, Member: text, Page: text),
                1 => new SearchRequest(text, Page: random.Next(-5, 50).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => new SearchRequest(text),
            }));
        }

        // Four at a time, as several visitors would; every failure is collected with its input.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, ct) =>
        {
            try
            {
                _ = await search.SearchAsync(item.Request, ct);
            }
            catch (Exception e)
            {
                failures.Add($"{Escape(item.Text)}: {e.GetType().Name}: {e.Message}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(5)));
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < 32 || c > 126 ? $"\\u{(int)c:x4}" : c.ToString()));
}
