using System.Net;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Tests.Accounts;

/// <summary>The first Administrator, signing in and out, the first-sign-in password change, over HTTP.</summary>
[Collection(AccountsCollection.Name)]
public sealed class SignInTests(PortalFactory portal)
{
    [Fact]
    public async Task Start_up_creates_admin_at_localhost_and_logs_its_random_password_once()
    {
        var lines = portal.LogMessages.Where(m => m.StartsWith(FirstAdministrator.LogLinePrefix, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, string.Join("\n", portal.LogMessages));
        Assert.Contains("admin@localhost", lines[0], StringComparison.Ordinal);
        var password = StaffAccounts.InitialAdministratorPassword(portal);
        Assert.Equal(20, password.Length);

        await using var db = portal.Database.CreateContext();
        var admin = await db.Users.SingleAsync(u => u.Email == FirstAdministrator.DefaultEmail);
        Assert.True(admin.MustChangePassword);
        Assert.DoesNotContain(password, admin.PasswordHash!, StringComparison.Ordinal);
        var roles = await db.UserRoles.Where(r => r.UserId == admin.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([PortalRoles.Administrator], roles);
    }

    [Fact]
    public async Task A_right_password_signs_in_with_a_safe_cookie_and_a_wrong_one_does_not()
    {
        var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var client = StaffAccounts.NewClient(portal);

        var wrong = await StaffAccounts.SignInAsync(client, user.Email!, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Sign-in failed", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await StaffAccounts.SignInAsync(client, user.Email!, StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/staff", right.Headers.Location?.AbsolutePath);
        var cookie = right.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri("/account/change-password", UriKind.Relative));
        Assert.Contains("Signed in as", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_a_local_address()
    {
        var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        var client = StaffAccounts.NewClient(portal);
        var response = await StaffAccounts.PostFormAsync(client, "/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", "sign-in",
            new() { ["Input.Email"] = user.Email!, ["Input.Password"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.AbsolutePath);
        Assert.Equal("localhost", response.Headers.Location?.Host);
    }

    [Fact]
    public async Task An_account_with_a_set_password_must_change_it_before_the_staff_pages()
    {
        var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat, mustChangePassword: true);
        var client = await StaffAccounts.SignedInClientAsync(portal, user.Email!);

        var staff = await client.GetAsync(new Uri("/staff", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Equal(AccountsSetup.ChangePasswordPath, staff.Headers.Location?.OriginalString);

        var tooShort = await StaffAccounts.PostFormAsync(client, AccountsSetup.ChangePasswordPath, "change-password", new()
        {
            ["Input.CurrentPassword"] = StaffAccounts.Password, ["Input.NewPassword"] = "short pass", ["Input.ConfirmPassword"] = "short pass",
        });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        const string newPassword = "a brand new pass phrase";
        var changed = await StaffAccounts.PostFormAsync(client, AccountsSetup.ChangePasswordPath, "change-password", new()
        {
            ["Input.CurrentPassword"] = StaffAccounts.Password, ["Input.NewPassword"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);   // Post/Redirect/Get with the outcome cookie (issue 20)
        var after = await client.GetAsync(new Uri("/staff", UriKind.Relative));
        Assert.NotEqual(AccountsSetup.ChangePasswordPath, after.Headers.Location?.OriginalString);

        await using var db = portal.Database.CreateContext();
        Assert.False((await db.Users.SingleAsync(u => u.Id == user.Id)).MustChangePassword);
        Assert.True(await db.AccountActivities.AnyAsync(a => a.UserId == user.Id && a.Kind == AccountActivityKind.PasswordChanged));
        await StaffAccounts.SignedInClientAsync(portal, user.Email!, newPassword);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Secretariat);
        var signedOut = await StaffAccounts.PostFormAsync(client, "/account/sign-out", "sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var page = await client.GetAsync(new Uri(AccountsSetup.ChangePasswordPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", page.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
