using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Memory;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// What the public pages and the API read from the record, kept in this process between changes
/// (docs/decisions/0016). The record changes only through the seed loader and staff edits, and both end in
/// <see cref="PublicCache.InvalidateAsync"/>, which empties this cache on every instance (with the output
/// cache and the search summaries). So a page that the output cache does not hold (another filter, a page
/// number, a signed-in reader, the minute after an edit) is still rendered without a database round trip.
///
/// Use it for reads that show published facts only; never for what an editor acts on (an item's concurrency
/// token, the account): those are read from the database every time.
/// </summary>
public sealed class RecordCache : IDisposable
{
    /// <summary>The bound on staleness for a change that nobody announced (a hand-edited database).</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Entries count one each: the record is small (every list and page of it is a few thousand entries),
    // and the bound only matters against a flood of made-up slugs and filters, whose entries are evicted.
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly Lock gate = new();
    private long generation;

    public RecordCache(PublicCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Enabled = options.RecordInMemory;
    }

    /// <summary>False: every read goes to the database (to measure that path; the benchmark does).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The value for <paramref name="arguments"/> of the calling method, loaded once per change of the record.
    /// Concurrent callers share one load (a burst of visitors after an edit costs one query, not fifty); the
    /// load does not end when the first caller's request does. A load that fails is not kept.
    /// </summary>
    /// <param name="arguments">What the result depends on besides the method (a slug, a filter record, a tuple).</param>
    public Task<T> GetOrLoadAsync<T>(
        object? arguments, Func<CancellationToken, Task<T>> load, CancellationToken ct = default,
        [CallerFilePath] string file = "", [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!Enabled)
        {
            return load(ct);
        }

        // A value read while the record changed belongs to the old generation, which nobody asks for again.
        var key = new Key(Interlocked.Read(ref generation), file, method, arguments);
        if (TryGetLive(key, out Task<T>? found))
        {
            return found.WaitAsync(ct);
        }

        Task<T> shared;
        lock (gate)
        {
            // Again under the lock, so that readers arriving together start one load between them.
            if (TryGetLive(key, out found))
            {
                return found.WaitAsync(ct);
            }

            shared = Task.Run(() => load(CancellationToken.None), CancellationToken.None);
            entries.Set(key, shared, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        _ = shared.ContinueWith(
            failed =>
            {
                lock (gate)
                {
                    // Only this load's entry: a later reader may already have started another.
                    if (entries.TryGetValue(key, out Task<T>? current) && ReferenceEquals(current, failed))
                    {
                        entries.Remove(key);
                    }
                }
            },
            CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        return shared.WaitAsync(ct);
    }

    /// <summary>Forgets everything: the record may have changed. Thread-safe; called by <see cref="PublicCache"/>.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    public void Dispose() => entries.Dispose();

    /// <summary>A value loaded or being loaded; a load that failed counts as none.</summary>
    private bool TryGetLive<T>(Key key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Task<T>? found)
    {
        found = entries.TryGetValue(key, out Task<T>? cached) && cached is { IsFaulted: false, IsCanceled: false } ? cached : null;
        return found is not null;
    }

    private readonly record struct Key(long Generation, string File, string Method, object? Arguments);
}
