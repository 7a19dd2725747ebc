using System.Net;
using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Accounts;

/// <summary>
/// The administrators' account actions: done by an Administrator, refused for everyone else (over HTTP and
/// at the service) with nothing written.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class AccountAdministrationTests(PortalFactory portal)
{
    /// <summary>Each admin action as a form post on the account page (or the list page for create).</summary>
    public static TheoryData<string> Actions => new() { "create-account", "account-state", "change-role", "reset-password", "reset-authenticator" };

    private static (string Url, Dictionary<string, string> Fields) FormFor(string action, string targetId) => action switch
    {
        "create-account" => ("/admin/accounts", new()
        {
            ["Input.DisplayName"] = "Intruder", ["Input.Email"] = $"intruder-{Guid.NewGuid():N}@example.org",
            ["Input.Role"] = PortalRoles.Administrator, ["Input.InitialPassword"] = "an intruder's password",
        }),
        "account-state" => ($"/admin/accounts/{targetId}", new() { ["StateForm.Action"] = "disable" }),
        "change-role" => ($"/admin/accounts/{targetId}", new() { ["RoleForm.Role"] = PortalRoles.Administrator }),
        "reset-password" => ($"/admin/accounts/{targetId}", new() { ["PasswordForm.NewPassword"] = "a password set by an intruder" }),
        "reset-authenticator" => ($"/admin/accounts/{targetId}", new()),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Fact]
    public async Task An_Administrator_creates_an_account_that_must_change_its_password_and_the_activity_is_recorded()
    {
        var (admin, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        var email = $"new-{Guid.NewGuid():N}@example.org";
        var response = await StaffAccounts.FollowSeeOtherAsync(client, await StaffAccounts.PostFormAsync(client, "/admin/accounts", "create-account", new()
        {
            ["Input.DisplayName"] = "Ana Secretariat", ["Input.Email"] = email, ["Input.Role"] = PortalRoles.Secretariat,
            ["Input.InitialPassword"] = "initial password 1",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is created as Secretariat", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = portal.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.MustChangePassword);
        Assert.Equal("Ana Secretariat", user.DisplayName);
        Assert.Equal([PortalRoles.Secretariat], await RolesOfAsync(db, user.Id));
        var entry = await db.AccountActivities.SingleAsync(a => a.UserId == user.Id && a.Kind == AccountActivityKind.AccountCreated);
        Assert.Equal(admin.DisplayName, entry.ActorName);
        Assert.False(string.IsNullOrEmpty(entry.ClientAddress));

        var created = await StaffAccounts.SignedInClientAsync(portal, email, "initial password 1");
        var staff = await created.GetAsync(new Uri("/staff", UriKind.Relative));
        Assert.Equal(AccountsSetup.ChangePasswordPath, staff.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("create-account", "is created as Secretariat")]
    [InlineData("account-state", "is disabled")]
    [InlineData("change-role", "now has the role Administrator")]
    [InlineData("reset-password", "password is reset")]
    [InlineData("reset-authenticator", "authenticator is reset")]
    public async Task A_change_that_was_made_answers_303_to_a_page_that_shows_it_once_so_a_refresh_repeats_nothing(string action, string message)
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var (url, fields) = FormFor(action, target.Id);
        if (action == "create-account")
        {
            fields["Input.DisplayName"] = "Redirected Person";
            fields["Input.Role"] = PortalRoles.Secretariat;
        }

        var posted = await StaffAccounts.PostFormAsync(client, url, action, fields);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(url, posted.Headers.Location?.OriginalString);
        Assert.Contains(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountOutcomeRedirect.CookieName + "=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        var changes = await ActivityCountAsync();

        var shown = await client.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(message, SuccessMessage(await shown.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Refreshing the page the redirect led to asks for it again: no message, nothing done twice.
        var refreshed = await client.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal("", SuccessMessage(await refreshed.Content.ReadAsStringAsync()));
        Assert.Equal(changes, await ActivityCountAsync());
    }

    [Fact]
    public async Task A_refused_change_is_shown_in_place_with_what_was_typed_and_no_redirect()
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        var email = $"short-{Guid.NewGuid():N}@example.org";
        var response = await StaffAccounts.PostFormAsync(client, "/admin/accounts", "create-account", new()
        {
            ["Input.DisplayName"] = "Kept Name", ["Input.Email"] = email, ["Input.Role"] = PortalRoles.Secretariat, ["Input.InitialPassword"] = "aaaaaaaaaaaab",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("at least 4 different characters", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept Name\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Administrator_resets_a_lost_authenticator_the_old_codes_stop_working_and_it_is_recorded()
    {
        var (admin, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        string oldKey, oldStamp;
        IReadOnlyList<string> oldCodes;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(target.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            oldKey = (await users.GetAuthenticatorKeyAsync(user))!;
            oldCodes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
            oldStamp = (await users.GetSecurityStampAsync(user))!;
        }

        var page = await PostAndFollowAsync(client, $"/admin/accounts/{target.Id}", "reset-authenticator", []);
        Assert.Contains("authenticator is reset", SuccessMessage(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(target.Id))!;
            Assert.False(user.TwoFactorEnabled);
            Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(user));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
            Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(user, oldCodes[0])).Succeeded);
            Assert.NotEqual(oldStamp, user.SecurityStamp);
        }

        // Sign-in asks for the password only again.
        await StaffAccounts.SignedInClientAsync(portal, target.Email!);
        await using var db = portal.Database.CreateContext();
        var entry = await db.AccountActivities.SingleAsync(a => a.UserId == target.Id && a.Kind == AccountActivityKind.AuthenticatorDisabled);
        Assert.Equal(admin.DisplayName, entry.ActorName);
        Assert.Contains("reset by an Administrator", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_password_policy_asks_for_12_characters()
    {
        var admin = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Administrator);
        var service = await ServiceAsync();
        var actor = await StaffAccounts.PrincipalAsync(portal, admin.Id);
        var email = $"short-{Guid.NewGuid():N}@example.org";

        var refused = await service.Administration.CreateAsync(actor, "Short", email, PortalRoles.Secretariat, "eleven char");
        Assert.False(refused.Succeeded);
        Assert.Contains("at least 12 characters", refused.Message, StringComparison.Ordinal);
        await using (var db = portal.Database.CreateContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        }

        Assert.True((await service.Administration.CreateAsync(actor, "Long", email, PortalRoles.Secretariat, "twelve chars")).Succeeded);
    }

    [Fact]
    public async Task An_Administrator_disables_changes_the_role_of_and_resets_an_account()
    {
        var (admin, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var url = $"/admin/accounts/{target.Id}";

        // Now an Administrator's account: resetting its password asks for the acting Administrator's own, and takes a
        // second Administrator (issue 20): the first only asks; the second makes the reset.
        Assert.Contains("now has the role Administrator", await (await PostAndFollowAsync(client, url, "change-role", new() { ["RoleForm.Role"] = PortalRoles.Administrator })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("resetting an Administrator takes two", await (await PostAndFollowAsync(client, url, "reset-password", new() { ["PasswordForm.NewPassword"] = "asked by the first", ["PasswordForm.OwnPassword"] = StaffAccounts.Password })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, second) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        Assert.Contains("password is reset", await (await PostAndFollowAsync(second, url, "reset-password", new() { ["PasswordForm.NewPassword"] = "reset by the admin", ["PasswordForm.OwnPassword"] = StaffAccounts.Password })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var disabling = await PostAndFollowAsync(client, url, "account-state", []);
        var disablingText = Html.MainText(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await disabling.Content.ReadAsStringAsync()));
        Assert.True(disablingText.Contains("is disabled", StringComparison.Ordinal), disablingText);

        await using var db = portal.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == target.Id);
        Assert.True(user.IsDisabled);
        Assert.True(user.MustChangePassword);
        Assert.Equal([PortalRoles.Administrator], await RolesOfAsync(db, target.Id));
        var kinds = await db.AccountActivities.Where(a => a.UserId == target.Id).Select(a => a.Kind).ToListAsync();
        Assert.Contains(AccountActivityKind.RoleChanged, kinds);
        Assert.Contains(AccountActivityKind.PasswordReset, kinds);
        Assert.Contains(AccountActivityKind.AccountDisabled, kinds);

        // Disabled: the right password no longer signs in, and the page says so without telling more.
        var attempt = await StaffAccounts.SignInAsync(StaffAccounts.NewClient(portal), target.Email!, "reset by the admin");
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("Sign-in failed", await attempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("active again", await (await PostAndFollowAsync(client, url, "account-state", [])).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await StaffAccounts.SignedInClientAsync(portal, target.Email!, "reset by the admin");

        var activityPage = await Html.GetOkAsync(client, "/admin/activity");
        Assert.Contains("Role changed", Html.MainText(activityPage), StringComparison.Ordinal);
        _ = admin;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_nothing_is_written(string action)
    {
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var before = await SnapshotAsync(target.Id);
        var (url, fields) = FormFor(action, target.Id);

        // Even with a valid antiforgery token from a page anyone can open, the post is refused.
        var client = StaffAccounts.NewClient(portal);
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        fields["_handler"] = action;
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(target.Id));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_Secretariat_account_is_refused_and_nothing_is_written(string action)
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Secretariat);
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var before = await SnapshotAsync(target.Id);
        var (url, fields) = FormFor(action, target.Id);
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.ChangePasswordPath);
        fields["_handler"] = action;

        var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(target.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_disabled_Administrators_cookie_is_refused_at_its_next_request_and_nothing_is_written(string action)
    {
        var (admin, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var (url, fields) = FormFor(action, target.Id);
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, url);
        fields["_handler"] = action;

        // Another Administrator disables this one, between loading the form and posting it.
        var other = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Administrator);
        var service = await ServiceAsync();
        Assert.True((await service.Administration.SetDisabledAsync(await StaffAccounts.PrincipalAsync(portal, other.Id), admin.Id, true)).Succeeded);
        var before = await SnapshotAsync(target.Id);

        var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

        // The cookie is compared with the account on every request (decision 0020), so the request is signed out
        // before the form's handler runs (its antiforgery token belonged to the signed-in account: 400, or a
        // redirect to sign in). The service's own check (AccountAdministration re-reads the actor) stays as the
        // second line; it is what refuses a live circuit's principal.
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect || body.Contains("Only an active Administrator", StringComparison.Ordinal), $"{response.StatusCode}: {body}");
        Assert.NotEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync(target.Id));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_post_without_or_with_a_wrong_antiforgery_token_is_refused_and_nothing_is_written(string action)
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var before = await SnapshotAsync(target.Id);
        var (url, fields) = FormFor(action, target.Id);
        fields["_handler"] = action;

        var without = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);

        fields["__RequestVerificationToken"] = "CfDJ8-not-a-real-token";
        var wrong = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        // A real token of another session does not do either.
        var (_, otherClient) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(otherClient, url);
        var stolen = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);

        Assert.Equal(before, await SnapshotAsync(target.Id));
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("secretariat")]
    [InlineData("disabled administrator")]
    public async Task The_service_refuses_every_action_from_anyone_but_an_active_Administrator_and_writes_nothing(string who)
    {
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        ClaimsPrincipal actor = who switch
        {
            "anonymous" => new ClaimsPrincipal(new ClaimsIdentity()),
            "secretariat" => await StaffAccounts.PrincipalAsync(portal, (await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat)).Id),
            _ => await StaffAccounts.PrincipalAsync(portal, (await StaffAccounts.CreateUserAsync(portal, PortalRoles.Administrator, disabled: true)).Id),
        };
        var before = await SnapshotAsync(target.Id);
        int usersBefore;
        await using (var db = portal.Database.CreateContext())
        {
            usersBefore = await db.Users.CountAsync();
        }

        var service = await ServiceAsync();
        var results = new[]
        {
            await service.Administration.CreateAsync(actor, "Intruder", $"x-{Guid.NewGuid():N}@example.org", PortalRoles.Administrator, "an intruder's password"),
            await service.Administration.SetDisabledAsync(actor, target.Id, true),
            await service.Administration.ChangeRoleAsync(actor, target.Id, PortalRoles.Administrator),
            await service.Administration.ResetPasswordAsync(actor, target.Id, "an intruder's password"),
            await service.Administration.ResetAuthenticatorAsync(actor, target.Id),
        };

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.All(results, r => Assert.Contains("Only an active Administrator", r.Message, StringComparison.Ordinal));
        Assert.Empty(await service.Administration.ListAsync(actor));
        Assert.Equal(before, await SnapshotAsync(target.Id));
        await using (var db = portal.Database.CreateContext())
        {
            Assert.Equal(usersBefore, await db.Users.CountAsync());
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_hold_back_that_account_from_that_address_for_15_minutes_even_against_the_right_one()
    {
        // Issue 20: counted per account and client address (SignInThrottle), not Identity's lockout of the account,
        // which anyone could trigger; the message is the one every failure gets. (Security/SignInThrottleTests shows
        // the owner signing in from another address meanwhile.)
        var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var client = StaffAccounts.NewClient(portal);
        for (var i = 1; i <= 5; i++)
        {
            Assert.Contains("Sign-in failed", await (await StaffAccounts.SignInAsync(client, user.Email!, $"wrong password {i}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var right = await StaffAccounts.SignInAsync(client, user.Email!, StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Sign-in failed", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = portal.Database.CreateContext();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Null(stored.LockoutEnd);
        var kinds = await db.AccountActivities.Where(a => a.UserId == user.Id).Select(a => a.Kind).ToListAsync();
        Assert.Equal(5, kinds.Count(k => k == AccountActivityKind.SignInFailed));
        Assert.Equal(1, kinds.Count(k => k == AccountActivityKind.LockedOut));
    }

    [Fact]
    public async Task Sign_ins_and_failures_are_recorded_with_time_and_client_address()
    {
        var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var started = DateTime.UtcNow.AddSeconds(-1);
        await StaffAccounts.SignInAsync(StaffAccounts.NewClient(portal), user.Email!, "not the password");
        await StaffAccounts.SignedInClientAsync(portal, user.Email!);
        await StaffAccounts.SignInAsync(StaffAccounts.NewClient(portal), $"nobody-{Guid.NewGuid():N}@example.org", "whatever it is");

        await using var db = portal.Database.CreateContext();
        var entries = await db.AccountActivities.Where(a => a.UserId == user.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AccountActivityKind.SignInFailed, AccountActivityKind.SignIn], entries.Select(e => e.Kind));
        Assert.All(entries, e => Assert.InRange(e.OccurredAt, started, DateTime.UtcNow.AddSeconds(1)));
        Assert.All(entries, e => Assert.Equal(DateTimeKind.Utc, e.OccurredAt.Kind));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.ClientAddress)));
        Assert.True(await db.AccountActivities.AnyAsync(a => a.UserId == null && a.Kind == AccountActivityKind.SignInFailed && a.Detail == "no such account"));
    }

    private async Task<int> ActivityCountAsync()
    {
        await using var db = portal.Database.CreateContext();
        return await db.AccountActivities.CountAsync();
    }

    private static string SuccessMessage(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(".form-message.success")?.TextContent ?? "";

    private static async Task<HttpResponseMessage> PostAndFollowAsync(HttpClient client, string url, string form, Dictionary<string, string> fields) =>
        await StaffAccounts.FollowSeeOtherAsync(client, await StaffAccounts.PostFormAsync(client, url, form, fields));

    private async Task<(IServiceScope Scope, AccountAdministration Administration)> ServiceAsync()
    {
        var scope = portal.Services.CreateScope();
        await Task.CompletedTask;
        return (scope, scope.ServiceProvider.GetRequiredService<AccountAdministration>());
    }

    private static async Task<List<string?>> RolesOfAsync(BaliProcess.Data.BaliProcessDbContext db, string userId) =>
        await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();

    /// <summary>Everything an admin action could change about an account, plus how many accounts there are.</summary>
    private async Task<string> SnapshotAsync(string userId)
    {
        await using var db = portal.Database.CreateContext();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == userId);
        var roles = string.Join(",", await RolesOfAsync(db, userId));
        var intruders = await db.Users.CountAsync(x => x.DisplayName == "Intruder");
        var tokens = string.Join(",", await db.UserTokens.Where(t => t.UserId == userId).OrderBy(t => t.Name).Select(t => t.Name + "=" + t.Value).ToListAsync());
        return $"{u.IsDisabled}|{u.MustChangePassword}|{u.PasswordHash}|{u.SecurityStamp}|{u.TwoFactorEnabled}|{tokens}|{roles}|{intruders}";
    }
}
