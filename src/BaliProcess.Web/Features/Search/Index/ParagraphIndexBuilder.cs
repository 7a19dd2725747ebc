using System.Diagnostics;
using BaliProcess.Data;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Search.Index;

/// <summary>The in-memory index searches use while it is current; null while none is (search then runs in SQL).</summary>
public sealed class ParagraphIndexHolder
{
    private ParagraphIndex? current;

    public ParagraphIndex? Current
    {
        get => Volatile.Read(ref current);
        set => Volatile.Write(ref current, value);
    }
}

/// <summary>
/// Builds the in-memory paragraph index at start-up and again after every <see cref="SearchCache.Invalidate"/>
/// (a staff edit, the seed loader, a notification from another instance). The moment data changes the old
/// index is dropped, so searches fall back to SQL until the new one is ready: the index is never stale.
/// "Search:InMemoryIndex" (default true) turns it off.
/// </summary>
public sealed class ParagraphIndexBuilder(
    IDbContextFactory<BaliProcessDbContext> dbFactory, ParagraphIndexHolder holder, SearchCache cache,
    IConfiguration configuration, ILogger<ParagraphIndexBuilder> logger) : AfterEachChangeService(cache)
{
    /// <summary>
    /// A fingerprint of the tables the index is built from: row count and the sum of row versions (xmin),
    /// which any insert, update or delete changes. The facet columns are kept on paragraphs by triggers, so
    /// a change to a meeting or a theme link shows here as a change to the paragraphs it touches.
    /// </summary>
    private const string DataVersionSql = """
        SELECT (SELECT count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text FROM paragraphs)
            || '/' || (SELECT count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text FROM statements) AS "Value"
        """;

    private long generation;
    private (ParagraphIndex Index, string Version)? last;

    protected override bool Enabled => configuration.GetValue("Search:InMemoryIndex", true);

    // Searches run in SQL meanwhile.
    protected override TimeSpan DelayAfterChange => configuration.GetValue("Search:RebuildDelay", TimeSpan.FromSeconds(1));

    protected override Task RunAsync(CancellationToken ct) => BuildAsync(ct);

    protected override void OnChanged()
    {
        Interlocked.Increment(ref generation);
        holder.Current = null;
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        var before = Interlocked.Read(ref generation);
        var clock = Stopwatch.StartNew();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            // Most invalidations are staff edits of work plans, which change nothing the index holds: if the
            // tables it is built from are as they were, the last index is current again at once.
            var version = await db.Database.SqlQueryRaw<string>(DataVersionSql).SingleAsync(ct);
            if (last is { } previous && previous.Version == version)
            {
                if (Interlocked.Read(ref generation) == before)
                {
                    holder.Current = previous.Index;
                }

                return;
            }

            var built = await ParagraphIndex.BuildAsync(db.Database.GetDbConnection(), ct);
            // Built while the data changed: drop it; the invalidation has already asked for another build.
            if (Interlocked.Read(ref generation) != before)
            {
                return;
            }

            holder.Current = built;
            last = (built, version);
            ReleaseBuildGarbage();
            logger.LogInformation(
                "Search index built: {Paragraphs} paragraphs, {Words} words, about {Megabytes:N0} MB, in {Seconds:N1} s",
                built.ParagraphCount, built.WordCount, built.ApproximateBytes / 1048576.0, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Search still answers from SQL. Try again later: the database may be starting or away.
            logger.LogWarning("Search index not built ({Reason}); searches run in SQL until it is", e.Message);
            _ = RetryLaterAsync(ct);
        }
    }

    /// <summary>
    /// Building grows large lists (a common word's postings) that are garbage once frozen; a compacting
    /// collection of the large-object heap hands that memory back to the operating system rather than
    /// keeping it as free space. Once per build, in the background.
    /// </summary>
    internal static void ReleaseBuildGarbage()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private async Task RetryLaterAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            RequestRun();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
