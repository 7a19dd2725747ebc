using System.Data;
using System.Data.Common;
using NpgsqlTypes;

namespace BaliProcess.Web.Features.Search.Index;

/// <summary>
/// What the paragraph index reads from PostgreSQL: every published paragraph (a full build), or only the paragraphs
/// written since an index's snapshot (an update, decision 0027). Both read inside one repeatable-read transaction
/// whose snapshot (<c>pg_current_snapshot()</c>) the index keeps: a row version is new to the index exactly when
/// that snapshot does not see the transaction that wrote it. The marks are kept by the database itself (migration
/// <c>ParagraphChangeMarks</c>): <c>change_xid</c> on every paragraph and statement row (its last writer, B-tree
/// indexed), and <c>paragraph_removals</c> for deleted paragraphs, so finding what changed costs an index range,
/// not a pass over every paragraph.
/// </summary>
internal static class ParagraphRows
{
    private const string Columns = """
        p.id, p.search_vector, p.year, p.meeting_kind, p.mechanism_id, p.theme_ids, p.member_ids,
        s.date, p.statement_id, p.sequence, p.is_draft
        """;

    /// <summary>Rows written by a transaction the snapshot <c>@since</c> does not see (committed after it was taken).</summary>
    private static string NewTo(string writer) =>
        $"{writer} >= pg_snapshot_xmin(@since::pg_snapshot) AND NOT pg_visible_in_snapshot({writer}, @since::pg_snapshot)";

    /// <summary>
    /// Paragraphs written since, and every paragraph of a statement written since (its date orders browsing; a
    /// statement's publication is saved with its paragraphs' but need not touch every one). The statements' paragraphs
    /// are looked up statement by statement (LATERAL, kept from being flattened by OFFSET 0): joined, the planner
    /// would hash the changed statements and walk every paragraph.
    /// </summary>
    private static readonly string ChangedIdsSql = $"""
        SELECT id FROM paragraphs WHERE {NewTo("change_xid")}
        UNION
        SELECT c.id FROM statements AS t, LATERAL (SELECT id FROM paragraphs WHERE statement_id = t.id OFFSET 0) AS c
        WHERE {NewTo("t.change_xid")}
        LIMIT @limit
        """;

    private static readonly string RemovedIdsSql = $"SELECT paragraph_id FROM paragraph_removals WHERE {NewTo("removed_by")}";

    /// <summary>Every published paragraph, in one snapshot. The connection must be open.</summary>
    public static async Task<ParagraphIndex> BuildAsync(DbConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var snapshot = await SnapshotAsync(connection, transaction, ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM paragraphs AS p JOIN statements AS s ON s.id = p.statement_id WHERE NOT p.is_draft ORDER BY p.id";
        command.CommandTimeout = 0;
        var writer = new ParagraphIndex.Writer();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                writer.Add(Read(reader));
            }
        }

        await transaction.CommitAsync(ct);
        return writer.Finish(snapshot);
    }

    /// <summary>
    /// The paragraphs written or removed since <paramref name="since"/>, as of a new snapshot; null when they cannot be
    /// known (the table was truncated) or are more than <paramref name="limit"/> (a full build is cheaper then).
    /// </summary>
    public static async Task<ParagraphChanges?> ReadChangesAsync(DbConnection connection, string since, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        // The change marks have no useful statistics (rows older than the migration hold NULL, the rest are a moving
        // range), so the planner would guess a third of the table and scan a million rows; the ranges read here are a
        // few rows by construction. For this transaction only: indexes, no parallel workers, no JIT (each costs more
        // than the whole read at a million paragraphs).
        await using (var settings = Command(connection, transaction, "SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off", since: null))
        {
            await settings.ExecuteNonQueryAsync(ct);
        }

        var snapshot = await SnapshotAsync(connection, transaction, ct);

        var removed = new List<int>();
        await using (var command = Command(connection, transaction, RemovedIdsSql, since))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.IsDBNull(0))
                {
                    return null; // TRUNCATE: which paragraphs went is not recorded
                }

                removed.Add(reader.GetInt32(0));
            }
        }

        if (removed.Count > limit)
        {
            return null;
        }

        var ids = new List<int>();
        await using (var command = Command(connection, transaction, ChangedIdsSql, since))
        {
            AddParameter(command, "limit", limit - removed.Count + 1);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        if (ids.Count + removed.Count > limit)
        {
            return null;
        }

        var changed = new List<IndexedParagraph>();
        var gone = removed;
        if (ids.Count > 0)
        {
            await using var command = Command(connection, transaction, $"SELECT {Columns} FROM paragraphs AS p JOIN statements AS s ON s.id = p.statement_id WHERE p.id = ANY(@ids) ORDER BY p.id", since: null);
            AddParameter(command, "ids", ids.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetBoolean(10))
                {
                    gone.Add(reader.GetInt32(0)); // a draft now (withdrawn for correction, or never published): out of search
                }
                else
                {
                    changed.Add(Read(reader));
                }
            }
        }

        await transaction.CommitAsync(ct);
        return new ParagraphChanges(snapshot, changed, gone);
    }

    private static IndexedParagraph Read(DbDataReader reader) => new(
        reader.GetInt32(0),
        reader.GetFieldValue<NpgsqlTsVector>(1),
        new FacetValues(
            reader.IsDBNull(2) ? null : reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetInt32(4),
            reader.IsDBNull(5) ? [] : reader.GetFieldValue<int[]>(5),
            reader.IsDBNull(6) ? [] : reader.GetFieldValue<int[]>(6)),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
        reader.GetInt32(8),
        reader.GetInt32(9));

    private static async Task<string> SnapshotAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, "SELECT pg_current_snapshot()::text", since: null);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, string? since)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (since is not null)
        {
            AddParameter(command, "since", since);
        }

        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>
/// Paragraphs written since an index's snapshot: <see cref="Changed"/> as they are now (published), <see cref="Gone"/>
/// the ids of those removed or now drafts, both as of <see cref="Snapshot"/>.
/// </summary>
internal sealed record ParagraphChanges(string Snapshot, IReadOnlyCollection<IndexedParagraph> Changed, IReadOnlyCollection<int> Gone)
{
    public int Count => Changed.Count + Gone.Count;
}
