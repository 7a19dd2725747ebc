using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>Memberships and outcome documents in a real Chromium: from a mechanism to its members and back, from a document to its meeting and back.</summary>
[Collection(BrowserPoliciesCollection.Name)]
public sealed class RecordJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_mechanism_page_lists_its_members_with_links_and_a_members_profile_lists_its_mechanisms()
    {
        var (context, page, errors, sockets) = await browser.NewPageAsync(javaScript: false);
        await using var _ = context;

        await page.GotoAsync("/working-groups/steering-group");
        var members = page.Locator("section[aria-labelledby=members-heading] ul.memberships").First.Locator("li > a");
        Assert.Equal(6, await members.CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Thailand", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/members/thailand", PlaywrightDefaults.Parsed());
        var mechanisms = page.Locator("section[aria-labelledby=mechanisms-heading]");
        await Assertions.Expect(mechanisms.GetByRole(AriaRole.Link, new() { Name = "Bali Process Steering Group" })).ToBeVisibleAsync();
        await Assertions.Expect(mechanisms.GetByRole(AriaRole.Link, new() { Name = "Regional Support Office" })).ToBeVisibleAsync();
        Assert.Contains("Host of", await mechanisms.InnerTextAsync(), StringComparison.Ordinal);

        await mechanisms.GetByRole(AriaRole.Link, new() { Name = "Ad Hoc Group of Senior Officials" }).ClickAsync();
        await page.WaitForURLAsync("**/working-groups/ad-hoc-group", PlaywrightDefaults.Parsed());
        await page.GetByRole(AriaRole.Link, new() { Name = "Filter the members list by this mechanism" }).ClickAsync();
        await page.WaitForURLAsync("**/members?mechanism=ad-hoc-group", PlaywrightDefaults.Parsed());
        Assert.Equal(19, await page.Locator("table.data tbody tr").CountAsync());

        Assert.Empty(errors);
        Assert.Empty(sockets);
    }

    [Fact]
    public async Task An_outcome_document_links_to_the_meeting_that_adopted_it_and_the_meeting_links_back()
    {
        var (context, page, errors, sockets) = await browser.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync("/documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "Acknowledge, Act and Advance Recommendations" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/aaa-recommendations", PlaywrightDefaults.Parsed());

        await page.Locator("a.adopting-meeting").ClickAsync();
        await page.WaitForURLAsync("**/meetings/government-and-business-forum-2018", PlaywrightDefaults.Parsed());
        var back = page.Locator("ul.outcome-documents").GetByRole(AriaRole.Link, new() { Name = "Acknowledge, Act and Advance Recommendations" });
        await Assertions.Expect(back).ToBeVisibleAsync();

        await back.ClickAsync();
        await page.WaitForURLAsync("**/documents/aaa-recommendations", PlaywrightDefaults.Parsed());
        Assert.Equal("Acknowledge, Act and Advance Recommendations", await page.Locator("h1").InnerTextAsync());
        Assert.Empty(errors);
        Assert.Empty(sockets);
    }
}
