using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The status history is the document's at first and append-only forever: the seeded first entry, the
/// database trigger, and the migration that fixed the entries written before it.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class WorkPlanHistoryTests(SeededDatabaseFixture fixture)
{
    private const string Plan = "tip-working-group-forward-work-plan-2015-17";
    private const string WorkPlanDocument = "001_2f1693fd15a085f6.txt";

    [Fact]
    public async Task The_first_entry_of_a_seeded_item_is_the_status_the_document_records_dated_as_the_document()
    {
        await using var db = fixture.Database.CreateContext();
        var item = await db.ActionItems.Include(i => i.StatusChanges).Include(i => i.WorkPlan)
            .SingleAsync(i => i.WorkPlan!.Slug == Plan && i.Number == "7");

        var first = Assert.Single(item.StatusChanges);
        Assert.Null(first.FromStatus);
        Assert.Equal(ActionItemStatus.ForAction, first.ToStatus);
        Assert.StartsWith("For action – 2016/17(recommendations for future actions", first.Note, StringComparison.Ordinal);
        Assert.Equal(item.StatusText, first.Note);

        // 001 is undated; it was updated following the meeting of 18 May 2016, so the year is all it supports.
        Assert.Equal(new PartialDate(new DateOnly(2016, 1, 1), DatePrecision.Year), first.Effective);
        Assert.Equal(WorkPlanDocument, first.SourceDocument);
        Assert.Equal(item.WorkPlan!.Title, first.ChangedBy);
        Assert.Null(first.ChangedByUserId);
        Assert.True(first.FromSeed);
        Assert.Equal(RecordOrigin.Seed, item.Origin);
    }

    [Fact]
    public async Task Item_7_is_asked_for_by_the_Following_the_Money_recommendations_citing_001()
    {
        await using var db = fixture.Database.CreateContext();
        var links = await db.Set<ActionItemParagraphLink>().AsNoTracking()
            .Where(l => l.ActionItem!.WorkPlan!.Slug == Plan)
            .Select(l => new { l.ActionItem!.Number, l.Paragraph!.Statement!.Slug, l.Paragraph.Label, l.Origin, l.Sources })
            .ToListAsync();

        Assert.All(links, l => Assert.Equal("7", l.Number));
        Assert.All(links, l => Assert.Equal("following-the-money-forum-2016-co-chairs-statement", l.Slug));
        Assert.Equal(["2", "2a", "2b", "3", "4", "5"], links.Select(l => l.Label).Order(StringComparer.Ordinal));
        Assert.All(links, l => Assert.Equal(RecordOrigin.Seed, l.Origin));
        Assert.All(links, l => Assert.Contains(l.Sources, s => s.Document == WorkPlanDocument && s.Location.Contains("item 7", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("UPDATE action_item_status_changes SET note = 'rewritten'")]
    [InlineData("UPDATE action_item_status_changes SET to_status = 'Complete' WHERE id = (SELECT min(id) FROM action_item_status_changes)")]
    [InlineData("DELETE FROM action_item_status_changes")]
    [InlineData("DELETE FROM action_item_status_changes WHERE id = (SELECT max(id) FROM action_item_status_changes)")]
    [InlineData("TRUNCATE action_item_status_changes CASCADE")]
    public async Task The_database_refuses_to_change_or_remove_history(string sql)
    {
        await using var db = fixture.Database.CreateContext();
        var before = await db.ActionItemStatusChanges.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Note, c.ToStatus }).ToListAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        var after = await db.ActionItemStatusChanges.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Note, c.ToStatus }).ToListAsync();
        Assert.Equal(before, after);
        Assert.NotEmpty(after);
    }

    [Fact]
    public async Task EF_Core_cannot_rewrite_an_entry_either()
    {
        await using var db = fixture.Database.CreateContext();
        var entry = await db.ActionItemStatusChanges.OrderBy(c => c.Id).FirstAsync();
        var original = entry.Note;
        entry.Note = "A quieter version of events";

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("append-only", error.InnerException!.Message, StringComparison.Ordinal);
        await using var check = fixture.Database.CreateContext();
        Assert.Equal(original, (await check.ActionItemStatusChanges.SingleAsync(c => c.Id == entry.Id)).Note);
    }

    [Fact]
    public async Task The_migration_turns_entries_written_by_the_old_loader_into_the_documents_before_locking_the_table()
    {
        await using var database = await TestDatabase.CreateAsync("histmig");
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261123131028_AddSearchTerms");

            // What the loader wrote before this migration: "Status as recorded in ..., by seed data", at load time.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO source_documents (slug, file_name, title, published_on, published_precision)
                VALUES ('001-plan', '001_2f1693fd15a085f6.txt', 'The plan document', '2016-01-01', 1);
                INSERT INTO work_plans (slug, title, period, start_year, end_year, sources)
                VALUES ('plan', 'Updated Forward Work Plan: 2015-17', '2015–17', 2015, 2017, '[]');
                INSERT INTO action_items (work_plan_id, number, sequence, text, status, status_text, sources)
                SELECT id, '7', 7, 'Follow-up', 'ForAction', 'For action – 2016/17', '[{{"Document":"001_2f1693fd15a085f6.txt","Location":"item 7"}}]'
                FROM work_plans;
                INSERT INTO action_item_status_changes (action_item_id, to_status, status_text, changed_by, changed_at, reason, from_seed)
                SELECT id, 'ForAction', 'For action – 2016/17', 'seed data', '2026-11-23 15:24:00+00', 'Status as recorded in 001_2f1693fd15a085f6.txt', true
                FROM action_items;
                """);

            await db.Database.MigrateAsync();
        }

        await using var check = database.CreateContext();
        var entry = await check.ActionItemStatusChanges.SingleAsync();
        Assert.Equal("For action – 2016/17", entry.Note);
        Assert.Equal("Updated Forward Work Plan: 2015-17", entry.ChangedBy);
        Assert.Equal(new PartialDate(new DateOnly(2016, 1, 1), DatePrecision.Year), entry.Effective);
        Assert.Equal(WorkPlanDocument, entry.SourceDocument);
        Assert.Equal(RecordOrigin.Seed, (await check.ActionItems.SingleAsync()).Origin);
        await Assert.ThrowsAsync<PostgresException>(() => check.Database.ExecuteSqlRawAsync("UPDATE action_item_status_changes SET note = 'x'"));
    }
}
