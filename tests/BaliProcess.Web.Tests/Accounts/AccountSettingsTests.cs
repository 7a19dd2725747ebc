using System.Net;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BaliProcess.Web.Tests.Accounts;

/// <summary>Behaviour that needs its own portal settings: Admin__Email with a clock the test moves, required
/// authenticator apps for Administrators.</summary>
public sealed class AccountSettingsTests
{
    private const string BossEmail = "boss@example.org";
    private const string BossPassword = "the boss's chosen pass phrase";

    [Fact]
    public Task The_first_Administrator_comes_from_configuration_stays_the_last_one_and_a_disabled_cookie_stops_working()
    {
        // The portal's clock (cookies, their re-check against the account) is moved by the test, not waited for.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return WithPortalAsync(
            new PortalFactory
            {
                Settings = new Dictionary<string, string> { ["Admin:Email"] = BossEmail, ["Admin:Password"] = BossPassword },
                ExtraServices = services => services.AddSingleton<TimeProvider>(clock),
            },
            portal => The_first_Administrator_comes_from_configuration_stays_the_last_one_and_a_disabled_cookie_stops_working_on(portal, clock));
    }

    private static async Task The_first_Administrator_comes_from_configuration_stays_the_last_one_and_a_disabled_cookie_stops_working_on(PortalFactory portal, FakeTimeProvider clock)
    {

        Assert.Contains(portal.LogMessages, m => m.StartsWith(FirstAdministrator.LogLinePrefix + " " + BossEmail + " created from Admin:Email", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.LogMessages, m => m.Contains("with the password", StringComparison.Ordinal) || m.Contains(BossPassword, StringComparison.Ordinal));
        var boss = await StaffAccounts.SignedInClientAsync(portal, BossEmail, BossPassword);
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);

        await using var db = portal.Database.CreateContext();
        var bossId = (await db.Users.SingleAsync(u => u.Email == BossEmail)).Id;
        Assert.False(await db.Users.AnyAsync(u => u.Email == FirstAdministrator.DefaultEmail));

        // The last active Administrator: neither demoted nor disabled, over HTTP or at the service.
        var demote = await StaffAccounts.PostFormAsync(boss, $"/admin/accounts/{bossId}", "change-role", new() { ["RoleForm.Role"] = PortalRoles.Secretariat });
        Assert.Contains("last active Administrator", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var scope = portal.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var actor = await StaffAccounts.PrincipalAsync(portal, bossId);
            Assert.Contains("last active Administrator", (await service.SetDisabledAsync(actor, bossId, true)).Message, StringComparison.Ordinal);
            Assert.Contains("last active Administrator", (await service.ChangeRoleAsync(actor, bossId, PortalRoles.Secretariat)).Message, StringComparison.Ordinal);
        }

        await using (var check = portal.Database.CreateContext())
        {
            var stored = await check.Users.SingleAsync(u => u.Id == bossId);
            Assert.False(stored.IsDisabled);
            Assert.Equal(1, await check.UserRoles.CountAsync(r => r.UserId == bossId));
        }

        // A signed-in Secretariat account is disabled: its cookie stops working at its next request (issue 20: the
        // stamp and state are compared on every request, not only every Accounts:RevalidationInterval).
        var secretariat = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var session = await StaffAccounts.SignedInClientAsync(portal, secretariat.Email!);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri(AccountsSetup.ChangePasswordPath, UriKind.Relative))).StatusCode);
        var disable = await StaffAccounts.FollowSeeOtherAsync(boss, await StaffAccounts.PostFormAsync(boss, $"/admin/accounts/{secretariat.Id}", "account-state", []));
        Assert.Contains("is disabled", await disable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await session.GetAsync(new Uri(AccountsSetup.ChangePasswordPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public Task An_Administrator_must_add_an_authenticator_app_and_then_signs_in_with_its_code_or_a_recovery_code() => WithPortalAsync(new PortalFactory
        {
            Settings = new Dictionary<string, string> { ["Accounts:RequireTwoFactorForAdministrators"] = "true" },
        }, An_Administrator_must_add_an_authenticator_app_and_then_signs_in_with_its_code_or_a_recovery_code_on);

    private static async Task An_Administrator_must_add_an_authenticator_app_and_then_signs_in_with_its_code_or_a_recovery_code_on(PortalFactory portal)
    {
        var admin = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Administrator);
        var client = await StaffAccounts.SignedInClientAsync(portal, admin.Email!);

        var gated = await client.GetAsync(new Uri("/admin/accounts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Equal(AccountsSetup.AuthenticatorPath + "?required=true", gated.Headers.Location?.OriginalString);

        var setup = await Html.GetOkAsync(client, AccountsSetup.AuthenticatorPath);
        Assert.NotNull(setup.QuerySelector("figure.qr svg"));
        Assert.StartsWith("otpauth://totp/", setup.QuerySelector("#authenticator-uri")!.TextContent, StringComparison.Ordinal);
        var codes = AuthenticatorCodes.FromSetupPage(setup);

        var wrong = await StaffAccounts.PostFormAsync(client, AccountsSetup.AuthenticatorPath, "enable-authenticator", new() { ["Input.Password"] = StaffAccounts.Password, ["Input.Code"] = codes.Wrong() });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await StaffAccounts.PostFormAsync(client, AccountsSetup.AuthenticatorPath, "enable-authenticator", new() { ["Input.Password"] = StaffAccounts.Password, ["Input.Code"] = await codes.NextAsync() });
        var enabledPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await enabled.Content.ReadAsStringAsync());
        var recoveryCodes = enabledPage.QuerySelectorAll("ul.recovery-codes .secret").Select(e => e.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);

        // Next sign-in: the password alone is not enough.
        var next = StaffAccounts.NewClient(portal);
        var password = await StaffAccounts.SignInAsync(next, admin.Email!, StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/sign-in/code", password.Headers.Location?.PathAndQuery ?? password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);

        // The code that added the app was seen once: it does not sign in again (ASVS 2.8.4), the next one does.
        var replay = await StaffAccounts.PostFormAsync(next, "/account/sign-in/code", "two-factor", new() { ["Input.Code"] = codes.Last });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("was used already", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);
        var code = await StaffAccounts.PostFormAsync(next, "/account/sign-in/code", "two-factor", new() { ["Input.Code"] = await codes.NextAsync() });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);

        // Or with a recovery code, once.
        var third = StaffAccounts.NewClient(portal);
        await StaffAccounts.SignInAsync(third, admin.Email!, StaffAccounts.Password);
        var recovery = await StaffAccounts.PostFormAsync(third, "/account/sign-in/recovery", "recovery-code", new() { ["Input.Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);

        await using var db = portal.Database.CreateContext();
        var kinds = await db.AccountActivities.Where(a => a.UserId == admin.Id).Select(a => a.Kind).ToListAsync();
        Assert.Contains(AccountActivityKind.AuthenticatorEnabled, kinds);
        Assert.Contains(AccountActivityKind.RecoveryCodeUsed, kinds);
        Assert.True((await db.Users.SingleAsync(u => u.Id == admin.Id)).TwoFactorEnabled);
    }

    /// <summary>Starts a portal of the test's own, runs the test on it, then stops it and drops its database.</summary>
    private static async Task WithPortalAsync(PortalFactory portal, Func<PortalFactory, Task> test)
    {
        await portal.InitializeAsync();
        try
        {
            await test(portal);
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
        }
    }
}

/// <summary>Sign-in attempts have a budget per client address (here 3 a minute); showing the page does not count.</summary>
[Collection(RateLimitCollection.Name)]
public sealed class SignInRateLimitTests(RateLimitedPortal limited)
{
    [Fact]
    public async Task A_flood_of_sign_in_posts_from_one_address_gets_429_while_the_page_still_shows()
    {
        var client = StaffAccounts.NewClient(limited.Portal);
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        Task<HttpResponseMessage> PostAsync() => client.PostAsync(new Uri(AccountsSetup.SignInPath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Email"] = "someone@example.org", ["Input.Password"] = "guess number one",
        }));

        for (var i = 0; i < RateLimitedPortal.Budget; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync()).StatusCode);
        }

        var rejected = await PostAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("60", rejected.Headers.RetryAfter?.ToString());
        Assert.Contains("Too many sign-in attempts", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(AccountsSetup.SignInPath, UriKind.Relative))).StatusCode);
    }
}
