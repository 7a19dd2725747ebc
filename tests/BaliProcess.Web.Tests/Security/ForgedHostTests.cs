using System.Net;
using BaliProcess.Web.Tests.Editing;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// Absolute links and redirects name the configured public address, never a host the client sent (issue 20:
/// `X-Forwarded-Host: evil.example` used to reach the canonical link, JSON-LD, citations, the sitemap, Atom, the
/// API's Link headers and redirects, and a CDN kept the poisoned page for everyone).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ForgedHostTests(EditingFixture fixture)
{
    private const string Evil = "evil.example";

    public static TheoryData<string> Paths => new()
    {
        "/members/palau",                                                               // canonical + JSON-LD
        "/meetings/eighth-ministerial-conference-2023",                                 // JSON-LD
        "/statements/eighth-ministerial-conference-2023-co-chairs-statement",          // citation meta tags, permalinks
        "/statements/eighth-ministerial-conference-2023-co-chairs-statement/cite.ris", // citation files
        "/statements/eighth-ministerial-conference-2023-co-chairs-statement/cite.json",
        "/sitemap.xml",
        "/robots.txt",
        "/changes.atom",
        "/api/v1/members?pageSize=5",                                                   // Link headers
        "/staff",                                                                       // redirect to sign-in
        "/account/sign-in",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_forged_host_or_forwarded_host_appears_in_no_link_header_or_redirect(string path)
    {
        using var client = fixture.Portal.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var forge in new Action<HttpRequestMessage>[]
                 {
                     r => r.Headers.Add("X-Forwarded-Host", Evil),
                     r => r.Headers.Host = Evil,
                     r => r.Headers.Add("Forwarded", $"host={Evil}"),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            forge(request);
            using var response = await client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
            var headers = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => $"{h.Key}: {v}"));
            Assert.DoesNotContain(headers, h => h.Contains(Evil, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(Evil, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Links_name_the_public_address_and_a_redirect_stays_on_it()
    {
        using var client = fixture.Portal.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("X-Forwarded-Host", Evil);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", location.ToString());

        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Contains("<loc>http://localhost/members/palau</loc>", sitemap, StringComparison.Ordinal);
    }
}
