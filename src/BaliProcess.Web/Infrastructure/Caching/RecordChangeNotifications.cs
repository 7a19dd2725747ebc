using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// Tells the other instances that the record changed, over PostgreSQL NOTIFY (docs/decisions/0012, 0018). A write
/// sends it inside its own transaction: PostgreSQL delivers a notification only when that transaction commits, so
/// there is no window in which a change has landed and nobody is told, and a rolled-back write tells nobody.
/// A message is "sender-id|sent-at (Unix milliseconds)"; an instance skips its own (it moved on when it committed)
/// and measures the others' lag from the time in it.
/// </summary>
public sealed class RecordChangeNotifications(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const string Channel = "portal_record_changed";

    /// <summary>Identifies this process among the instances.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Queues the notification in the transaction <paramref name="db"/> has open; it goes out on commit.</summary>
    public async Task NotifyOnCommitAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a transaction the notification would go out before the write is visible.
            throw new InvalidOperationException("NotifyOnCommitAsync must run inside the write's transaction.");
        }

        var payload = Payload();
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
    }

    /// <summary>Sends the notification at once, on its own connection (for a change already committed: the seed loader's).</summary>
    public async Task NotifyNowAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", Payload());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The time another instance sent <paramref name="payload"/>; null when it is this instance's own or malformed.</summary>
    public DateTimeOffset? SentByAnotherInstance(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || payload.AsSpan(0, bar).SequenceEqual(InstanceId)
            || !long.TryParse(payload.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private string Payload() => string.Create(CultureInfo.InvariantCulture, $"{InstanceId}|{time.GetUtcNow().ToUnixTimeMilliseconds()}");
}
