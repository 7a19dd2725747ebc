using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Operations;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>
/// Phones (issue 19): no staff page is wider than the screen at 320 and 390 px, the menu opens without script,
/// and a list table shows its rows as blocks a reader can take in without scrolling sideways
/// (docs/decisions/0022). Every public page type's widths are checked on its one load in
/// <see cref="PublicPageBrowserTests"/>.
/// </summary>
[Collection(PhoneBrowserCollection.Name)]
public sealed class PhoneWidthTests(BrowserFixture browser)
{
    private const string Plan = "tip-working-group-forward-work-plan-2015-17";

    /// <summary>Staff pages, seen by an administrator (who sees them all).</summary>
    private static readonly string[] StaffPageUrls =
    [
        "/staff", $"/staff/work-plans/{Plan}", $"/staff/work-plans/{Plan}/items/4", "/staff/work-plans/new",
        "/admin/accounts", "/admin/activity", "/account/change-password", "/account/authenticator",
    ];

    /// <summary>Each staff page is loaded once at 320 px and then widened to 390 px (see <see cref="PublicPageBrowserTests"/>).</summary>
    [Fact]
    public async Task Staff_pages_are_no_wider_than_a_phone()
    {
        var account = await StaffAccounts.CreateUserAsync(browser.Portal, PortalRoles.Administrator);
        var (context, page, _, _) = await browser.NewPageAsync(width: 320, height: 700);
        await using var _ = context;
        await page.GotoAsync("/account/sign-in");
        await AssertFitsAtPhoneWidthsAsync(page, "/account/sign-in");
        await StaffAccounts.SignInAsync(page, account.Email!, StaffAccounts.Password);

        foreach (var url in StaffPageUrls)
        {
            await page.SetViewportSizeAsync(320, 700);
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertFitsAtPhoneWidthsAsync(page, url);
        }
    }

    private static async Task AssertFitsAtPhoneWidthsAsync(IPage page, string url)
    {
        foreach (var width in new[] { 320, 390 })
        {
            await page.SetViewportSizeAsync(width, 700);
            await AssertFitsAsync(page, url, width);
        }
    }

    [Fact]
    public async Task The_menu_opens_without_script_on_a_phone_and_tells_the_kinds_of_text_apart()
    {
        var (context, page, _, _) = await browser.NewPageAsync(width: 320, height: 700, javaScript: false);
        await using var _ = context;
        await page.GotoAsync("/members");
        var statements = page.GetByRole(AriaRole.Link, new() { Name = "Meeting statements" });
        await Assertions.Expect(statements).ToBeHiddenAsync();

        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(statements).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Published documents" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sources of the portal" })).ToBeVisibleAsync();
        await statements.ClickAsync();
        await page.WaitForURLAsync("**/statements", PlaywrightDefaults.Parsed());
    }

    [Fact]
    public async Task On_a_wide_screen_the_menu_is_open_without_a_click()
    {
        var (context, page, _, _) = await browser.NewPageAsync(width: 1280, javaScript: false);
        await using var _ = context;
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Working groups", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("details.portal-menu > summary")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_list_table_shows_each_row_as_a_labelled_block_on_a_phone()
    {
        var (context, page, _, _) = await browser.NewPageAsync(width: 320, height: 700, javaScript: false);
        await using var _ = context;
        await page.GotoAsync("/members");
        var firstRow = page.Locator("table.rows tbody tr").First;
        // An empty cell is left out of the block; every other one is a line of its own.
        var cells = await firstRow.Locator("td").EvaluateAllAsync<string[]>(
            "cells => cells.filter(c => c.textContent.trim() !== '').map(c => getComputedStyle(c).display + '|' + getComputedStyle(c, '::before').content)");
        Assert.All(cells, c => Assert.StartsWith("block|", c, StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Contains("Region", StringComparison.Ordinal));
        await BrowserFixture.PhotographAsync(page, "members-320");
    }

    private static Task AssertFitsAsync(IPage page, string url, int width) => PublicPageChecks.AssertFitsAsync(page, url, width);
}
