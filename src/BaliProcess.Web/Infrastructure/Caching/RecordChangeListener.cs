using Npgsql;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// Keeps one connection LISTENing for other instances' changes and moves this instance to the next generation
/// when one arrives. If the connection drops, notifications sent meanwhile are lost, so after reconnecting it
/// moves on once anyway (a page rendered again is cheap; a stale one is wrong).
/// </summary>
public sealed class RecordChangeListener(
    NpgsqlDataSource dataSource,
    RecordChangeNotifications notifications,
    RecordChanges changes,
    CacheMetrics metrics,
    TimeProvider time,
    ILogger<RecordChangeListener> logger) : BackgroundService
{
    /// <summary>Completed once the first LISTEN is in place (tests wait for it).</summary>
    public Task Listening => listening.Task;

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long fromOtherInstances;

    /// <summary>How many other instances' changes this instance has taken in (tests wait for it; the lag is a metric).</summary>
    public long ChangesFromOtherInstances => Interlocked.Read(ref fromOtherInstances);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (notifications.SentByAnotherInstance(e.Payload) is { } sent)
                    {
                        // Runs on the connection's reader; moving on completes synchronously (in-memory stores).
                        changes.MoveOnAsync(RecordChanges.OtherInstance).GetAwaiter().GetResult();
                        metrics.NotificationLag(time.GetUtcNow() - sent);
                        Interlocked.Increment(ref fromOtherInstances);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {RecordChangeNotifications.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (reconnecting)
                {
                    logger.LogInformation("Record changes: listening again; moved to a new generation in case a change was missed");
                    await changes.MoveOnAsync(RecordChanges.Reconnected);
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
                logger.LogWarning("Record changes: lost the database connection ({Reason}); retrying in 2 s", e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
