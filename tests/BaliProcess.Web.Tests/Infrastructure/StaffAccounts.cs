using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Browser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>
/// Staff accounts for tests: create one with a role in a portal's database, get an HttpClient signed in
/// through the real sign-in form (antiforgery token and all), post any static form, sign in a browser page.
/// </summary>
public static partial class StaffAccounts
{
    /// <summary>A password that satisfies the portal's policy.</summary>
    public const string Password = "correct horse battery staple";

    private static readonly HtmlParser Parser = new();

    /// <summary>Creates an account (e-mail unique per call unless given) in the portal's database and returns it.</summary>
    public static async Task<PortalUser> CreateUserAsync(
        PortalFactory portal, string role, string? email = null, string password = Password, string? displayName = null,
        bool mustChangePassword = false, bool disabled = false)
    {
        ArgumentNullException.ThrowIfNull(portal);
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? $"Test {role}",
            MustChangePassword = mustChangePassword,
            IsDisabled = disabled,
            CreatedAt = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, password));
        if (role.Length > 0)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    /// <summary>The principal a signed-in request of this account would carry (for calling services directly).</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(PortalFactory portal, string userId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No user {userId}");
        var principal = await factory.CreateAsync(user);

        // As a real sign-in does (PortalSignInManager): the write path checks the session's age too.
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(PortalSession.SignedInAt(DateTimeOffset.UtcNow));
        return principal;
    }

    /// <summary>An HttpClient that keeps cookies and does not follow redirects (so tests see them).</summary>
    public static HttpClient NewClient(PortalFactory portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>Signs in through the real form; fails the test unless the portal answers with a redirect and a session cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(PortalFactory portal, string email, string password = Password)
    {
        var client = NewClient(portal);
        var response = await SignInAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.session=", StringComparison.Ordinal));
        return client;
    }

    /// <summary>Creates an account with the role and returns a client signed in as it.</summary>
    public static async Task<(PortalUser User, HttpClient Client)> SignedInAsAsync(PortalFactory portal, string role)
    {
        var user = await CreateUserAsync(portal, role);
        return (user, await SignedInClientAsync(portal, user.Email!));
    }

    /// <summary>Posts the sign-in form; returns the raw answer (redirect on success, 200 with a message on failure).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, AccountsSetup.SignInPath, "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the static form named <paramref name="formName"/> (Blazor's
    /// _handler) with its hidden fields and antiforgery token, overrides/adds <paramref name="fields"/> and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string formName, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetAsync(new Uri(pageUrl, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{pageUrl} answered {(int)page.StatusCode}");
        var document = await Parser.ParseDocumentAsync(html);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {pageUrl}");

        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            values[input.Name!] = input.Value;
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// The page an admin form's answer leads to: a change that was made answers 303 See Other (Post/Redirect/Get),
    /// which is followed with a GET as a browser would; any other answer is returned as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> FollowSeeOtherAsync(HttpClient client, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode == HttpStatusCode.SeeOther
            ? await client.GetAsync(response.Headers.Location ?? throw new InvalidOperationException("303 without a Location"))
            : response;
    }

    /// <summary>The antiforgery token a page's forms carry (for tests that post by hand).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = await Parser.ParseDocumentAsync(await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative)));
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
    }

    /// <summary>The password the portal wrote to its log for the first Administrator (admin@localhost).</summary>
    public static string InitialAdministratorPassword(PortalFactory portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var line = portal.LogMessages.LastOrDefault(m => m.StartsWith(FirstAdministrator.LogLinePrefix, StringComparison.Ordinal) && m.Contains("password", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The portal logged no initial administrator password.");
        return InitialPasswordPattern().Match(line).Groups[1].Value;
    }

    /// <summary>Signs a Playwright page in through the sign-in form and waits to leave it.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(AccountsSetup.SignInPath);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal) || url.Contains("/account/sign-in/code", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex(@"with the password (\S+)")]
    private static partial Regex InitialPasswordPattern();
}
