using System.Net;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Editing;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// No redirect out of the portal (issue 20): a return address with a control character or whitespace is refused,
/// and "Your password is changed" travels in the protected outcome cookie, not in ?done=true&amp;next=.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class OpenRedirectTests(EditingFixture fixture)
{
    public static TheoryData<string> Hostile => new()
    {
        "/%09/evil.example",     // a tab: browsers drop it and go to //evil.example
        "/%0A/evil.example",
        "/%0D%0A/evil.example",
        "/%20/evil.example",
        "/%2509/evil.example",   // the tab encoded twice
        "/%5C/evil.example",     // a backslash
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Sign_in_never_returns_to_an_address_with_whitespace_or_control_characters(string returnUrl)
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        var client = StaffAccounts.NewClient(fixture.Portal);
        var response = await StaffAccounts.PostFormAsync(client, $"{AccountsSetup.SignInPath}?returnUrl={returnUrl}", "sign-in",
            new() { ["Input.Email"] = user.Email!, ["Input.Password"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        Assert.Equal("localhost", absolute.Host);
        Assert.Equal("/staff", absolute.AbsolutePath);
    }

    [Fact]
    public async Task The_change_password_page_does_not_announce_a_change_or_link_out_because_the_address_says_so()
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        var page = await client.GetAsync(new Uri($"{AccountsSetup.ChangePasswordPath}?done=true&next=https%3A%2F%2Fevil.example%2F", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Your password is changed", html, StringComparison.Ordinal);
        // (The form posts back to this same address, query and all; no link leads anywhere it names.)
        var links = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!);
        Assert.DoesNotContain(links, href => href.Contains("evil.example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_changed_password_is_confirmed_once_through_the_outcome_cookie_with_a_link_home()
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        var changed = await StaffAccounts.PostFormAsync(client, AccountsSetup.ChangePasswordPath, "change-password", new()
        {
            ["Input.CurrentPassword"] = StaffAccounts.Password,
            ["Input.NewPassword"] = "another long pass phrase",
            ["Input.ConfirmPassword"] = "another long pass phrase",
        });
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        Assert.Equal(AccountsSetup.ChangePasswordPath, changed.Headers.Location?.OriginalString);

        var shown = await client.GetAsync(changed.Headers.Location);
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Contains("Your password is changed", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff\"", html, StringComparison.Ordinal);

        // Once: a refresh shows the form alone.
        Assert.DoesNotContain("Your password is changed", await client.GetStringAsync(changed.Headers.Location), StringComparison.Ordinal);
    }
}
