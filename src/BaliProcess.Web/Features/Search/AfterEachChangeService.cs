using BaliProcess.Web.Infrastructure.Caching;

namespace BaliProcess.Web.Features.Search;

/// <summary>
/// Background work that runs once at start-up and again whenever the <see cref="RecordGeneration"/> moves on:
/// the search index build and the search cache warm-up. Changes that arrive while it waits or runs are
/// coalesced into one more run (it waits for "not the generation I last ran for", never counts signals), and a
/// run after a change waits <see cref="DelayAfterChange"/> first, so that visitors' first renders of the changed
/// pages go first and a burst of changes ends in one run.
/// </summary>
public abstract class AfterEachChangeService(RecordGeneration generation, TimeProvider time) : BackgroundService
{
    /// <summary>How long to wait before trying again after a run that could not finish (the database was away).</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The generation this service follows.</summary>
    protected RecordGeneration Generation { get; } = generation;

    /// <summary>False turns the service off (by configuration).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan DelayAfterChange { get; }

    /// <summary>One run for <paramref name="forGeneration"/>; false when it could not finish and should be tried again.</summary>
    protected abstract Task<bool> RunAsync(long forGeneration, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        try
        {
            var first = true;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!first)
                {
                    await Task.Delay(DelayAfterChange, time, stoppingToken);
                }

                first = false;
                var seen = Generation.Current;
                var finished = await RunAsync(seen, stoppingToken);
                var changed = Generation.WaitForChangeAsync(seen, stoppingToken);
                if (!finished)
                {
                    // Whichever comes first: a change (run for it) or the retry time (run again for this one).
                    await Task.WhenAny(changed, Task.Delay(RetryAfter, time, stoppingToken));
                    stoppingToken.ThrowIfCancellationRequested();
                    continue;
                }

                await changed;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
