using Npgsql;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// Keeps one connection LISTENing for other instances' invalidations and evicts locally when one arrives.
/// If the connection drops, notifications sent meanwhile are lost, so after reconnecting it empties the
/// local caches once (a page rendered again is cheap; a stale one is wrong).
/// </summary>
public sealed class CacheInvalidationListener(
    NpgsqlDataSource dataSource,
    CacheInvalidationBus bus,
    IServiceProvider services,
    ILogger<CacheInvalidationListener> logger) : BackgroundService
{
    /// <summary>Completed once the first LISTEN is in place (tests wait for it).</summary>
    public Task Listening => listening.Task;

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cache = services.GetRequiredService<PublicCache>();
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (bus.TagsFromOtherInstance(e.Payload) is { } tags)
                    {
                        // Runs on the connection's reader; eviction from the in-memory store completes synchronously.
                        cache.EvictLocallyAsync(tags).GetAwaiter().GetResult();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {CacheInvalidationBus.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (reconnecting)
                {
                    logger.LogInformation("Cache invalidation: listening again; local caches emptied in case a change was missed");
                    await cache.EvictLocallyAsync([PublicCacheTags.Everything]);
                }

                listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                reconnecting = true;
                logger.LogWarning("Cache invalidation: lost the database connection ({Reason}); retrying in 2 s", e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
