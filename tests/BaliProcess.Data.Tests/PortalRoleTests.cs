using BaliProcess.Tests.Shared;
using Npgsql;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The portal's database role (issue 20, ASVS 14): it reads and writes the record but owns nothing, so the
/// append-only history holds against the database role itself, not only against well-behaved code. Every test
/// database is a copy of a template given these grants, and every portal under test signs in as this role.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class PortalRoleTests(SeededDatabaseFixture fixture)
{
    public static TheoryData<string> RefusedToThePortal => new()
    {
        "UPDATE record_revisions SET reason = 'rewritten'",
        "DELETE FROM record_revisions",
        "UPDATE action_item_status_changes SET note = 'rewritten'",
        "DELETE FROM action_item_status_changes",
        "TRUNCATE action_item_status_changes",
        "ALTER TABLE action_item_status_changes DISABLE TRIGGER ALL",
        "ALTER TABLE record_revisions DISABLE TRIGGER USER",
        "DROP TRIGGER action_item_status_changes_no_truncate ON action_item_status_changes",
        "DROP TABLE record_revisions",
        "CREATE TABLE intruder (id int)",
        "INSERT INTO \"__EFMigrationsHistory\" VALUES ('x', 'y')",
    };

    [Theory]
    [MemberData(nameof(RefusedToThePortal))]
    public async Task The_portals_role_cannot_rewrite_the_history_or_change_the_schema(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.PortalConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, connection, transaction).ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task The_portals_role_owns_nothing_and_may_read_write_the_record_and_add_to_the_history()
    {
        await using var connection = new NpgsqlConnection(fixture.Database.PortalConnectionString);
        await connection.OpenAsync();
        Assert.Equal(0L, await ScalarAsync<long>(connection, null,
            "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user"));

        await using var transaction = await connection.BeginTransactionAsync();
        Assert.Equal(1, await new NpgsqlCommand("UPDATE themes SET name = name || ' (checked)' WHERE id = (SELECT min(id) FROM themes)", connection, transaction).ExecuteNonQueryAsync());
        Assert.Equal(1, await new NpgsqlCommand("""
            INSERT INTO record_revisions (record_kind, record_key, changed_by, changed_by_user_id, changed_at, reason, after)
            VALUES ('statement', 'a-test', 'Test', 'test', now(), 'the portal adds to the history', '{}')
            """, connection, transaction).ExecuteNonQueryAsync());
        await transaction.RollbackAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        (T)(await new NpgsqlCommand(sql, connection, transaction).ExecuteScalarAsync())!;
}
