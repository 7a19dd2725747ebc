using System.Collections.Concurrent;
using BaliProcess.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

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

    /// <summary>The sign-in budget per client address; as high as the search budget unless a test sets it.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 1_000_000;

    /// <summary>More configuration for this portal (key in colon form, e.g. "Accounts:RequireTwoFactorForAdministrators").</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Warnings and errors the portal logged (rendered messages), e.g. the first Administrator's password line.</summary>
    public IReadOnlyCollection<string> LogMessages => logSink.Messages;

    private readonly CapturingSink logSink = new();

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
        builder.UseSetting("RateLimits:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // Serilog reads sinks from the services (ReadFrom.Services), so the tests can read the log.
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(logSink));
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
