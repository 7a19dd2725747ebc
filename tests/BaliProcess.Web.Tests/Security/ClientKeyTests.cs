using System.Net;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// Whom the rate limits count (issue 20): behind a second, trusted proxy each visitor by their own address (not the
/// proxy's, which would let one client spend everyone's budget), an address a client writes into X-Forwarded-For
/// itself is not believed, and IPv6 clients count by their /64. The search budget here is
/// <see cref="RateLimitedPortal.Budget"/> a minute; every test uses addresses of its own.
/// </summary>
[Collection(RateLimitCollection.Name)]
public sealed class ClientKeyTests(RateLimitedPortal limited)
{
    [Fact]
    public async Task Behind_a_second_trusted_proxy_each_visitor_has_a_budget_of_their_own_and_a_forged_hop_is_not_believed()
    {
        // "visitor, second proxy", as the loopback proxy passes it on after the trusted second proxy added the visitor.
        var first = $"203.0.113.10, {RateLimitedPortal.SecondProxy}";
        await SpendBudgetAsync(first, "proxied");
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchFromAsync(first, "proxied one more"));

        // Another visitor through the same proxy still searches.
        Assert.Equal(HttpStatusCode.OK, await SearchFromAsync($"203.0.113.11, {RateLimitedPortal.SecondProxy}", "proxied other visitor"));

        // The first visitor, writing a fresh address in front of their own, is still counted as themselves: the
        // walk stops at the first address no trusted proxy vouches for.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchFromAsync("198.51.100.99, 203.0.113.10", "forged hop"));
    }

    [Fact]
    public async Task An_IPv6_client_is_counted_by_its_slash_64_and_the_next_network_is_not()
    {
        await SpendBudgetAsync("2001:db8:aa:1::1", "six");
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchFromAsync("2001:db8:aa:1:ffff:ffff:ffff:fffe", "six rotated"));
        Assert.Equal(HttpStatusCode.OK, await SearchFromAsync("2001:db8:aa:2::1", "six next network"));
    }

    [Fact]
    public async Task Api_searches_spend_the_search_pages_budget_not_the_larger_api_budget()
    {
        const string address = "203.0.113.30";
        for (var i = 0; i < RateLimitedPortal.Budget; i++)
        {
            using var client = ClientFrom(address);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1/search?q=api{i}x{Guid.NewGuid():N}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchFromAsync(address, "after api"));
        using (var client = ClientFrom(address))
        {
            // The other API reads keep their own budget.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/members?page=2", UriKind.Relative))).StatusCode);
        }
    }

    private async Task SpendBudgetAsync(string forwardedFor, string words)
    {
        for (var i = 0; i < RateLimitedPortal.Budget; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await SearchFromAsync(forwardedFor, $"{words} {i}"));
        }
    }

    /// <summary>A search with words never asked before (the output cache would answer a repeat without counting it).</summary>
    private async Task<HttpStatusCode> SearchFromAsync(string forwardedFor, string words)
    {
        using var client = ClientFrom(forwardedFor);
        using var response = await client.GetAsync(new Uri($"/search?q={Uri.EscapeDataString(words)}+{Guid.NewGuid():N}", UriKind.Relative));
        return response.StatusCode;
    }

    private HttpClient ClientFrom(string forwardedFor)
    {
        var client = limited.Portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);   // from the loopback proxy, trusted
        return client;
    }
}
