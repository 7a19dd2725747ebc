using BaliProcess.Web.Tests.Browser;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>
/// Targets a finger can hit, in Chromium. That no page breaks its own Content-Security-Policy is checked on
/// every public page type's one load in <see cref="PublicPageBrowserTests"/>.
/// </summary>
[Collection(BrowserPoliciesCollection.Name)]
public sealed class SecurityPolicyBrowserTests(BrowserFixture browser)
{
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
