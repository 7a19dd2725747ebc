using System.Text.Json;
using AngleSharp.Dom;
using BaliProcess.Data.Model;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>
/// For each list: the page's rows, the API's records, the CSV's rows and the JSON download are the same,
/// in the same order. The downloads are reached through the page's own "Download CSV" and "JSON" links, so
/// this also proves the links carry the page's filters.
/// </summary>
[Collection(OpenDataCollection.Name)]
public sealed class ListAgreementTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static TheoryData<string, string> ParticipantLists => new()
    {
        { "/members", "/api/v1/members" },
        { "/members?kind=government&region=South-eastern+Asia&sort=region", "/api/v1/members?kind=Government&region=South-eastern+Asia&sort=region" },
        { "/members?name=korea", "/api/v1/members?name=korea" },
        { "/observers", "/api/v1/observers" },
        { "/observers?sort=kind", "/api/v1/observers?sort=kind" },
        { "/participants", "/api/v1/other-bodies" },
    };

    [Theory]
    [MemberData(nameof(ParticipantLists))]
    public async Task Participant_lists_agree_between_page_api_csv_and_json(string pageUrl, string apiUrl)
    {
        var page = await Html.GetOkAsync(client, pageUrl);
        var pageRows = page.QuerySelectorAll("table.data tbody tr td:first-child a")
            .Select(a => (Slug: a.GetAttribute("href")!.Split('/')[^1], Name: a.TextContent.Trim())).ToList();
        Assert.NotEmpty(pageRows);

        var api = (await GetAllItemsAsync(client, apiUrl + (apiUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=10"))
            .Select(i => (Slug: i.Str("slug"), Name: i.Str("name"))).ToList();
        var (csvRows, json) = await DownloadsFromPageAsync(page);

        Assert.Equal(pageRows, api);
        Assert.Equal(pageRows, csvRows.Select(r => (r["slug"], r["name"])).ToList());
        Assert.Equal(pageRows, json.Select(i => (i.Str("slug"), i.Str("name"))).ToList());
    }

    [Fact]
    public async Task Members_are_49_in_every_form_and_Turkiye_survives_the_csv_with_its_byte_order_mark()
    {
        var page = await Html.GetOkAsync(client, "/members");
        Assert.Equal(49, page.QuerySelectorAll("table.data tbody tr").Length);
        Assert.Equal(49, (await GetJsonAsync(client, "/api/v1/members")).GetProperty("total").GetInt32());

        var csvHref = page.QuerySelector("p.downloads a[href$='.csv'], p.downloads a[href*='.csv?']")!.GetAttribute("href")!;
        Assert.Equal("/download/members.csv", csvHref);
        var bytes = await GetBytesAsync(client, csvHref);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var (header, rows) = ParseCsv(bytes);
        Assert.Equal("slug", header[0]);
        Assert.Equal(49, rows.Count);
        Assert.Contains(rows, r => r["name"] == "Türkiye" && r["slug"] == "turkiye");
        Assert.Contains(rows, r => r["name"] == "Viet Nam" && r["aliases"].Split("; ").Contains("Vietnam"));
        // Sources by title and issuer, as the pages name them (the JSON keeps the file name as the key; issue 19).
        Assert.All(rows, r => Assert.Contains("20 years of the Bali Process 2002 – 2022, Australian Government Department of Foreign Affairs and Trade", r["sources"], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(".txt", r["sources"], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/meetings", "/api/v1/meetings")]
    [InlineData("/meetings?from=2015&to=2018", "/api/v1/meetings?from=2015&to=2018")]
    [InlineData("/meetings?kind=workshop", "/api/v1/meetings?kind=workshop")]
    [InlineData("/meetings?kind=ministerial-conference", "/api/v1/meetings?kind=MinisterialConference")]
    [InlineData("/meetings?group=working-group-trafficking-in-persons&place=bali", "/api/v1/meetings?group=working-group-trafficking-in-persons&place=bali")]
    public async Task Meetings_agree_across_every_page_the_api_and_the_downloads(string pageUrl, string apiUrl)
    {
        // The page shows 20 a time: follow its own "Next" links.
        var firstPage = await Html.GetOkAsync(client, pageUrl);
        var pageRows = new List<(string Slug, string Title)>();
        for (var document = firstPage; ;)
        {
            pageRows.AddRange(document.QuerySelectorAll("table.data tbody tr td:nth-child(2) > a")
                .Select(a => (a.GetAttribute("href")!.Split('/')[^1], a.TextContent.Trim())));
            var next = document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            if (next is null)
            {
                break;
            }

            document = await Html.GetOkAsync(client, next);
        }

        Assert.NotEmpty(pageRows);
        var api = (await GetAllItemsAsync(client, apiUrl)).Select(i => (i.Str("slug"), i.Str("title"))).ToList();
        var (csvRows, json) = await DownloadsFromPageAsync(firstPage);

        Assert.Equal(pageRows, api);
        Assert.Equal(pageRows, csvRows.Select(r => (r["slug"], r["title"])).ToList());
        Assert.Equal(pageRows, json.Select(i => (i.Str("slug"), i.Str("title"))).ToList());
        // Dates at their precision in the CSV too.
        Assert.All(csvRows, r => Assert.Matches("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", r["start"]));
    }

    [Fact]
    public async Task Working_groups_agree()
    {
        var page = await Html.GetOkAsync(client, "/working-groups");
        var pageRows = page.QuerySelectorAll("table.data tbody tr td:first-child a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).Order(StringComparer.Ordinal).ToList();
        var api = (await GetAllItemsAsync(client, "/api/v1/working-groups")).ToList();
        var (csvRows, json) = await DownloadsFromPageAsync(page);

        Assert.Equal(pageRows, api.Select(i => i.Str("slug")).Order(StringComparer.Ordinal));
        Assert.Equal(pageRows, csvRows.Select(r => r["slug"]).Order(StringComparer.Ordinal));
        Assert.Equal(pageRows, json.Select(i => i.Str("slug")).Order(StringComparer.Ordinal));
        // The page's first table ("Working groups") holds exactly the records the API marks isWorkingGroup.
        var workingGroupsTable = page.QuerySelectorAll("table.data")[0].QuerySelectorAll("tbody tr td:first-child a").Select(a => a.GetAttribute("href")!.Split('/')[^1]);
        Assert.Equal(workingGroupsTable.Order(StringComparer.Ordinal), api.Where(i => i.GetProperty("isWorkingGroup").GetBoolean()).Select(i => i.Str("slug")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?status=complete")]
    [InlineData("?status=ongoing")]
    [InlineData("?status=for-action")]
    public async Task A_work_plans_items_agree_with_the_status_filter(string query)
    {
        const string Plan = "tip-working-group-forward-work-plan-2015-17";
        var page = await Html.GetOkAsync(client, $"/work-plans/{Plan}{query}");
        var pageRows = page.QuerySelectorAll("section.action-item").Select(s => (s.Id!["item-".Length..], s.QuerySelector("p")!.TextContent.Trim())).ToList();
        var api = (await GetJsonAsync(client, $"/api/v1/work-plans/{Plan}{query}")).GetProperty("items").EnumerateArray()
            .Select(i => (i.Str("number"), i.Str("text"))).ToList();
        var (csvRows, json) = await DownloadsFromPageAsync(page);

        Assert.Equal(pageRows, api);
        Assert.Equal(pageRows, csvRows.Select(r => (r["number"], r["text"])).ToList());
        Assert.Equal(pageRows, json.Select(i => (i.Str("number"), i.Str("text"))).ToList());
        if (query.Length > 0)
        {
            // The filter in the address and the status in the CSV are the page's words ("for-action", "For action").
            var status = BaliProcess.Web.Components.Shared.UrlWords.Parse<ActionItemStatus>(query["?status=".Length..])!.Value;
            Assert.NotEmpty(csvRows);
            Assert.All(csvRows, r => Assert.Equal(BaliProcess.Web.Components.Shared.Labels.Of(status), r["status"]));
        }
    }

    [Theory]
    [InlineData("follow-the-money")]
    [InlineData("labour-exploitation")]
    public async Task A_themes_paragraphs_agree(string theme)
    {
        var page = await Html.GetOkAsync(client, $"/themes/{theme}");
        var pageRows = page.QuerySelectorAll("article.theme-paragraph h3 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(pageRows);
        var api = (await GetAllItemsAsync(client, $"/api/v1/themes/{theme}/paragraphs")).Select(i => i.Str("url")).ToList();
        var (csvRows, json) = await DownloadsFromPageAsync(page);

        Assert.Equal(pageRows, api);
        Assert.Equal(pageRows, csvRows.Select(r => r["url"]).ToList());
        Assert.Equal(pageRows, json.Select(i => i.Str("url")).ToList());
    }

    [Theory]
    [InlineData("/search?q=trafficking")]
    [InlineData("/search?q=smuggling&year=2023")]
    [InlineData("/search?theme=labour-exploitation")]
    [InlineData("/search?q=%22follow+the+money%22")]
    public async Task Search_results_and_facet_counts_agree(string pageUrl)
    {
        var firstPage = await Html.GetOkAsync(client, pageUrl);
        var pageHits = new List<string>();
        for (var document = firstPage; ;)
        {
            // The page links each hit with ?hl= for highlighting; the paragraph is the path and the anchor.
            pageHits.AddRange(document.QuerySelectorAll("article.search-hit h3 a").Select(a => PathAndAnchor(a.GetAttribute("href")!)));
            var next = document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            if (next is null)
            {
                break;
            }

            document = await Html.GetOkAsync(client, next);
        }

        Assert.NotEmpty(pageHits);
        var apiUrl = "/api/v1/search" + pageUrl["/search".Length..];
        var api = await GetJsonAsync(client, apiUrl);
        Assert.Equal(pageHits.Count, api.GetProperty("total").GetInt32());
        var apiHits = await GetAllItemsAsync(client, apiUrl);
        Assert.Equal(pageHits, apiHits.Select(h => h.Str("url")));

        // The downloads link with the portal's address (they are read far from it), give each paragraph whole and
        // carry none of the page's highlight marks.
        var (csvRows, json) = await DownloadsFromPageAsync(firstPage);
        Assert.Equal(pageHits, csvRows.Select(r => Absolute(r["url"])));
        Assert.Equal(pageHits, json.Select(i => Absolute(i.Str("url"))));
        Assert.All(json, i => Assert.StartsWith("http", i.GetProperty("statement").Str("url"), StringComparison.Ordinal));
        Assert.All(csvRows, r => Assert.DoesNotContain("[[", r["text"], StringComparison.Ordinal));
        var first = json[0];
        var statement = await GetJsonAsync(client, $"/api/v1/statements/{first.GetProperty("statement").Str("slug")}");
        var whole = statement.GetProperty("paragraphs").EnumerateArray().Single(p => p.Str("label") == first.Str("label")).Str("text");
        Assert.Equal(whole, first.Str("text"));
        Assert.Equal(whole, csvRows[0]["text"]);

        // Facets: the page's lists and the API's, value by value with their counts.
        var pageFacets = firstPage.QuerySelectorAll("aside.search-facets h3").ToDictionary(
            h => h.TextContent.Trim(),
            h => h.NextElementSibling!.QuerySelectorAll("li").Select(li => (Label: Label(li), Count: int.Parse(li.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture))).ToList());
        var apiFacets = api.GetProperty("facets");
        foreach (var (title, property) in new[] { ("Theme", "themes"), ("Year", "years"), ("Meeting kind", "kinds"), ("Working group", "groups"), ("Member mentioned", "members") })
        {
            var fromApi = apiFacets.GetProperty(property).EnumerateArray().Select(v => (v.Str("label"), v.GetProperty("count").GetInt32())).ToList();
            Assert.Equal(pageFacets.GetValueOrDefault(title) ?? [], fromApi);
        }
    }

    [Fact]
    public async Task Statements_have_a_list_download_that_agrees_with_the_page_and_the_api()
    {
        var page = await Html.GetOkAsync(client, "/statements");
        var pageRows = page.QuerySelectorAll("table.data tbody tr td:first-child > a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).Order(StringComparer.Ordinal).ToList();
        var api = (await GetAllItemsAsync(client, "/api/v1/statements")).Select(i => i.Str("slug")).Order(StringComparer.Ordinal).ToList();
        var (csvRows, json) = await DownloadsFromPageAsync(page);

        Assert.NotEmpty(pageRows);
        Assert.Equal(pageRows, api);
        Assert.Equal(pageRows, csvRows.Select(r => r["slug"]).Order(StringComparer.Ordinal));
        Assert.Equal(pageRows, json.Select(i => i.Str("slug")).Order(StringComparer.Ordinal));
        Assert.Contains(csvRows, r => r["kind"] == "Co-Chairs' statement");
    }

    /// <summary>A download's absolute link as the page writes it: path and anchor.</summary>
    private static string Absolute(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        return uri.PathAndQuery + uri.Fragment;
    }

    [Fact]
    public async Task A_cell_that_begins_like_a_formula_is_neutralised_in_the_csv_but_intact_in_the_api()
    {
        const string Slug = "formula-test-body";
        const string Formula = "=HYPERLINK(\"http://example.invalid\",\"Click\")";
        await using (var db = portal.Database.CreateContext())
        {
            db.Participants.Add(new Participant
            {
                Slug = Slug, Name = Formula, Kind = ParticipantKind.OtherBody, Region = "@region",
                Aliases = ["+61 spelling", "-minus", "\tTabbed"],
                Sources = [new SourceReference { Document = "004_14e3ad4cbde5a5fa.txt", Location = "test row" }],
            });
            await db.SaveChangesAsync();
        }

        // Written straight to the database, so evict the cached public pages and API answers as a write would.
        await portal.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();

        try
        {
            var row = ParseCsv(await GetBytesAsync(client, "/download/other-bodies.csv")).Rows.Single(r => r["slug"] == Slug);
            Assert.Equal("'" + Formula, row["name"]);
            Assert.Equal("'@region", row["region"]);
            Assert.Equal("'+61 spelling; -minus; \tTabbed", row["aliases"]);

            // The JSON, the API and the page keep the name exactly as stored.
            var api = (await GetAllItemsAsync(client, "/api/v1/other-bodies?pageSize=100")).Single(i => i.Str("slug") == Slug);
            Assert.Equal(Formula, api.Str("name"));
            var page = await Html.GetOkAsync(client, "/participants");
            Assert.Contains(page.QuerySelectorAll("table.data a"), a => a.TextContent.Trim() == Formula);
        }
        finally
        {
            await using var db = portal.Database.CreateContext();
            db.Participants.RemoveRange(db.Participants.Where(p => p.Slug == Slug));
            await db.SaveChangesAsync();
            await portal.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();
        }
    }

    /// <summary>Follows the page's own "Download CSV" and "JSON" links.</summary>
    private async Task<(List<Dictionary<string, string>> Csv, List<JsonElement> Json)> DownloadsFromPageAsync(IDocument page)
    {
        var links = page.QuerySelectorAll("p.downloads a").ToList();
        var csvLink = links.Single(a => a.TextContent.Trim() == "Download CSV").GetAttribute("href")!;
        var jsonLink = links.Single(a => a.TextContent.Trim() == "JSON").GetAttribute("href")!;
        var csv = ParseCsv(await GetBytesAsync(client, csvLink)).Rows;
        var json = JsonDocument.Parse(await GetBytesAsync(client, jsonLink)).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        return (csv, json);
    }

    private static string PathAndAnchor(string href)
    {
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var path = href[..(hash < 0 ? href.Length : hash)].Split('?')[0];
        return hash < 0 ? path : path + href[hash..];
    }

    private static string Label(IElement li)
    {
        var clone = (IElement)li.Clone(deep: true);
        clone.QuerySelector(".count")?.Remove();
        return clone.TextContent.Trim();
    }
}
