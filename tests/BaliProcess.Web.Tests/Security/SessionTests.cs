using System.Net;
using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// Sign-out ends the session everywhere, sessions have an absolute lifetime, and the write path applies the session
/// rules itself (issue 20: a copy of the cookie taken before "Sign out" still opened /staff, and an open editor kept
/// saving after sign-out in another tab).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SessionTests(EditingFixture fixture)
{
    [Fact]
    public async Task A_copy_of_the_session_cookie_taken_before_sign_out_no_longer_opens_staff()
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        var client = StaffAccounts.NewClient(fixture.Portal);
        var signIn = await StaffAccounts.SignInAsync(client, user.Email!, StaffAccounts.Password);
        var copy = SessionCookie(signIn);

        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(copy, "/staff")).StatusCode);
        var signedOut = await StaffAccounts.PostFormAsync(client, "/account/sign-out", "sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replay = await WithCookieAsync(copy, "/staff");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/account/sign-in", replay.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_editor_whose_session_was_signed_out_elsewhere_cannot_save()
    {
        var (user, principal) = await fixture.SecretariatAsync("Two Tabs");
        var (_, items) = await fixture.NewPlanAsync(principal, $"Signed-out editor plan {Guid.NewGuid():N}", 1);

        // "Sign out" in another tab renews the stamp; the editor's circuit still holds the old principal.
        await using (var scope = fixture.Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        }

        var result = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal,
            new StatusChangeRequest(items[0].Id, items[0].Version, ActionItemStatus.Ongoing, "Saved after sign-out", new DateOnly(2018, 1, 2))));
        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.Equal(RefusalReason.SessionEnded, result.Refusal);
    }

    [Fact]
    public async Task The_write_path_refuses_a_session_past_its_lifetime_and_an_account_that_must_change_its_password()
    {
        var (_, editor) = await fixture.SecretariatAsync("Plan Maker");
        var (_, items) = await fixture.NewPlanAsync(editor, $"Session rules plan {Guid.NewGuid():N}", 1);
        var item = items[0];

        var (_, old) = await fixture.SecretariatAsync("Long Session");
        var identity = (ClaimsIdentity)old.Identity!;
        identity.RemoveClaim(identity.FindFirst(PortalSession.SignedInAtClaim));
        identity.AddClaim(PortalSession.SignedInAt(DateTimeOffset.UtcNow - new AccountOptions().SessionLifetime - TimeSpan.FromMinutes(1)));
        var tooOld = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(old,
            new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.Ongoing, "From a day-old session", new DateOnly(2018, 1, 2))));
        Assert.Equal(RefusalReason.SessionEnded, tooOld.Refusal);

        var mustChange = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat, mustChangePassword: true);
        var first = await StaffAccounts.PrincipalAsync(fixture.Portal, mustChange.Id);
        var refused = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(first,
            new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.Ongoing, "Before choosing a password", new DateOnly(2018, 1, 2))));
        Assert.Equal(RefusalReason.MustChangePassword, refused.Refusal);
    }

    [Fact]
    public Task A_session_ends_at_its_absolute_lifetime_however_active_it_is()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return WithPortalAsync(
            new PortalFactory
            {
                Settings = new Dictionary<string, string> { ["Accounts:SessionLifetime"] = "01:00:00", ["Accounts:IdleTimeout"] = "1.00:00:00" },
                ExtraServices = services => services.AddSingleton<TimeProvider>(clock),
            },
            async portal =>
            {
                var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
                var client = await StaffAccounts.SignedInClientAsync(portal, user.Email!);
                for (var minutes = 0; minutes < 55; minutes += 11)
                {
                    // Active all along: a request every 11 minutes, each past the revalidation interval.
                    clock.Advance(TimeSpan.FromMinutes(11));
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/staff", UriKind.Relative))).StatusCode);
                }

                clock.Advance(TimeSpan.FromMinutes(6));
                var after = await client.GetAsync(new Uri("/staff", UriKind.Relative));
                Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
                Assert.Contains("/account/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
            });
    }

    private async Task<HttpResponseMessage> WithCookieAsync(string cookie, string path)
    {
        using var client = fixture.Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(AccountsSetup.SessionCookieName + "=", StringComparison.Ordinal));

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
