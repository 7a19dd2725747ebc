using System.Net;
using System.Net.Http.Headers;
using BaliProcess.Web.Infrastructure;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>
/// Readers on slow links (issue 19, docs/decisions/0022): a public page links only the portal's own stylesheet, a
/// fingerprinted file is kept for a year, and a browser that asks again with its validators gets 304, not the file.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class StaticAssetCachingTests(PortalFactory portal)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/meetings/eighth-ministerial-conference-2023")]
    [InlineData("/statements/eighth-ministerial-conference-2023-co-chairs-statement")]
    [InlineData("/no-such-page")]
    public async Task A_public_page_links_only_the_portals_own_fingerprinted_stylesheet(string url)
    {
        using var client = portal.CreateClient();
        var (_, document) = await Html.GetAsync(client, url);
        var links = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var only = Assert.Single(links);
        Assert.Matches(@"^app\.[a-z0-9]+\.css$", only);
    }

    [Fact]
    public async Task A_staff_page_keeps_MudBlazors_stylesheet_and_the_theme()
    {
        using var client = portal.CreateClient();
        var document = await Html.GetOkAsync(client, "/account/sign-in");
        var links = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(links, l => l.Contains("MudBlazor.min.", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/theme.css?v=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("identity")]
    public async Task A_fingerprinted_stylesheet_is_immutable_for_a_year_and_a_revalidation_gets_304(string encoding)
    {
        using var client = portal.CreateClient();
        var href = await AppStylesheetAsync(client);
        using var first = new HttpRequestMessage(HttpMethod.Get, href);
        first.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(first);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StaticAssetCaching.Immutable, response.Headers.CacheControl?.ToString());
        Assert.True(response.Headers.CacheControl is { Public: true, NoCache: false, MaxAge.TotalDays: >= 365 });
        var etag = response.Headers.ETag;
        var lastModified = response.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);

        // What Chromium sends when it revalidates: both validators. The date is one the file does not match,
        // so only a server that lets If-None-Match decide (RFC 9110, 13.1.3) answers 304.
        using var again = new HttpRequestMessage(HttpMethod.Get, href);
        again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        again.Headers.IfNoneMatch.Add(etag);
        again.Headers.IfModifiedSince = lastModified!.Value.AddYears(-3);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(StaticAssetCaching.Immutable, revalidated.Headers.CacheControl?.ToString());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, href);
        byDate.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedByDate = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, href);
        stale.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"another-version\""));
        stale.Headers.IfModifiedSince = lastModified;
        using var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task The_same_file_under_its_plain_name_is_revalidated_not_kept()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri("/app.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task MudBlazors_fingerprinted_stylesheet_for_staff_pages_is_immutable_too()
    {
        using var client = portal.CreateClient();
        var document = await Html.GetOkAsync(client, "/account/sign-in");
        var href = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(l => l.Contains("MudBlazor", StringComparison.Ordinal));
        using var response = await client.GetAsync(new Uri("/" + href.TrimStart('/'), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StaticAssetCaching.Immutable, response.Headers.CacheControl?.ToString());
    }

    private static async Task<Uri> AppStylesheetAsync(HttpClient client)
    {
        var document = await Html.GetOkAsync(client, "/");
        var href = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single();
        return new Uri("/" + href.TrimStart('/'), UriKind.Relative);
    }
}
