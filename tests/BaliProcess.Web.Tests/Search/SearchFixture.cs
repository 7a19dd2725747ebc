using BaliProcess.Data;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BaliProcess.Web.Tests.Search;

/// <summary>The feature services over one seeded database, for tests that call them directly (no HTTP).</summary>
public sealed class SearchFixture : IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    public IDbContextFactory<BaliProcessDbContext> DbFactory { get; private set; } = null!;

    public SearchCache Cache { get; } = new();

    public SearchService Search => new(DbFactory, Cache);

    public StatementLibrary Statements => new(DbFactory);

    public ThemeCatalogue Themes => new(DbFactory);

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync("search");
        var options = new DbContextOptionsBuilder<BaliProcessDbContext>();
        BaliProcessDbContext.Configure(options, database.ConnectionString);
        DbFactory = new PooledDbContextFactory<BaliProcessDbContext>(options.Options);
    }

    public async Task DisposeAsync()
    {
        Cache.Dispose();
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
