using System.Collections.Concurrent;
using BaliProcess.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Microsoft.AspNetCore.TestHost;

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>
/// The real portal (Program.cs and all) on its own throwaway PostgreSQL database, a copy of the migrated and
/// seeded template (tests/Shared/DatabaseTemplates.cs). Start-up still applies the migrations and loads
/// seed-data/ exactly as in production; on the copy both find nothing to do. <see cref="EmptyDatabase"/>
/// starts it on an empty database instead, as a first start in production.
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
    /// <summary>The sign-in budget per client address; as high as the search budget unless a test sets it.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 1_000_000;

    /// <summary>More configuration for this portal (key in colon form, e.g. "Accounts:RequireTwoFactorForAdministrators").</summary>
    public IDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    private static readonly Microsoft.Extensions.Caching.Memory.MemoryCache SharedQueryCache = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions());

    /// <summary>Warnings and errors the portal logged (rendered messages), e.g. the first Administrator's password line.</summary>
    public IReadOnlyCollection<string> LogMessages => logSink.Messages;

    private readonly CapturingSink logSink = new();

    /// <summary>Extra services, e.g. a log sink that records what the portal logs.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Use this database (shared with another factory: a second instance) instead of a new one.</summary>
    public TestDatabase? SharedDatabase { get; init; }

    /// <summary>Start on an empty database (no schema, no data), so start-up migrates and seeds it: a first start.</summary>
    public bool EmptyDatabase { get; init; }

    public async Task InitializeAsync()
    {
        database = SharedDatabase ?? (EmptyDatabase ? await TestDatabase.CreateAsync("web") : await TestDatabase.CreateSeededAsync("web"));
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
        // Two roles, as a deployment has them: the portal's owns nothing; migrations and seeding run as the owner.
        builder.UseSetting("ConnectionStrings:BaliProcess", Database.PortalConnectionString);
        builder.UseSetting("ConnectionStrings:BaliProcessOwner", Database.ConnectionString);
        builder.UseSetting("Database:SeedDirectory", TestPaths.SeedDirectory);
        // A copy of the seeded template already holds seed-data/ exactly (the loader made it), so the start-up
        // load would compare every seed file with the database to change nothing, once for each of the suite's
        // portals. Start-up seeding keeps its own tests: FreshStartTests (an empty database) and the portals
        // given a database of their own (a restored export, a second instance).
        if (SharedDatabase is null && !EmptyDatabase)
        {
            builder.UseSetting("Database:SeedOnStartup", "false");
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("RateLimits:SearchRequestsPerMinute", SearchRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ApiRequestsPerMinute", ApiRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The test host speaks plain HTTP; HTTPS redirection has its own test (Operations/FreshStartTests).
        builder.UseSetting("Security:RequireHttps", "false");

        // Warming the search cache after start-up and after every change only saves a visitor time, and here
        // costs each of some twenty portals thirty searches per start and per edit. FreshStartTests keeps it
        // on, as production has it.
        builder.UseSetting("Search:WarmUpWords", "0");

        // Production requires an authenticator app of every Administrator; the tests that are about it turn it on
        // (Settings below), the others sign Administrators in with a password only.
        builder.UseSetting("Accounts:RequireTwoFactorForAdministrators", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // Serilog reads sinks from the services (ReadFrom.Services), so the tests can read the log.
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(logSink);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressStartupFilter>();

            // Identity's own hasher (PBKDF2, HMAC-SHA512) with 1% of its 100,000 iterations: hashing and checking
            // passwords at full cost was about a tenth of the Web tests' CPU (docs/testing.md, "Where the suite's
            // time goes"), spent making each hash slow to guess, which no test needs. Every stored hash names its
            // own iteration count, so accounts behave as in production; ClusterTests' portal processes keep the
            // default.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);

            // EF Core keeps compiled queries in the memory cache of its internal services, made once per
            // application, so each of the suite's twenty-odd portals compiled every query again (in a profile,
            // query compilation was a tenth of the Web tests' CPU). One cache for all of them: a second portal
            // reuses every query a first compiled (same model and queries; each context has its own connection).
            services.ConfigureDbContext<BaliProcess.Data.BaliProcessDbContext>(o => o.UseMemoryCache(SharedQueryCache));
        });

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

/// <summary>
/// The in-memory test server gives requests no client address; a real server always has one. Give them the
/// loopback address, as a browser on this machine would have.
/// </summary>
internal sealed class ClientAddressStartupFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Keeps the rendered messages of the log events that reach it.</summary>
internal sealed class CapturingSink : ILogEventSink
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyCollection<string> Messages => messages;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        messages.Enqueue(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
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

/// <summary>
/// The account tests' own portal: they create many accounts and sign in and out, and as a collection of
/// their own they run beside the read-only page tests instead of after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "accounts";
}
