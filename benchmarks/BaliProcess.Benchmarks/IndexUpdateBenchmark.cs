using System.Diagnostics;
using System.Globalization;
using BaliProcess.Data;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Search.Index;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BaliProcess.Benchmarks;

/// <summary>
/// The in-memory index after a change (decision 0027): a full rebuild from every paragraph against an update with the
/// paragraphs written since, for one new statement of about 20 paragraphs published, on each benchmark database
/// given (kept with --keep), one table for all. A copy of the seeded statement with the number of paragraphs nearest
/// 20 is added as a draft; then, in turn, it is published (20 paragraphs in) and taken back to a draft (20 out), and
/// the index updated after each, as the portal's builder does. At the end the updated index is compared with a new
/// full build (same answers), and the copy is deleted.
/// </summary>
internal static class IndexUpdateBenchmark
{
    /// <summary>What the portal waits after a change before it updates the index (Search:RebuildDelay).</summary>
    private static readonly TimeSpan RebuildDelay = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(string server, IReadOnlyList<string> databases, int rounds)
    {
        var rows = new List<string>();
        foreach (var name in databases)
        {
            rows.Add(await MeasureAsync(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, rounds));
        }

        Console.WriteLine();
        Console.WriteLine($"| paragraphs | full rebuild, twice: wall (CPU of this process) | update after publishing ~20 paragraphs, p50 of {rounds}: changes read / in memory / total wall (max) | its CPU p50 | update after taking them back: wall p50 (max) | in the portal, searchable through the new index after publishing: {RebuildDelay.TotalSeconds:0.00} s delay + update, p50 (max) | ceiling | managed heap after the build | index arrays after the build / after {rounds * 2 + 1} updates | allocated per update, p50 | same answers as a full build |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }
    }

    private static async Task<string> MeasureAsync(string connectionString, int rounds)
    {
        var options = new DbContextOptionsBuilder<BaliProcessDbContext>();
        BaliProcessDbContext.Configure(options, connectionString);
        await using (var migrate = new BaliProcessDbContext(options.Options))
        {
            await migrate.Database.MigrateAsync(); // a database kept from before the change marks gets them (no rewrite)
        }

        await using var dataSource = NpgsqlDataSource.Create(BaliProcessDbContext.WithSessionSettings(connectionString));
        var statement = await AddDraftCopyAsync(dataSource);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            var heapBefore = GC.GetTotalMemory(true);
            var (index, firstBuild, firstBuildCpu) = await FullBuildAsync(connection);
            var arraysBuilt = index.ApproximateBytes;
            var heapBuilt = GC.GetTotalMemory(true) - heapBefore;
            Console.Error.WriteLine($"{connection.Database}: {index.ParagraphCount:N0} paragraphs, full build {firstBuild.TotalSeconds:N1} s, heap +{heapBuilt / 1048576.0:N0} MB; statement {statement.Id} with {statement.Paragraphs} paragraphs");

            var publishRead = new List<double>();
            var publishMemory = new List<double>();
            var publishTotal = new List<double>();
            var withdrawTotal = new List<double>();
            var allocated = new List<double>();
            var publishCpu = new List<double>();
            for (var round = 0; round < rounds * 2; round++)
            {
                var publish = round % 2 == 0;
                await SetDraftAsync(dataSource, statement.Id, draft: !publish);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var changes = await ParagraphRows.ReadChangesAsync(connection, index.Snapshot!, index.UpdateLimit, CancellationToken.None)
                    ?? throw new InvalidOperationException("The change set was unknown or too large.");
                var read = clock.Elapsed.TotalMilliseconds;
                var updated = index.Update(changes.Changed, changes.Gone, changes.Snapshot);
                var total = clock.Elapsed.TotalMilliseconds;
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
                allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
                if (changes.Count != statement.Paragraphs || updated.ParagraphCount != index.ParagraphCount + (publish ? statement.Paragraphs : -statement.Paragraphs))
                {
                    throw new InvalidOperationException($"Round {round}: {changes.Count} changes, {updated.ParagraphCount} paragraphs after {index.ParagraphCount}.");
                }

                index = updated;
                (publish ? publishTotal : withdrawTotal).Add(total);
                if (publish)
                {
                    publishRead.Add(read);
                    publishMemory.Add(total - read);
                    publishCpu.Add(cpu);
                }
            }

            // End published, as after the last publication; then the same rows built from scratch.
            await SetDraftAsync(dataSource, statement.Id, draft: false);
            index = await index.UpdatedAsync(connection) ?? throw new InvalidOperationException("Not updated.");
            var (built, secondBuild, secondBuildCpu) = await FullBuildAsync(connection);
            var same = SameAnswers(index, built);

            return string.Create(CultureInfo.InvariantCulture,
                $"| {index.ParagraphCount:N0} | {firstBuild.TotalSeconds:N1} s ({firstBuildCpu.TotalSeconds:N1} s), {secondBuild.TotalSeconds:N1} s ({secondBuildCpu.TotalSeconds:N1} s) | " +
                $"{P50(publishRead):N0} / {P50(publishMemory):N0} / {P50(publishTotal):N0} ms ({publishTotal.Max():N0} ms) | {P50(publishCpu):N0} ms | " +
                $"{P50(withdrawTotal):N0} ms ({withdrawTotal.Max():N0} ms) | " +
                $"{(RebuildDelay.TotalMilliseconds + P50(publishTotal)) / 1000:N2} s ({(RebuildDelay.TotalMilliseconds + publishTotal.Max()) / 1000:N2} s) | " +
                $"{Ceiling.TotalSeconds:N0} s | +{heapBuilt / 1048576.0:N0} MB | {arraysBuilt / 1048576.0:N0} MB / {index.ApproximateBytes / 1048576.0:N0} MB ({index.RemovedCount} tombstones) | " +
                $"{P50(allocated) / 1048576.0:N1} MB | {(same ? "yes" : "NO")} |");
        }
        finally
        {
            await using var delete = dataSource.CreateCommand($"DELETE FROM paragraphs WHERE statement_id = {statement.Id}; DELETE FROM statements WHERE id = {statement.Id}");
            await delete.ExecuteNonQueryAsync();
        }
    }

    private static async Task<(ParagraphIndex Index, TimeSpan Took, TimeSpan Cpu)> FullBuildAsync(NpgsqlConnection connection)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var index = await ParagraphIndex.BuildAsync(connection);
        var took = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        ParagraphIndexBuilder.ReleaseBuildGarbage(); // as the portal does after a full build
        return (index, took, cpu);
    }

    /// <summary>A draft copy of the seeded statement whose number of paragraphs is nearest 20.</summary>
    private static async Task<(int Id, int Paragraphs)> AddDraftCopyAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            WITH source AS (
                SELECT p.statement_id AS id FROM paragraphs AS p JOIN statements AS s ON s.id = p.statement_id
                WHERE s.slug NOT LIKE '%-copy-%' GROUP BY p.statement_id ORDER BY abs(count(*) - 20), p.statement_id LIMIT 1),
            copy AS (
                INSERT INTO statements (slug, kind, title, meeting_id, date, date_precision, author_id, sources, is_draft)
                SELECT s.slug || '-index-update-benchmark', s.kind, s.title || ' (index update benchmark)', s.meeting_id, s.date,
                       s.date_precision, s.author_id, s.sources, true
                FROM statements AS s WHERE s.id = (SELECT id FROM source)
                RETURNING id),
            added AS (
                INSERT INTO paragraphs (statement_id, sequence, label, section, text, location, year, theme_ids, member_ids, is_draft)
                SELECT (SELECT id FROM copy), p.sequence, p.label, p.section, p.text, p.location, p.year, p.theme_ids, p.member_ids, true
                FROM paragraphs AS p WHERE p.statement_id = (SELECT id FROM source)
                RETURNING id)
            SELECT (SELECT id FROM copy), (SELECT count(*)::int FROM added)
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>Publishing (or taking back) as StatementEditor saves it: the statement and its paragraphs in one transaction.</summary>
    private static async Task SetDraftAsync(NpgsqlDataSource dataSource, int statement, bool draft)
    {
        await using var command = dataSource.CreateCommand(string.Create(CultureInfo.InvariantCulture, $"""
            BEGIN;
            UPDATE statements SET is_draft = {draft} WHERE id = {statement};
            UPDATE paragraphs SET is_draft = {draft} WHERE statement_id = {statement};
            COMMIT;
            """));
        await command.ExecuteNonQueryAsync();
    }

    private static bool SameAnswers(ParagraphIndex updated, ParagraphIndex built)
    {
        foreach (var printed in new string?[] { null, "'traffick'", "'peopl' <-> 'smuggl'", "'victim' & 'protect'", "'afghanistan' | 'myanmar'" })
        {
            var query = printed is null ? null : TextQuery.TryParse(printed);
            foreach (var filters in new IndexFilters[] { new(null, null, null, null, null), new(null, 2016, null, null, null), new(null, null, "MinisterialConference", null, null) })
            {
                var a = updated.Answer(query, filters, SearchService.RankedIdCap);
                var b = built.Answer(query, filters, SearchService.RankedIdCap);
                if (a.Total != b.Total || !a.RankedIds.SequenceEqual(b.RankedIds) || a.Cells.Count != b.Cells.Count)
                {
                    return false;
                }
            }
        }

        return updated.ParagraphCount == built.ParagraphCount;
    }

    private static double P50(List<double> values) => values.Order().ElementAt((values.Count - 1) / 2);
}
