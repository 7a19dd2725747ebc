using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_create_the_schema_on_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync("migrate");
        await using var db = database.CreateContext();

        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Participants.CountAsync());
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.Contains("paragraphs", tables);
        Assert.Contains("action_item_status_changes", tables);
        Assert.Contains("meeting_attendance", tables);
    }

    [Fact]
    public void The_model_and_the_last_migration_agree()
    {
        // Uses the design-time model only; no server needed to compare them.
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: run 'dotnet ef migrations add'.");
    }

    [Fact]
    public async Task Paragraph_search_uses_a_GIN_index_on_a_generated_tsvector()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("gin");
        await using var db = database.CreateContext();
        var indexDefinition = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'paragraphs' AND indexdef LIKE '%search_vector%'").SingleAsync();
        Assert.Contains("USING gin", indexDefinition, StringComparison.Ordinal);
        var generated = await db.Database.SqlQueryRaw<string>(
            "SELECT generation_expression AS \"Value\" FROM information_schema.columns WHERE table_name = 'paragraphs' AND column_name = 'search_vector'").SingleAsync();
        Assert.Contains("to_tsvector('english'", generated, StringComparison.Ordinal);
    }
}
