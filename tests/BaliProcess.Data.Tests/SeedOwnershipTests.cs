using System.Text.Json.Nodes;
using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>
/// A seed load updates what the seed owns and never what staff own: status, history, items and work plans
/// staff created, and the theme and paragraph links they set (including links they removed).
/// </summary>
public sealed class SeedOwnershipTests
{
    private const string Plan = "tip-working-group-forward-work-plan-2015-17";

    [Fact]
    public async Task A_reload_with_changed_seed_data_keeps_every_staff_edit_and_applies_the_seeds_own_changes()
    {
        await using var database = await TestDatabase.CreateSeededAsync("ownership");
        int staffPlanId;
        await using (var db = database.CreateContext())
        {
            var plan = await db.WorkPlans.Include(w => w.Items).ThenInclude(i => i.Themes)
                .Include(w => w.Items).ThenInclude(i => i.ParagraphLinks).ThenInclude(l => l.Paragraph)
                .SingleAsync(w => w.Slug == Plan);
            var mechanism = await db.Mechanisms.SingleAsync(m => m.Slug == "working-group-trafficking-in-persons");
            var victimProtection = await db.Themes.SingleAsync(t => t.Slug == "victim-protection");
            var regionalPriorityVI = await db.Paragraphs.SingleAsync(p => p.Statement!.Slug == "tip-working-group-regional-priorities" && p.Label == "VI");

            // A status change (item 8), a staff item in the seed plan, and a staff work plan with an item.
            var item8 = plan.Items.Single(i => i.Number == "8");
            item8.StatusChanges.Add(Change(item8.Status, ActionItemStatus.Complete, "Indicators published"));
            item8.Status = ActionItemStatus.Complete;
            item8.StatusText = "Indicators published";
            var staffItem = new ActionItem { Number = "11", Text = "Staff-added item", Status = ActionItemStatus.ForAction, StatusText = "New", Sequence = 11, Origin = RecordOrigin.Staff };
            staffItem.StatusChanges.Add(Change(null, ActionItemStatus.ForAction, "New"));
            plan.Items.Add(staffItem);
            var staffPlan = new WorkPlan { Slug = "forward-work-plan-2017-19", Title = "Forward Work Plan 2017–19", Period = "2017–19", StartYear = 2017, EndYear = 2019, Mechanism = mechanism, Origin = RecordOrigin.Staff };
            db.WorkPlans.Add(staffPlan);

            // Item 7: staff remove a seed theme and a seed paragraph link, and add their own of each.
            var item7 = plan.Items.Single(i => i.Number == "7");
            item7.Themes.RemoveAll(t => t.Slug == "research-and-data");
            item7.Themes.Add(victimProtection);
            item7.ThemesSetByStaff = true;
            item7.ParagraphLinks.RemoveAll(l => l.Paragraph!.Label == "5");
            item7.ParagraphLinks.Add(new ActionItemParagraphLink { Paragraph = regionalPriorityVI, Origin = RecordOrigin.Staff, LinkedBy = "Secretariat officer", LinkedAt = DateTimeOffset.UtcNow });
            item7.ParagraphLinksSetByStaff = true;
            await db.SaveChangesAsync();
            staffPlanId = staffPlan.Id;
        }

        // The seed changes too: item 7's text and themes, item 2's themes, and it now also has an item "11"
        // and a plan with the staff plan's slug (both must stay the secretariat's).
        var copy = TestPaths.CopySeedDirectory();
        try
        {
            var path = Path.Combine(copy, "work-plans.json");
            var root = JsonNode.Parse(File.ReadAllText(path))!;
            var items = root[0]!["items"]!.AsArray();
            items[6]!["text"] = items[6]!["text"]!.GetValue<string>() + " (corrected)";
            items[6]!["themes"] = new JsonArray("follow-the-money", "research-and-data", "law-enforcement");
            items[1]!["themes"] = new JsonArray("capacity-building");
            items.Add(JsonNode.Parse("""{ "number": "11", "text": "Seed item eleven", "status": "Complete", "statusText": "Complete.", "themes": [], "source": { "document": "001_2f1693fd15a085f6.txt", "location": "test" } }"""));
            var seedPlan = JsonNode.Parse(root[0]!.ToJsonString())!;
            seedPlan["slug"] = "forward-work-plan-2017-19";
            seedPlan["title"] = "Seed title that must not win";
            root.AsArray().Add(seedPlan);
            File.WriteAllText(path, root.ToJsonString());

            await database.LoadSeedAsync(copy);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }

        await using var check = database.CreateContext();
        var reloaded = await check.WorkPlans.AsNoTracking()
            .Include(w => w.Items).ThenInclude(i => i.Themes)
            .Include(w => w.Items).ThenInclude(i => i.StatusChanges)
            .Include(w => w.Items).ThenInclude(i => i.ParagraphLinks).ThenInclude(l => l.Paragraph)
            .AsSplitQuery()
            .SingleAsync(w => w.Slug == Plan);

        var item8Now = reloaded.Items.Single(i => i.Number == "8");
        Assert.Equal(ActionItemStatus.Complete, item8Now.Status);
        Assert.Equal("Indicators published", item8Now.StatusText);
        Assert.Equal(2, item8Now.StatusChanges.Count);

        var item11 = reloaded.Items.Single(i => i.Number == "11");
        Assert.Equal("Staff-added item", item11.Text);
        Assert.Equal(RecordOrigin.Staff, item11.Origin);
        Assert.Equal(ActionItemStatus.ForAction, item11.Status);
        Assert.Single(item11.StatusChanges);

        var item7Now = reloaded.Items.Single(i => i.Number == "7");
        Assert.EndsWith("(corrected)", item7Now.Text, StringComparison.Ordinal);
        Assert.Equal(["capacity-building", "follow-the-money", "international-cooperation", "victim-protection"], item7Now.Themes.Select(t => t.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(["2", "2a", "2b", "3", "4", "VI"], item7Now.ParagraphLinks.Select(l => l.Paragraph!.Label).Order(StringComparer.Ordinal));

        // A list staff never touched still follows the seed.
        Assert.Equal(["capacity-building"], reloaded.Items.Single(i => i.Number == "2").Themes.Select(t => t.Slug));

        var staffPlanNow = await check.WorkPlans.Include(w => w.Items).SingleAsync(w => w.Id == staffPlanId);
        Assert.Equal("Forward Work Plan 2017–19", staffPlanNow.Title);
        Assert.Empty(staffPlanNow.Items);
    }

    [Fact]
    public async Task An_unchanged_reload_after_staff_edits_changes_nothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync("ownreload");
        await using (var db = database.CreateContext())
        {
            var item = await db.ActionItems.Include(i => i.ParagraphLinks).SingleAsync(i => i.WorkPlan!.Slug == Plan && i.Number == "7");
            item.ParagraphLinks.Clear();
            item.ParagraphLinksSetByStaff = true;
            await db.SaveChangesAsync();
        }

        var report = await database.LoadSeedAsync(TestPaths.SeedDirectory);

        Assert.True(report.ChangedNothing, $"the reload changed {report}");
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Set<ActionItemParagraphLink>().CountAsync());
    }

    [Fact]
    public async Task Seeded_statements_and_meetings_are_the_seeds_and_a_reload_keeps_statements_meetings_and_aliases_staff_added()
    {
        await using var database = await TestDatabase.CreateSeededAsync("ownstatement");
        await using (var db = database.CreateContext())
        {
            Assert.All(await db.Statements.IgnoreQueryFilters().ToListAsync(), s => Assert.Equal(RecordOrigin.Seed, s.Origin));
            var meeting = await db.Meetings.SingleAsync(m => m.Slug == "tip-working-group-third-meeting-2017");
            foreach (var (slug, draft) in new[] { ("staff-draft-statement", true), ("staff-published-statement", false) })
            {
                db.Statements.Add(new Statement
                {
                    Slug = slug, Title = slug, Origin = RecordOrigin.Staff, IsDraft = draft, Meeting = meeting, AddedBy = "Secretariat officer",
                    Paragraphs = [new Paragraph { Label = "1", Text = $"Text of {slug}.", Location = "paragraph 1", Sequence = 1, IsDraft = draft }],
                });
            }

            // Meetings and an alias staff added (decision 0029): a draft with its attendance, a published one, and a
            // spelling of Thailand a staff document uses.
            Assert.All(await db.Meetings.IgnoreQueryFilters().ToListAsync(), m => Assert.Equal(RecordOrigin.Seed, m.Origin));
            var thailand = await db.Participants.SingleAsync(p => p.Slug == "thailand");
            foreach (var (slug, draft) in new[] { ("staff-draft-meeting", true), ("staff-published-meeting", false) })
            {
                db.Meetings.Add(new Meeting
                {
                    Slug = slug, Title = slug, Kind = MeetingKind.Symposium, StartDate = new DateOnly(2015, 3, 25), StartPrecision = DatePrecision.Day,
                    Origin = RecordOrigin.Staff, IsDraft = draft, AddedBy = "Secretariat officer",
                    Attendance = [new MeetingAttendance { Participant = thailand, Role = AttendanceRole.CoChair, Sources = [new() { Document = "staff.txt", Location = "paragraph 1" }] }],
                    AttendanceAsWritten = [new AttendanceAsWritten { Name = "Atlantis", Role = AttendanceRole.Attended, Source = new() { Document = "staff.txt", Location = "paragraph 2" } }],
                });
            }

            thailand.Aliases.Add("Royal Thai Government");
            thailand.StaffAliases.Add(new StaffAlias { Alias = "Royal Thai Government", Source = new() { Document = "staff.txt", Location = "paragraph 1" }, MeetingSlug = "staff-published-meeting" });
            await db.SaveChangesAsync();
        }

        var report = await database.LoadSeedAsync(TestPaths.SeedDirectory);

        Assert.True(report.ChangedNothing, $"the reload changed {report}");
        await using var check = database.CreateContext();
        var meetings = await check.Meetings.IgnoreQueryFilters().Include(m => m.Attendance).Where(m => m.Origin == RecordOrigin.Staff).OrderBy(m => m.Slug).ToListAsync();
        Assert.Equal([("staff-draft-meeting", true, 1, "Atlantis"), ("staff-published-meeting", false, 1, "Atlantis")],
            meetings.Select(m => (m.Slug, m.IsDraft, m.Attendance.Count, m.AttendanceAsWritten.Single().Name)));
        // The query filter: the draft meeting and its attendance are invisible to an ordinary read.
        Assert.Equal(["staff-published-meeting"], await check.Meetings.Where(m => m.Origin == RecordOrigin.Staff).Select(m => m.Slug).ToListAsync());
        Assert.Equal(1, await check.MeetingAttendance.CountAsync(a => a.Meeting!.Origin == RecordOrigin.Staff));
        var thailandNow = await check.Participants.SingleAsync(p => p.Slug == "thailand");
        Assert.Contains("Royal Thai Government", thailandNow.Aliases);
        Assert.Equal("Royal Thai Government", thailandNow.StaffAliases.Single().Alias);
        var kept = await check.Statements.IgnoreQueryFilters().Include(s => s.Paragraphs).Where(s => s.Origin == RecordOrigin.Staff).OrderBy(s => s.Slug).ToListAsync();
        Assert.Equal([("staff-draft-statement", true, 1), ("staff-published-statement", false, 1)], kept.Select(s => (s.Slug, s.IsDraft, s.Paragraphs.Count)));
        // The query filter: the draft and its paragraph are invisible to an ordinary read.
        Assert.False(await check.Statements.AnyAsync(s => s.Slug == "staff-draft-statement"));
        Assert.False(await check.Paragraphs.AnyAsync(p => p.Text == "Text of staff-draft-statement."));
        Assert.True(await check.Paragraphs.AnyAsync(p => p.Text == "Text of staff-published-statement."));
    }

    private static ActionItemStatusChange Change(ActionItemStatus? from, ActionItemStatus to, string note) => new()
    {
        FromStatus = from,
        ToStatus = to,
        Note = note,
        EffectiveDate = new DateOnly(2017, 5, 26),
        EffectivePrecision = DatePrecision.Day,
        ChangedBy = "Secretariat officer",
        ChangedByUserId = "staff-1",
        ChangedAt = DateTimeOffset.UtcNow,
    };
}
