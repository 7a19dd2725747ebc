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
    };

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
