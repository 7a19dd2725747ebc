using System.Net;
using BaliProcess.Web.Infrastructure.Languages;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The two interface languages by address (decision 0042): "/id/…" is Indonesian, the rest English; the switch,
/// hreflang and canonical; the browser's language only suggests; the output cache keeps the languages apart.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LanguageTests(PortalFactory portal)
{
    private HttpClient NoRedirects() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task An_Indonesian_page_says_so_links_its_English_twin_and_stays_Indonesian()
    {
        var client = portal.CreateClient();
        var home = await Html.GetOkAsync(client, "/id");
        // The whole page's words are checked by the walk over every page type (LanguageWalkTests).
        Assert.Equal("id", home.DocumentElement.GetAttribute("lang"));
        Assert.All(home.QuerySelectorAll("nav.portal-nav a, footer a:not([href^='/api']):not([href^='/download'])"),
            a => Assert.StartsWith("/id", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal("Portal Pengetahuan Proses Bali", home.QuerySelector("a.portal-brand")!.TextContent.Trim());
        var switchLink = home.QuerySelector("a.language-switch")!;
        Assert.Equal("/", switchLink.GetAttribute("href"));
        Assert.Equal("English", switchLink.TextContent.Trim());
        Assert.Equal("en", switchLink.GetAttribute("lang"));
        // Said once: the documents' words are English.
        Assert.Single(home.QuerySelectorAll(".language-note"));
        Assert.Equal("/id/meetings", home.QuerySelector("nav.portal-nav a[href$='meetings']")!.GetAttribute("href"));
        Assert.Equal("/id/search", home.QuerySelector("form[role=search]")!.GetAttribute("action"));

        var alternates = home.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => new Uri(l.GetAttribute("href")!).PathAndQuery);
        Assert.Equal("/", alternates["en"]);
        Assert.Equal("/id", alternates["id"]);
        Assert.Equal("/", alternates["x-default"]);
        Assert.Equal("/id", new Uri(home.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!).PathAndQuery);

        var english = await Html.GetOkAsync(client, "/meetings?page=2");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("/id/meetings?page=2", english.QuerySelector("a.language-switch")!.GetAttribute("href"));
        Assert.Empty(english.QuerySelectorAll(".language-note"));
        Assert.Equal("/meetings?page=2", new Uri(english.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!).PathAndQuery);
    }

    [Fact]
    public async Task A_page_not_found_is_Indonesian_under_id()
    {
        var (status, page) = await Html.GetAsync(portal.CreateClient(), "/id/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        IndonesianPage.AssertIndonesian(page, "/id/no-such-page");
        Assert.Equal("Halaman tidak ditemukan", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/id/api/v1/meetings?page=2", "/api/v1/meetings?page=2")]
    [InlineData("/id/download/meetings.csv", "/download/meetings.csv")]
    [InlineData("/id/sitemap.xml", "/sitemap.xml")]
    public async Task Data_has_one_address_in_both_languages(string indonesian, string english)
    {
        var response = await NoRedirects().GetAsync(new Uri(indonesian, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(english, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_output_cache_keeps_the_languages_and_the_offer_apart()
    {
        var client = portal.CreateClient();
        for (var round = 0; round < 2; round++)
        {
            // Asked in turn, each answer (from the cache the second time) is in its own language.
            Assert.Equal("en", (await Html.GetOkAsync(client, "/working-groups")).DocumentElement.GetAttribute("lang"));
            Assert.Equal("id", (await Html.GetOkAsync(client, "/id/working-groups")).DocumentElement.GetAttribute("lang"));

            using var preferringIndonesian = new HttpRequestMessage(HttpMethod.Get, new Uri("/working-groups", UriKind.Relative));
            preferringIndonesian.Headers.AcceptLanguage.ParseAdd("id-ID,id;q=0.9,en;q=0.8");
            var offered = await client.SendAsync(preferringIndonesian);
            var offeredHtml = await offered.Content.ReadAsStringAsync();
            Assert.Contains("Baca dalam Bahasa Indonesia", offeredHtml, StringComparison.Ordinal);
            Assert.Contains("/language/id?return=%2Fworking-groups", offeredHtml, StringComparison.Ordinal);
            // The English page is still served to the browser that prefers Indonesian: an offer, not a redirect.
            Assert.Contains("lang=\"en\"", offeredHtml[..200], StringComparison.Ordinal);
            Assert.Contains("Accept-Language", offered.Headers.Vary);

            var plain = await client.GetStringAsync(new Uri("/working-groups", UriKind.Relative));
            Assert.DoesNotContain("Baca dalam Bahasa Indonesia", plain, StringComparison.Ordinal);

            // Once the reader has chosen, the offer is not made again.
            using var chosen = new HttpRequestMessage(HttpMethod.Get, new Uri("/working-groups", UriKind.Relative));
            chosen.Headers.AcceptLanguage.ParseAdd("id");
            chosen.Headers.Add("Cookie", $"{LanguageSuggestion.ChosenCookie}=en");
            Assert.DoesNotContain("Baca dalam Bahasa Indonesia", await (await client.SendAsync(chosen)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Choosing_a_language_is_remembered_and_goes_only_to_the_portal()
    {
        var client = NoRedirects();
        var toIndonesian = await client.GetAsync(new Uri("/language/id?return=%2Fmeetings%3Fpage%3D2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, toIndonesian.StatusCode);
        Assert.Equal("/id/meetings?page=2", toIndonesian.Headers.Location!.OriginalString);
        Assert.Contains(toIndonesian.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{LanguageSuggestion.ChosenCookie}=id", StringComparison.Ordinal));

        var toEnglish = await client.GetAsync(new Uri("/language/en?return=%2Fid%2Fmeetings", UriKind.Relative));
        Assert.Equal("/meetings", toEnglish.Headers.Location!.OriginalString);

        foreach (var hostile in new[] { "//evil.example/x", "https://evil.example/", "/\\evil.example" })
        {
            var answer = await client.GetAsync(new Uri("/language/id?return=" + Uri.EscapeDataString(hostile), UriKind.Relative));
            Assert.Equal("/id", answer.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/language/fr", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_layout_and_error_pages_ask_for_no_text_that_is_missing()
    {
        var client = portal.CreateClient();
        foreach (var url in new[] { "/", "/id", "/id/no-such-page", "/no-such-page" })
        {
            await client.GetAsync(new Uri(url, UriKind.Relative));
        }

        var missing = portal.Services.GetRequiredService<MissingTexts>().All;
        Assert.DoesNotContain(missing, m => m.StartsWith("SharedText", StringComparison.Ordinal));
    }
}
