using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Infrastructure.Security;
using BaliProcess.Web.Tests.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// What a scanner checks before a member government links to the portal (issue 20): the security headers on every
/// kind of page, public and staff; and a scripted hostile scan, in process over HTTP: some 2,000 hostile values in
/// every GET route's parameters and the query parameters the portal reads, with no 5xx, no value reflected into a
/// header, a redirect or a link, and no markup of it in a page.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed partial class HostileScanTests(EditingFixture fixture, ITestOutputHelper output)
{
    /// <summary>Every kind of page and answer: public pages, a record's page, search, the API, feeds, downloads, account and staff pages.</summary>
    private static readonly string[] PublicPages =
    [
        "/", "/members", "/members/palau", "/meetings", "/meetings/eighth-ministerial-conference-2023", "/working-groups", "/work-plans",
        "/statements", "/themes", "/sources", "/documents", "/people", "/timeline", "/search?q=trafficking", "/changes", "/no-such-page",
        "/api/v1/members", "/api/v1/search?q=trafficking", "/api/v1/no-such-thing", "/changes.atom", "/sitemap.xml", "/robots.txt",
        "/download/members.csv", "/api/reference", AccountsSetup.SignInPath,
    ];

    private static readonly string[] StaffPages = ["/staff", "/staff/sources", AccountsSetup.ChangePasswordPath, AccountsSetup.AuthenticatorPath, "/admin/accounts", "/admin/activity"];

    [Fact]
    public async Task Every_kind_of_page_public_and_staff_carries_the_security_headers()
    {
        var (_, admin) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Administrator);
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        foreach (var (client, url) in PublicPages.Select(u => (anonymous, u)).Concat(StaffPages.Select(u => (admin, u))))
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True((int)response.StatusCode < 400 || response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{url}: CSP {csp}");
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
            Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{url}: nosniff");
            Assert.True(Header(response, "Referrer-Policy") == "strict-origin-when-cross-origin", $"{url}: referrer policy");
            Assert.True(Header(response, "X-Frame-Options") == "DENY", $"{url}: X-Frame-Options");
            if (StaffPages.Contains(url) || url.StartsWith("/account", StringComparison.Ordinal))
            {
                // Never kept by a shared cache: signed-in and form pages.
                Assert.DoesNotContain("public", Header(response, "Cache-Control"), StringComparison.Ordinal);
            }
        }

        // HSTS is sent only where HTTPS is required; Operations/FreshStartTests asserts it on a Production-like portal.
    }

    /// <summary>Hostile values a scanner tries: markup, script addresses, other hosts, header splitting, SQL, paths, encodings, sizes.</summary>
    private static readonly string[] HostileValues =
    [
        "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "'\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example", "https://evil.example/", "/\\evil.example",
        "/\t/evil.example", "\r\nX-Injected: yes", "%0d%0aX-Injected:%20yes", "' OR '1'='1", "1; DROP TABLE meetings--",
        "' UNION SELECT null, version()--", "1 AND 1=1", "\" OR \"\"=\"", "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd",
        "%00", "\u0000", "\u000b", "\uFFFF", "\u202Egnp.exe", "{{7*7}}", "${7*7}", "@(1+1)", "<!--", "]]>", "&amp;&lt;", "%",
        "%%", "%25", "+", "&", "=", "?", "#", "\\", "'", "\"", "`", "|", ";", "*", "__proto__", "-1", "0", "99999999999999999999999",
        "1e309", "NaN", "-0", "2000-13-45", "😀", "Türkiye", "null", "[]", "{}", new string('A', 5000), new string('<', 300),
        "<a href=javascript:alert(1)>x</a>", "\" autofocus onfocus=alert(1) x=\"", "a:b", "websearch' & ! | <->",
    ];

    /// <summary>Query parameters some page or API operation reads, plus ones the portal should ignore.</summary>
    private static readonly string[] QueryNames =
        ["q", "theme", "year", "kind", "group", "member", "page", "pageSize", "from", "to", "place", "name", "region", "sort", "mechanism", "status", "returnUrl", "required", "next", "format"];

    [Fact]
    public async Task Two_thousand_hostile_values_over_every_route_and_parameter_give_no_5xx_and_no_reflection_into_headers_redirects_or_links()
    {
        var routes = GetRoutes();
        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");
        var (_, admin) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Administrator);
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);

        // Each value once in every route: in a route parameter where the route has one, else in a query parameter
        // (taken in turn); staff routes signed in as an Administrator, so they are reached, not just redirected.
        var requests = new List<(HttpClient Client, string Url, string Value)>();
        for (var v = 0; v < HostileValues.Length; v++)
        {
            // Every third route for each value (in turn): each route gets some 20 values, all of them kinds, and the
            // whole scan stays near 2,000 requests.
            for (var r = v % 3; r < routes.Count; r += 3)
            {
                var route = routes[r];
                var value = HostileValues[v];
                // A NUL in the path never reaches the portal (Kestrel answers 400 itself; the test host throws), so that
                // one value goes into the query there.
                var url = route.Parameters.Count > 0 && !value.Contains('\0', StringComparison.Ordinal)
                    ? Fill(route, value)
                    : $"{route.Path}?{QueryNames[(v + r) % QueryNames.Length]}={Uri.EscapeDataString(value)}";
                requests.Add((route.Staff ? admin : anonymous, url, value));
            }
        }

        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, ct) =>
        {
            using var response = await request.Client.GetAsync(new Uri(request.Url, UriKind.Relative), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            foreach (var problem in Problems(request.Url, request.Value, response, body))
            {
                failures.Add(problem);
            }
        });
        output.WriteLine($"{requests.Count} requests over {routes.Count} routes in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(requests.Count >= 1900, $"{requests.Count} requests");
        Assert.True(failures.IsEmpty, $"{failures.Count} problems, e.g.:\n{string.Join("\n", failures.Take(15))}");
    }

    private static IEnumerable<string> Problems(string url, string value, HttpResponseMessage response, string body)
    {
        if ((int)response.StatusCode >= 500)
        {
            yield return $"{(int)response.StatusCode} {url}";
        }

        // A value with characters that encoding would change must never appear as it is in a header.
        // (Not one quote alone: ETag and Link headers are made of quotes.)
        var telling = value.Length >= 3 && value.Any(c => c is '<' or '>' or '"' or '\'' or '\r' or '\n' or ' ' or '\\' or '\t');
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.Equals("X-Injected", StringComparison.OrdinalIgnoreCase) || (telling && values.Any(h => h.Contains(value, StringComparison.Ordinal))))
            {
                yield return $"header {name} reflects the value: {url}";
            }
        }

        if (response.Headers.Location is { } location
            && (location.IsAbsoluteUri ? location.Host != "localhost" : location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal)))
        {
            yield return $"redirect off the portal to {location}: {url}";
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            // The text may show the value, encoded; only a real attribute counts (parsed when the text looks like one).
            if (DangerousLink().IsMatch(body)
                && new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).All
                    .SelectMany(e => e.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction"))
                    .FirstOrDefault(a => DangerousAddress().IsMatch(a.Value)) is { } link)
            {
                yield return $"link {link.Name}={link.Value}: {url}";
            }

            // A tag of the value, as it is (Blazor's own <!--...--> markers are not the value's).
            if (MarkupStart().IsMatch(value) && body.Contains(value, StringComparison.Ordinal))
            {
                yield return $"markup reflected unencoded: {url}";
            }
        }
    }

    [GeneratedRegex("""(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript:|data:|vbscript:|//evil|https?://evil)""", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousLink();

    [GeneratedRegex("""^\s*(?:javascript:|data:|vbscript:|//evil|https?://evil)""", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousAddress();

    [GeneratedRegex("<[a-zA-Z/]")]
    private static partial Regex MarkupStart();

    private sealed record Route(string Path, IReadOnlyList<string> Parameters, string Template, bool Staff);

    /// <summary>Every GET route the portal maps (pages, API, downloads, feeds), except the framework's own files and circuits.</summary>
    private List<Route> GetRoutes()
    {
        var sources = fixture.Portal.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText is { } raw && raw.StartsWith('/') && !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.Contains("**", StringComparison.Ordinal)
                        && !raw.Contains('.', StringComparison.Ordinal) | raw.EndsWith(".atom", StringComparison.Ordinal) | raw.EndsWith(".csv", StringComparison.Ordinal) | raw.EndsWith(".json", StringComparison.Ordinal) | raw.EndsWith(".xml", StringComparison.Ordinal))
            .Select(p => new Route(
                p.RawText!.Split('{')[0].TrimEnd('/') is { Length: > 0 } path ? path : "/",
                [.. p.Parameters.Select(x => x.Name)],
                p.RawText!,
                p.RawText!.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) || p.RawText!.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || p.RawText!.StartsWith("/account", StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(r => r.Template)
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();
    }

    private static string Fill(Route route, string value)
    {
        var url = route.Template;
        foreach (var name in route.Parameters)
        {
            url = Regex.Replace(url, "\\{\\*{0,2}" + Regex.Escape(name) + "(:[^}]*)?\\??\\}", Uri.EscapeDataString(value), RegexOptions.IgnoreCase);
        }

        return url;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";
}
