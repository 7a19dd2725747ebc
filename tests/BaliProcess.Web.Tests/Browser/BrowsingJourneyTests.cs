using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>A visitor's way through the portal in a real Chromium, with and without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowsingJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_visitor_goes_from_home_to_a_member_to_a_meeting_it_attended_to_a_statement_paragraph(bool javaScript)
    {
        var (context, page, errors, sockets) = await browser.NewPageAsync(javaScript: javaScript);
        await using var _ = context;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "members", Exact = false }).First.ClickAsync();
        await page.WaitForURLAsync("**/members", PlaywrightDefaults.Parsed());

        await page.GetByLabel("Name or other spelling").FillAsync("Palau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync("**/members?*name=Palau*", PlaywrightDefaults.Parsed());
        await page.GetByRole(AriaRole.Link, new() { Name = "Palau", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/members/palau", PlaywrightDefaults.Parsed());
        Assert.Equal("Palau", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Eighth Bali Process Ministerial Conference" }).ClickAsync();
        await page.WaitForURLAsync("**/meetings/eighth-ministerial-conference-2023", PlaywrightDefaults.Parsed());
        Assert.Contains("Palau", await page.Locator("ul.attendance").InnerTextAsync(), StringComparison.Ordinal);

        await page.GoBackAsync();
        await page.WaitForURLAsync("**/members/palau", PlaywrightDefaults.Parsed());
        await page.Locator("ul.mentions a").First.ClickAsync();
        await page.WaitForURLAsync("**/statements/eighth-ministerial-conference-2023-co-chairs-statement#p-18", PlaywrightDefaults.Parsed());
        var paragraph = page.Locator("#p-18");
        await Assertions.Expect(paragraph).ToBeVisibleAsync();
        Assert.Contains("Palau", await paragraph.InnerTextAsync(), StringComparison.Ordinal);

        Assert.Empty(errors);
        Assert.Empty(sockets);
    }

    [Fact]
    public async Task The_keyboard_reaches_the_skip_link_first_and_focus_is_visible()
    {
        var (context, page, _, _) = await browser.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/members");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
    }
}
