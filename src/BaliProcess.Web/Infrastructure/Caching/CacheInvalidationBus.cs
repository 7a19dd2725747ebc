using Npgsql;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// Carries cache invalidations between instances over PostgreSQL LISTEN/NOTIFY: every instance already
/// talks to the database, so no other server is needed (docs/decisions/0012). A message is
/// "sender-id|tag,tag"; an instance ignores its own messages (it evicted before sending).
/// </summary>
public sealed class CacheInvalidationBus(NpgsqlDataSource dataSource)
{
    public const string Channel = "portal_cache_invalidation";

    /// <summary>Identifies this process among the instances.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async Task PublishAsync(IReadOnlyCollection<string> tags, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", $"{InstanceId}|{string.Join(',', tags)}");
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Parses a message; null when it came from this instance or is malformed.</summary>
    public string[]? TagsFromOtherInstance(string payload)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || payload.AsSpan(0, bar).SequenceEqual(InstanceId))
        {
            return null;
        }

        return payload[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
    }
}
