using BaliProcess.Data;
using BaliProcess.Data.Seeding;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BaliProcess.Web.Infrastructure;

/// <summary>What start-up does to the database (configuration section "Database").</summary>
public sealed class DatabaseStartupOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load seed-data/ at start-up (insert or update by slug; never overwrites staff edits).</summary>
    public bool SeedOnStartup { get; set; } = true;

    /// <summary>The seed-data folder; when empty, the nearest "seed-data" folder above the app is used.</summary>
    public string? SeedDirectory { get; set; }

    /// <summary>How long start-up waits for the database to accept connections.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

public static class DatabaseStartup
{
    /// <summary>The advisory lock that lets one starting instance at a time set up the staff accounts.</summary>
    private const long FirstAdministratorLock = 7_077_002;

    /// <summary>Migrates and seeds as configured; logs what it did. False (after a clear log line) when it cannot.</summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DatabaseStartupOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BaliProcess.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var portalConnection = app.Configuration.GetConnectionString(PortalSetup.ConnectionStringName)!;
        var ownerConnection = app.Configuration.GetConnectionString(PortalSetup.OwnerConnectionStringName);
        if (!SameDatabase(portalConnection, ownerConnection))
        {
            logger.LogCritical("The portal did not start: ConnectionStrings:{Owner} names another server or database than ConnectionStrings:{Portal}; both must name the same one.",
                PortalSetup.OwnerConnectionStringName, PortalSetup.ConnectionStringName);
            return false;
        }

        // Migrations, seed data and grants run as the owning role when one is configured; the portal's own
        // connections (every other service) use its own role.
        await using var db = ownerConnection is { Length: > 0 }
            ? OwnerContext(ownerConnection)
            : await scope.ServiceProvider.GetRequiredService<IDbContextFactory<BaliProcessDbContext>>().CreateDbContextAsync();

        try
        {
            await WaitForDatabaseAsync(db, options.ConnectTimeout, logger);
            if (options.MigrateOnStartup)
            {
                // Create the history table first: otherwise EF Core reads it before it exists, and Npgsql
                // logs that failed read as an error even though it handles it (npgsql/efcore.pg#3407). This
                // is the concurrency-safe CREATE ... IF NOT EXISTS that MigrateAsync itself runs.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                await db.Database.MigrateAsync();
                logger.LogInformation("Database migrations: {Count} applied ({Names})", pending.Count, pending.Count == 0 ? "none pending" : string.Join(", ", pending));
            }
            else
            {
                logger.LogInformation("Database migrations: skipped (Database:MigrateOnStartup is false)");
            }

            await GrantPortalRoleAsync(db, portalConnection, ownerConnection, app.Environment, logger);

            if (options.SeedOnStartup)
            {
                var directory = options.SeedDirectory is { Length: > 0 } configured
                    ? configured
                    : SeedDirectoryLocator.Find(app.Environment.ContentRootPath)
                      ?? throw new SeedDataException("No seed-data folder was found above the application; set Database:SeedDirectory.");
                var loader = new SeedLoader(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetRequiredService<ILogger<SeedLoader>>());
                var report = await loader.LoadAsync(directory);
                if (!report.ChangedNothing)
                {
                    // Pages cached by other instances show the old data: tell them (and clear this one's).
                    await app.Services.GetRequiredService<Infrastructure.Caching.RecordChanges>().AnnounceCommittedAsync();
                }
            }
            else
            {
                logger.LogInformation("Seed data: skipped (Database:SeedOnStartup is false)");
            }

            // Staff accounts: the roles and at least one active Administrator (see README, "Signing in").
            // Instances started together would each create them, and the second's unique-key error would stop
            // it: one instance at a time, under a lock this connection holds until it is released.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({FirstAdministratorLock})");
            try
            {
                return await FirstAdministrator.EnsureAsync(
                    scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<IOptions<FirstAdministratorOptions>>().Value, logger);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({FirstAdministratorLock})");
            }
        }
        catch (SeedDataException e)
        {
            logger.LogCritical("The portal did not start: {Problem}", e.Message);
            return false;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException { InnerException: NpgsqlException })
        {
            logger.LogCritical("The portal did not start: the database could not be reached or prepared ({Reason}). Check ConnectionStrings__BaliProcess and that PostgreSQL is running.", e.Message);
            return false;
        }
    }

    /// <summary>
    /// With an owning role configured, the portal's role gets read and write on the record and insert-only on the
    /// history tables, and owns nothing (<see cref="PortalRoleGrants"/>). Without one, says what that costs.
    /// </summary>
    private static async Task GrantPortalRoleAsync(BaliProcessDbContext ownerDb, string portalConnection, string? ownerConnection, IHostEnvironment environment, ILogger logger)
    {
        var portalRole = PortalRoleGrants.RoleOf(portalConnection);
        if (ownerConnection is not { Length: > 0 } || portalRole is null || portalRole == PortalRoleGrants.RoleOf(ownerConnection))
        {
            logger.Log(environment.IsProduction() ? LogLevel.Warning : LogLevel.Information,
                "Database roles: the portal's role {Role} owns the schema, so it could alter the append-only history tables; set ConnectionStrings:{Owner} to a role that owns them (docs/deployment.md)",
                portalRole, PortalSetup.OwnerConnectionStringName);
            return;
        }

        var history = await PortalRoleGrants.ApplyAsync(ownerDb, portalRole);
        logger.LogInformation("Database roles: {Role} reads and writes the record and owns nothing; on {History} it may only read and insert", portalRole, string.Join(", ", history));
    }

    private static BaliProcessDbContext OwnerContext(string ownerConnection)
    {
        var options = new DbContextOptionsBuilder<BaliProcessDbContext>();
        BaliProcessDbContext.Configure(options, ownerConnection);
        return new BaliProcessDbContext(options.Options);
    }

    private static bool SameDatabase(string portalConnection, string? ownerConnection)
    {
        if (ownerConnection is not { Length: > 0 })
        {
            return true;
        }

        var portal = new NpgsqlConnectionStringBuilder(portalConnection);
        var owner = new NpgsqlConnectionStringBuilder(ownerConnection);
        return string.Equals(portal.Host, owner.Host, StringComparison.OrdinalIgnoreCase) && portal.Port == owner.Port && portal.Database == owner.Database;
    }

    private static async Task WaitForDatabaseAsync(BaliProcessDbContext db, TimeSpan timeout, ILogger logger)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException e) when (DateTime.UtcNow < deadline && e.IsTransient)
            {
                logger.LogWarning("Waiting for the database: {Reason}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }
}

/// <summary>Finds the repository's seed-data folder from wherever the app runs (source tree, bin folder, container).</summary>
public static class SeedDirectoryLocator
{
    public static string? Find(params string[] startingPoints)
    {
        foreach (var start in startingPoints.Append(AppContext.BaseDirectory))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seed-data");
                if (File.Exists(Path.Combine(candidate, "sources.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
