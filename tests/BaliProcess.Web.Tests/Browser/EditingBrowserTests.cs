using System.ServiceModel.Syndication;
using System.Xml;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>A portal of its own on a real port (these tests change item 7) and Debian's Chromium.</summary>
public sealed class EditingBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public PortalFactory Portal { get; } = new() { UseRealServer = true };

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Portal.ServerAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await StaffAccounts.SignInAsync(page, email, StaffAccounts.Password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await ((IAsyncLifetime)Portal).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EditingBrowserCollection : ICollectionFixture<EditingBrowserFixture>
{
    public const string Name = "editing browser";
}

/// <summary>Editing in a real Chromium: keyboard only, a conflict between two browsers, and axe on the staff pages.</summary>
[Collection(EditingBrowserCollection.Name)]
public sealed class EditingBrowserTests(EditingBrowserFixture fixture)
{
    private const string Plan = "tip-working-group-forward-work-plan-2015-17";

    /// <summary>Chooses a status in the item editor's select (also used by Operations/TwoInstanceTests).</summary>
    internal static async Task ChooseStatusAsync(IPage page, string label)
    {
        // The select is reached and opened from the keyboard; the option is then clicked in MudBlazor's popover.
        var select = page.GetByLabel("New status");
        await select.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = label }).First;
        try
        {
            await option.WaitForAsync(new() { Timeout = 3000 });
        }
        catch (TimeoutException)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await option.WaitForAsync(new() { Timeout = 5000 });
        }

        await option.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_Secretariat_account_changes_item_7_typing_and_saving_from_the_keyboard_and_sees_it_on_the_item_page_changes_and_the_feed()
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat, displayName: "Keyboard Editor");
        var page = await fixture.SignedInPageAsync(user.Email!);
        await using var _ = page.Context;
        var note = $"Regional training module delivered ({Guid.NewGuid():N})";

        await page.GotoAsync($"/staff/work-plans/{Plan}/items/7");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(page.Locator("#status-note")).ToBeVisibleAsync();
        await ChooseStatusAsync(page, "Ongoing");
        await page.Locator("#status-note").FocusAsync();
        await page.Keyboard.TypeAsync(note);
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".form-message.success")).ToContainTextAsync("Ongoing");

        await page.GotoAsync($"/work-plans/{Plan}/items/7");
        Assert.Contains("Ongoing", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(note, await page.Locator("ol.history").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/changes");
        Assert.Contains(note, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var feed = await page.APIRequest.GetAsync("/changes.atom");
        using var reader = XmlReader.Create(new MemoryStream(await feed.BodyAsync()));
        Assert.Contains(SyndicationFeed.Load(reader).Items, i => ((TextSyndicationContent)i.Content).Text.Contains(note, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Of_two_browsers_editing_one_item_the_later_save_is_refused_shows_the_other_change_and_keeps_its_text()
    {
        var first = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat, displayName: "First Browser");
        var second = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat, displayName: "Second Browser");
        var a = await fixture.SignedInPageAsync(first.Email!);
        var b = await fixture.SignedInPageAsync(second.Email!);
        await using var _ = a.Context;
        await using var __ = b.Context;
        foreach (var page in new[] { a, b })
        {
            await page.GotoAsync($"/staff/work-plans/{Plan}/items/10");
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            await Assertions.Expect(page.Locator("#status-note")).ToBeVisibleAsync();
        }

        await ChooseStatusAsync(a, "Complete");
        await a.Locator("#status-note").FillAsync("Roadmap website launched");
        await a.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        await Assertions.Expect(a.Locator(".form-message.success")).ToBeVisibleAsync();

        await ChooseStatusAsync(b, "Discontinued");
        await b.Locator("#status-note").FillAsync("My late note");
        await b.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();

        var conflict = b.Locator(".staff-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Roadmap website launched");
        await Assertions.Expect(conflict).ToContainTextAsync("First Browser");
        Assert.Equal("My late note", await b.Locator("#status-note").InputValueAsync());
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/work-plans/new")]
    [InlineData("/staff/work-plans/tip-working-group-forward-work-plan-2015-17")]
    [InlineData("/staff/work-plans/tip-working-group-forward-work-plan-2015-17/items/3")]
    public async Task Staff_pages_have_no_serious_accessibility_violation(string url)
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        var page = await fixture.SignedInPageAsync(user.Email!);
        await using var _ = page.Context;
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
