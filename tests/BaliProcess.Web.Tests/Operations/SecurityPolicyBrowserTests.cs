using BaliProcess.Web.Tests.Browser;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>
/// In Chromium, no page breaks its own Content-Security-Policy: a listener for securitypolicyviolation
/// events is installed before any of the page's own content runs, and must stay empty.
/// </summary>
[Collection(BrowserPoliciesCollection.Name)]
public sealed class SecurityPolicyBrowserTests(BrowserFixture browser)
{
    private const string Listener =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";

    public static TheoryData<string> PageTypes
    {
        get
        {
            var pages = new TheoryData<string>(CachingAndHeaderTests.PublicPageUrls);
            pages.Add("/no-such-page");
            return pages;
        }
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task A_page_raises_no_content_security_policy_violation(string url)
    {
        var (context, page, errors, _) = await browser.NewPageAsync();
        await using var _ = context;
        await page.AddInitScriptAsync(Listener);
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        // The stylesheet arrived: the app bar has the portal's primary colour.
        var appBar = await page.Locator("header.portal-appbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(11, 79, 108)", appBar);
    }

    [Fact]
    public async Task Links_in_an_attendance_list_are_at_least_24_pixels_tall()
    {
        var (context, page, _, _) = await browser.NewPageAsync(width: 375, height: 800);
        await using var _ = context;
        await page.GotoAsync("/meetings/eighth-ministerial-conference-2023");
        var heights = await page.Locator("ul.attendance a").EvaluateAllAsync<double[]>("links => links.map(a => a.getBoundingClientRect().height)");
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.True(h >= 24, $"a link is {h} px tall"));
    }
}
