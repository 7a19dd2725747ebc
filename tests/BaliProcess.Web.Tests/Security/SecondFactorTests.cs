using System.Net;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BaliProcess.Web.Tests.Accounts;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// The second factor and the accounts of others (issue 20): adding an authenticator app, removing it and making new
/// recovery codes need the password (and a current code) again; resetting another Administrator needs the acting
/// Administrator's own password, is recorded, and the owner is told at their next sign-in.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SecondFactorTests(EditingFixture fixture)
{
    [Fact]
    public async Task Adding_removing_and_new_recovery_codes_each_need_the_password_and_a_code_again()
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        var client = await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        var setup = await Html.GetOkAsync(client, AccountsSetup.AuthenticatorPath);
        var codes = AuthenticatorCodes.FromSetupPage(setup);

        // A session found open is not enough to bind the account to someone's app.
        var noPassword = await StaffAccounts.PostFormAsync(client, AccountsSetup.AuthenticatorPath, "enable-authenticator", new() { ["Input.Password"] = "not the password at all", ["Input.Code"] = codes.Current() });
        Assert.Contains("Your password is not right", await noPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await UserAsync(user.Id)).TwoFactorEnabled);

        var enabled = await StaffAccounts.PostFormAsync(client, AccountsSetup.AuthenticatorPath, "enable-authenticator", new() { ["Input.Password"] = StaffAccounts.Password, ["Input.Code"] = await codes.NextAsync() });
        Assert.Equal(10, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await enabled.Content.ReadAsStringAsync()).QuerySelectorAll("ul.recovery-codes .secret").Length);
        Assert.True((await UserAsync(user.Id)).TwoFactorEnabled);

        // New recovery codes: neither without the password nor without a current code.
        foreach (var (password, code) in new[] { ("", codes.Current()), (StaffAccounts.Password, ""), (StaffAccounts.Password, codes.Wrong()), (StaffAccounts.Password, codes.Last) })
        {
            var refused = await StaffAccounts.PostFormAsync(client, AccountsSetup.AuthenticatorPath, "new-recovery-codes", new() { ["CodesInput.Password"] = password, ["CodesInput.Code"] = code });
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("password or the code is not right", html, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"recovery-codes\"", html, StringComparison.Ordinal);
        }

        var newCodes = await StaffAccounts.PostFormAsync(client, AccountsSetup.AuthenticatorPath, "new-recovery-codes", new() { ["CodesInput.Password"] = StaffAccounts.Password, ["CodesInput.Code"] = await codes.NextAsync() });
        Assert.Contains("New recovery codes are made", await newCodes.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Removing the app: the same.
        var keep = await StaffAccounts.PostFormAsync(client, AccountsSetup.AuthenticatorPath, "remove-authenticator", new() { ["RemoveInput.Password"] = StaffAccounts.Password, ["RemoveInput.Code"] = codes.Wrong() });
        Assert.Contains("password or the code is not right", await keep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await UserAsync(user.Id)).TwoFactorEnabled);
        var removed = await StaffAccounts.PostFormAsync(client, AccountsSetup.AuthenticatorPath, "remove-authenticator", new() { ["RemoveInput.Password"] = StaffAccounts.Password, ["RemoveInput.Code"] = await codes.NextAsync() });
        Assert.Contains("no longer asks for an authenticator code", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await UserAsync(user.Id)).TwoFactorEnabled);

        await using var db = fixture.Portal.Database.CreateContext();
        Assert.Equal(6, await db.AccountActivities.CountAsync(a => a.UserId == user.Id && a.Kind == AccountActivityKind.ActionRefused));
    }

    [Fact]
    public async Task The_authenticator_forms_refuse_anonymous_and_token_less_posts()
    {
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        var page = await anonymous.GetAsync(new Uri(AccountsSetup.AuthenticatorPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(AccountsSetup.SignInPath, page.Headers.Location?.AbsolutePath);

        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        var client = await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        foreach (var form in new[] { "enable-authenticator", "new-recovery-codes", "remove-authenticator" })
        {
            var tokenLess = await client.PostAsync(new Uri(AccountsSetup.AuthenticatorPath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = form, ["Input.Password"] = StaffAccounts.Password, ["Input.Code"] = "123456",
            }));
            Assert.Equal(HttpStatusCode.BadRequest, tokenLess.StatusCode);
        }

        Assert.False((await UserAsync(user.Id)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Resetting_another_Administrator_needs_ones_own_password_and_a_second_Administrator_and_the_owner_is_told_at_next_sign_in()
    {
        var (acting, client) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Administrator);
        var owner = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Administrator, displayName: "Owner Administrator");
        await StaffAccounts.SignedInClientAsync(fixture.Portal, owner.Email!);   // an earlier session of the owner's
        var url = $"/admin/accounts/{owner.Id}";
        var stampBefore = (await UserAsync(owner.Id)).SecurityStamp;

        foreach (var (form, fields) in new (string, Dictionary<string, string>)[]
                 {
                     ("reset-password", new() { ["PasswordForm.NewPassword"] = "a password set by an intruder", ["PasswordForm.OwnPassword"] = "" }),
                     ("reset-authenticator", new() { ["AuthenticatorForm.OwnPassword"] = "not the password at all" }),
                 })
        {
            var refused = await StaffAccounts.PostFormAsync(client, url, form, fields);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("type your own password as well", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(stampBefore, (await UserAsync(owner.Id)).SecurityStamp);
        Assert.NotEqual(HttpStatusCode.Redirect, (await StaffAccounts.SignInAsync(StaffAccounts.NewClient(fixture.Portal), owner.Email!, "a password set by an intruder")).StatusCode);

        // With the acting Administrator's password, the reset is only asked for: nothing changes until a second
        // Administrator makes the same reset (asking again changes nothing either).
        foreach (var expected in new[] { "resetting an Administrator takes two", "nothing changes until another Administrator" })
        {
            var asked = await StaffAccounts.FollowSeeOtherAsync(client, await StaffAccounts.PostFormAsync(client, url, "reset-authenticator", new() { ["AuthenticatorForm.OwnPassword"] = StaffAccounts.Password }));
            Assert.Contains(expected, await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(stampBefore, (await UserAsync(owner.Id)).SecurityStamp);
        }

        var (second, secondClient) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Administrator);
        Assert.Contains($"{acting.DisplayName} asked on", (await Html.GetOkAsync(secondClient, url)).QuerySelector(".pending-resets")?.TextContent, StringComparison.Ordinal);
        var done = await StaffAccounts.PostFormAsync(secondClient, url, "reset-authenticator", new() { ["AuthenticatorForm.OwnPassword"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        Assert.NotEqual(stampBefore, (await UserAsync(owner.Id)).SecurityStamp);
        Assert.Null((await Html.GetOkAsync(secondClient, url)).QuerySelector(".pending-resets"));

        // The owner's next session shows who changed what, both Administrators named; the one after does not.
        var next = await StaffAccounts.SignedInClientAsync(fixture.Portal, owner.Email!);
        var notice = (await Html.GetOkAsync(next, "/staff")).QuerySelector(".changed-by-others");
        Assert.NotNull(notice);
        Assert.Contains(second.DisplayName, notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Authenticator app removed", notice.TextContent, StringComparison.Ordinal);
        var later = await StaffAccounts.SignedInClientAsync(fixture.Portal, owner.Email!);
        Assert.Null((await Html.GetOkAsync(later, "/staff")).QuerySelector(".changed-by-others"));

        await using var db = fixture.Portal.Database.CreateContext();
        var kinds = await db.AccountActivities.Where(a => a.UserId == owner.Id && a.ActorName == acting.DisplayName).Select(a => a.Kind).ToListAsync();
        Assert.Equal(2, kinds.Count(k => k == AccountActivityKind.ActionRefused));
        Assert.Equal(1, kinds.Count(k => k == AccountActivityKind.ResetRequested));
        var reset = await db.AccountActivities.SingleAsync(a => a.UserId == owner.Id && a.Kind == AccountActivityKind.AuthenticatorDisabled);
        Assert.Equal(second.DisplayName, reset.ActorName);
        Assert.Contains($"asked by {acting.DisplayName}", reset.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_even_when_two_requests_bring_it_at_the_same_moment()
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        string key;
        await using (var scope = fixture.Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            key = (await users.GetAuthenticatorKeyAsync(stored))!;
        }

        var codes = new AuthenticatorCodes(key);
        var code = await codes.NextAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => VerifyAsync(user.Id, code)));
        Assert.Single(answers, accepted => accepted);
        Assert.False(await VerifyAsync(user.Id, code));
        Assert.True(await VerifyAsync(user.Id, await codes.NextAsync()));

        await using var db = fixture.Portal.Database.CreateContext();
        Assert.Equal(1, await db.UserTokens.CountAsync(t => t.UserId == user.Id && t.LoginProvider == OneUseAuthenticatorCodes.StoreName));
    }

    private async Task<bool> VerifyAsync(string userId, string code)
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.VerifyTwoFactorTokenAsync((await users.FindByIdAsync(userId))!, TokenOptions.DefaultAuthenticatorProvider, code);
    }

    [Fact]
    public void Administrators_must_have_an_authenticator_app_unless_a_deployment_relaxes_it() =>
        Assert.True(new AccountOptions().RequireTwoFactorForAdministrators);

    private async Task<PortalUser> UserAsync(string id)
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(id))!;
    }
}
