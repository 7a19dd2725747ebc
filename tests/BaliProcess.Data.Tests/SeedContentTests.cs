using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>The seeded database holds the figures the source documents give.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class SeedContentTests(SeededDatabaseFixture fixture)
{
    private const string TwentyYears = "004_14e3ad4cbde5a5fa.txt";

    [Fact]
    public async Task There_are_49_members_45_governments_and_4_international_organisations()
    {
        await using var db = fixture.Database.CreateContext();
        var members = await db.Participants.Where(p => p.Memberships.Any(m => m.Status == MembershipStatus.Member)).ToListAsync();

        Assert.Equal(49, members.Count);
        Assert.Equal(45, members.Count(m => m.Kind is ParticipantKind.Government or ParticipantKind.SpecialAdministrativeRegion));
        Assert.Equal(
            ["ilo", "iom", "unhcr", "unodc"],
            members.Where(m => m.Kind == ParticipantKind.InternationalOrganisation).Select(m => m.Slug).Order());
    }

    [Fact]
    public async Task There_are_18_observer_states_and_bodies_and_9_observer_organisations()
    {
        await using var db = fixture.Database.CreateContext();
        // Observers now: the USA was "an observer since inception and a full member since 2011" (its history keeps both).
        var observers = (await db.Participants.AsNoTracking().Include(p => p.Memberships).ToListAsync())
            .Where(p => p.CurrentStatus == MembershipStatus.Observer)
            .ToList();

        Assert.Equal(27, observers.Count);
        Assert.Equal(18, observers.Count(o => o.Sources.Any(s => s.Location.Contains("Observer States", StringComparison.Ordinal))));
        Assert.Equal(9, observers.Count(o => o.Sources.Any(s => s.Location.Contains("Observer Organisations", StringComparison.Ordinal))));
        Assert.All(observers, o => Assert.Contains(o.Sources, s => s.Document == TwentyYears));
    }

    [Fact]
    public async Task Member_names_keep_the_spelling_of_the_member_list()
    {
        await using var db = fixture.Database.CreateContext();
        var names = await db.Participants.Select(p => p.Name).ToListAsync();

        Assert.Contains("Viet Nam", names);
        Assert.Contains("Türkiye", names);
        Assert.Contains("Lao People's Democratic Republic", names);
        Assert.DoesNotContain("Vietnam", names);
    }

    [Fact]
    public async Task The_forward_work_plan_2015_17_has_its_10_items_with_their_statuses()
    {
        await using var db = fixture.Database.CreateContext();
        var plan = await db.WorkPlans.Include(w => w.Items).ThenInclude(i => i.StatusChanges)
            .SingleAsync(w => w.Slug == "tip-working-group-forward-work-plan-2015-17");
        var statuses = plan.Items.OrderBy(i => i.Sequence).Select(i => (i.Number, i.Status)).ToList();

        Assert.Equal(
            [
                ("1", ActionItemStatus.Ongoing), ("2", ActionItemStatus.Ongoing), ("3", ActionItemStatus.Complete),
                ("4", ActionItemStatus.Complete), ("5", ActionItemStatus.Continuing), ("6", ActionItemStatus.Complete),
                ("7", ActionItemStatus.ForAction), ("8", ActionItemStatus.ForAction), ("9", ActionItemStatus.Continuing),
                ("10", ActionItemStatus.ForAction),
            ],
            statuses);

        // The seeded status is the first entry of each item's history, and the source's words are kept.
        Assert.All(plan.Items, i =>
        {
            var first = Assert.Single(i.StatusChanges);
            Assert.True(first.FromSeed);
            Assert.Equal(i.Status, first.ToStatus);
            Assert.False(string.IsNullOrWhiteSpace(i.StatusText));
        });
        Assert.StartsWith("Complete", plan.Items.Single(i => i.Number == "3").StatusText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Adelaide_Strategy_has_25_activities_in_8_areas()
    {
        await using var db = fixture.Database.CreateContext();
        var activities = await db.Paragraphs
            .Where(p => p.Statement!.Slug == "adelaide-strategy-for-cooperation-2023" && p.Section!.StartsWith("Area "))
            .OrderBy(p => p.Sequence)
            .Select(p => new { p.Label, Section = p.Section!, Themes = p.Themes.Select(t => t.AdelaideArea).ToList() })
            .ToListAsync();

        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), activities.Select(a => a.Label));
        Assert.Equal(8, activities.Select(a => a.Section).Distinct().Count());

        // Every activity is tagged with the theme of the area it sits in (the official vocabulary).
        Assert.All(activities, a => Assert.Contains(int.Parse(a.Section["Area ".Length..a.Section.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture), a.Themes));
    }

    [Fact]
    public async Task The_Eighth_Ministerial_Conference_statement_has_paragraphs_1_to_20_and_15a_to_f_in_order()
    {
        await using var db = fixture.Database.CreateContext();
        var labels = await db.Paragraphs
            .Where(p => p.Statement!.Slug == "eighth-ministerial-conference-2023-co-chairs-statement")
            .OrderBy(p => p.Sequence).Select(p => p.Label).ToListAsync();

        string[] expected =
        [
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
            "15a", "15b", "15c", "15d", "15e", "15f", "16", "17", "18", "19", "20",
        ];
        Assert.Equal(expected, labels);
        var statement = await db.Statements.Include(s => s.Meeting).SingleAsync(s => s.Slug == "eighth-ministerial-conference-2023-co-chairs-statement");
        Assert.Equal(new PartialDate(new DateOnly(2023, 2, 10), DatePrecision.Day), statement.When);
        Assert.Equal("eighth-ministerial-conference-2023", statement.Meeting!.Slug);
    }

    [Fact]
    public async Task The_2012_workshop_summary_has_17_paragraphs()
    {
        await using var db = fixture.Database.CreateContext();
        var labels = await db.Paragraphs
            .Where(p => p.Statement!.Slug == "technical-experts-workshop-2012-co-chairs-summary")
            .OrderBy(p => p.Sequence).Select(p => p.Label).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), labels);
    }

    [Fact]
    public async Task Dates_keep_their_precision()
    {
        await using var db = fixture.Database.CreateContext();
        var meetings = await db.Meetings.AsNoTracking().ToDictionaryAsync(m => m.Slug);

        var fifth = meetings["fifth-ministerial-conference-2013"];
        Assert.Equal(2013, fifth.StartDate.Year);
        var workshop = meetings["technical-experts-workshop-trafficking-in-persons-2012"];
        Assert.Equal(new PartialDate(new DateOnly(2012, 5, 28), DatePrecision.Day), workshop.Start);
        Assert.Equal(new PartialDate(new DateOnly(2012, 5, 30), DatePrecision.Day), workshop.End);

        // A meeting known only to the month never shows a day.
        Assert.Contains(meetings.Values, m => m.StartPrecision == DatePrecision.Month);
        Assert.All(meetings.Values.Where(m => m.StartPrecision != DatePrecision.Day), m => Assert.Equal(1, m.StartDate.Day));
    }

    [Fact]
    public async Task Every_record_says_which_document_it_comes_from()
    {
        await using var db = fixture.Database.CreateContext();
        var files = await db.SourceDocuments.Select(s => s.FileName).ToListAsync();
        Assert.Equal(5, files.Count);

        Assert.All(await db.Participants.AsNoTracking().ToListAsync(), p => Assert.NotEmpty(p.Sources));
        Assert.All(await db.Meetings.AsNoTracking().ToListAsync(), m => Assert.All(m.Sources, s => Assert.Contains(s.Document, files)));
        Assert.All(await db.Meetings.AsNoTracking().ToListAsync(), m => Assert.NotEmpty(m.Sources));
        Assert.All(await db.Mechanisms.AsNoTracking().ToListAsync(), m => Assert.NotEmpty(m.Sources));
        Assert.All(await db.Statements.AsNoTracking().ToListAsync(), s => Assert.NotEmpty(s.Sources));
        Assert.All(await db.Paragraphs.AsNoTracking().ToListAsync(), p => Assert.False(string.IsNullOrWhiteSpace(p.Location)));
    }

    [Fact]
    public async Task Recorded_disagreements_keep_every_value_with_its_source()
    {
        await using var db = fixture.Database.CreateContext();
        var disagreements = await db.Disagreements.AsNoTracking().ToListAsync();

        Assert.NotEmpty(disagreements);
        var thirdMeeting = Assert.Single(disagreements, d => d.Subject == "meeting:tip-working-group-third-meeting-2017" && d.Field.Contains("date", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(thirdMeeting.Values, v => v.Value.Contains("25 May 2017", StringComparison.Ordinal));
        Assert.Contains(thirdMeeting.Values, v => v.Value.Contains("26 May 2017", StringComparison.Ordinal));
        Assert.All(disagreements, d => Assert.True(d.Values.Count >= 2));
    }

    [Fact]
    public async Task Every_statement_paragraph_is_tagged_with_at_least_one_theme()
    {
        await using var db = fixture.Database.CreateContext();
        var untagged = await db.Paragraphs.Where(p => !p.Themes.Any()).Select(p => p.Statement!.Slug + " ¶" + p.Label).ToListAsync();
        Assert.Empty(untagged);
    }
}
