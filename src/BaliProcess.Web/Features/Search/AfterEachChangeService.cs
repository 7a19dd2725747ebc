namespace BaliProcess.Web.Features.Search;

/// <summary>
/// Background work that runs once at start-up and again after every <see cref="SearchCache.Invalidate"/>:
/// the search index build and the cache warm-up. Invalidations that arrive while it waits or runs are
/// coalesced into one more run, and a run after a change waits <see cref="DelayAfterChange"/> first, so
/// that visitors' first renders of the changed pages go first and a burst of changes ends in one run.
/// </summary>
public abstract class AfterEachChangeService(SearchCache cache) : BackgroundService
{
    private readonly SemaphoreSlim wanted = new(1, 1); // released once at start, then by every invalidation
    private bool started;

    /// <summary>False turns the service off (by configuration).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan DelayAfterChange { get; }

    protected abstract Task RunAsync(CancellationToken ct);

    /// <summary>Called at once, on the invalidating thread, before the next run is asked for.</summary>
    protected virtual void OnChanged()
    {
    }

    /// <summary>Asks for one more run (several requests before it starts make one).</summary>
    protected void RequestRun()
    {
        if (wanted.CurrentCount == 0)
        {
            wanted.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        cache.Invalidated += OnInvalidated;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await wanted.WaitAsync(stoppingToken);
                if (started)
                {
                    await Task.Delay(DelayAfterChange, stoppingToken);
                }

                started = true;
                await RunAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            cache.Invalidated -= OnInvalidated;
        }
    }

    private void OnInvalidated(object? sender, EventArgs e)
    {
        OnChanged();
        RequestRun();
    }

    public override void Dispose()
    {
        wanted.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
