using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Browser;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Accounts;

/// <summary>
/// The journey in a real Chromium, as a newcomer makes it: the Administrator from the log, a new
/// password, a Secretariat account made on the admin page, its forced password change, a status change of
/// item 7 of the Forward Work Plan 2015–17 from the keyboard, and the change on the item page, on /changes
/// and in the Atom feed. A portal of its own, so the logged password is still unused; no account is made
/// from code.
/// </summary>
public sealed class AccountBrowserTests
{
    [Fact]
    public async Task The_Administrator_from_the_log_sets_up_a_Secretariat_account_that_changes_item_7_from_the_keyboard_and_the_public_sees_it()
    {
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            var (context, page, errors, _) = await browser.NewPageAsync();
            await using var _ = context;

            await page.GotoAsync(AccountsSetup.SignInPath);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await StaffAccounts.SignInAsync(page, FirstAdministrator.DefaultEmail, StaffAccounts.InitialAdministratorPassword(browser.Portal));
            Assert.EndsWith(AccountsSetup.ChangePasswordPath, page.Url, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await ChangePasswordAsync(page, StaffAccounts.InitialAdministratorPassword(browser.Portal), "the administrator's own pass phrase");

            await page.GotoAsync("/admin/accounts");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            var email = $"ana-{Guid.NewGuid():N}@example.org";
            await page.Locator("#name").FillAsync("Ana Secretariat");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#role").SelectOptionAsync(PortalRoles.Secretariat);
            await page.Locator("#initial-password").FillAsync("initial pass phrase");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is created as Secretariat");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ana Secretariat" }).ClickAsync();
            await page.WaitForURLAsync("**/admin/accounts/*", PlaywrightDefaults.Parsed());
            await Accessibility.AssertNoSeriousViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out");

            await StaffAccounts.SignInAsync(page, email, "initial pass phrase");
            Assert.EndsWith(AccountsSetup.ChangePasswordPath, page.Url, StringComparison.Ordinal);
            await ChangePasswordAsync(page, "initial pass phrase", "ana's own long pass phrase");
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Staff" })).ToContainTextAsync("Ana Secretariat");

            // Item 7 (for action in the document) is now ongoing: chosen, typed and saved from the keyboard.
            const string Plan = "tip-working-group-forward-work-plan-2015-17";
            var note = $"Regional training module delivered ({Guid.NewGuid():N})";
            var effective = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
            await StaffEditor.OpenAsync(page, $"/staff/work-plans/{Plan}/items/7");
            await StaffEditor.ChooseStatusAsync(page, "Ongoing");
            await StaffEditor.TypeNoteAsync(page, note);
            await StaffEditor.TypeEffectiveDateAsync(page, effective);
            await StaffEditor.SaveAsync(page);
            await Assertions.Expect(page.Locator(".form-message.success")).ToContainTextAsync("Ongoing", new() { Timeout = StaffEditor.SaveTimeoutMs });

            await page.GotoAsync($"/work-plans/{Plan}/items/7");
            Assert.Contains("Ongoing", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
            var latest = await page.Locator("ol.history li").First.InnerTextAsync();
            Assert.Contains(note, latest, StringComparison.Ordinal);
            Assert.Contains("by Ana Secretariat", latest, StringComparison.Ordinal);
            Assert.Contains(effective.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), latest, StringComparison.Ordinal);

            await page.GotoAsync("/changes");
            var changes = await page.Locator("main").InnerTextAsync();
            Assert.Contains(note, changes, StringComparison.Ordinal);
            Assert.Contains("Ana Secretariat", changes, StringComparison.Ordinal);

            var feed = await page.APIRequest.GetAsync("/changes.atom");
            Assert.Equal(200, feed.Status);
            using var reader = XmlReader.Create(new MemoryStream(await feed.BodyAsync()));
            Assert.Contains(SyndicationFeed.Load(reader).Items, i => ((TextSyndicationContent)i.Content).Text.Contains(note, StringComparison.Ordinal));

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
}
