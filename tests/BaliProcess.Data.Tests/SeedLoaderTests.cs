using System.Text.Json.Nodes;
using BaliProcess.Data.Model;
using BaliProcess.Data.Seeding;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>How the loader behaves: idempotent, all-or-nothing, and respectful of staff edits.</summary>
public sealed class SeedLoaderTests
{
    [Fact]
    public async Task A_second_load_changes_nothing()
    {
        // The seeded template is the loader's first load of seed-data/ into a migrated database (DatabaseTemplates).
        await using var database = await TestDatabase.CreateSeededAsync("reload");

        var second = await database.LoadSeedAsync(TestPaths.SeedDirectory);

        Assert.True(second.ChangedNothing, $"the second load changed {second}");
    }

    [Fact]
    public async Task A_status_changed_by_staff_survives_a_reload()
    {
        await using var database = await TestDatabase.CreateSeededAsync("staffedit");
        await using (var db = database.CreateContext())
        {
            var item = await db.ActionItems.Include(i => i.StatusChanges).SingleAsync(i => i.WorkPlan!.Slug == "tip-working-group-forward-work-plan-2015-17" && i.Number == "8");
            Assert.Equal(ActionItemStatus.ForAction, item.Status);
            item.StatusChanges.Add(new ActionItemStatusChange
            {
                FromStatus = item.Status,
                ToStatus = ActionItemStatus.Complete,
                ChangedBy = "secretariat@example.org",
                ChangedAt = DateTimeOffset.UtcNow,
                Note = "Guidance tools published",
                EffectiveDate = new DateOnly(2017, 3, 1),
                EffectivePrecision = DatePrecision.Day,
            });
            item.Status = ActionItemStatus.Complete;
            await db.SaveChangesAsync();
        }

        var report = await database.LoadSeedAsync(TestPaths.SeedDirectory);

        await using var check = database.CreateContext();
        var reloaded = await check.ActionItems.Include(i => i.StatusChanges).SingleAsync(i => i.WorkPlan!.Slug == "tip-working-group-forward-work-plan-2015-17" && i.Number == "8");
        Assert.Equal(ActionItemStatus.Complete, reloaded.Status);
        Assert.Equal(2, reloaded.StatusChanges.Count);
        Assert.True(report.ChangedNothing);
    }

    public static TheoryData<string, Func<JsonNode, JsonNode>, string> BrokenSeeds => new()
    {
        {
            "meetings.json",
            root => { root[0]!["mechanism"] = "no-such-working-group"; return root; },
            "meetings.json [0]"
        },
        {
            "meetings.json",
            root => { root[1]!["slug"] = root[0]!["slug"]!.GetValue<string>(); return root; },
            "duplicate meeting slug"
        },
        {
            "statements/eighth-ministerial-conference-2023-co-chairs-statement.json",
            root => { root["paragraphs"]![3]!.AsObject().Remove("text"); return root; },
            "statements/eighth-ministerial-conference-2023-co-chairs-statement.json (statement): paragraphs[3].text is missing"
        },
        {
            "participants/members-and-observers.json",
            root => { root[0]!["kind"] = "Country"; return root; },
            "participants/members-and-observers.json [0]"
        },
        {
            "work-plans.json",
            root => { root[0]!["items"]![0]!["themes"] = new JsonArray("not-a-theme"); return root; },
            "theme 'not-a-theme'"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenSeeds))]
    public async Task A_broken_seed_file_is_rejected_with_its_place_and_leaves_the_database_unchanged(
        string file, Func<JsonNode, JsonNode> breakIt, string expectedInMessage)
    {
        await using var database = await TestDatabase.CreateSeededAsync("broken");
        var before = await SnapshotAsync(database);
        var copy = TestPaths.CopySeedDirectory();
        try
        {
            // Also change a paragraph that is valid, to prove nothing of the broken load is written.
            EditJson(copy, "statements/technical-experts-workshop-2012-co-chairs-summary.json", root =>
            {
                root["paragraphs"]![0]!["text"] = "Changed by a load that must not happen.";
                return root;
            });
            EditJson(copy, file, breakIt);

            var error = await Assert.ThrowsAsync<SeedDataException>(() => database.LoadSeedAsync(copy));

            Assert.Contains(error.Problems, p => p.Contains(expectedInMessage, StringComparison.Ordinal));
            Assert.Equal(before, await SnapshotAsync(database));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_json_names_the_file_and_line_and_an_empty_database_stays_empty()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("badjson");
        var copy = TestPaths.CopySeedDirectory();
        try
        {
            File.WriteAllText(Path.Combine(copy, "themes.json"), "[\n  { \"slug\": \"law-enforcement\",\n    \"name\": \"Law\" \n  \n");

            var error = await Assert.ThrowsAsync<SeedDataException>(() => database.LoadSeedAsync(copy));

            var problem = Assert.Single(error.Problems, p => p.StartsWith("themes.json", StringComparison.Ordinal));
            Assert.Contains("line", problem, StringComparison.Ordinal);
            await using var db = database.CreateContext();
            Assert.Equal(0, await db.Participants.CountAsync());
            Assert.Equal(0, await db.Themes.CountAsync());
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_seed_folder_is_a_clear_error()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("nofolder");
        var error = await Assert.ThrowsAsync<SeedDataException>(() => database.LoadSeedAsync("/nonexistent/seed-data"));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    private static void EditJson(string directory, string file, Func<JsonNode, JsonNode> edit)
    {
        var path = Path.Combine(directory, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        File.WriteAllText(path, edit(root).ToJsonString());
    }

    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var counts = string.Join(",",
            await db.Participants.CountAsync(), await db.Meetings.CountAsync(), await db.Paragraphs.CountAsync(),
            await db.ActionItems.CountAsync(), await db.Themes.CountAsync(), await db.MeetingAttendance.CountAsync());
        var firstParagraph = await db.Paragraphs
            .Where(p => p.Statement!.Slug == "technical-experts-workshop-2012-co-chairs-summary" && p.Label == "1")
            .Select(p => p.Text).SingleAsync();
        return counts + "|" + firstParagraph;
    }
}
