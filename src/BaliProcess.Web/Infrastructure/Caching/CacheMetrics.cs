using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// Counters that let the caches be watched in production (System.Diagnostics.Metrics, meter "BaliProcess.Portal";
/// exported at /metrics in the Prometheus text format and readable with dotnet-counters). Names follow the
/// OpenTelemetry conventions; the exporter turns "portal.cache.hits" into portal_cache_hits_total.
/// </summary>
public sealed class CacheMetrics
{
    public const string MeterName = "BaliProcess.Portal";
    public const string OutputCacheName = "output";
    public const string RecordCacheName = "record";

    private readonly Meter meter;
    private readonly Counter<long> hits;
    private readonly Counter<long> misses;
    private readonly Counter<long> evictions;
    private readonly Counter<long> changes;
    private readonly Counter<long> indexBuilds;
    private readonly Histogram<double> notificationLag;

    /// <param name="meters">The host's factory; none for a cache built outside the portal (tests, the benchmark).</param>
    public CacheMetrics(IMeterFactory? meters = null)
    {
        meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        hits = meter.CreateCounter<long>("portal.cache.hits", "{request}", "Reads answered from a cache (tag cache: output or record).");
        misses = meter.CreateCounter<long>("portal.cache.misses", "{request}", "Reads a cache could not answer, so the page was rendered or the record read.");
        evictions = meter.CreateCounter<long>("portal.cache.evictions", "{entry}", "Entries a cache dropped, by reason (capacity, expired, removed).");
        changes = meter.CreateCounter<long>("portal.record.changes", "{change}", "Moves to a new record generation, by origin (this-instance, other-instance, reconnected).");
        indexBuilds = meter.CreateCounter<long>("portal.search.index.builds", "{build}", "In-memory search index builds, by outcome (built, reused, discarded, failed).");
        notificationLag = meter.CreateHistogram<double>(
            "portal.record.notification.lag", "ms", "From another instance's commit to this instance moving to the new generation.");
    }

    public void Hit(string cache) => hits.Add(1, new KeyValuePair<string, object?>("cache", cache));

    public void Miss(string cache) => misses.Add(1, new KeyValuePair<string, object?>("cache", cache));

    public void Evicted(string cache, EvictionReason reason) =>
        evictions.Add(1, new KeyValuePair<string, object?>("cache", cache), new KeyValuePair<string, object?>("reason", reason.ToString().ToLowerInvariant()));

    public void Changed(string origin) => changes.Add(1, new KeyValuePair<string, object?>("origin", origin));

    public void IndexBuilt(string outcome) => indexBuilds.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void NotificationLag(TimeSpan lag) => notificationLag.Record(Math.Max(0, lag.TotalMilliseconds));

    /// <summary>Reports a cache's estimated size in bytes whenever metrics are collected.</summary>
    public void ObserveSize(string cache, Func<long> bytes) =>
        meter.CreateObservableGauge("portal.cache.size", () => new Measurement<long>(bytes(), new KeyValuePair<string, object?>("cache", cache)), "By", "Estimated bytes a cache holds.");
}
