using System.Net;
using AngleSharp.Dom;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Languages;

namespace BaliProcess.Web.Tests.Accounts;

/// <summary>
/// The account pages under "/id" (issue 22): Indonesian throughout, names and addresses marked lang="en", and signing
/// in, the outcome of an admin change and signing out all staying in the reader's language.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class AccountsIndonesianTests(PortalFactory portal)
{
    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();

    /// <summary>
    /// GETs an Indonesian page and checks it. A record's own words in the page's &lt;title&gt; cannot carry lang="en" (no
    /// element holds them there), so <paramref name="recordWordsInTitle"/> are taken out of the title before the check.
    /// </summary>
    private static async Task<IDocument> IndonesianAsync(HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK, params string[] recordWordsInTitle)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{url} answered {(int)response.StatusCode}");
        var document = Parser.ParseDocument(html);
        foreach (var words in recordWordsInTitle)
        {
            document.Title = document.Title!.Replace(words, "", StringComparison.Ordinal);
        }

        IndonesianPage.AssertIndonesian(document, url);
        return document;
    }

    [Fact]
    public async Task Signing_in_from_an_Indonesian_page_returns_to_it_and_signing_out_stays_Indonesian()
    {
        var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
        using var client = StaffAccounts.NewClient(portal);

        // The cookie challenge keeps the prefix (PathBase): the sign-in page and the address to return to are Indonesian.
        var challenge = await client.GetAsync(new Uri("/id/account/change-password", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var signIn = challenge.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/id/account/sign-in?returnUrl=%2Fid%2Faccount%2Fchange-password", signIn, StringComparison.Ordinal);
        var page = await IndonesianAsync(client, signIn);
        Assert.Equal("Masuk staf", page.QuerySelector("main h1")!.TextContent.Trim());
        var empty = await StaffAccounts.PostFormAsync(client, signIn, "sign-in", new() { ["Input.Email"] = "" });
        Assert.Contains("Masukkan alamat email Anda.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrong = await StaffAccounts.PostFormAsync(client, signIn, "sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "not the password at all" });
        Assert.Contains("Gagal masuk: alamat email atau kata sandi salah", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await StaffAccounts.PostFormAsync(client, signIn, "sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/id/account/change-password", right.Headers.Location!.AbsolutePath);

        // Without a return address, the staff home in the page's language.
        using var second = StaffAccounts.NewClient(portal);
        var plain = await StaffAccounts.PostFormAsync(second, "/id/account/sign-in", "sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = StaffAccounts.Password });
        Assert.Equal("/id/staff", plain.Headers.Location!.AbsolutePath);

        var settings = await IndonesianAsync(client, "/id/account/change-password");
        Assert.Contains("Ubah kata sandi Anda", settings.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", settings.QuerySelector(".staff-bar strong")!.GetAttribute("lang"));
        Assert.Contains("Kata sandi saat ini salah.", await (await StaffAccounts.PostFormAsync(client, "/id/account/change-password", "change-password", new()
        {
            ["Input.CurrentPassword"] = "a wrong current password", ["Input.NewPassword"] = "a brand new pass phrase", ["Input.ConfirmPassword"] = "a brand new pass phrase",
        })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await IndonesianAsync(client, "/id/account/authenticator");

        var signedOut = await StaffAccounts.PostFormAsync(client, "/id/account/sign-out", "sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/id/account/sign-out", signedOut.Headers.Location!.AbsolutePath);
        var after = await IndonesianAsync(client, "/id/account/sign-out");
        Assert.Contains("Anda telah keluar.", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The English pages are as they were.
        var english = Parser.ParseDocument(await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative)));
        Assert.Equal("Staff sign-in", english.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_admin_pages_are_Indonesian_and_a_change_and_a_refusal_say_so_in_Indonesian()
    {
        var (admin, client) = await StaffAccounts.SignedInAsAsync(portal, PortalRoles.Administrator);
        var target = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);

        var list = await IndonesianAsync(client, "/id/admin/accounts");
        Assert.Equal("Akun staf", list.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(list.QuerySelectorAll("td a[lang=en]"), a => a.TextContent == target.DisplayName && a.GetAttribute("href") == $"/id/admin/accounts/{target.Id}");
        Assert.Contains(list.QuerySelectorAll("select#role option"), o => o.GetAttribute("value") == PortalRoles.Secretariat && o.TextContent == "Sekretariat");

        var account = await IndonesianAsync(client, $"/id/admin/accounts/{target.Id}", HttpStatusCode.OK, target.DisplayName);
        Assert.Equal(target.DisplayName, account.QuerySelector("main h1[lang=en]")!.TextContent);
        await IndonesianAsync(client, "/id/admin/activity");

        // A change made: 303 to the Indonesian page, whose outcome cookie reaches it and says it in Indonesian.
        var posted = await StaffAccounts.PostFormAsync(client, $"/id/admin/accounts/{target.Id}", "change-role", new() { ["RoleForm.Role"] = PortalRoles.Administrator });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal($"/id/admin/accounts/{target.Id}", posted.Headers.Location!.OriginalString);
        var shown = await StaffAccounts.FollowSeeOtherAsync(client, posted);
        Assert.Contains($"{target.DisplayName} kini memiliki peran Administrator.", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A refusal from the service, in the page's language.
        var own = await StaffAccounts.PostFormAsync(client, $"/id/admin/accounts/{admin.Id}", "account-state", new() { ["StateForm.Action"] = "disable" });
        Assert.Contains("Anda tidak dapat menonaktifkan akun Anda sendiri.", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Identity's own messages (the describer): a taken address.
        var taken = await StaffAccounts.PostFormAsync(client, "/id/admin/accounts", "create-account", new()
        {
            ["Input.DisplayName"] = "Someone Else", ["Input.Email"] = target.Email!, ["Input.Role"] = PortalRoles.Secretariat, ["Input.InitialPassword"] = "initial password 1",
        });
        Assert.Contains("Akun dengan alamat email itu sudah ada.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
