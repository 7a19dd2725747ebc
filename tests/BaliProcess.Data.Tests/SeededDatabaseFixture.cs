using BaliProcess.Tests.Shared;

namespace BaliProcess.Data.Tests;

/// <summary>One migrated and seeded database shared by the tests that only read.</summary>
public sealed class SeededDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateSeededAsync("seeded");

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SeededDatabaseCollection : ICollectionFixture<SeededDatabaseFixture>
{
    public const string Name = "seeded database";
}
