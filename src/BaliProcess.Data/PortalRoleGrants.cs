using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BaliProcess.Data;

/// <summary>
/// What the portal's own database role may do, when migrations run as another role that owns the schema
/// (ASVS 14 / issue 20). The portal reads and writes the record, but owns nothing: it cannot drop, alter or
/// disable a trigger, and on the append-only history tables it may only read and insert.
/// </summary>
/// <remarks>
/// Run by the owning role after every migration (at start-up, and for the test templates): "all tables" then
/// also covers tables that later migrations add. A history table is one that carries an <c>*_append_only</c>
/// trigger function (the migrations name them so), so a new one is found without a list to keep.
/// </remarks>
public static class PortalRoleGrants
{
    private const long GrantLock = 7_077_003;

    /// <summary>Gives <paramref name="portalRole"/> the rights above in the database <paramref name="ownerDb"/> is connected to.</summary>
    /// <returns>The history tables found, on which the role may only read and insert.</returns>
    public static async Task<IReadOnlyList<string>> ApplyAsync(DbContext ownerDb, string portalRole, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ownerDb);
        ArgumentException.ThrowIfNullOrWhiteSpace(portalRole);
        var role = Quote(portalRole);
        var database = Quote(ownerDb.Database.GetDbConnection().Database);

        var historyTables = await ownerDb.Database.SqlQueryRaw<string>("""
            SELECT DISTINCT c.relname AS "Value"
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE n.nspname = 'public' AND NOT t.tgisinternal AND p.proname LIKE '%\_append\_only'
            ORDER BY 1
            """).ToListAsync(ct);

        var statements = new List<string>
        {
            $"GRANT CONNECT ON DATABASE {database} TO {role}",
            $"GRANT USAGE ON SCHEMA public TO {role}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
            $"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {role}",
            // Which migrations ran is the owner's business; the portal only reads it (health, start-up checks).
            $"REVOKE INSERT, UPDATE, DELETE ON \"__EFMigrationsHistory\" FROM {role}",
        };
        statements.AddRange(historyTables.Select(table => $"REVOKE UPDATE, DELETE, TRUNCATE ON {Quote(table)} FROM {role}"));

        await using var transaction = await ownerDb.Database.BeginTransactionAsync(ct);
        // Instances starting together would grant at once, and PostgreSQL refuses concurrent changes to one
        // object's privileges ("tuple concurrently updated"): one at a time.
        await ownerDb.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({GrantLock})", ct);
        foreach (var statement in statements)
        {
            await ownerDb.Database.ExecuteSqlRawAsync(statement, ct);
        }

        await transaction.CommitAsync(ct);
        return historyTables;
    }

    /// <summary>The user name a connection string signs in as.</summary>
    public static string? RoleOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Username;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
