using System.Net;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Http;

/// <summary>When the database goes away, visitors get a plain explanation and a 503, never a stack trace.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task A_vanished_database_gives_a_503_page_in_plain_words_and_an_unhealthy_health_check()
    {
        var portal = new PortalFactory();
        await portal.InitializeAsync();
        try
        {
            var client = portal.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/members", UriKind.Relative))).StatusCode);

            await portal.Database.DropAsync();

            // A page not served before: pages already in the output cache keep being served while the
            // database is away, which is what visitors want; a page that needs the database says why it cannot.
            var (status, document) = await Html.GetAsync(client, "/meetings");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("database is not reachable", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", document.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", document.Body.TextContent, StringComparison.Ordinal);

            var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
        }
    }
}
