using System.Net;
using System.Xml.Linq;
using BaliProcess.Web.Features.OpenData;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>/sitemap.xml, /robots.txt, the API reference page and the footer that links it.</summary>
[Collection(OpenDataCollection.Name)]
public sealed partial class CrawlerTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_sitemap_lists_every_public_page_with_its_last_change_and_each_answers_200()
    {
        var xml = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var all = xml.Root!.Elements(ns + "url").ToList();
        // Every page in both languages (decision 0042): each entry names its English, Indonesian and default versions.
        foreach (var url in all)
        {
            var loc = new Uri(url.Element(ns + "loc")!.Value);
            var alternates = url.Elements(xhtml + "link").Where(l => (string?)l.Attribute("rel") == "alternate")
                .ToDictionary(l => (string)l.Attribute("hreflang")!, l => new Uri((string)l.Attribute("href")!).PathAndQuery);
            if (alternates.Count == 0)
            {
                // One address for both languages: the API reference.
                Assert.StartsWith("/api", loc.AbsolutePath, StringComparison.Ordinal);
                continue;
            }

            var inEnglish = alternates["en"];
            Assert.Equal(inEnglish == "/" ? "/id" : "/id" + inEnglish, alternates["id"]);
            Assert.Equal(inEnglish, alternates["x-default"]);
            Assert.Contains(loc.PathAndQuery, alternates.Values);
        }

        var english = all.Where(u => !new Uri(u.Element(ns + "loc")!.Value).AbsolutePath.StartsWith("/id", StringComparison.Ordinal)).ToList();
        Assert.Equal(english.Count - 1, all.Count - english.Count);
        var urls = english.Select(u => (Loc: new Uri(u.Element(ns + "loc")!.Value), LastMod: u.Element(ns + "lastmod")?.Value)).ToList();
        var paths = urls.Select(u => u.Loc.AbsolutePath).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(all, u => new Uri(u.Element(ns + "loc")!.Value).AbsolutePath == "/id/themes/follow-the-money");

        // Every record's page: each member, observer and body, meeting, group, plan, statement, theme and source.
        var expected = new List<string>();
        foreach (var list in new[] { "members", "observers", "other-bodies", "meetings", "working-groups", "work-plans", "statements", "themes", "sources" })
        {
            expected.AddRange((await GetAllItemsAsync(client, $"/api/v1/{list}?pageSize=100")).Select(i => i.Str("url")));
        }

        expected.AddRange((await GetAllItemsAsync(client, "/api/v1/meetings?kind=Event&pageSize=100")).Select(i => i.Str("url")));
        // Outcome documents and people have pages but no list in the API: every one in the record.
        await using (var db = portal.Database.CreateContext())
        {
            expected.AddRange((await db.OutcomeDocuments.Select(d => d.Slug).ToListAsync()).Select(BaliProcess.Web.Components.PortalRoutes.Document));
            expected.AddRange((await db.People.Select(p => p.Slug).ToListAsync()).Select(BaliProcess.Web.Components.PortalRoutes.Person));
        }

        Assert.Contains("/documents/bali-declaration-2016", expected);
        Assert.All(expected, p => Assert.Contains(p, paths));
        Assert.All(SitemapBuilder.StaticPages, p => Assert.Contains(p, paths));
        Assert.Contains("/changes", paths);
        Assert.Contains("/work-plans", paths);
        Assert.Equal(paths.Count, urls.Count);

        // lastmod only where the record says when it changed: a work plan's latest staff change or link (and the
        // lists of plans and changes, the latest of those). Pages drawn from seed data have none: the time the
        // seed was loaded is the portal's start-up, not the record's date.
        await using (var db = portal.Database.CreateContext())
        {
            var staffChanges = await db.ActionItemStatusChanges.Where(c => !c.FromSeed)
                .Select(c => new { Plan = c.ActionItem!.WorkPlan!.Slug, c.ChangedAt }).ToListAsync();
            var staffLinks = await db.Set<BaliProcess.Data.Model.ActionItemParagraphLink>().Where(l => l.Origin == BaliProcess.Data.Model.RecordOrigin.Staff)
                .Select(l => new { Plan = l.ActionItem!.WorkPlan!.Slug, ChangedAt = l.LinkedAt }).ToListAsync();
            var latest = staffChanges.Concat(staffLinks).GroupBy(c => c.Plan).ToDictionary(g => BaliProcess.Web.Components.PortalRoutes.WorkPlan(g.Key), g => g.Max(c => c.ChangedAt));
            foreach (var (loc, lastMod) in urls.Where(u => u.LastMod is not null))
            {
                var when = DateTimeOffset.Parse(lastMod!, System.Globalization.CultureInfo.InvariantCulture);
                var path = loc.AbsolutePath;
                var expectedWhen = path is "/changes" or "/work-plans" ? latest.Values.Max() : latest.GetValueOrDefault(path);
                Assert.True(latest.Count > 0 && Math.Abs((when - expectedWhen).TotalSeconds) < 1, $"{path} has lastmod {lastMod}, which is no staff change of its record");
            }

            var seedLoaded = await db.ActionItemStatusChanges.Where(c => c.FromSeed).MinAsync(c => c.ChangedAt);
            Assert.DoesNotContain(urls, u => u.LastMod is not null && Math.Abs((DateTimeOffset.Parse(u.LastMod, System.Globalization.CultureInfo.InvariantCulture) - seedLoaded).TotalSeconds) < 1);
            Assert.Contains(urls, u => u.Loc.AbsolutePath == "/members" && u.LastMod is null);
        }

        // A link checker's pass (the English pages; their Indonesian twins are the same pages under "/id", walked by the
        // language tests): every listed page answers, and none names a source document by its file name
        // ("001_2f1693fd15a085f6.txt"): readers see documents by their titles (issue 19).
        var namingFiles = new List<string>();
        foreach (var (loc, _) in urls)
        {
            var response = await client.GetAsync(new Uri(loc.PathAndQuery, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found, $"{loc} answered {(int)response.StatusCode}");
            if (SeedFileName().Match(await response.Content.ReadAsStringAsync()) is { Success: true } name)
            {
                namingFiles.Add($"{loc.AbsolutePath}: {name.Value}");
            }
        }

        Assert.True(namingFiles.Count == 0, "pages naming a file: " + string.Join("; ", namingFiles));
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_staff_pages_and_filters()
    {
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = robots.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains(lines, l => l.StartsWith("Sitemap: http", StringComparison.Ordinal) && l.EndsWith("/sitemap.xml", StringComparison.Ordinal));
        foreach (var path in new[] { "/staff", "/account", "/admin", "/search?", "/*?" })
        {
            Assert.Contains($"Disallow: {path}", lines);
        }
    }

    [Fact]
    public async Task The_api_reference_page_is_linked_from_the_footer_and_served_from_the_portal()
    {
        var home = await Html.GetOkAsync(client, "/");
        Assert.NotNull(home.QuerySelector($"footer a[href='{OpenDataSetup.ReferencePath}']"));

        var page = await client.GetAsync(new Uri(OpenDataSetup.ReferencePath + "/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);

        // The reference page's script comes from the portal itself (the package ships it), not from a CDN.
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.OrdinalIgnoreCase);
        var script = await client.GetAsync(new Uri(OpenDataSetup.ReferencePath + "/scalar.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Every_list_page_named_in_the_issue_offers_csv_and_json()
    {
        foreach (var url in new[] { "/members", "/observers", "/participants", "/meetings", "/working-groups", "/work-plans/tip-working-group-forward-work-plan-2015-17", "/themes/follow-the-money", "/search?q=money" })
        {
            var page = await Html.GetOkAsync(client, url);
            var links = page.QuerySelectorAll("p.downloads a").Select(a => a.TextContent.Trim()).ToList();
            Assert.Contains("Download CSV", links);
            Assert.Contains("JSON", links);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{3}_[0-9a-f]{16}\.txt\b")]
    private static partial System.Text.RegularExpressions.Regex SeedFileName();
}

/// <summary>The API's own rate limit: past it, a 429 problem with Retry-After; pages are not affected.</summary>
[Collection(RateLimitCollection.Name)]
public sealed class ApiRateLimitTests(RateLimitedPortal limited)
{
    [Fact]
    public async Task Past_its_budget_a_client_gets_a_429_problem_with_retry_after()
    {
        var client = limited.Portal.CreateClient();
        for (var i = 0; i < RateLimitedPortal.Budget; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1/members?page={i + 1}", UriKind.Relative))).StatusCode);
        }

        var rejected = await client.GetAsync(new Uri("/api/v1/members", UriKind.Relative));
        var problem = await ApiContractTests.AssertProblemAsync(rejected, HttpStatusCode.TooManyRequests, null);
        Assert.Equal("60", rejected.Headers.RetryAfter?.ToString());
        Assert.Contains("requests a minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Browsing is not the API: the pages still answer.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/members", UriKind.Relative))).StatusCode);
    }
}
