using System.Data.Common;
using System.Diagnostics;
using BaliProcess.Data;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Search.Index;

/// <summary>
/// The in-memory index searches use, with the record generation it was built from. It answers only while that
/// generation is current: the moment the record changes, searches go to SQL until an index of the new generation
/// is installed, so the index is never stale, and one built while a change landed is never used.
/// </summary>
public sealed class ParagraphIndexHolder(RecordGeneration generation)
{
    private Installed? installed;

    /// <summary>An index of its own generation (tests and the benchmark, which build search without the portal's services).</summary>
    public ParagraphIndexHolder()
        : this(new RecordGeneration())
    {
    }

    /// <summary>The index, while the generation it was built from is current; otherwise null (search runs in SQL).</summary>
    public ParagraphIndex? Current =>
        Volatile.Read(ref installed) is { } i && i.Generation == generation.Current ? i.Index : null;

    /// <summary>Installs an index read from the database while <paramref name="builtUnder"/> was current.</summary>
    public void Install(ParagraphIndex index, long builtUnder) => Volatile.Write(ref installed, new Installed(index, builtUnder));

    /// <summary>Installs an index of the data as it is now (the benchmark, which changes nothing meanwhile).</summary>
    public void Install(ParagraphIndex index) => Install(index, generation.Current);

    private sealed record Installed(ParagraphIndex Index, long Generation);
}

/// <summary>
/// Builds the in-memory paragraph index at start-up, and after every change of the record (a staff edit, the seed
/// loader, a notification from another instance) updates it with the paragraphs written since the snapshot of the
/// last one (decision 0027), or rebuilds it when those are many or unknown: see <see cref="ParagraphIndexHolder"/>
/// for why the index is never stale. "Search:InMemoryIndex" (default true) turns it off.
/// </summary>
public sealed class ParagraphIndexBuilder(
    IDbContextFactory<BaliProcessDbContext> dbFactory, ParagraphIndexHolder holder, RecordGeneration generation, TimeProvider time,
    CacheMetrics metrics, IConfiguration configuration, ILogger<ParagraphIndexBuilder> logger) : AfterEachChangeService(generation, time)
{
    /// <summary>The last index made, installed or not (one made while a change landed is still right for its own snapshot).</summary>
    private ParagraphIndex? last;

    protected override bool Enabled => configuration.GetValue("Search:InMemoryIndex", true);

    // Searches run in SQL meanwhile; an update takes milliseconds, so the delay is what a burst of changes waits for.
    protected override TimeSpan DelayAfterChange => configuration.GetValue("Search:RebuildDelay", TimeSpan.FromMilliseconds(250));

    protected override Task<bool> RunAsync(long forGeneration, CancellationToken ct) => BuildAsync(forGeneration, ct);

    private async Task<bool> BuildAsync(long forGeneration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            var connection = db.Database.GetDbConnection();
            if (last is { } previous && await UpdatedAsync(previous, connection, ct) is { } updated)
            {
                // Installed under the generation whose change it read, as a full build is (see below).
                holder.Install(updated, forGeneration);
                last = updated;
                if (ReferenceEquals(updated, previous))
                {
                    // Most changes are staff edits of work plans, which change nothing the index holds.
                    metrics.IndexBuilt("reused");
                    return true;
                }

                metrics.IndexBuilt(Generation.Current == forGeneration ? "updated" : "discarded");
                logger.LogInformation(
                    "Search index updated: {Paragraphs} paragraphs ({Replaced} earlier versions replaced or removed), in {Milliseconds:N0} ms",
                    updated.ParagraphCount, updated.RemovedCount - previous.RemovedCount, clock.Elapsed.TotalMilliseconds);
                return true;
            }

            var built = await ParagraphIndex.BuildAsync(connection, ct);
            // Installed under the generation it was read in: if a change landed meanwhile, it is never used, and the
            // change has already asked for another run (which updates this one).
            holder.Install(built, forGeneration);
            last = built;
            metrics.IndexBuilt(Generation.Current == forGeneration ? "built" : "discarded");
            ReleaseBuildGarbage();
            logger.LogInformation(
                "Search index built: {Paragraphs} paragraphs, {Words} words, about {Megabytes:N0} MB, in {Seconds:N1} s",
                built.ParagraphCount, built.WordCount, built.ApproximateBytes / 1048576.0, clock.Elapsed.TotalSeconds);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Search still answers from SQL. Try again later: the database may be starting or away.
            metrics.IndexBuilt("failed");
            logger.LogWarning("Search index not built ({Reason}); searches run in SQL until it is", e.Message);
            return false;
        }
    }

    /// <summary><paramref name="previous"/> updated (or itself), or null for a full build, also when the changes could not be read.</summary>
    private async Task<ParagraphIndex?> UpdatedAsync(ParagraphIndex previous, DbConnection connection, CancellationToken ct)
    {
        try
        {
            return await previous.UpdatedAsync(connection, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Search index not updated ({Reason}); building it again from every paragraph", e.Message);
            return null;
        }
    }

    /// <summary>
    /// Building grows large lists (a common word's postings) that are garbage once frozen; a compacting
    /// collection of the large-object heap hands that memory back to the operating system rather than
    /// keeping it as free space. Once per full build, in the background (an update leaves little garbage).
    /// </summary>
    internal static void ReleaseBuildGarbage()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
