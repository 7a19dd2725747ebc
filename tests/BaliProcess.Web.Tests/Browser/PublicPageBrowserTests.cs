using BaliProcess.Web.Tests.Operations;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>
/// Every public page type in a real Chromium, each loaded once and asked everything a page load can answer:
/// its Content-Security-Policy holds, its stylesheet arrived, nothing it asks for is missing, nothing logs an
/// error or opens a live connection, axe finds no serious violation, its headings go down one level at a time,
/// and it is no wider than the screen at 320, 390 and 1280 px with its menu open. One load per page, because
/// in this suite a page load and an axe run are what the machine's two cores spend most of their time on
/// (docs/benchmarks.md); the checks were four classes that loaded the same pages again. The page types are
/// split between two classes in two collections (each with its own portal and Chromium) so that they run side
/// by side: the header tests' list here, the others in <see cref="MorePublicPageBrowserTests"/>.
/// </summary>
[Collection(PublicPagesBrowserCollection.Name)]
public sealed class PublicPageBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string> Pages => new(CachingAndHeaderTests.PublicPageUrls);

    [Theory]
    [MemberData(nameof(Pages))]
    public Task A_public_page_keeps_its_policy_is_accessible_and_fits_a_phone_and_a_desktop(string url) =>
        PublicPageChecks.CheckAsync(browser, url);

    /// <summary>The accessibility check itself can fail: an image without a text alternative is a critical violation.</summary>
    [Fact]
    public async Task The_accessibility_check_names_a_critical_violation_when_there_is_one()
    {
        var (context, page, _, _) = await browser.NewPageAsync();
        await using var _ = context;
        await page.SetContentAsync("<!doctype html><html lang=\"en\"><title>t</title><main><h1>t</h1><img src=\"data:,\"></main></html>");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The width check itself can fail: a page with a 2,000 px wide block is named with the block.</summary>
    [Fact]
    public async Task The_width_check_names_what_sticks_out_when_a_page_is_too_wide()
    {
        var (context, page, _, _) = await browser.NewPageAsync(width: 320, height: 700);
        await using var _ = context;
        await page.SetContentAsync("<!doctype html><html lang=\"en\"><title>t</title><main><h1>t</h1><div class=\"too-wide\" style=\"width:2000px\">x</div></main></html>");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => PublicPageChecks.AssertFitsAsync(page, "test", 320));
        Assert.Contains("div.too-wide", failure.Message, StringComparison.Ordinal);
    }
}

/// <summary>The public page types that the header tests' list has not (see <see cref="PublicPageBrowserTests"/>).</summary>
[Collection(PhoneBrowserCollection.Name)]
public sealed class MorePublicPageBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string> Pages => new(PublicPageChecks.MorePageUrls.Except(CachingAndHeaderTests.PublicPageUrls, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Pages))]
    public Task A_public_page_keeps_its_policy_is_accessible_and_fits_a_phone_and_a_desktop(string url) =>
        PublicPageChecks.CheckAsync(browser, url);
}

/// <summary>What <see cref="PublicPageBrowserTests"/> asks of each page, on its one load.</summary>
internal static class PublicPageChecks
{
    /// <summary>Installed before any of a page's own content runs: collects every securitypolicyviolation event.</summary>
    private const string PolicyListener =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";

    /// <summary>Pages whose layout changes most on a phone (result lists, facets, long paragraphs): axe runs at 320 px too.</summary>
    private static readonly HashSet<string> CheckedByAxeOnAPhoneToo =
    [
        "/statements", "/statements/eighth-ministerial-conference-2023-co-chairs-statement", "/themes", "/themes/follow-the-money",
        "/search?q=follow+the+money", "/search?q=trafficing", "/search?theme=victim-protection&year=2023",
    ];

    /// <summary>Pages that answer 404 on purpose: their own document is the one missing thing allowed.</summary>
    private static readonly HashSet<string> NotFoundPages = ["/no-such-page", "/not-found-page"];

    /// <summary>Public page types beside the header tests' list (<see cref="CachingAndHeaderTests.PublicPageUrls"/>).</summary>
    public static readonly string[] MorePageUrls =
    [
        "/documents", "/documents/regional-cooperation-framework", "/documents/bali-declaration-2016",
        "/people", "/people/andrew-forrest", "/observers/apc-migration", "/working-groups/ad-hoc-group",
        "/changes", "/work-plans", "/work-plans/tip-working-group-forward-work-plan-2015-17/items/7",
        "/themes/follow-the-money", "/search", "/search?q=smuggling&theme=areas-of-cooperation", "/search?q=trafficing",
        "/search?theme=victim-protection&year=2023", "/no-such-page",
    ];

    public static async Task CheckAsync(BrowserFixture browser, string url)
    {
        var (context, page, errors, sockets) = await browser.NewPageAsync(width: 1280, height: 900);
        await using var _ = context;
        var missing = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status == 404)
            {
                missing.Add(response.Url);
            }
        };
        await page.AddInitScriptAsync(PolicyListener);
        var response = await page.GotoAsync(url);
        Assert.NotNull(response);

        // The policy: nothing refused, and the stylesheet arrived (the app bar has the portal's primary colour).
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, $"{url}: {string.Join(Environment.NewLine, violations)}");
        var appBar = await page.Locator("header.portal-appbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(11, 79, 108)", appBar);

        await Accessibility.AssertNoSeriousViolationsAsync(page, $"{url} at 1280 px:");

        // Headings in order: one h1, and no level skipped on the way down.
        var levels = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map(h => +h.tagName[1])");
        Assert.True(levels.Count(l => l == 1) == 1, $"{url}: {levels.Count(l => l == 1)} h1 elements");
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"{url}: h{pair.First} followed by h{pair.Second}"));

        // A phone: the menu opened (its groups must fit too), then wider screens. The layout follows the width
        // through media queries alone, so resizing asks what reloading at each width would.
        await page.SetViewportSizeAsync(320, 700);
        await page.Locator("details.portal-menu > summary").ClickAsync();
        await AssertFitsAsync(page, url, 320);
        if (CheckedByAxeOnAPhoneToo.Contains(url))
        {
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"{url} at 320 px:");
        }

        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 700);
            await AssertFitsAsync(page, url, width);
        }

        // Nothing missing (the favicon included) but a not-found page's own document, no error, no live connection.
        Assert.Equal(NotFoundPages.Contains(url) ? 404 : 200, response.Status);
        Assert.DoesNotContain(missing, m => !NotFoundPages.Contains(url) || !m.EndsWith(url, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => !NotFoundPages.Contains(url) || !e.Contains("404", StringComparison.Ordinal));
        Assert.Empty(sockets);
        await BrowserFixture.PhotographAsync(page, "page-" + string.Concat(url.Where(char.IsLetterOrDigit)), fullPage: true);
    }

    /// <summary>Fails naming the elements that stick out past the screen's right edge, so a failure says what to fix.</summary>
    internal static async Task AssertFitsAsync(IPage page, string url, int width)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (sizes[0] <= sizes[1])
        {
            return;
        }

        var wide = await page.EvaluateAsync<string[]>(
            @"() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))");
        await BrowserFixture.PhotographAsync(page, $"too-wide-{width}-{string.Concat(url.Where(char.IsLetterOrDigit))}", fullPage: true);
        Assert.Fail($"{url} at {width} px is {sizes[0]} px wide: {string.Join("; ", wide)}");
    }
}
