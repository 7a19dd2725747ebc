using System.Net;
using System.Net.Sockets;
using System.Text;
using BaliProcess.Web.Tests.Browser;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// A NUL byte in a path gets a 400 a person or a program can read: problem+json under /api, a page otherwise. Kestrel
/// refuses such a request line before any middleware (it used to answer an empty 400), so this is checked on a real
/// Kestrel port (the browser collection's portal; no page is opened) and on the in-memory server, which lets it through.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NulPathTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/meetings/a%00b", "text/html")]
    [InlineData("/%00", "text/html")]
    [InlineData("/api/v1/meetings/a%00b", "application/problem+json")]
    [InlineData("/members?name=a%00b", null)]
    public async Task On_kestrel_a_nul_in_the_path_gets_a_400_with_a_readable_body(string target, string? mediaType)
    {
        var (status, headers, body) = await RawGetAsync(browser.Portal.ServerAddress, target);
        if (mediaType is null)
        {
            // A NUL in the query string is no path: the page ignores the odd filter, as it does any other.
            Assert.Equal(200, status);
            return;
        }

        Assert.Equal(400, status);
        Assert.StartsWith($"Content-Type: {mediaType}", headers.Split("\r\n").Single(h => h.StartsWith("Content-Type:", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(mediaType == "text/html" ? "This address cannot be read" : "\"status\":400", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refused_line_the_portal_answers_the_next_connection_as_usual()
    {
        Assert.Equal(400, (await RawGetAsync(browser.Portal.ServerAddress, "/members%00")).Status);
        using var client = new HttpClient { BaseAddress = browser.Portal.ServerAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/members", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/meetings/a%00b", "text/html")]
    [InlineData("/api/v1/statements/x%00", "application/problem+json")]
    public async Task On_a_server_that_decodes_it_the_portal_answers_the_same(string path, string mediaType)
    {
        using var client = browser.Portal.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    /// <summary>One GET written by hand, so that nothing between the test and Kestrel rewrites the %00.</summary>
    private static async Task<(int Status, string Headers, string Body)> RawGetAsync(Uri server, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? answer : answer[..split];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head, split < 0 ? "" : answer[(split + 4)..]);
    }
}
