using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// The one thing code that changes the record does about caches (docs/decisions/0018): it saves through
/// <see cref="SaveAsync"/> (or commits an open transaction through <see cref="CommitAsync"/>) instead of calling
/// SaveChangesAsync and committing itself.
/// That queues the notification for the other instances inside the transaction (delivered on commit, never for a
/// rollback), commits, and moves this instance to the next <see cref="RecordGeneration"/> before returning, so
/// the editor's next page view, and every visitor's, is built from the new record.
/// </summary>
public sealed class RecordChanges(
    RecordGeneration generation,
    RecordChangeNotifications notifications,
    IOutputCacheStore outputCache,
    RecordCache records,
    CacheMetrics metrics,
    ILogger<RecordChanges> logger)
{
    public const string ThisInstance = "this-instance";
    public const string OtherInstance = "other-instance";
    public const string Reconnected = "reconnected";

    /// <summary>
    /// Saves <paramref name="db"/>'s changes and commits: in the transaction it has open, or in one of its own.
    /// Throws what SaveChangesAsync throws (a concurrency or unique-key conflict), having changed nothing.
    /// </summary>
    public async Task SaveAsync(DbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is { } open)
        {
            await db.SaveChangesAsync(ct);
            await CommitAsync(db, open, ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await CommitAsync(db, transaction, ct);
    }

    public async Task CommitAsync(DbContext db, IDbContextTransaction transaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await notifications.NotifyOnCommitAsync(db, ct);
        await transaction.CommitAsync(ct);
        await MoveOnAsync(ThisInstance);
    }

    /// <summary>
    /// For a change that committed without <see cref="CommitAsync"/> (the seed loader's, a test's): moves this
    /// instance on and tells the others. A notification that cannot be sent is logged, not thrown: the change has
    /// landed, and the other instances' entries expire on their own.
    /// </summary>
    public async Task AnnounceCommittedAsync(CancellationToken ct = default)
    {
        await MoveOnAsync(ThisInstance);
        try
        {
            await notifications.NotifyNowAsync(ct);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Other instances were not told of a change ({Reason}); what they keep expires on its own", e.Message);
        }
    }

    /// <summary>
    /// This instance moves to the next generation: first the number (from then on no cache key of the old one is
    /// asked for), then the memory that the old generation's entries held is handed back.
    /// </summary>
    internal async Task MoveOnAsync(string origin)
    {
        generation.Advance();
        metrics.Changed(origin);
        await outputCache.EvictByTagAsync(PublicPageCachePolicy.Tag, CancellationToken.None);
        records.Clear();
    }
}
