using System.Diagnostics;
using System.Globalization;
using BaliProcess.Benchmarks;
using BaliProcess.Data;
using BaliProcess.Data.Seeding;
using BaliProcess.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Search benchmark (docs/benchmarks.md): a synthetic 100,000-paragraph corpus in its own database, the
// whole SearchService call against the same SQL statements run directly, then the database is dropped.
// Usage: dotnet run -c Release --project benchmarks/BaliProcess.Benchmarks [-- --runs 200] [--detail]
//   [--paragraphs 100000]  corpus size: 195 is the real corpus alone, 1000000 the million-paragraph run
//   [--cache off|on|both]  measure only first searches (off), only cached ones (on), or both (default)
//   [--keep]               keep the database afterwards (its name is printed)
//   [--index on|off]       search through the in-memory paragraph index (decision 0013, default) or in SQL only
//   [--corpus-only]        build the corpus and stop (with --keep: a database for later runs)
// Index update (decision 0027): --index-update --database bp_bench_a,bp_bench_b [--runs 20]: full rebuild against an
//   update with one published statement of ~20 paragraphs, on each kept database, one table
// Upload to searchable (decision 0036): --upload-to-searchable [--pages 100] [--runs 3]: a PDF through the portal's own
//   services on two instances in this process, until the other instance's search finds its last page (own database, dropped)
if (args.Contains("--upload-to-searchable"))
{
    var uploadServer = Environment.GetEnvironmentVariable("ConnectionStrings__BaliProcess") is { Length: > 0 } u
        ? u
        : "Host=localhost;Port=5432;Username=baliprocess;Password=baliprocess;Database=baliprocess";
    var pdfPages = args.SkipWhile(a => a != "--pages").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(100);
    var uploadRuns = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
    await UploadToSearchableBenchmark.RunAsync(uploadServer, pdfPages, uploadRuns);
    return 0;
}

if (args.Contains("--index-update"))
{
    // Full rebuild of the in-memory index against an update with one published statement, on each database given.
    var benchmarkServer = Environment.GetEnvironmentVariable("ConnectionStrings__BaliProcess") is { Length: > 0 } c
        ? c
        : "Host=localhost;Port=5432;Username=baliprocess;Password=baliprocess;Database=baliprocess";
    var databases = args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault()?.Split(',')
        ?? throw new ArgumentException("--index-update needs --database NAME[,NAME]: benchmark databases kept with --keep");
    var updateRounds = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(20);
    await IndexUpdateBenchmark.RunAsync(benchmarkServer, databases, updateRounds);
    return 0;
}

var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(200);
var detail = args.Contains("--detail");
var keep = args.Contains("--keep");
var copies = args.SkipWhile(a => a != "--paragraphs").Skip(1)
    .Select(a => Math.Max(0, (int)Math.Round(int.Parse(a, CultureInfo.InvariantCulture) / 195.0) - 1)).FirstOrDefault(SyntheticCorpus.Copies);
var cacheMode = args.SkipWhile(a => a != "--cache").Skip(1).FirstOrDefault("both");
var measureUncached = cacheMode is "off" or "both";
var measureCached = cacheMode is "on" or "both";
var useIndex = args.SkipWhile(a => a != "--index").Skip(1).FirstOrDefault("on") != "off";
var server = Environment.GetEnvironmentVariable("ConnectionStrings__BaliProcess") is { Length: > 0 } configured
    ? configured
    : "Host=localhost;Port=5432;Username=baliprocess;Password=baliprocess;Database=baliprocess";
// --database NAME: measure an existing benchmark database (kept with --keep) as it is: no build, no drop.
var existing = args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault();
var databaseName = existing ?? "bp_bench_" + Guid.NewGuid().ToString("N")[..12];
keep |= existing is not null;
var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;

if (existing is null)
{
    await Sql(admin, $"CREATE DATABASE \"{databaseName}\"");
}

try
{
    var recorder = new CommandRecorder();
    var options = new DbContextOptionsBuilder<BaliProcessDbContext>();
    BaliProcessDbContext.Configure(options, connectionString);
    options.AddInterceptors(recorder);
    var dbFactory = new PooledDbContextFactory<BaliProcessDbContext>(options.Options);

    var clock = Stopwatch.StartNew();
    if (existing is null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();

        await db.Database.MigrateAsync();
        await new SeedLoader(db, TimeProvider.System, NullLogger<SeedLoader>.Instance).LoadAsync(FindSeedDirectory());
    }

    // The same session settings as the portal's own connections, so "same SQL direct" is the same work.
    await using var dataSource = NpgsqlDataSource.Create(BaliProcessDbContext.WithSessionSettings(connectionString));
    if (copies > 0 && existing is null)
    {
        await SyntheticCorpus.BuildAsync(dataSource, copies);
    }

    var paragraphs = await Scalar(dataSource, "SELECT count(*) FROM paragraphs");
    Console.WriteLine($"Corpus: {paragraphs:N0} paragraphs in database {databaseName}, built in {clock.Elapsed.TotalSeconds:N0} s");
    Console.WriteLine($"Sizes: {await ScalarText(dataSource, BenchmarkSql.SizesSql)}");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {await ScalarText(dataSource, "SELECT version()")}");
    Console.WriteLine($"Runs per measurement: {runs} (after 5 warm-up runs)");
    Console.WriteLine();
    if (args.Contains("--corpus-only"))
    {
        return 0; // with --keep: a database for later runs with --database
    }

    SearchRequest[] queries =
    [
        new("afghanistan"),
        new("trafficking"),
        new("\"follow the money\""),
        new(Theme: "coordination-and-support"),
        new("victims", Theme: "victim-protection", Kind: "ministerial-conference"),
    ];
    string[] names = ["rare word", "common word", "phrase", "theme only", "query + two facets"];

    // Summaries only: a cached run reads its page each time ("another page of a known search"), as before
    // result pages were kept too; a kept page costs no query at all.
    var generation = new BaliProcess.Web.Infrastructure.Caching.RecordGeneration();
    using var records = new BaliProcess.Web.Infrastructure.Caching.RecordCache(
        generation, new BaliProcess.Web.Infrastructure.Caching.CacheMetrics(), new BaliProcess.Web.Infrastructure.Caching.PublicCacheOptions());
    var cache = new SearchCache(records) { KeepPages = false };
    var holder = new BaliProcess.Web.Features.Search.Index.ParagraphIndexHolder(generation);
    if (useIndex)
    {
        var heapBefore = GC.GetTotalMemory(true);
        var indexClock = Stopwatch.StartNew();
        await using (var indexDb = await dbFactory.CreateDbContextAsync())
        {
            await indexDb.Database.OpenConnectionAsync();
            holder.Install(await BaliProcess.Web.Features.Search.Index.ParagraphIndex.BuildAsync(indexDb.Database.GetDbConnection()));
        }

        var built = indexClock.Elapsed.TotalSeconds;
        BaliProcess.Web.Features.Search.Index.ParagraphIndexBuilder.ReleaseBuildGarbage(); // as the portal does after a build
        var heapAfter = GC.GetTotalMemory(true);
        Console.WriteLine($"In-memory index: {holder.Current!.ParagraphCount:N0} paragraphs, {holder.Current.WordCount:N0} words, built in {built:N1} s; " +
            $"managed heap +{(heapAfter - heapBefore) / 1048576.0:N0} MB (arrays about {holder.Current.ApproximateBytes / 1048576.0:N0} MB; " +
            $"heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:N0} MB of which fragmented {GC.GetGCMemoryInfo().FragmentedBytes / 1048576.0:N0} MB), process resident now {Resident()}");
    }
    else
    {
        Console.WriteLine("In-memory index: off (--index off): every first search runs in SQL");
    }

    Console.WriteLine();
    var search = new SearchService(dbFactory, cache, holder);
    if (args.Contains("--fingerprint"))
    {
        // What a search answers (total, facets, pages 1, 2 and 60 in order), hashed: two builds that print
        // the same lines rank and count alike on this corpus.
        cache.Enabled = false;
        SearchRequest[] more =
        [
            new("people smuggling"), new("-trafficking"), new("trafficking", Year: "2010"), new(Year: "2010"),
            new("victims", Group: "working-group-disruption"), new(Member: "australia"), new("trafficking", Member: "indonesia", Theme: "victim-protection"),
            new(Kind: "workshop", Theme: "coordination-and-support", Year: "2012"),
        ];
        foreach (var request in queries.Concat(more))
        {
            var text = new System.Text.StringBuilder();
            foreach (var page in new[] { "1", "2", "60" })
            {
                var r = await search.SearchAsync(request with { Page = page });
                text.Append(CultureInfo.InvariantCulture, $"{r.Total};{string.Join(',', r.Hits.Select(h => h.Id + ":" + h.Snippet))};");
                foreach (var facet in new[] { r.Facets.Themes, r.Facets.Years, r.Facets.Kinds, r.Facets.Groups, r.Facets.Members })
                {
                    text.Append(string.Join(',', facet.Select(f => $"{f.Value}={f.Count}"))).Append('|');
                }
            }

            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16];
            Console.WriteLine($"{request} -> {hash}");
        }

        return 0;
    }
    Console.WriteLine("| query | matches | uncached service p50 / p95 | same SQL direct p50 / p95 | ratio (p50) | cached service p50 / p95 | same SQL direct p50 / p95 | ratio (p50) |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (var i = 0; i < queries.Length; i++)
    {
        var request = queries[i];
        string uncachedCells = "– | – | –", cachedCells = "– | – | –";
        var total = 0;

        if (measureUncached)
        {
            // Uncached: every call computes the summary (count, ranking, facets, work-plan items) and the page.
            cache.Enabled = false;
            var uncached = await Measure(() => search.SearchAsync(request), Math.Max(20, runs / 4));
            recorder.Start();
            total = (await search.SearchAsync(request)).Total;
            var uncachedSql = recorder.Stop();
            var uncachedRaw = await Measure(() => Replay(dataSource, uncachedSql), Math.Max(20, runs / 4));
            if (detail)
            {
                // Each statement alone, to see where the uncached time goes.
                foreach (var statement in uncachedSql)
                {
                    var alone = await Measure(() => Replay(dataSource, [statement]), 20);
                    Console.Error.WriteLine($"{names[i]}: {alone} {statement.Sql.ReplaceLineEndings(" ")[..Math.Min(400, statement.Sql.Length)]}");
                }

                if (holder.Current is { } paragraphIndex)
                {
                    // The in-memory part alone: matching, ranking and the facet cells.
                    BaliProcess.Web.Features.Search.Index.TextQuery? textQuery = null;
                    if (!string.IsNullOrEmpty(request.Q))
                    {
                        await using var parseDb = await dbFactory.CreateDbContextAsync();
                        var printed = await parseDb.Database.SqlQuery<string>($"SELECT websearch_to_tsquery('english', {request.Q})::text AS \"Value\"").SingleAsync();
                        textQuery = BaliProcess.Web.Features.Search.Index.TextQuery.TryParse(printed);
                    }

                    var filters = new BaliProcess.Web.Features.Search.Index.IndexFilters(null, null, null, null, null);
                    if (request.Theme is not null || request.Kind is not null)
                    {
                        await using var filterDb = await dbFactory.CreateDbContextAsync();
                        int? themeId = request.Theme is null ? null : await filterDb.Themes.Where(t => t.Slug == request.Theme).Select(t => t.Id).SingleAsync();
                        var kind = request.Kind is null ? null : SearchInput.Parse(request).Criteria.Kind?.ToString();
                        filters = new(themeId, null, kind, null, null);
                    }

                    var inMemory = await Measure(() => Task.FromResult(paragraphIndex.Answer(textQuery, filters, SearchService.RankedIdCap)), 40);
                    Console.Error.WriteLine($"{names[i]}: {inMemory} in-memory index alone (matching, ranking, facet cells)");
                }
            }

            uncachedCells = $"{uncached} | {uncachedRaw} ({uncachedSql.Count} statements) | {uncached.P50 / uncachedRaw.P50:N2}";
        }

        if (measureCached)
        {
            // Cached: the summary is reused (a repeat of the search, or another page of it); pages 1-3 in turn.
            cache.Enabled = true;
            records.Clear();   // nothing kept from before: the first run of each search loads its summary
            var pageNumber = 0;
            SearchRequest NextPage() => request with { Page = (pageNumber++ % 3 + 1).ToString(CultureInfo.InvariantCulture) };
            total = (await search.SearchAsync(request)).Total;
            var cached = await Measure(() => search.SearchAsync(NextPage()), runs);
            recorder.Start();
            await search.SearchAsync(request);
            var cachedSql = recorder.Stop();
            var cachedRaw = await Measure(() => Replay(dataSource, cachedSql), runs);
            cachedCells = $"{cached} | {cachedRaw} ({cachedSql.Count} statements) | {cached.P50 / cachedRaw.P50:N2}";
        }

        Console.WriteLine($"| {names[i]} | {total:N0} | {uncachedCells} | {cachedCells} |");
    }

    Console.WriteLine();
    Console.WriteLine($"Memory: {await ScalarText(dataSource, "SELECT 'shared_buffers ' || current_setting('shared_buffers')")}; " +
        $"PostgreSQL processes {PostgresMemory()}; this process (the search service) peak resident {PeakResident()}, " +
        $"managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    Console.WriteLine();
    if (keep)
    {
        Console.WriteLine($"Kept database {databaseName} (--keep).");
    }
    else
    {
        await Sql(admin, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        Console.WriteLine($"Dropped database {databaseName}.");
    }
}

return 0;

// Memory of the PostgreSQL server: the sum of proportional set sizes (shared memory counted once) of
// its processes, read from /proc (needs the rights to read them; otherwise "unknown").
static string PostgresMemory()
{
    try
    {
        long pssKb = 0;
        var processes = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            string comm;
            try
            {
                comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
            }
            catch (IOException)
            {
                continue;
            }

            if (comm is not ("postgres" or "postmaster"))
            {
                continue;
            }

            foreach (var line in File.ReadLines(Path.Combine(dir, "smaps_rollup")))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    pssKb += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    processes++;
                }
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{pssKb / 1024.0:N0} MB proportional set size over {processes} processes (the whole server, other databases included)");
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        return "unknown (" + e.Message + ")";
    }
}

static string Resident() =>
    File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown";

static string PeakResident()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? "unknown" : line["VmHWM:".Length..].Trim();
}

static async Task<Timing> Measure(Func<Task> action, int runs)
{
    for (var i = 0; i < 5; i++)
    {
        await action();
    }

    var samples = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(samples);
    return new Timing(Percentile(samples, 0.50), Percentile(samples, 0.95));
}

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

// The recorded statements, each run and read to the end through a pooled Npgsql connection, one after the other as EF Core did.
static async Task Replay(NpgsqlDataSource dataSource, IReadOnlyList<RecordedCommand> commands)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    foreach (var recorded in commands)
    {
        await using var command = new NpgsqlCommand(recorded.Sql, connection);
        foreach (var p in recorded.Parameters)
        {
            command.Parameters.Add(p.Clone());
        }

        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
            }
        }
        while (await reader.NextResultAsync());
    }
}

static async Task Sql(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<long> Scalar(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return (long)(await command.ExecuteScalarAsync())!;
}

static async Task<string> ScalarText(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return (string)(await command.ExecuteScalarAsync())!;
}

static string FindSeedDirectory()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "seed-data");
        if (File.Exists(Path.Combine(candidate, "sources.json")))
        {
            return candidate;
        }
    }

    throw new InvalidOperationException("seed-data not found above " + AppContext.BaseDirectory);
}

internal static class BenchmarkSql
{
    /// <summary>Table and index sizes of the paragraphs, for docs/benchmarks.md.</summary>
    public const string SizesSql = """
        SELECT string_agg(name || ' ' || pg_size_pretty(size), ', ' ORDER BY size DESC)
        FROM (SELECT 'paragraphs heap' AS name, pg_relation_size('paragraphs') AS size
              UNION ALL SELECT 'paragraphs TOAST', pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'paragraphs'
              UNION ALL SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index WHERE indrelid = 'paragraphs'::regclass) s
        """;
}

internal readonly record struct Timing(double P50, double P95)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{P50:N1} / {P95:N1} ms");
}
