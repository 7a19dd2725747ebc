using BaliProcess.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>
/// The real portal (Program.cs and all) on its own throwaway PostgreSQL database. Start-up applies the
/// migrations and loads seed-data/ exactly as in production.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Set before the first request to serve on a real Kestrel port (for the browser tests).</summary>
    public bool UseRealServer { get; init; }

    /// <summary>The search budget per client address; tests share one address, so it is high unless a test sets it.</summary>
    public int SearchRequestsPerMinute { get; init; } = 1_000_000;

    /// <summary>The API budget per client address; high unless a test sets it (tests share one address).</summary>
    public int ApiRequestsPerMinute { get; init; } = 1_000_000;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("web");
        if (UseRealServer)
        {
            UseKestrel(0);
            StartServer();
        }
        else
        {
            // Build the host now, so start-up (migrations and seeding) happens once, before the tests.
            _ = Services;
        }
    }

    /// <summary>The base address of the real server (with <see cref="UseRealServer"/>).</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:BaliProcess", Database.ConnectionString);
        builder.UseSetting("Database:SeedDirectory", TestPaths.SeedDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("RateLimits:SearchRequestsPerMinute", SearchRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ApiRequestsPerMinute", ApiRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "portal";
}

/// <summary>
/// The open-data tests' own portal and database: some of them add a row (a formula-like name, a status
/// change) to prove a download neutralises or reflects it, which must not disturb the other portal tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OpenDataCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "open data";
}
