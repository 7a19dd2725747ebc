using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>A portal of its own on a real port (these tests change item 7) and Debian's Chromium.</summary>
public sealed class EditingBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    /// <summary>
    /// How often a live editor re-checks its account here: longer than any test, so that no check happens
    /// during one and what an open editor sends is judged by the write service alone. The check itself is
    /// <see cref="EditingBrowserTests.A_disabled_accounts_open_editor_is_signed_out_at_its_next_check"/>.
    /// </summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromHours(1);

    public PortalFactory Portal { get; } = new()
    {
        UseRealServer = true,
        Settings = new Dictionary<string, string> { ["Accounts:RevalidationInterval"] = RevalidationInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture) },
    };

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

    public Task<IPage> SignedInPageAsync(string email) => SignedInPageAsync(Portal, email);

    /// <summary>A new browser context on <paramref name="portal"/>, signed in as <paramref name="email"/>.</summary>
    public async Task<IPage> SignedInPageAsync(PortalFactory portal, string email)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.ServerAddress.ToString().TrimEnd('/') });
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

/// <summary>
/// Editing in a real Chromium: a conflict between two browsers, a disabled account's open editor, and axe on
/// the staff pages. (The whole journey, keyboard-only editing included, is AccountBrowserTests.)
/// </summary>
[Collection(EditingBrowserCollection.Name)]
public sealed class EditingBrowserTests(EditingBrowserFixture fixture)
{
    private const string Plan = "tip-working-group-forward-work-plan-2015-17";

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
            await StaffEditor.OpenAsync(page, $"/staff/work-plans/{Plan}/items/10");
        }

        await StaffEditor.ChooseStatusAsync(a, "Complete");
        await StaffEditor.TypeNoteAsync(a, "Roadmap website launched");
        await StaffEditor.SaveAsync(a);
        await Assertions.Expect(a.Locator(".form-message.success")).ToBeVisibleAsync(new() { Timeout = StaffEditor.SaveTimeoutMs });

        await StaffEditor.ChooseStatusAsync(b, "Discontinued");
        await StaffEditor.TypeNoteAsync(b, "My late note");
        await StaffEditor.SaveAsync(b);

        var conflict = b.Locator(".staff-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Roadmap website launched", new() { Timeout = StaffEditor.SaveTimeoutMs });
        await Assertions.Expect(conflict).ToContainTextAsync("First Browser");
        Assert.Equal("My late note", await b.Locator("#status-note").InputValueAsync());
    }

    [Fact]
    public async Task A_save_from_the_open_editor_of_an_account_disabled_since_writes_nothing()
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat, displayName: "Soon Disabled");
        var admin = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Administrator);
        var page = await fixture.SignedInPageAsync(user.Email!);
        await using var _ = page.Context;
        await StaffEditor.OpenAsync(page, $"/staff/work-plans/{Plan}/items/4");
        await StaffEditor.ChooseStatusAsync(page, "Discontinued");
        await StaffEditor.TypeNoteAsync(page, "Written after the account was disabled");
        await StaffEditor.TabToAsync(page, ".status-change-form button[type=submit]");
        var (itemId, historyBefore) = await HistoryAsync("4");

        // The circuit still holds the signed-in state (its next check is an hour away): the write service
        // must refuse the save itself.
        await DisableAsync(fixture.Portal, admin.Id, user.Id);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("The change was not saved: your account may not edit work plans")).ToBeVisibleAsync(new() { Timeout = StaffEditor.SaveTimeoutMs });

        var (_, historyAfter) = await HistoryAsync("4");
        Assert.Equal(historyBefore, historyAfter);
        await using var db = fixture.Portal.Database.CreateContext();
        Assert.NotEqual(ActionItemStatus.Discontinued, (await db.ActionItems.SingleAsync(i => i.Id == itemId)).Status);
        Assert.Contains(fixture.Portal.LogMessages, m => m.StartsWith("Refused \"status change\": Disabled", StringComparison.Ordinal) && m.Contains(user.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_accounts_open_editor_is_signed_out_at_its_next_check()
    {
        // A portal of this test's own whose circuits check their account every second (a minute by default):
        // the wait below ends when the check has signed the editor out, whenever that is.
        var portal = new PortalFactory
        {
            UseRealServer = true,
            Settings = new Dictionary<string, string> { ["Accounts:RevalidationInterval"] = "00:00:01" },
        };
        await portal.InitializeAsync();
        try
        {
            var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat, displayName: "Soon Signed Out");
            var admin = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Administrator);
            var page = await fixture.SignedInPageAsync(portal, user.Email!);
            await using var _ = page.Context;
            await StaffEditor.OpenAsync(page, $"/staff/work-plans/{Plan}/items/4");
            await Assertions.Expect(page.Locator("#status-note")).ToHaveCountAsync(1);

            await DisableAsync(portal, admin.Id, user.Id);

            // The open editor sends the browser to sign in, with no form left.
            await page.WaitForURLAsync(url => url.Contains(AccountsSetup.SignInPath, StringComparison.Ordinal), PlaywrightDefaults.Parsed(StaffEditor.SaveTimeoutMs));
            await Assertions.Expect(page.Locator("#status-note")).ToHaveCountAsync(0);
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
        }
    }

    private static async Task DisableAsync(PortalFactory portal, string adminId, string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        Assert.True((await administration.SetDisabledAsync(await StaffAccounts.PrincipalAsync(portal, adminId), userId, true)).Succeeded);
    }

    private async Task<(int ItemId, int Entries)> HistoryAsync(string number)
    {
        await using var db = fixture.Portal.Database.CreateContext();
        var itemId = await db.ActionItems.Where(i => i.WorkPlan!.Slug == Plan && i.Number == number).Select(i => i.Id).SingleAsync();
        return (itemId, await db.ActionItemStatusChanges.CountAsync(c => c.ActionItemId == itemId));
    }

    [Theory]
    [InlineData("/staff", false)]
    [InlineData("/staff/work-plans/new", true)]
    [InlineData("/staff/work-plans/tip-working-group-forward-work-plan-2015-17", true)]
    [InlineData("/staff/work-plans/tip-working-group-forward-work-plan-2015-17/items/3", true)]
    public async Task Staff_pages_have_no_serious_accessibility_violation(string url, bool hasIsland)
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        var page = await fixture.SignedInPageAsync(user.Email!);
        await using var _ = page.Context;

        // A page with a live part is checked once that part has been rendered by its circuit.
        if (hasIsland)
        {
            await StaffEditor.OpenAsync(page, url);
        }
        else
        {
            await page.GotoAsync(url);
        }

        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
