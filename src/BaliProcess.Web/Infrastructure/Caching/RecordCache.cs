using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// What public pages, the API, downloads and search read from the record, kept in this process under the
/// current <see cref="RecordGeneration"/> (docs/decisions/0016, 0018). A value loaded under generation N is
/// never returned once the generation has moved on, so a page the output cache does not hold (another filter,
/// a signed-in reader, the moment after a change) is rendered from memory and is never older than the last
/// change this instance was told of.
///
/// Values are kept per language (the request's culture and UI culture are part of the key), so a value that
/// holds text formatted for one language is never shown to the other.
///
/// Use it for reads that show published facts only; never for what an editor acts on (an item's concurrency
/// token, the account): those are read from the database every time.
/// </summary>
public sealed class RecordCache : IDisposable
{
    /// <summary>The bound on staleness for a change that nobody announced (a hand-edited database).</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly RecordGeneration generation;
    private readonly CacheMetrics metrics;
    private readonly MemoryCache entries;
    private readonly Lock gate = new();
    private readonly Dictionary<Key, Task> loading = [];
    private readonly PostEvictionDelegate evicted;

    public RecordCache(RecordGeneration generation, CacheMetrics metrics, PublicCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.generation = generation;
        this.metrics = metrics;
        Enabled = options.RecordInMemory;
        // Bounded by (estimated) bytes, not entries: a visitor can choose as many distinct filters and searches as
        // they like, and each costs its weight, so the oldest are dropped once the budget is spent.
        entries = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = options.RecordCacheMegabytes * 1024L * 1024,
            CompactionPercentage = 0.25,
            TrackStatistics = true,
        });
        evicted = (_, _, reason, _) => metrics.Evicted(CacheMetrics.RecordCacheName, reason);
        metrics.ObserveSize(CacheMetrics.RecordCacheName, () => Kept.Bytes);
    }

    /// <summary>False: every read goes to the database (to measure that path; the load benchmark does).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The value for <paramref name="arguments"/> of the calling method under the current generation, loaded once.
    /// Readers that arrive together share one load (a burst of visitors after a change costs one query, not fifty),
    /// and the load does not end when the first reader's request does: it runs without their cancellation token, so
    /// it must not use anything that belongs to a request (open its own context from the factory). A load that
    /// fails is not kept.
    /// </summary>
    /// <param name="arguments">What the result depends on besides the method: a slug, a filter record, a tuple. Never
    /// free text a visitor typed that only changes how the result is shown (search words to mark): apply that after.</param>
    public Task<T> GetOrLoadAsync<T>(
        object? arguments, Func<CancellationToken, Task<T>> load, CancellationToken ct = default,
        [CallerFilePath] string file = "", [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!Enabled)
        {
            return load(ct);
        }

        // The language is part of the key (decision 0042): a load may format dates (PartialDate.ToString) or
        // labels (Words) in the culture of the request that ran it, and must not be shown to the other language.
        var key = new Key(generation.Current, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, file, method, arguments);
        if (entries.TryGetValue(key, out var kept))
        {
            metrics.Hit(CacheMetrics.RecordCacheName);
            return Task.FromResult((T)kept!);
        }

        Task<T> shared;
        lock (gate)
        {
            if (entries.TryGetValue(key, out kept))
            {
                metrics.Hit(CacheMetrics.RecordCacheName);
                return Task.FromResult((T)kept!);
            }

            if (loading.TryGetValue(key, out var inFlight))
            {
                metrics.Hit(CacheMetrics.RecordCacheName);
                shared = (Task<T>)inFlight;
            }
            else
            {
                metrics.Miss(CacheMetrics.RecordCacheName);
                shared = Task.Run(() => LoadAsync(key, load), CancellationToken.None);
                loading[key] = shared;
            }
        }

        return shared.WaitAsync(ct);
    }

    /// <summary>What is kept now: entries, and their estimated bytes (at most the configured budget).</summary>
    public (long Entries, long Bytes) Kept =>
        entries.GetCurrentStatistics() is { } statistics ? (statistics.CurrentEntryCount, statistics.CurrentEstimatedSize ?? 0) : (0, 0);

    /// <summary>Drops everything kept (under any generation): what a change leaves behind can no longer be read.</summary>
    public void Clear() => entries.Clear();

    public void Dispose() => entries.Dispose();

    private async Task<T> LoadAsync<T>(Key key, Func<CancellationToken, Task<T>> load)
    {
        try
        {
            var value = await load(CancellationToken.None);
            // A value of a generation that has passed can never be asked for again: do not spend memory on it.
            if (key.Generation == generation.Current)
            {
                var options = new MemoryCacheEntryOptions { Size = EstimatedBytes(value), AbsoluteExpirationRelativeToNow = Lifetime };
                options.RegisterPostEvictionCallback(evicted);
                entries.Set(key, value, options);
            }

            return value;
        }
        finally
        {
            lock (gate)
            {
                loading.Remove(key);
            }
        }
    }

    /// <summary>
    /// About what <paramref name="value"/> weighs in memory: twice its JSON (text is UTF-16 in memory, and objects
    /// have headers). Measured once per load, which is rare; a value JSON cannot write counts as 64 KiB.
    /// </summary>
    internal static long EstimatedBytes(object? value)
    {
        const long overhead = 256;
        switch (value)
        {
            case null:
                return overhead;
            case byte[] bytes:
                return bytes.LongLength + overhead;
            case string text:
                return (text.Length * 2L) + overhead;
        }

        try
        {
            return (JsonSerializer.SerializeToUtf8Bytes(value, value.GetType()).LongLength * 2) + overhead;
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            return 64 * 1024;
        }
    }

    private readonly record struct Key(long Generation, string Culture, string UiCulture, string File, string Method, object? Arguments);
}
