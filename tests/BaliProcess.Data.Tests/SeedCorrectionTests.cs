using System.Text.Json;
using System.Text.Json.Nodes;
using BaliProcess.Data.Model;
using BaliProcess.Data.Seeding;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaliProcess.Data.Tests;

/// <summary>
/// What staff corrected in the portal (published corrections, decision 0030) survives every seed load: an unchanged
/// reload changes nothing, a seed-data change of a corrected field leaves the staff value and is logged, a corrected
/// attendance line is not replaced by the line it corrected, and a withdrawn meeting stays withdrawn, as does a withdrawn
/// seeded record of every other withdrawable kind (decision 0039).
/// </summary>
public sealed class SeedCorrectionTests
{
    private const string Meeting = "ad-hoc-group-senior-officials-meeting-9";
    private const string Forum = "following-the-money-forum-2016";
    private const string Withdrawn = "workshop-biometrics-at-borders-bangkok-2019";
    private const string Plan = "tip-working-group-forward-work-plan-2015-17";

    [Fact]
    public async Task A_reload_keeps_staff_corrections_and_logs_a_seed_change_of_a_corrected_field()
    {
        await using var database = await TestDatabase.CreateSeededAsync("correction");
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        string lineKey;
        await using (var db = database.CreateContext())
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Slug == Meeting);
            var item = await db.ActionItems.SingleAsync(i => i.WorkPlan!.Slug == Plan && i.Number == "7");
            var forum = await db.Meetings.Include(m => m.Attendance).ThenInclude(a => a.Participant).SingleAsync(m => m.Slug == Forum);
            var line = forum.Attendance.First(a => a.Role == AttendanceRole.Attended);
            var other = await db.Participants.SingleAsync(p => p.Slug == "palau");
            Assert.DoesNotContain(forum.Attendance, a => a.ParticipantId == other.Id);
            lineKey = $"{Forum}/{line.Id}";
            Published(db, "meeting", Meeting, new() { ["place"] = "Wellington" }, new() { ["place"] = meeting.Place }, at);
            Published(db, "work-plan-item", $"{Plan}/7", new() { ["text"] = "Staff text of item 7" }, new() { ["text"] = item.Text }, at);
            Published(db, "attendance", lineKey, new() { ["participant"] = "palau" }, new() { ["participant"] = line.Participant!.Slug }, at);
            meeting.Place = "Wellington";
            item.Text = "Staff text of item 7";
            line.Participant = other;
            var withdrawn = await db.Meetings.SingleAsync(m => m.Slug == Withdrawn);
            (withdrawn.WithdrawnAt, withdrawn.WithdrawnReason) = (at, "Recorded twice.");
            await WithdrawnSeedRecords.WithdrawAsync(db, at); // decision 0039: one seeded record of every other withdrawable kind
            await db.SaveChangesAsync();
        }

        var withdrawals = await WithdrawnSeedRecords.StoredAsync(database);
        Assert.Equal(10, withdrawals.Withdrawn.Count);

        // Seed-data as it was: nothing to do, nothing logged; every withdrawal stays, and no withdrawn row is added again.
        var (unchanged, quiet) = await LoadAsync(database, TestPaths.SeedDirectory);
        Assert.True(unchanged.ChangedNothing, $"the reload changed {unchanged}");
        Assert.DoesNotContain(quiet, l => l.Contains("seed-data changes", StringComparison.Ordinal));
        var afterReload = await WithdrawnSeedRecords.StoredAsync(database);
        Assert.Equal(withdrawals.Counts, afterReload.Counts);
        Assert.Equal(withdrawals.Withdrawn, afterReload.Withdrawn);

        // Seed-data changes the corrected place and item text, and another field of the meeting.
        var copy = TestPaths.CopySeedDirectory();
        List<string> log;
        try
        {
            var meetingsPath = Path.Combine(copy, "meetings.json");
            var meetings = JsonNode.Parse(File.ReadAllText(meetingsPath))!.AsArray();
            var json = meetings.Single(m => m!["slug"]!.GetValue<string>() == Meeting)!;
            json["place"] = "Wellington, NZ";
            json["summary"] = "A summary the seed added.";
            File.WriteAllText(meetingsPath, meetings.ToJsonString());
            var plansPath = Path.Combine(copy, "work-plans.json");
            var plans = JsonNode.Parse(File.ReadAllText(plansPath))!;
            plans[0]!["items"]![6]!["text"] = plans[0]!["items"]![6]!["text"]!.GetValue<string>() + " (seed fix)";
            File.WriteAllText(plansPath, plans.ToJsonString());
            (_, log) = await LoadAsync(database, copy);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }

        Assert.Contains($"seed-data changes meeting {Meeting} place; the staff correction of 2026-12-01 stays", string.Join("\n", log), StringComparison.Ordinal);
        Assert.Contains($"seed-data changes work-plan-item {Plan}/7 text; the staff correction of 2026-12-01 stays", string.Join("\n", log), StringComparison.Ordinal);
        await using var check = database.CreateContext();
        var meetingNow = await check.Meetings.SingleAsync(m => m.Slug == Meeting);
        Assert.Equal(("Wellington", "A summary the seed added."), (meetingNow.Place, meetingNow.Summary)); // the seed's own change applies
        Assert.Equal("Staff text of item 7", await check.ActionItems.Where(i => i.WorkPlan!.Slug == Plan && i.Number == "7").Select(i => i.Text).SingleAsync());
        var forumNow = await check.Meetings.Include(m => m.Attendance).ThenInclude(a => a.Participant).SingleAsync(m => m.Slug == Forum);
        Assert.Equal("palau", forumNow.Attendance.Single(a => $"{Forum}/{a.Id}" == lineKey).Participant!.Slug);
        Assert.Equal(1, await check.Meetings.IgnoreQueryFilters().CountAsync(m => m.Slug == Withdrawn));
        Assert.False(await check.Meetings.AnyAsync(m => m.Slug == Withdrawn));
    }

    private static void Published(BaliProcessDbContext db, string kind, string key, Dictionary<string, string?> fields, Dictionary<string, string?> replaces, DateTimeOffset at) =>
        db.RecordCorrections.Add(new RecordCorrection
        {
            RecordKind = kind,
            RecordKey = key,
            Action = CorrectionAction.Correct,
            Fields = JsonSerializer.Serialize(fields),
            Replaces = JsonSerializer.Serialize(replaces),
            Reason = "Checked against the document.",
            ProposedBy = "Author",
            ProposedByUserId = "author",
            ProposedAt = at.AddHours(-1),
            State = CorrectionState.Published,
            DecidedBy = "Reviewer",
            DecidedByUserId = "reviewer",
            DecidedAt = at,
        });

    private static async Task<(SeedReport Report, List<string> Log)> LoadAsync(TestDatabase database, string directory)
    {
        var logger = new ListLogger();
        await using var db = database.CreateContext();
        var report = await new SeedLoader(db, TimeProvider.System, logger).LoadAsync(directory);
        return (report, logger.Lines);
    }

    private sealed class ListLogger : ILogger<SeedLoader>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
