using System.Net;
using System.Text.RegularExpressions;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Search;

/// <summary>The statements, themes and search pages through the real app, as a browser without JavaScript sees them.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class SearchPagesHttpTests(PortalFactory portal)
{
    private const string EighthConference = "eighth-ministerial-conference-2023-co-chairs-statement";

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await portal.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_result_whose_label_the_portal_added_is_not_called_a_numbered_paragraph()
    {
        // The Adelaide Strategy's preamble is not numbered in the document; the portal labels it preamble-1…
        var (status, html) = await GetAsync("/search?q=%22Adelaide+Strategy+for+Cooperation+includes+activities%22");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("item [preamble-2]", html, StringComparison.Ordinal);
        // Said once on the page, not on every result.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "Labels in \\[brackets\\] are the portal(&#x27;|')s"));
        Assert.DoesNotContain("(label added by the portal)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("paragraph preamble-2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permalink_resolves_to_the_paragraph()
    {
        var (status, html) = await GetAsync($"/statements/{EighthConference}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"p-15a\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#p-15a\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Co-Chairs Statement, Eighth Ministerial Conference", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\"", html, StringComparison.Ordinal);
        // Only JSON-LD data blocks (schema.org CreativeWork), which browsers never run; nothing executable.
        Assert.DoesNotMatch("<script(?![^>]*type=\"application/ld\\+json\")", html);
        Assert.Contains("<script type=\"application/ld+json\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_paragraph_has_theme_chips_member_links_and_a_citation()
    {
        var (_, html) = await GetAsync($"/statements/{EighthConference}");

        var paragraph = ParagraphBlock(html, "p-15a");
        Assert.Matches("href=\"/themes/[a-z-]+\"", paragraph);
        Assert.Contains("<details class=\"cite\">", paragraph, StringComparison.Ordinal);
        // The address is set as code (decision 0042: a slug's words are no interface words on the Indonesian page).
        Assert.Contains("10 February 2023, paragraph 15a. Bali Process Knowledge Portal, <code class=\"url\">http", paragraph, StringComparison.Ordinal);
        Assert.Contains($"/statements/{EighthConference}#p-15a", paragraph, StringComparison.Ordinal);

        // Paragraph 1 names Indonesia and Australia, both members.
        Assert.Contains("href=\"/members/indonesia\"", ParagraphBlock(html, "p-1"), StringComparison.Ordinal);
        Assert.Contains("Source:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_shows_the_disagreements_recorded_about_it_or_its_meeting()
    {
        var (_, html) = await GetAsync("/statements/tip-working-group-third-meeting-2017-co-chairs-statement");
        Assert.Contains("class=\"disagreement\"", html, StringComparison.Ordinal);
        Assert.Contains("25 May 2017", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_from_a_search_are_marked_on_the_statement_page()
    {
        var (_, html) = await GetAsync($"/statements/{EighthConference}?hl=online%20scams");
        Assert.Contains("<mark>", ParagraphBlock(html, "p-6"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/statements/no-such-statement")]
    [InlineData("/themes/no-such-theme")]
    public async Task Unknown_slugs_answer_404_with_the_helpful_page(string url)
    {
        var (status, html) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statements_list_links_every_statement()
    {
        var (status, html) = await GetAsync("/statements");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(28, StatementLinks().Matches(html).Select(m => m.Value).Distinct().Count());
        Assert.Contains("<title>Statements — Bali Process Knowledge Portal</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_themes_page_lists_the_taxonomy_with_counts()
    {
        var (status, html) = await GetAsync("/themes");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/themes/follow-the-money\"", html, StringComparison.Ordinal);
        Assert.Contains("1. Law enforcement", html, StringComparison.Ordinal);
        Assert.Matches(@"\d+ paragraphs", html);
    }

    [Fact]
    public async Task A_theme_page_has_a_chart_without_script_its_paragraphs_and_work_plan_items()
    {
        var (status, html) = await GetAsync("/themes/follow-the-money");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Follow the money</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"year-bars\"", html, StringComparison.Ordinal);
        Assert.Matches(@"<span class=""count"">\d+ paragraphs?</span>", html);
        Assert.Contains("Work-plan items on this theme", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?theme=follow-the-money\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_shows_ranked_highlighted_results_and_facets_as_links()
    {
        var (status, html) = await GetAsync("/search?q=follow+the+money");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=follow%20the%20money&amp;theme=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=follow%20the%20money&amp;year=", html, StringComparison.Ordinal);
        Assert.Contains("#p-10d\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Search: follow the money", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=%00")]
    [InlineData("/search?q=traff%00icking%01")]
    [InlineData("/search?q=%22follow+the+money")]
    [InlineData("/search?q=%27%3B+DROP+TABLE+paragraphs%3B+--")]
    [InlineData("/search?q=the+of+and")]
    [InlineData("/search?q=%F0%9F%98%80")]
    [InlineData("/search?q=%ED%A0%80")]
    [InlineData("/search?q=trafficing")]
    [InlineData("/search?q=trafficking&theme=nope&year=abc&kind=x&group=y&member=z&page=-1")]
    [InlineData("/search?q=trafficking&page=999999")]
    [InlineData("/search?q=a&q=b&theme=follow-the-money&theme=labour-exploitation")]
    [InlineData("/search?year=2023")]
    [InlineData("/search?theme=no-such-theme")]
    public async Task Any_query_string_gets_an_answer_page(string url)
    {
        var (status, html) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Search statements</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_query_is_cut_and_the_page_says_so()
    {
        var (status, html) = await GetAsync("/search?q=" + string.Concat(Enumerable.Repeat("trafficking+", 400)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("only the first 200 were used", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_found_suggests_the_nearest_words()
    {
        var (_, html) = await GetAsync("/search?q=trafficing");
        // The suggestion is a word of the documents: marked as English on a page in either language.
        Assert.Contains("Did you mean <a href=\"/search?q=trafficking\" lang=\"en\">trafficking</a>", html, StringComparison.Ordinal);
    }

    private static string ParagraphBlock(string html, string anchor)
    {
        var start = html.IndexOf($"id=\"{anchor}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element with id {anchor}");
        var end = html.IndexOf("class=\"paragraph\"", start + 10, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [GeneratedRegex("href=\"/statements/[a-z0-9-]+\"")]
    private static partial Regex StatementLinks();
}
