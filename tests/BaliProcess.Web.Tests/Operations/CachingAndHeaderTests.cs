using System.Net;
using System.Net.Http.Headers;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>Public pages: strict headers, no cookie, shared-cacheable, revalidation, eviction on change.</summary>
[Collection(PortalCollection.Name)]
public sealed class CachingAndHeaderTests(PortalFactory portal)
{
    private const string MeetingUrl = "/meetings/eighth-ministerial-conference-2023";

    public static TheoryData<string> PublicPages => new(PublicPageUrls);

    /// <summary>One URL of every public page type.</summary>
    public static readonly string[] PublicPageUrls =
    [
        "/", "/members", "/members/palau", "/observers", "/participants", "/meetings", MeetingUrl,
        "/working-groups", "/working-groups/working-group-trafficking-in-persons",
        "/work-plans/tip-working-group-forward-work-plan-2015-17", "/timeline", "/statements",
        "/statements/eighth-ministerial-conference-2023-co-chairs-statement", "/themes", "/themes/areas-of-cooperation",
        "/search?q=follow+the+money", "/sources", "/sources/004-twenty-years-of-the-bali-process",
        "/work-plans/tip-working-group-forward-work-plan-2015-17/items/7/history",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_has_strict_headers_no_cookie_and_may_be_kept_by_shared_caches(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a public page sets no cookie");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.PublicPolicy, csp);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Single(response, "Permissions-Policy"), StringComparison.Ordinal);

        Assert.True(response.Headers.CacheControl is { Public: true, NoStore: false, NoCache: false }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.True(response.Headers.CacheControl!.MaxAge > TimeSpan.Zero);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        // No script runs: the only script elements allowed are schema.org JSON-LD data blocks (never executed).
        Assert.DoesNotContain("<script", html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        // A canonical link, where a page has one, is absolute: search engines (and Lighthouse) reject a relative one.
        foreach (System.Text.RegularExpressions.Match canonical in System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"canonical\" href=\"([^\"]*)\""))
        {
            Assert.True(Uri.IsWellFormedUriString(canonical.Groups[1].Value, UriKind.Absolute), $"relative canonical link: {canonical.Groups[1].Value}");
        }
    }

    [Fact]
    public async Task A_repeat_request_comes_from_the_cache_and_a_revalidation_gets_304()
    {
        using var client = portal.CreateClient();
        using var first = await client.GetAsync(new Uri("/members", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/members", UriKind.Relative));
        Assert.True(second.Headers.Age is not null, "the second response was served from the output cache (Age header)");
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        using var byEtag = new HttpRequestMessage(HttpMethod.Get, "/members");
        byEtag.Headers.IfNoneMatch.Add(second.Headers.ETag!);
        using var notModified = await client.SendAsync(byEtag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/members");
        byDate.Headers.IfModifiedSince = second.Content.Headers.LastModified;
        using var notModifiedByDate = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/members");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
        using var full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Theory]
    [InlineData("Authorization", "Bearer abc")]
    [InlineData("Cookie", ".AspNetCore.Identity.Application=abc")]
    public async Task A_request_that_may_be_signed_in_is_never_served_from_or_stored_in_the_cache(string header, string value)
    {
        using var client = portal.CreateClient();
        using var warm = await client.GetAsync(new Uri("/observers", UriKind.Relative));
        using var cached = await client.GetAsync(new Uri("/observers", UriKind.Relative));
        Assert.NotNull(cached.Headers.Age);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/observers");
        request.Headers.TryAddWithoutValidation(header, value);
        using var personal = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, personal.StatusCode);
        Assert.Null(personal.Headers.Age);
        Assert.False(personal.Headers.CacheControl?.Public ?? false, "a possibly signed-in response is not public");
    }

    [Fact]
    public async Task Text_is_written_as_utf8_not_as_character_references()
    {
        using var client = portal.CreateClient();
        var html = await client.GetStringAsync(new Uri(MeetingUrl, UriKind.Relative));
        Assert.Contains("Türkiye", html, StringComparison.Ordinal);
        Assert.DoesNotContain("T&#xFC;rkiye", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_theme_is_a_stylesheet_in_the_head_cached_for_a_year()
    {
        using var client = portal.CreateClient();
        // Staff pages use MudBlazor and its theme; public pages carry neither (StaticAssetCachingTests).
        var document = await Html.GetOkAsync(client, "/account/sign-in");
        var link = document.Head!.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).Single(h => h!.StartsWith(ThemeStylesheet.Path, StringComparison.Ordinal));
        Assert.Matches(@"^/theme\.css\?v=[0-9a-f]{12}$", link);

        using var response = await client.GetAsync(new Uri(link!, UriKind.Relative));
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains("--mud-palette-primary: rgba(11,79,108,1)", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_shows_at_once_after_it_is_announced_and_not_before()
    {
        using var client = portal.CreateClient();
        var changes = portal.Services.GetRequiredService<RecordChanges>();
        string original;
        await using (var db = portal.Database.CreateContext())
        {
            original = await db.Meetings.Where(m => m.Slug == "eighth-ministerial-conference-2023").Select(m => m.Title).SingleAsync();
        }

        var before = await client.GetStringAsync(new Uri(MeetingUrl, UriKind.Relative));
        Assert.Contains(original, before, StringComparison.Ordinal);
        const string changed = "Eighth Ministerial Conference (title changed by a test)";
        try
        {
            await using (var db = portal.Database.CreateContext())
            {
                await db.Meetings.Where(m => m.Slug == "eighth-ministerial-conference-2023").ExecuteUpdateAsync(s => s.SetProperty(m => m.Title, changed));
            }

            // The page is cached: the change does not show yet (so the cache, not luck, serves it).
            Assert.DoesNotContain(changed, await client.GetStringAsync(new Uri(MeetingUrl, UriKind.Relative)), StringComparison.Ordinal);

            // Announced (as every write does when it commits): the next request is rendered from the new record.
            await changes.AnnounceCommittedAsync();
            Assert.Contains(changed, await client.GetStringAsync(new Uri(MeetingUrl, UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            await using var db = portal.Database.CreateContext();
            await db.Meetings.Where(m => m.Slug == "eighth-ministerial-conference-2023").ExecuteUpdateAsync(s => s.SetProperty(m => m.Title, original));
            await changes.AnnounceCommittedAsync();
        }
    }

    private static string Single(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));
}
