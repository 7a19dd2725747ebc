using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Browser;
using BaliProcess.Web.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Accounts;

/// <summary>
/// A newcomer's first steps in a real Chromium: the Administrator from the log, a new password, a Secretariat
/// account, its forced password change. A portal of its own, so the logged password is still unused.
/// </summary>
public sealed class AccountBrowserTests
{
    [Fact]
    public async Task The_Administrator_from_the_log_sets_up_a_Secretariat_account_that_then_signs_in_and_changes_its_password()
    {
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            var (context, page, errors, _) = await browser.NewPageAsync();
            await using var _ = context;

            await page.GotoAsync(AccountsSetup.SignInPath);
            await AssertNoSeriousViolationsAsync(page);
            await StaffAccounts.SignInAsync(page, FirstAdministrator.DefaultEmail, StaffAccounts.InitialAdministratorPassword(browser.Portal));
            Assert.EndsWith(AccountsSetup.ChangePasswordPath, page.Url, StringComparison.Ordinal);
            await AssertNoSeriousViolationsAsync(page);
            await ChangePasswordAsync(page, StaffAccounts.InitialAdministratorPassword(browser.Portal), "the administrator's own pass phrase");

            await page.GotoAsync("/admin/accounts");
            await AssertNoSeriousViolationsAsync(page);
            var email = $"ana-{Guid.NewGuid():N}@example.org";
            await page.Locator("#name").FillAsync("Ana Secretariat");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#role").SelectOptionAsync(PortalRoles.Secretariat);
            await page.Locator("#initial-password").FillAsync("initial pass phrase");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is created as Secretariat");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ana Secretariat" }).ClickAsync();
            await page.WaitForURLAsync("**/admin/accounts/*");
            await AssertNoSeriousViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out");

            await StaffAccounts.SignInAsync(page, email, "initial pass phrase");
            Assert.EndsWith(AccountsSetup.ChangePasswordPath, page.Url, StringComparison.Ordinal);
            await ChangePasswordAsync(page, "initial pass phrase", "ana's own long pass phrase");
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Staff" })).ToContainTextAsync("Ana Secretariat");

            Assert.DoesNotContain(errors, e => !e.Contains("404", StringComparison.Ordinal));
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.Locator("#current").FillAsync(current);
        await page.Locator("#new").FillAsync(next);
        await page.Locator("#confirm").FillAsync(next);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed");
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
