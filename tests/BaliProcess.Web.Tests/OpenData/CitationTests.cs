using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BaliProcess.Web.Tests.Infrastructure;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>What reference managers and search engines read: citation_* tags, RIS, BibTeX, CSL-JSON and JSON-LD.</summary>
[Collection(OpenDataCollection.Name)]
public sealed partial class CitationTests(PortalFactory portal)
{
    private const string Eighth = "eighth-ministerial-conference-2023-co-chairs-statement";
    private readonly HttpClient client = portal.CreateClient();

    [Fact]
    public async Task A_statement_page_carries_the_citation_meta_tags()
    {
        var page = await Html.GetOkAsync(client, $"/statements/{Eighth}");
        string Meta(string name) => page.QuerySelector($"meta[name='{name}']")?.GetAttribute("content") ?? "";
        Assert.StartsWith("Co-Chairs Statement, Eighth Ministerial Conference", Meta("citation_title"), StringComparison.Ordinal);
        Assert.Equal("2023/02/10", Meta("citation_publication_date"));
        Assert.Contains("Foreign Affairs", Meta("citation_publisher"), StringComparison.Ordinal);
        Assert.Equal("Eighth Bali Process Ministerial Conference", Meta("citation_conference_title"));
        Assert.EndsWith($"/statements/{Eighth}", Meta("citation_public_url"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statement_and_each_paragraph_offer_ris_bibtex_and_csl_json()
    {
        var page = await Html.GetOkAsync(client, $"/statements/{Eighth}");
        var hrefs = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var ext in new[] { "ris", "bib", "json" })
        {
            Assert.Contains($"/statements/{Eighth}/cite.{ext}", hrefs);
            Assert.Contains($"/statements/{Eighth}/cite.{ext}?paragraph=15a", hrefs);
        }

        var paragraphs = page.QuerySelectorAll("div.paragraph").Length;
        Assert.Equal(paragraphs, hrefs.Count(h => h?.StartsWith($"/statements/{Eighth}/cite.ris?paragraph=", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Ris_parses_and_carries_the_paragraphs_permanent_url_and_date_at_its_precision()
    {
        var text = Encoding.UTF8.GetString(await GetBytesAsync(client, $"/statements/{Eighth}/cite.ris?paragraph=15a"));
        var tags = ParseRis(text);
        Assert.Equal("GOVDOC", tags["TY"].Single());
        Assert.StartsWith("Co-Chairs Statement", tags["TI"].Single(), StringComparison.Ordinal);
        Assert.Equal("paragraph 15a", tags["SE"].Single());
        Assert.Equal("2023/02/10/", tags["DA"].Single());
        Assert.Matches($"^http://[^/]+/statements/{Eighth}#p-15a$", tags["UR"].Single());
    }

    [Fact]
    public async Task A_label_the_portal_added_is_never_cited_as_the_documents_own()
    {
        // The Adelaide Strategy's preamble paragraphs carry no number in 004: the portal labels them.
        const string Strategy = "adelaide-strategy-for-cooperation-2023";
        var ris = ParseRis(Encoding.UTF8.GetString(await GetBytesAsync(client, $"/statements/{Strategy}/cite.ris?paragraph=preamble-1")));
        var section = ris["SE"].Single();
        // Cited by the document's own place alone: no sentence about the portal's label in the citation.
        Assert.Equal("Preamble, paragraph 1", section);

        var bibtex = Encoding.UTF8.GetString(await GetBytesAsync(client, $"/statements/{Strategy}/cite.bib?paragraph=preamble-1"));
        Assert.Contains("chapter = {Preamble, paragraph 1}", bibtex, StringComparison.Ordinal);
        Assert.DoesNotContain("added by the portal", bibtex, StringComparison.Ordinal);
        Assert.DoesNotContain("paragraph preamble-1", bibtex, StringComparison.Ordinal);

        var api = await GetJsonAsync(client, $"/api/v1/statements/{Strategy}");
        var paragraph = api.GetProperty("paragraphs").EnumerateArray().First(p => p.Str("label") == "preamble-1");
        Assert.True(paragraph.GetProperty("labelAddedByPortal").GetBoolean());
        Assert.Equal("Preamble, paragraph 1", paragraph.Str("location"));
    }

    [Fact]
    public async Task A_month_precise_statement_keeps_its_month_and_invents_no_day()
    {
        var statements = await GetAllItemsAsync(client, "/api/v1/statements?pageSize=100");
        var monthly = statements.FirstOrDefault(s => s.Str("date").Length == 7);
        Assert.True(monthly.ValueKind != JsonValueKind.Undefined, "no statement dated to the month");
        var slug = monthly.Str("slug");
        var date = monthly.Str("date");

        var ris = ParseRis(Encoding.UTF8.GetString(await GetBytesAsync(client, $"/statements/{slug}/cite.ris")));
        Assert.Equal(date.Replace('-', '/') + "//", ris["DA"].Single());
        var csl = JsonDocument.Parse(await GetBytesAsync(client, $"/statements/{slug}/cite.json")).RootElement[0];
        var parts = csl.GetProperty("issued").GetProperty("date-parts")[0];
        Assert.Equal(2, parts.GetArrayLength());
        var bib = ParseBibTex(Encoding.UTF8.GetString(await GetBytesAsync(client, $"/statements/{slug}/cite.bib")));
        Assert.Equal(date, bib.Fields["date"]);
    }

    [Fact]
    public async Task BibTeX_parses_with_balanced_braces_and_escaped_specials()
    {
        var entry = ParseBibTex(Encoding.UTF8.GetString(await GetBytesAsync(client, $"/statements/{Eighth}/cite.bib?paragraph=15a")));
        Assert.Equal("misc", entry.Type);
        Assert.Equal($"baliprocess-{Eighth}-p-15a", entry.Key);
        Assert.StartsWith("{Co-Chairs Statement", entry.Fields["title"], StringComparison.Ordinal);
        Assert.Equal("2023", entry.Fields["year"]);
        Assert.Equal("feb", entry.Fields["month"]);
        Assert.EndsWith($"/statements/{Eighth}#p-15a", entry.Fields["url"], StringComparison.Ordinal);
        // The source by its title and issuer, not its file name (issue 19).
        Assert.Contains("20 years of the Bali Process", entry.Fields["note"], StringComparison.Ordinal);
        Assert.Contains("Department of Foreign Affairs and Trade", entry.Fields["note"], StringComparison.Ordinal);
        Assert.DoesNotContain(".txt", entry.Fields["note"], StringComparison.Ordinal);
        // The issuer is one organisation: braced, so biblatex does not split it at " and " (issue 19).
        Assert.Matches(@"^\{[^{}]* and [^{}]*\}$", entry.Fields["organization"]);
    }

    [Fact]
    public async Task Ris_declares_its_charset()
    {
        using var response = await client.GetAsync(new Uri($"/statements/{Eighth}/cite.ris?paragraph=15a", UriKind.Relative));
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
    }

    [Fact]
    public async Task Csl_json_parses_with_the_fields_citation_processors_need()
    {
        var items = JsonDocument.Parse(await GetBytesAsync(client, $"/statements/{Eighth}/cite.json?paragraph=15a")).RootElement;
        var item = Assert.Single(items.EnumerateArray());
        Assert.Equal("document", item.Str("type"));
        Assert.Equal($"baliprocess-{Eighth}-p-15a", item.Str("id"));
        Assert.Equal("paragraph 15a", item.Str("section"));
        Assert.EndsWith("#p-15a", item.Str("URL"), StringComparison.Ordinal);
        Assert.Equal([2023, 2, 10], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
    }

    [Theory]
    [InlineData($"/statements/{Eighth}/cite.ris?paragraph=99z")]
    [InlineData("/statements/no-such-statement/cite.bib")]
    [InlineData("/statements/%3Cscript%3E/cite.json")]
    public async Task Citing_what_does_not_exist_is_a_404(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/meetings/eighth-ministerial-conference-2023", "Event")]
    [InlineData("/members/turkiye", "GovernmentOrganization")]
    [InlineData("/members/iom", "Organization")]
    [InlineData($"/statements/{Eighth}", "CreativeWork")]
    public async Task Json_ld_parses_and_names_the_right_type(string url, string type)
    {
        var page = await Html.GetOkAsync(client, url);
        var block = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        var data = JsonDocument.Parse(block.TextContent).RootElement;
        Assert.Equal("https://schema.org", data.Str("@context"));
        Assert.Equal(type, data.Str("@type"));
        Assert.EndsWith(url, data.Str("url"), StringComparison.Ordinal);
        Assert.Equal(page.QuerySelector("h1")!.TextContent.Trim(), data.Str("name"));
    }

    [Theory]
    [InlineData("/", "WebSite")]
    [InlineData("/members", "CollectionPage")]
    [InlineData("/working-groups/working-group-trafficking-in-persons", "Organization")]
    [InlineData("/work-plans/tip-working-group-forward-work-plan-2015-17", "CreativeWork")]
    [InlineData("/work-plans/tip-working-group-forward-work-plan-2015-17/items/1", "CreativeWork")]
    [InlineData("/themes/online-scams", "DefinedTerm")]
    [InlineData("/documents/bali-declaration-2016", "CreativeWork")]
    [InlineData("/search?q=scam", "SearchResultsPage")]
    [InlineData("/changes", "CollectionPage")]
    public async Task Every_other_page_type_has_json_ld_too(string url, string type)
    {
        var page = await Html.GetOkAsync(client, url);
        var data = JsonDocument.Parse(Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']")).TextContent).RootElement;
        Assert.Equal("https://schema.org", data.Str("@context"));
        Assert.Equal(type, data.Str("@type"));
        Assert.StartsWith("http", data.Str("url"), StringComparison.Ordinal);
        Assert.EndsWith(url.Split('?')[0], data.Str("url"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(data.Str("name")));
    }

    [Fact]
    public async Task A_member_governments_json_ld_puts_memberOf_on_an_organisation_never_on_a_country()
    {
        var data = JsonDocument.Parse(Assert.Single((await Html.GetOkAsync(client, "/members/australia")).QuerySelectorAll("script[type='application/ld+json']")).TextContent).RootElement;
        Assert.Equal("GovernmentOrganization", data.Str("@type"));
        Assert.Equal("Member", data.GetProperty("memberOf").Str("roleName"));
        Assert.Equal("Country", data.GetProperty("areaServed").Str("@type"));
        Assert.False(data.GetProperty("areaServed").TryGetProperty("memberOf", out _));
    }

    [Fact]
    public async Task An_events_json_ld_has_its_place_and_dates_at_their_precision()
    {
        var meetings = await GetAllItemsAsync(client, "/api/v1/meetings?pageSize=100");
        var monthly = meetings.First(m => m.Str("start").Length == 7);
        var data = JsonDocument.Parse(Assert.Single((await Html.GetOkAsync(client, monthly.Str("url"))).QuerySelectorAll("script[type='application/ld+json']")).TextContent).RootElement;
        Assert.Equal(monthly.Str("start"), data.Str("startDate"));

        var adelaide = JsonDocument.Parse(Assert.Single((await Html.GetOkAsync(client, "/meetings/eighth-ministerial-conference-2023")).QuerySelectorAll("script[type='application/ld+json']")).TextContent).RootElement;
        Assert.Equal("2023-02-10", adelaide.Str("startDate"));
        Assert.Equal("Adelaide, Australia", adelaide.GetProperty("location").Str("name"));
    }

    private static Dictionary<string, List<string>> ParseRis(string text)
    {
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("TY  - GOVDOC", lines[0]);
        Assert.Equal("ER  - ", lines[^1]);
        var tags = new Dictionary<string, List<string>>();
        foreach (var line in lines)
        {
            var match = RisLine().Match(line);
            Assert.True(match.Success, $"not a RIS line: “{line}”");
            tags.TryAdd(match.Groups[1].Value, []);
            tags[match.Groups[1].Value].Add(match.Groups[2].Value);
        }

        return tags;
    }

    private sealed record BibEntry(string Type, string Key, Dictionary<string, string> Fields);

    /// <summary>A strict reader of one BibTeX entry: braces must balance, every field must be name = {value} or a bare word.</summary>
    private static BibEntry ParseBibTex(string text)
    {
        var head = BibHead().Match(text);
        Assert.True(head.Success, "no @type{key, head");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = head.Length;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ','))
            {
                i++;
            }

            Assert.True(i < text.Length, "the entry is not closed");
            if (text[i] == '}')
            {
                Assert.True(string.IsNullOrWhiteSpace(text[(i + 1)..]), "text after the entry");
                return new BibEntry(head.Groups[1].Value, head.Groups[2].Value, fields);
            }

            var name = BibFieldName().Match(text, i);
            Assert.True(name.Success && name.Index == i, $"no field name at {i}: {text[i..Math.Min(text.Length, i + 20)]}");
            i += name.Length;
            string value;
            if (text[i] == '{')
            {
                var depth = 0;
                var start = i + 1;
                for (; i < text.Length; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                        continue;
                    }

                    depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
                    if (depth == 0)
                    {
                        break;
                    }
                }

                Assert.True(i < text.Length, "unbalanced braces");
                value = text[start..i];
                i++;
            }
            else
            {
                var word = BibWord().Match(text, i);
                Assert.True(word.Success && word.Index == i, "a value is neither braced nor a macro");
                value = word.Value;
                i += word.Length;
            }

            fields.Add(name.Groups[1].Value, value);
        }
    }

    [GeneratedRegex("^([A-Z][A-Z0-9])  - (.*)$")]
    private static partial Regex RisLine();

    [GeneratedRegex(@"^@([a-z]+)\{([^,\s{}]+),")]
    private static partial Regex BibHead();

    [GeneratedRegex(@"([a-z]+)\s*=\s*")]
    private static partial Regex BibFieldName();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex BibWord();
}
