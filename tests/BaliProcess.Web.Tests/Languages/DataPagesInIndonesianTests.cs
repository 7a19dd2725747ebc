using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// Search, themes, recent changes and histories, the feeds and the API's messages in Bahasa Indonesia (decision 0042):
/// the interface in the reader's language, the documents' words as written (lang="en"), the same results either way.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DataPagesInIndonesianTests(PortalFactory portal)
{
    [Theory]
    [InlineData("/id/search")]
    [InlineData("/id/search?q=money")]
    [InlineData("/id/search?q=xqzvbnoword")]
    [InlineData("/id/search?q=money&page=999")]
    [InlineData("/id/themes")]
    [InlineData("/id/themes/follow-the-money")]
    [InlineData("/id/themes/areas-of-cooperation")]
    [InlineData("/id/changes")]
    [InlineData("/id/changes?kind=nonsense&from=tomorrow")]
    [InlineData("/id/themes/follow-the-money/history")]
    public async Task A_page_is_Indonesian_with_the_documents_words_as_written(string url)
    {
        var page = await Html.GetOkAsync(portal.CreateClient(), url);
        IndonesianPage.AssertIndonesian(page, url);
    }

    [Fact]
    public async Task Search_results_and_facets_speak_Indonesian_and_keep_the_paragraphs_English()
    {
        var page = await Html.GetOkAsync(portal.CreateClient(), "/id/search?q=trafficking");
        Assert.Equal("Cari pernyataan", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("paragraf", page.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Persempit hasil", page.QuerySelector("#facets-heading")!.TextContent.Trim());
        var snippet = page.QuerySelector(".search-hit .snippet")!;
        Assert.Equal("en", snippet.GetAttribute("lang"));
        Assert.Contains("trafficking", snippet.TextContent, StringComparison.OrdinalIgnoreCase);
        // Theme chips carry the Indonesian names; facet links keep the same parameter names and values.
        Assert.Contains(page.QuerySelectorAll(".search-facets a"), a => a.GetAttribute("href")!.StartsWith("/id/search?q=trafficking&theme=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_theme_filter_finds_the_same_paragraphs_from_either_language()
    {
        var client = portal.CreateClient();
        foreach (var query in new[] { "?theme=online-scams", "?q=trafficking&theme=follow-the-money" })
        {
            var english = Hits(await Html.GetOkAsync(client, "/search" + query));
            var indonesian = Hits(await Html.GetOkAsync(client, "/id/search" + query));
            Assert.NotEmpty(english);
            Assert.Equal(english, indonesian.Select(h => h["/id".Length..]).ToList());
        }
    }

    [Fact]
    public async Task An_Indonesian_theme_name_finds_that_themes_paragraphs()
    {
        var client = portal.CreateClient();
        var byFilter = Hits(await Html.GetOkAsync(client, "/id/search?theme=online-scams"));
        foreach (var words in new[] { "penipuan daring", "\"Penipuan Daring\"", "penipuan darng" })
        {
            var page = await Html.GetOkAsync(client, "/id/search?q=" + Uri.EscapeDataString(words));
            Assert.Equal(byFilter, Hits(page));
            Assert.Contains("Penipuan daring", page.QuerySelector(".theme-hit")!.TextContent, StringComparison.Ordinal);
            IndonesianPage.AssertIndonesian(page, words);
        }

        // On the English page too, and the theme's English name is offered beside what its words find.
        Assert.Equal(Hits(await Html.GetOkAsync(client, "/search?theme=follow-the-money")), Hits(await Html.GetOkAsync(client, "/search?q=menelusuri+aliran+dana")));
        var english = await Html.GetOkAsync(client, "/search?q=online+scams");
        Assert.NotEmpty(Hits(english));
        Assert.Equal("/search?theme=online-scams", english.QuerySelector(".theme-hit a[href*='theme=']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_same_search_in_English_then_Indonesian_shows_each_languages_dates_and_kinds()
    {
        // Programmes found by search carry a kind and a date: kept in the record cache, which keeps the languages apart.
        var client = portal.CreateClient();
        const string url = "/search?q=%22Executive+Order%22";
        var english = await Html.GetOkAsync(client, url);
        var indonesian = await Html.GetOkAsync(client, "/id" + url);
        var again = await Html.GetOkAsync(client, url);
        // The kind and the date are the portal's words; the snippet is the document's (it says "In March 2021").
        string Record(IDocument d) => d.QuerySelector(".record-hits li .hit-kind")!.TextContent + " " + d.QuerySelector(".record-hits li > .muted")!.TextContent;
        Assert.Contains("National law", Record(english), StringComparison.Ordinal);
        Assert.Contains("March 2021", Record(english), StringComparison.Ordinal);
        Assert.Contains("Undang-undang nasional", Record(indonesian), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Maret 2021", Record(indonesian), StringComparison.Ordinal);
        Assert.DoesNotContain("March", Record(indonesian), StringComparison.Ordinal);
        Assert.Equal(Record(english), Record(again));
    }

    [Fact]
    public async Task Themes_show_their_Indonesian_names_and_descriptions()
    {
        var client = portal.CreateClient();
        var list = await Html.GetOkAsync(client, "/id/themes");
        Assert.Contains(list.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Menelusuri aliran dana" && a.GetAttribute("href") == "/id/themes/follow-the-money");
        var theme = await Html.GetOkAsync(client, "/id/themes/follow-the-money");
        Assert.Equal("Menelusuri aliran dana", theme.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("pencucian uang", theme.QuerySelector("p.lead")!.TextContent, StringComparison.Ordinal);
        Assert.All(theme.QuerySelectorAll("article.theme-paragraph > p"), p => Assert.Equal("en", p.GetAttribute("lang")));
        Assert.Equal("/id/search?theme=follow-the-money", theme.QuerySelector(".theme-actions a")!.GetAttribute("href"));
        // The JSON-LD says which language the page is in.
        Assert.Contains("\"inLanguage\":\"id\"", theme.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);

        var english = await Html.GetOkAsync(client, "/themes/follow-the-money");
        Assert.Equal("Follow the money", english.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("\"inLanguage\":\"en\"", english.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_and_histories_name_kinds_in_Indonesian_and_keep_reasons_as_written()
    {
        var client = portal.CreateClient();
        var changes = await Html.GetOkAsync(client, "/id/changes");
        Assert.Equal("Perubahan terbaru", changes.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(changes.QuerySelectorAll("select[name=kind] option"), o => o.GetAttribute("value") == "statement" && o.TextContent == "Pernyataan");
        Assert.Equal("/id/changes", changes.QuerySelector("form.filters")!.GetAttribute("action"));
        Assert.All(changes.QuerySelectorAll("q.change-note"), q => Assert.Equal("en", q.GetAttribute("lang")));

        var history = await Html.GetOkAsync(client, "/id/themes/follow-the-money/history");
        Assert.StartsWith("Riwayat", history.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/id/themes/follow-the-money/history", new Uri(history.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!).AbsolutePath);
        Assert.Single(history.QuerySelectorAll("link[rel=canonical]"));
    }

    [Fact]
    public async Task The_changes_feed_is_in_the_language_of_its_address()
    {
        var client = portal.CreateClient();
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var indonesian = XDocument.Parse(await client.GetStringAsync(new Uri("/id/changes.atom", UriKind.Relative)));
        Assert.StartsWith("Perubahan pada catatan", indonesian.Root!.Element(atom + "title")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("Perubahan yang diterbitkan", indonesian.Root.Element(atom + "subtitle")!.Value, StringComparison.Ordinal);
        Assert.EndsWith("/id/changes", indonesian.Root.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.All(indonesian.Root.Elements(atom + "entry").SelectMany(e => e.Elements(atom + "link")),
            l => Assert.Contains("/id/", l.Attribute("href")!.Value, StringComparison.Ordinal));

        var english = XDocument.Parse(await client.GetStringAsync(new Uri("/changes.atom", UriKind.Relative)));
        Assert.StartsWith("Changes to the record", english.Root!.Element(atom + "title")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/meetings/no-such-meeting", HttpStatusCode.NotFound, "Tidak ditemukan", "Tidak ada pertemuan dengan slug “no-such-meeting”.")]
    [InlineData("/api/v1/meetings?pageSize=lots", HttpStatusCode.BadRequest, "Parameter tidak valid", "pageSize: harus berupa bilangan bulat")]
    [InlineData("/api/v1/nothing-here", HttpStatusCode.NotFound, "Tidak ditemukan", "Referensi API")]
    public async Task The_APIs_messages_follow_Accept_Language(string url, HttpStatusCode status, string title, string detail)
    {
        var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("id-ID,id;q=0.9,en;q=0.5");
        var response = await client.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains("id", response.Content.Headers.ContentLanguage);

        var english = await client.GetAsync(new Uri(url, UriKind.Relative));
        var englishProblem = System.Text.Json.JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement;
        Assert.DoesNotContain("Tidak", englishProblem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("Accept-Language", english.Headers.Vary);
    }

    [Fact]
    public async Task The_APIs_data_stays_English_whatever_the_language_asked()
    {
        var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/search?q=%22Executive+Order%22", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("id");
        var indonesian = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        var english = await client.GetStringAsync(new Uri("/api/v1/search?q=%22Executive+Order%22", UriKind.Relative));
        Assert.Equal(english, indonesian);
        Assert.Contains("National law", english, StringComparison.Ordinal);
    }

    /// <summary>The paragraphs a results page links, in order.</summary>
    private static List<string> Hits(IDocument page) => [.. page.QuerySelectorAll(".search-hit h3 a").Select(a => a.GetAttribute("href")!)];
}
