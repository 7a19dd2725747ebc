using BaliProcess.Data;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BaliProcess.Tests.Shared;

/// <summary>
/// Two template databases, made once and cloned for every test database (<c>CREATE DATABASE x TEMPLATE t</c>
/// copies files, where migrating and loading seed-data/ takes seconds): one migrated, one migrated and seeded.
/// </summary>
/// <remarks>
/// Their names carry a hash of what they are made from: the source of BaliProcess.Data (model, migrations,
/// seed loader), the package versions (EF Core, Npgsql), and every file in seed-data/. A template whose hash
/// matches is reused, also by later runs; one is built only while holding a PostgreSQL advisory lock, so the
/// two test projects (separate processes started together by <c>dotnet test</c>) never build it twice. PostgreSQL copies a database only
/// while no session is connected to it, so a template is built under another name through connections that
/// are not pooled, then renamed and closed to connections for good (ALLOW_CONNECTIONS false): nothing can
/// hold it open while it is copied.
/// </remarks>
public static class DatabaseTemplates
{
    private const string Prefix = "bp_template_";

    // Any fixed number: the key of the session-level advisory lock under which templates are built or dropped.
    private const long BuildLockKey = 0x7E57_DA7A_BA5E;

    /// <summary>
    /// Templates made from other code or seed data (another branch, a worktree beside this one on the same
    /// server) that are kept: test runs of several checkouts on one server would otherwise drop each other's
    /// template and rebuild their own, again and again. Older ones are dropped.
    /// </summary>
    private const int OtherVersionsKept = 3;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool ready;

    public static string Hash { get; } = ComputeHash();

    /// <summary>Migrated, no data.</summary>
    public static string MigratedName => Prefix + Hash + "_migrated";

    /// <summary>Migrated, with the repository's seed-data/ loaded.</summary>
    public static string SeededName => Prefix + Hash + "_seeded";

    /// <summary>Creates <paramref name="name"/> as a copy of <paramref name="template"/>, building the templates first if need be.</summary>
    public static async Task CloneAsync(string template, string name)
    {
        await EnsureAsync(rebuild: false);
        try
        {
            await CreateFromAsync(template, name);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Dropped since this process made it: by a run of other code on the same server that kept newer
            // templates than this one. Make it again.
            await EnsureAsync(rebuild: true);
            await CreateFromAsync(template, name);
        }
    }

    /// <summary>
    /// The name of a template with another seed folder loaded (a reduced copy of seed-data/, decision 0036), built once
    /// per content of that folder: its name carries a hash of the folder's files besides <see cref="Hash"/>.
    /// </summary>
    public static async Task<string> EnsureSeededFromAsync(string seedDirectory)
    {
        await EnsureAsync(rebuild: false);
        var name = $"{Prefix}{Hash}_s{HashOfFiles(seedDirectory, Directory.GetFiles(seedDirectory, "*", SearchOption.AllDirectories))[..12]}";
        await Gate.WaitAsync();
        try
        {
            await using var connection = await OpenServerAsync();
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({BuildLockKey})");
            try
            {
                if (!(await TemplatesAsync(connection)).Contains(name))
                {
                    await BuildAsync(connection, name, template: MigratedName, database => database.LoadSeedAsync(seedDirectory));
                }
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({BuildLockKey})");
            }
        }
        finally
        {
            Gate.Release();
        }

        return name;
    }

    private static async Task CreateFromAsync(string template, string name)
    {
        await using var connection = await OpenServerAsync();
        await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
    }

    private static async Task EnsureAsync(bool rebuild)
    {
        if (ready && !rebuild)
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            if (ready && !rebuild)
            {
                return;
            }

            await using var connection = await OpenServerAsync();
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({BuildLockKey})");
            try
            {
                var existing = await TemplatesAsync(connection);
                if (!existing.Contains(MigratedName))
                {
                    await BuildAsync(connection, MigratedName, template: null, async database =>
                    {
                        await using var db = database.CreateContext();
                        await db.Database.MigrateAsync();
                        // Copies keep the grants: every test database lets the portal's role in as a deployment does.
                        await PortalRoleGrants.ApplyAsync(db, TestDatabase.PortalRole);
                    });
                }

                if (!existing.Contains(SeededName))
                {
                    await BuildAsync(connection, SeededName, template: MigratedName, async database =>
                    {
                        await database.LoadSeedAsync(TestPaths.SeedDirectory);
                    });
                }

                await DropOtherVersionsAsync(connection, existing);
                ready = true;
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({BuildLockKey})");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Builds a template under a temporary name and gives it its own only when it is complete.</summary>
    private static async Task BuildAsync(NpgsqlConnection server, string name, string? template, Func<TestDatabase, Task> fill)
    {
        var building = name + "_building";

        // Left behind by a run that was stopped while building (this lock is held, so no one is building it now).
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
        await ExecuteAsync(server, template is null ? $"CREATE DATABASE \"{building}\"" : $"CREATE DATABASE \"{building}\" TEMPLATE \"{template}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = building, Pooling = false }.ConnectionString;
        await fill(TestDatabase.Existing(connectionString, building));

        // Not pooled, so nothing should be left open; clearing the pool makes sure of it before the rename
        // (which, like a copy, needs the database to have no session).
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await ExecuteAsync(server, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        await ExecuteAsync(server, $"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
    }

    private static async Task DropOtherVersionsAsync(NpgsqlConnection server, IReadOnlyList<string> existing)
    {
        // Newest first (database oids grow as databases are made); a version's two templates go together.
        var others = existing
            .Where(n => !n.StartsWith(Prefix + Hash, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Split('_')[0])
            .Distinct(StringComparer.Ordinal)
            .Skip(OtherVersionsKept)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in existing.Where(n => others.Contains(n[Prefix.Length..].Split('_')[0])))
        {
            await ExecuteAsync(server, $"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE false");
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>The complete templates on the server, newest first.</summary>
    private static async Task<List<string>> TemplatesAsync(NpgsqlConnection server)
    {
        await using var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE datname LIKE @prefix AND datname NOT LIKE '%\\_building' ORDER BY oid DESC", server);
        command.Parameters.AddWithValue("prefix", Prefix.Replace("_", "\\_", StringComparison.Ordinal) + "%");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>A connection to the server's own database, not pooled: nothing of it outlives the call.</summary>
    internal static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        // Not Npgsql's 30 s: the advisory lock waits while the other test process builds the templates
        // (a minute or more on a busy machine), and copies wait for each other's file copies.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)TimeSpan.FromMinutes(10).TotalSeconds };
        await command.ExecuteNonQueryAsync();
    }

    private static string ComputeHash()
    {
        // Not the assembly's MVID: the SDK writes the git commit into every assembly (its informational
        // version), so the MVID changes with every commit, and a template would be rebuilt for each. The
        // data layer's source (model, migrations, seed loader), the package versions and the seed data are
        // what a template is made from.
        var root = TestPaths.RepositoryRoot;
        var data = Path.Combine(root, "src", "BaliProcess.Data");
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(data, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Concat(Directory.GetFiles(TestPaths.SeedDirectory, "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "Directory.Packages.props"))
            .Append(Path.Combine(root, "Directory.Build.props"));
        return HashOfFiles(root, files)[..16];
    }

    /// <summary>SHA-256 (hex) of the files' paths relative to <paramref name="root"/> and their bytes, in path order.</summary>
    private static string HashOfFiles(string root, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(root, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
