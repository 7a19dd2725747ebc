using BaliProcess.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Extra configuration (key, value) applied after the defaults.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra services, e.g. a log sink that records what the portal logs.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Use this database (shared with another factory: a second instance) instead of a new one.</summary>
    public TestDatabase? SharedDatabase { get; init; }

    public async Task InitializeAsync()
    {
        database = SharedDatabase ?? await TestDatabase.CreateAsync("web");
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
        // The test host speaks plain HTTP; HTTPS redirection has its own test (Operations/FreshStartTests).
        builder.UseSetting("Security:RequireHttps", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ExtraServices is not null)
        {
            builder.ConfigureTestServices(ExtraServices);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (database is not null && SharedDatabase is null)
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
