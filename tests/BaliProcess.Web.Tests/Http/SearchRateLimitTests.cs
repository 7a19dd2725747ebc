using System.Net;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Http;

[Collection(RateLimitCollection.Name)]
public sealed class SearchRateLimitTests(RateLimitedPortal limited)
{
    [Fact]
    public async Task Past_its_budget_a_client_gets_a_429_page_in_plain_words_and_browsing_still_works()
    {
        var client = limited.Portal.CreateClient();
        for (var i = 0; i < RateLimitedPortal.Budget; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/search?q=money{i}", UriKind.Relative))).StatusCode);
        }

        var (status, document) = await Html.GetAsync(client, "/search?q=one+more");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("Too many searches", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var rejected = await client.GetAsync(new Uri("/search?q=again", UriKind.Relative));
        Assert.Equal("60", rejected.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/members", UriKind.Relative))).StatusCode);
    }
}
