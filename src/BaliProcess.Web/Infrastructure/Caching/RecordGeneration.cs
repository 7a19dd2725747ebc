namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// The one number every cache of this process is keyed by (docs/decisions/0018). It moves forward once for each
/// change of the record that this instance learns of: its own writes right after they commit, other instances'
/// writes when their notification arrives. A value computed under generation N is kept under N, and nobody asks
/// for N once N+1 exists, so no cache can serve anything older than the last change it was told of, whatever
/// order renders, loads and evictions happen in.
/// </summary>
public sealed class RecordGeneration
{
    private readonly Lock gate = new();
    private long current = 1;
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Moves to the next generation and wakes whoever waits for a change. Returns the new generation.</summary>
    public long Advance()
    {
        TaskCompletionSource woken;
        long now;
        lock (gate)
        {
            now = ++current;
            woken = next;
            next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.SetResult();
        return now;
    }

    /// <summary>Completes once the generation is no longer <paramref name="seen"/> (at once if it already is not).</summary>
    public Task WaitForChangeAsync(long seen, CancellationToken ct = default)
    {
        lock (gate)
        {
            return current != seen ? Task.CompletedTask : next.Task.WaitAsync(ct);
        }
    }
}
