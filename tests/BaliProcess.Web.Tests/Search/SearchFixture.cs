using BaliProcess.Data;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Search.Index;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BaliProcess.Web.Tests.Search;

/// <summary>The feature services over one seeded database, for tests that call them directly (no HTTP).</summary>
public sealed class SearchFixture : IAsyncLifetime, IDisposable
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    public IDbContextFactory<BaliProcessDbContext> DbFactory { get; private set; } = null!;

    /// <summary>The record generation the cache and the index follow (<see cref="RecordChangedAsync"/> moves it).</summary>
    public RecordGeneration Generation { get; } = new();

    public SearchCache Cache { get; }

    /// <summary>The in-memory index as the portal keeps it: rebuilt whenever the record changes.</summary>
    public ParagraphIndexHolder Index { get; }

    private readonly RecordCache records;

    public SearchFixture()
    {
        records = new RecordCache(Generation, new CacheMetrics(), new PublicCacheOptions());
        Cache = new SearchCache(records);
        Index = new ParagraphIndexHolder(Generation);
    }

    /// <summary>Search as the portal runs it: through the in-memory index where it can answer.</summary>
    public SearchService Search => new(DbFactory, Cache, Index);

    /// <summary>Search in SQL only, what the index must agree with.</summary>
    public SearchService SqlSearch => new(DbFactory, Cache);

    public StatementReads Statements => new(DbFactory, NoRecordCache);

    public ThemeReads Themes => new(DbFactory, NoRecordCache);

    /// <summary>Tests here change data and compare with search at once: statements and themes are read from the database.</summary>
    private static readonly RecordCache NoRecordCache = new(new RecordGeneration(), new CacheMetrics(), new PublicCacheOptions { RecordInMemory = false });

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync("search");
        var options = new DbContextOptionsBuilder<BaliProcessDbContext>();
        BaliProcessDbContext.Configure(options, database.ConnectionString);
        DbFactory = new PooledDbContextFactory<BaliProcessDbContext>(options.Options);
        lastIndex = await BuildIndexAsync();
        Index.Install(lastIndex);
    }

    /// <summary>
    /// What a write does, and then what ParagraphIndexBuilder does in the portal (there in the background; here at
    /// once, so that tests that change data go on searching through a current index): the index is updated with the
    /// paragraphs written since it was read (decision 0027), so every search test after a change checks an updated one.
    /// </summary>
    public async Task RecordChangedAsync()
    {
        Generation.Advance();
        var previous = lastIndex;
        await using var db = await DbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        lastIndex = await previous.UpdatedAsync(db.Database.GetDbConnection()) ?? await ParagraphIndex.BuildAsync(db.Database.GetDbConnection());
        Index.Install(lastIndex);
    }

    private ParagraphIndex lastIndex = null!;

    public async Task<ParagraphIndex> BuildIndexAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        return await ParagraphIndex.BuildAsync(db.Database.GetDbConnection());
    }

    public void Dispose() => records.Dispose();

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SearchCollection : ICollectionFixture<SearchFixture>
{
    public const string Name = "search services";
}
