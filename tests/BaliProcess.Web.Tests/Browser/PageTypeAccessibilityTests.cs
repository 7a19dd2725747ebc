
namespace BaliProcess.Web.Tests.Browser;

/// <summary>
/// Axe on every public page type in a real Chromium, with no console error and no live connection. A
/// collection of its own: axe is the costliest check of the browser tests, and beside the journeys
/// (<see cref="BrowsingJourneyTests"/>) it halves the longest run of tests that must follow one another.
/// </summary>
[Collection(AccessibilityBrowserCollection.Name)]
public sealed class PageTypeAccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string> PageTypes => new()
    {
        "/",
        "/members",
        "/members/palau",
        "/observers",
        "/participants",
        "/meetings",
        "/meetings/eighth-ministerial-conference-2023",
        "/working-groups",
        "/working-groups/working-group-trafficking-in-persons",
        "/work-plans/tip-working-group-forward-work-plan-2015-17",
        "/timeline",
        "/sources",
        "/sources/004-twenty-years-of-the-bali-process",
        "/not-found-page",
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Each_page_type_has_no_serious_accessibility_violation_and_no_console_error(string url)
    {
        var (context, page, errors, sockets) = await browser.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(url);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.DoesNotContain(errors, e => !e.Contains("404", StringComparison.Ordinal));
        Assert.Empty(sockets);
    }

    /// <summary>The check itself can fail: an image without a text alternative is a critical violation.</summary>
    [Fact]
    public async Task The_check_names_a_critical_violation_when_there_is_one()
    {
        var (context, page, _, _) = await browser.NewPageAsync();
        await using var _ = context;
        await page.SetContentAsync("<!doctype html><html lang=\"en\"><title>t</title><main><h1>t</h1><img src=\"data:,\"></main></html>");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }
}
