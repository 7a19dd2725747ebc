using System.Net;
using System.Text.RegularExpressions;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// Where HTTPS is required (Production), every cookie is Secure whatever the request says and those on "/" carry
/// the __Host- prefix (issue 20); nginx's affinity cookie is Secure behind TLS.
/// </summary>
public sealed partial class CookieTests
{
    [Fact]
    public async Task With_https_required_the_session_and_antiforgery_cookies_are_host_prefixed_and_secure()
    {
        var portal = new PortalFactory { Settings = new Dictionary<string, string> { ["Security:RequireHttps"] = "true" } };
        await portal.InitializeAsync();
        try
        {
            var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat);
            using var client = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

            // Through the TLS proxy (loopback, trusted): X-Forwarded-Proto https.
            using var get = new HttpRequestMessage(HttpMethod.Get, AccountsSetup.SignInPath);
            get.Headers.Add("X-Forwarded-Proto", "https");
            using var page = await client.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-portal.antiforgery=", StringComparison.Ordinal));
            AssertSecureHostCookie(antiforgery);
            var html = await page.Content.ReadAsStringAsync();
            var token = TokenPattern().Match(html).Groups[1].Value;

            using var post = new HttpRequestMessage(HttpMethod.Post, AccountsSetup.SignInPath)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "sign-in", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                    ["Input.Email"] = user.Email!, ["Input.Password"] = StaffAccounts.Password,
                }),
            };
            post.Headers.Add("X-Forwarded-Proto", "https");
            post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
            using var signedIn = await client.SendAsync(post);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            AssertSecureHostCookie(Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountsSetup.SecureSessionCookieName + "=", StringComparison.Ordinal)));
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
        }
    }

    [Fact]
    public void Nginx_marks_its_affinity_cookie_secure_behind_tls()
    {
        var root = TestPaths.RepositoryRoot;
        var compose = File.ReadAllText(Path.Combine(root, "deploy", "nginx-compose.conf"));
        Assert.Contains("SameSite=Lax; Secure\"", compose, StringComparison.Ordinal);
        var cluster = File.ReadAllText(Path.Combine(root, "deploy", "nginx-cluster.conf.template"));
        Assert.Contains("SameSite=Lax$affinity_secure\"", cluster, StringComparison.Ordinal);
        Assert.Contains("https   \"; Secure\";", cluster, StringComparison.Ordinal);
        foreach (var conf in new[] { compose, cluster })
        {
            Assert.Contains("proxy_set_header X-Forwarded-Host \"\";", conf, StringComparison.Ordinal);
        }
    }

    private static void AssertSecureHostCookie(string setCookie)
    {
        var attributes = setCookie.ToLowerInvariant();
        Assert.Contains("; secure", attributes, StringComparison.Ordinal);
        Assert.Contains("; path=/", attributes, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", attributes, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
