using BaliProcess.Data;
using BaliProcess.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BaliProcess.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL database on the real server the README's test command starts (or the one named
/// by ConnectionStrings__BaliProcess): created empty, or copied from a migrated (and seeded) template
/// (<see cref="DatabaseTemplates"/>), dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=localhost;Port=5432;Username=baliprocess;Password=baliprocess;Database=baliprocess";

    private TestDatabase(string connectionString, string name)
    {
        ConnectionString = connectionString;
        Name = name;
    }

    /// <summary>As the role that owns the schema (the tests' own reads and set-up; the portal's migrations).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The role the portals under test sign in as (scripts/ensure-postgres.sh makes it): it owns nothing and may only
    /// read and insert on the history tables (<see cref="PortalRoleGrants"/>), as in a deployment.
    /// </summary>
    public const string PortalRole = "baliprocess_portal";

    /// <summary>As <see cref="PortalRole"/>.</summary>
    public string PortalConnectionString =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Username = PortalRole, Password = PortalRole }.ConnectionString;

    public string Name { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__BaliProcess") is { Length: > 0 } configured ? configured : DefaultServer;

    /// <summary>A new empty database: no schema (for tests of migrating and of a first start).</summary>
    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var name = NewName(purpose);
        await using (var connection = await DatabaseTemplates.OpenServerAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return Named(name);
    }

    /// <summary>A new database with the schema applied and no data: a copy of the migrated template.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(string purpose)
    {
        var name = NewName(purpose);
        await DatabaseTemplates.CloneAsync(DatabaseTemplates.MigratedName, name);
        return Named(name);
    }

    /// <summary>A new database with the schema applied and the repository's seed data loaded: a copy of the seeded template.</summary>
    public static async Task<TestDatabase> CreateSeededAsync(string purpose)
    {
        var name = NewName(purpose);
        await DatabaseTemplates.CloneAsync(DatabaseTemplates.SeededName, name);
        return Named(name);
    }

    /// <summary>A new database with the schema applied and <paramref name="seedDirectory"/> loaded: a copy of a template made once for that folder's content.</summary>
    public static async Task<TestDatabase> CreateSeededFromAsync(string purpose, string seedDirectory)
    {
        var template = await DatabaseTemplates.EnsureSeededFromAsync(seedDirectory);
        var name = NewName(purpose);
        await DatabaseTemplates.CloneAsync(template, name);
        return Named(name);
    }

    /// <summary>A database that already exists, under its connection string (the templates while they are built).</summary>
    internal static TestDatabase Existing(string connectionString, string name) => new(connectionString, name);

    private static string NewName(string purpose) => $"bp_test_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();

    private static TestDatabase Named(string name) =>
        new(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString, name);

    public BaliProcessDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<BaliProcessDbContext>();
        BaliProcessDbContext.Configure(options, ConnectionString);
        return new BaliProcessDbContext(options.Options);
    }

    public async Task<SeedReport> LoadSeedAsync(string directory, TimeProvider? time = null)
    {
        await using var db = CreateContext();
        var loader = new SeedLoader(db, time ?? TimeProvider.System, NullLogger<SeedLoader>.Instance);
        return await loader.LoadAsync(directory);
    }

    public async ValueTask DisposeAsync() => await DropAsync();

    /// <summary>Drops the database now (also while an app still holds connections to it); dropping twice is fine.</summary>
    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await DatabaseTemplates.OpenServerAsync();

        // A background worker (autovacuum) may hold the database for a moment: try a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}

/// <summary>Where the repository's seed data and the source documents are, from the test's bin folder.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SeedDirectory => Path.Combine(RepositoryRoot, "seed-data");

    /// <summary>The five source documents: ../shared/seeds beside the repository.</summary>
    public static string SourceDocumentsDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seeds"));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BaliProcess.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BaliProcess.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A copy of the seed data that a test may break without touching the real one.</summary>
    public static string CopySeedDirectory()
    {
        var target = Path.Combine(Path.GetTempPath(), "bp-seed-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(SeedDirectory, "*.json", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(SeedDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
