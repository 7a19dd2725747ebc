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
/// Builds the in-memory paragraph index at start-up and again after every change of the record (a staff edit,
/// the seed loader, a notification from another instance): see <see cref="ParagraphIndexHolder"/> for why the
/// index is never stale. "Search:InMemoryIndex" (default true) turns it off.
/// </summary>
public sealed class ParagraphIndexBuilder(
    IDbContextFactory<BaliProcessDbContext> dbFactory, ParagraphIndexHolder holder, RecordGeneration generation, TimeProvider time,
    CacheMetrics metrics, IConfiguration configuration, ILogger<ParagraphIndexBuilder> logger) : AfterEachChangeService(generation, time)
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

    private (ParagraphIndex Index, string Version)? last;

    protected override bool Enabled => configuration.GetValue("Search:InMemoryIndex", true);

    // Searches run in SQL meanwhile.
    protected override TimeSpan DelayAfterChange => configuration.GetValue("Search:RebuildDelay", TimeSpan.FromSeconds(1));

    protected override Task<bool> RunAsync(long forGeneration, CancellationToken ct) => BuildAsync(forGeneration, ct);

    private async Task<bool> BuildAsync(long forGeneration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            // Most changes are staff edits of work plans, which change nothing the index holds: if the tables it is
            // built from are as they were, the last index serves the new generation at once.
            var version = await db.Database.SqlQueryRaw<string>(DataVersionSql).SingleAsync(ct);
            if (last is { } previous && previous.Version == version)
            {
                holder.Install(previous.Index, forGeneration);
                metrics.IndexBuilt("reused");
                return true;
            }

            var built = await ParagraphIndex.BuildAsync(db.Database.GetDbConnection(), ct);
            // Installed under the generation it was read in: if a change landed meanwhile, it is never used, and the
            // change has already asked for another build.
            holder.Install(built, forGeneration);
            last = (built, version);
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
}
