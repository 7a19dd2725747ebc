using BaliProcess.Web.Features.Search;
using Microsoft.AspNetCore.OutputCaching;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// The one call that code writing data makes after it commits:
/// <code>await publicCache.InvalidateAsync(PublicCacheTags.Meetings);</code>
/// It evicts the cached public pages that show that kind of record, the record read by pages
/// (<see cref="RecordCache"/>) and the search summaries on this
/// instance, and tells every other instance to do the same (PostgreSQL NOTIFY, docs/decisions/0012).
/// With no tags it empties everything. Never throws for a notification that cannot be sent: the local
/// caches are cleared first, and the other instances' entries expire on their own (the failure is logged).
/// </summary>
public sealed class PublicCache(
    IOutputCacheStore store,
    SearchCache searchCache,
    RecordCache recordCache,
    CacheInvalidationBus bus,
    ILogger<PublicCache> logger)
{
    public async Task InvalidateAsync(params string[] tags)
    {
        var effective = Normalise(tags);
        await EvictLocallyAsync(effective);
        try
        {
            await bus.PublishAsync(effective);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Other instances were not told to clear their caches ({Reason}); their pages expire on their own", e.Message);
        }
    }

    public Task InvalidateAllAsync() => InvalidateAsync(PublicCacheTags.Everything);

    /// <summary>Evicts on this instance only (what a notification from another instance triggers).</summary>
    internal async Task EvictLocallyAsync(IReadOnlyCollection<string> tags)
    {
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }

        // The record read by pages, and search summaries (paragraphs, themes, members and meetings): any
        // change may alter them, and changes are rare, so each is emptied whole.
        recordCache.Invalidate();
        searchCache.Invalidate();
    }

    private static string[] Normalise(string[] tags) =>
        tags is null || tags.Length == 0 ? [PublicCacheTags.Everything] : tags.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToArray();
}
