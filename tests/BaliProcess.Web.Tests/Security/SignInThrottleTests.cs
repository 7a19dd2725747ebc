using System.Net;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// Enumeration and lockout (issue 20): one message for every failure, and wrong passwords hold back one account
/// from one client address instead of locking the account for everyone.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SignInThrottleTests(EditingFixture fixture)
{
    [Fact]
    public async Task Five_wrong_passwords_from_one_address_do_not_lock_the_owner_out_from_another()
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        var attacker = StaffAccounts.NewClient(fixture.Portal);
        string? firstMessage = null;
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            var wrong = await SignInFromAsync(attacker, "203.0.113.7", user.Email!, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            firstMessage ??= Message(await wrong.Content.ReadAsStringAsync());
        }

        // The attacker's address is held back, even with the right password, with the same message.
        var held = await SignInFromAsync(attacker, "203.0.113.7", user.Email!, StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(firstMessage, Message(await held.Content.ReadAsStringAsync()));

        // The owner, elsewhere, signs in; the account was never locked.
        var owner = await SignInFromAsync(StaffAccounts.NewClient(fixture.Portal), "198.51.100.20", user.Email!, StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        await using var db = fixture.Portal.Database.CreateContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.True(stored.LockoutEnd is null || stored.LockoutEnd <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_unknown_address_a_wrong_password_and_a_disabled_account_get_the_same_message()
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        var disabled = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat, disabled: true);
        var messages = new List<string>();
        foreach (var (email, password) in new[]
                 {
                     ($"nobody-{Guid.NewGuid():N}@example.org", StaffAccounts.Password),
                     (user.Email!, "not the password at all"),
                     (disabled.Email!, StaffAccounts.Password),
                 })
        {
            var response = await SignInFromAsync(StaffAccounts.NewClient(fixture.Portal), "192.0.2.44", email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            messages.Add(Message(await response.Content.ReadAsStringAsync()));
        }

        Assert.Single(messages.Distinct());
        Assert.StartsWith("Sign-in failed", messages[0], StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SignInFromAsync(HttpClient client, string address, string email, string password)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);   // from the loopback proxy, trusted
        return await StaffAccounts.SignInAsync(client, email, password);
    }

    private static string Message(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelector(".form-message.error, [role=alert]")?.TextContent.Trim() ?? "";
    }
}
