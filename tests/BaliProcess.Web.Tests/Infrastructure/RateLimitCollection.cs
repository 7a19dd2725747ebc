using System.Net;

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>
/// One portal with small budgets for each rate limit (searches, API requests, sign-in attempts: 3 a minute
/// each), shared by the tests of those limits. Each limit keeps its own count, so the tests do not disturb
/// one another; no other test may use this portal, whose budgets would turn its requests away.
/// </summary>
public sealed class RateLimitedPortal : IAsyncLifetime
{
    public const int Budget = 3;

    public PortalFactory Portal { get; } = new()
    {
        SearchRequestsPerMinute = Budget,
        ApiRequestsPerMinute = Budget,
        SignInAttemptsPerMinute = Budget,

        // A second proxy (a CDN or load balancer) in front of the loopback one, trusted by configuration.
        Settings = { ["ForwardedHeaders:KnownProxies:0"] = SecondProxy },
    };

    /// <summary>The address of a trusted proxy in front of the portal's own (ClientKeyTests).</summary>
    public const string SecondProxy = "192.0.2.200";

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();

        // A first request (not counted by any limit) does the portal's one-time work now, so that the counted
        // requests of a test follow one another quickly: a limit's minute starts at its first counted request.
        using var client = Portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/members", UriKind.Relative))).StatusCode);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Portal).DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RateLimitCollection : ICollectionFixture<RateLimitedPortal>
{
    public const string Name = "rate limits";
}
