using System.Text;
using BaliProcess.Web.Components;
using Microsoft.AspNetCore.DataProtection;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// Post/Redirect/Get for the administrators' forms: after a change is made, the answer is 303 See Other to a
/// page that shows the outcome, so refreshing that page asks for it again instead of posting the form a
/// second time. The message travels in a short-lived cookie read (and deleted) by the next GET of the admin
/// pages, as ASP.NET Core Identity's own pages carry their status message; it is protected with the
/// portal's data-protection key ring, so only the portal can have written it.
/// </summary>
public sealed class AccountOutcomeRedirect(IDataProtectionProvider dataProtection, IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>The cookie's name without HTTPS; where HTTPS is required it is "__Secure-" + this.</summary>
    public const string CookieName = "portal.outcome";

    // Its path is an area, not "/", so it cannot be __Host-; __Secure- where HTTPS is required (decision 0020).
    private readonly string cookieName = AccountsSetup.SecureCookies(configuration, environment) ? "__Secure-" + CookieName : CookieName;

    private readonly bool alwaysSecure = AccountsSetup.SecureCookies(configuration, environment);

    /// <summary>
    /// The areas whose pages show an outcome; the cookie's path is the area, so it reaches only its pages (and
    /// never a public one). /account carries "Your password is changed", which used to travel as ?done=true
    /// in the address, where anyone could write it with a link of their choosing (issue 20).
    /// </summary>
    private static readonly string[] Areas = [PortalRoutes.Admin, "/account"];

    private readonly IDataProtector protector = dataProtection.CreateProtector("BaliProcess.Accounts.Outcome.v1");

    /// <summary>Answers 303 See Other to <paramref name="url"/> (a local /admin or /account address), carrying the outcome.</summary>
    public void SeeOther(HttpContext context, string url, AccountResult outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        var area = AreaOf(url) ?? throw new ArgumentException("Only admin and account pages show an outcome.", nameof(url));
        var value = protector.Protect(Encoding.UTF8.GetBytes((outcome.Succeeded ? "1" : "0") + outcome.Message));

        // Under "/id" the page and its cookie live under the Indonesian addresses (the prefix is the PathBase).
        context.Response.Cookies.Append(cookieName, Convert.ToBase64String(value), Options(context, context.Request.PathBase + area, TimeSpan.FromMinutes(1)));
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = context.Request.PathBase + url;
    }

    private static string? AreaOf(string path) =>
        Areas.FirstOrDefault(a => path == a || path.StartsWith(a + "/", StringComparison.Ordinal) || path.StartsWith(a + "?", StringComparison.Ordinal));

    /// <summary>The outcome a redirect carried to this GET (once: the cookie is deleted), or null.</summary>
    public AccountResult? Take(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Cookies.TryGetValue(cookieName, out var value))
        {
            return null;
        }

        context.Response.Cookies.Delete(cookieName, Options(context, context.Request.PathBase + (AreaOf(context.Request.Path.Value ?? "") ?? PortalRoutes.Admin), null));
        try
        {
            var text = Encoding.UTF8.GetString(protector.Unprotect(Convert.FromBase64String(value)));
            return text.Length == 0 ? null : new AccountResult(text[0] == '1', text[1..]);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            // A cookie the portal did not write (or from a retired key): nothing to show.
            return null;
        }
    }

    private CookieOptions Options(HttpContext context, string area, TimeSpan? maxAge) => new()
    {
        Path = area,
        HttpOnly = true,
        Secure = alwaysSecure || context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
        MaxAge = maxAge,
    };
}
