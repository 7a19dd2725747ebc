using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>The record's second pass: memberships, relations, outcome documents, people and open questions hold what the documents say.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class SeedRecordContentTests(SeededDatabaseFixture fixture)
{
    private const string TwentyYears = "004_14e3ad4cbde5a5fa.txt";

    [Fact]
    public async Task The_Ad_Hoc_Group_lists_19_members_as_004_names_them()
    {
        await using var db = fixture.Database.CreateContext();
        var members = await db.MechanismMemberships.AsNoTracking()
            .Where(m => m.Mechanism!.Slug == "ad-hoc-group" && m.Role == MechanismRole.Member && m.AsWritten == "Its membership includes")
            .Select(m => new { m.Participant!.Slug, m.Sources })
            .ToListAsync();

        // 004's list is one row each; Thailand's and Viet Nam's own words are rows of their own (decision 0041).
        Assert.Equal(19, members.Count);
        Assert.Equal(21, await db.MechanismMemberships.CountAsync(m => m.Mechanism!.Slug == "ad-hoc-group" && m.Role == MechanismRole.Member));
        Assert.Equal(
            ["afghanistan", "australia", "bangladesh", "india", "indonesia", "iom", "malaysia", "maldives", "myanmar", "new-zealand",
             "pakistan", "philippines", "sri-lanka", "thailand", "unhcr", "united-arab-emirates", "united-states-of-america", "unodc", "viet-nam"],
            members.Select(m => m.Slug).Order(StringComparer.Ordinal));
        Assert.All(members, m => Assert.Contains(m.Sources, s => s.Document == TwentyYears && s.Location.StartsWith("Developments from 2003", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_Steering_Group_has_its_six_and_its_mandate_no_longer_holds_the_membership_sentence()
    {
        await using var db = fixture.Database.CreateContext();
        var members = await db.MechanismMemberships.AsNoTracking()
            .Where(m => m.Mechanism!.Slug == "steering-group" && m.Role == MechanismRole.Member)
            .Select(m => m.Participant!.Slug).Distinct().ToListAsync();
        var mandate = await db.Mechanisms.Where(m => m.Slug == "steering-group").Select(m => m.Mandate).SingleAsync();

        Assert.Equal(["australia", "indonesia", "iom", "new-zealand", "thailand", "unhcr"], members.Order(StringComparer.Ordinal));
        Assert.Null(mandate);
    }

    [Fact]
    public async Task Members_own_accounts_of_their_roles_are_recorded()
    {
        await using var db = fixture.Database.CreateContext();
        var roles = await db.MechanismMemberships.AsNoTracking()
            .Select(m => new { Mechanism = m.Mechanism == null ? "(bali-process)" : m.Mechanism.Slug, Participant = m.Participant!.Slug, m.Role, m.From })
            .ToListAsync();
        bool Has(string mechanism, string participant, MechanismRole role) =>
            roles.Any(r => r.Mechanism == mechanism && r.Participant == participant && r.Role == role);

        Assert.True(Has("working-group-trafficking-in-persons", "viet-nam", MechanismRole.Member));
        Assert.True(Has("task-force-planning-and-preparedness", "viet-nam", MechanismRole.Member));
        Assert.True(Has("working-group-disruption", "malaysia", MechanismRole.Participant));
        Assert.True(Has("technical-experts-group-returns-and-reintegration", "malaysia", MechanismRole.Participant));
        Assert.True(Has("regional-support-office", "thailand", MechanismRole.Host));
        Assert.True(Has("regional-support-office", "iom", MechanismRole.Host));
        Assert.True(Has("regional-support-office", "iom", MechanismRole.Support));
        Assert.True(Has("(bali-process)", "australia", MechanismRole.CoChair));
        Assert.True(Has("(bali-process)", "indonesia", MechanismRole.CoChair));
        // The permanent co-chairs are Australia and Indonesia only, each in four of the documents' words ("As the permanent
        // Co-Chairs", its own perspective's, Japan's and UNODC's "co-chairs since 2002": decision 0041 keys a role by its words).
        Assert.Equal(["australia", "australia", "australia", "australia", "indonesia", "indonesia", "indonesia", "indonesia"], roles.Where(r => r.Mechanism == "(bali-process)" && r.Role == MechanismRole.CoChair).Select(r => r.Participant).Order());
    }

    [Fact]
    public async Task Inferred_co_chairs_are_gone_and_stated_ones_stay()
    {
        await using var db = fixture.Database.CreateContext();
        var coChairs = await db.MechanismMemberships.AsNoTracking().Where(c => c.Role == MechanismRole.CoChair && c.Mechanism != null)
            .Select(c => new { Mechanism = c.Mechanism!.Slug, Participant = c.Participant!.Slug, c.AsWritten, c.FromDate, c.FromPrecision, c.ToDate, c.Sources }).ToListAsync();

        Assert.DoesNotContain(coChairs, c => c.Mechanism == "working-group-disruption" && c.Participant == "malaysia");
        Assert.DoesNotContain(coChairs, c => c.Mechanism is "ad-hoc-group" or "regional-support-office" or "consultation-mechanism");
        Assert.True(await db.OpenQuestions.AnyAsync(q => q.Subject == "mechanism:working-group-disruption" && q.Field.Contains("Malaysia")));

        // What mechanisms.json said of each co-chair (participant, dates, source) is on its membership now, with the document's words.
        Assert.Equal(
            ["government-and-business-forum/australia", "government-and-business-forum/indonesia", "working-group-disruption/new-zealand", "working-group-disruption/viet-nam",
             "working-group-trafficking-in-persons/australia", "working-group-trafficking-in-persons/indonesia"],
            coChairs.Select(c => $"{c.Mechanism}/{c.Participant}").Order(StringComparer.Ordinal));
        var newZealand = coChairs.Single(c => c.Participant == "new-zealand");
        Assert.Equal((new DateOnly(2015, 1, 1), DatePrecision.Year), (newZealand.FromDate, newZealand.FromPrecision));
        Assert.Null(newZealand.ToDate);
        Assert.Equal("holding the role of co-chair since 2015", newZealand.AsWritten);
        Assert.Contains(newZealand.Sources, s => s.Document == TwentyYears && s.Location == "Individual Perspectives of Some Bali Process Members: New Zealand");
        var vietNam = coChairs.Single(c => c.Participant == "viet-nam");
        Assert.Null(vietNam.FromDate);
        Assert.Contains(vietNam.Sources, s => s.Location.Contains("period not stated", StringComparison.Ordinal));
        // 003: "The Co-Chairs will work with TIPWG members in 2017/18" (issue 21): the Working Group's co-chairs for that period only.
        Assert.All(coChairs.Where(c => c.Mechanism == "working-group-trafficking-in-persons"), c =>
        {
            Assert.Equal((new DateOnly(2017, 1, 1), DatePrecision.Year), (c.FromDate, c.FromPrecision));
            Assert.StartsWith("The Co-Chairs will work with TIPWG members in 2017/18", c.AsWritten, StringComparison.Ordinal);
        });
        Assert.All(coChairs.Where(c => c.Mechanism == "government-and-business-forum"), c =>
            Assert.Contains(c.Sources, s => s.Document == TwentyYears && s.Location.StartsWith("Government and Business Forum (GABF)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Relations_between_mechanisms_are_stated_ones()
    {
        await using var db = fixture.Database.CreateContext();
        var relations = await db.MechanismRelations.AsNoTracking()
            .Select(r => new { From = r.FromMechanism!.Slug, To = r.ToMechanism!.Slug, r.Kind, r.AsWritten, r.Sources }).ToListAsync();

        var ledBy = Assert.Single(relations, r => r.Kind == MechanismRelationKind.LedBy);
        Assert.Equal(("working-group-trafficking-in-persons", "ad-hoc-group"), (ledBy.From, ledBy.To));
        Assert.Contains("led by the Bali Process Ad Hoc Group", ledBy.AsWritten, StringComparison.Ordinal);
        Assert.Equal("001_2f1693fd15a085f6.txt", Assert.Single(ledBy.Sources).Document);
        Assert.Contains(relations, r => r.From == "task-force-planning-and-preparedness" && r.To == "consultation-mechanism" && r.Kind == MechanismRelationKind.Supports);
        Assert.Equal(2, relations.Count(r => r.Kind == MechanismRelationKind.BecamePartOf && r.To == "ad-hoc-group"));
    }

    [Fact]
    public async Task Establishing_meetings_are_named_only_where_one_document_names_one()
    {
        await using var db = fixture.Database.CreateContext();
        var established = await db.Mechanisms.AsNoTracking()
            .Select(m => new { m.Slug, Meeting = m.EstablishedByMeeting == null ? null : m.EstablishedByMeeting.Slug })
            .ToDictionaryAsync(m => m.Slug, m => m.Meeting);

        Assert.Equal("fifth-ministerial-conference-2013", established["working-group-trafficking-in-persons"]);
        Assert.Equal("third-ministerial-conference-2009", established["ad-hoc-group"]);

        // Two candidates: a recorded disagreement, not a pick.
        Assert.Null(established["regional-support-office"]);
        Assert.Null(established["task-force-planning-and-preparedness"]);
        var rso = await db.Disagreements.AsNoTracking().SingleAsync(d => d.Subject == "mechanism:regional-support-office" && d.Field == "established by meeting");
        Assert.Contains(rso.Values, v => v.Value.Contains("March 2011", StringComparison.Ordinal));
        Assert.Contains(rso.Values, v => v.Value.Contains("October 2011", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outcome_documents_keep_their_titles_meetings_and_dates_at_precision()
    {
        await using var db = fixture.Database.CreateContext();
        var docs = await db.OutcomeDocuments.AsNoTracking().Include(d => d.Meeting).Include(d => d.MentionedIn).ThenInclude(p => p.Statement)
            .ToDictionaryAsync(d => d.Slug);

        var bali = docs["bali-declaration-2016"];
        Assert.Equal("2016 Bali Declaration on People Smuggling, Trafficking in Persons and Related Transnational Crime", bali.Title);
        Assert.Equal("sixth-ministerial-conference-2016", bali.Meeting!.Slug);
        Assert.Equal(new PartialDate(new DateOnly(2016, 1, 1), DatePrecision.Year), bali.When);

        var adelaide = docs["adelaide-strategy-for-cooperation-2023"];
        Assert.Equal((OutcomeAction?)OutcomeAction.Endorsed, adelaide.Action);
        Assert.Equal("eighth-ministerial-conference-2023", adelaide.Meeting!.Slug);
        Assert.Contains(adelaide.MentionedIn, p => p.Statement!.Slug == "eighth-ministerial-conference-2023-co-chairs-statement" && p.Label == "15a");

        // The Strategy for Cooperation in its 2014, 2017 and 2018 forms, each its own record.
        Assert.Equal("Bali Process Strategy for Cooperation: 2014 and beyond", docs["strategy-for-cooperation-2014"].Title);
        Assert.Equal("ad-hoc-group-senior-officials-meeting-12", docs["strategy-for-cooperation-2017"].Meeting!.Slug);
        Assert.Null(docs["strategy-for-cooperation-2018"].Meeting);

        // Endorsed "at the May 2015 Bali Process AHG SOM": the month, not a guessed meeting.
        var guides = docs["policy-guides-identification-and-protection-of-victims"];
        Assert.Null(guides.Meeting);
        Assert.Equal(new PartialDate(new DateOnly(2015, 5, 1), DatePrecision.Month), guides.When);

        Assert.Equal("government-and-business-forum-2018", docs["aaa-recommendations"].Meeting!.Slug);
        Assert.Equal("fourth-ministerial-conference-2011", docs["regional-cooperation-framework"].Meeting!.Slug);
        Assert.Equal(3, docs.Values.Count(d => d.Slug.StartsWith("following-the-money", StringComparison.Ordinal) || d.Slug == "financial-footprints-report"));
        Assert.All(docs.Values, d => Assert.NotEmpty(d.Sources));
        Assert.All(docs.Values, d => Assert.NotEmpty(d.Quotes));
    }

    [Fact]
    public async Task People_are_recorded_with_their_office_at_the_time_and_their_roles()
    {
        await using var db = fixture.Database.CreateContext();
        var people = await db.People.AsNoTracking()
            .Include(p => p.Roles).ThenInclude(r => r.Meeting)
            .Include(p => p.Roles).ThenInclude(r => r.Participant)
            .Include(p => p.Roles).ThenInclude(r => r.Mechanism)
            .ToDictionaryAsync(p => p.Slug);

        var close = people["margaret-close"];
        Assert.Equal("Ms Margaret Close", close.Name);
        Assert.Equal(2, close.Roles.Count(r => r.Meeting?.Slug == "technical-experts-workshop-trafficking-in-persons-2012"));
        Assert.Contains(close.Roles, r => r.Kind == PersonRoleKind.CoChair);

        var ruddyard = Assert.Single(people["febrian-a-ruddyard"].Roles);
        Assert.Null(ruddyard.Participant); // "of the Ministry of Foreign Affairs": which country's, the document does not say

        Assert.Contains(people["andrew-forrest"].Roles, r => r.Kind == PersonRoleKind.BusinessCoChair && r.Mechanism?.Slug == "government-and-business-forum" && r.Participant?.Slug == "australia");
        Assert.Contains(people["penny-wong"].Roles, r => r.Kind == PersonRoleKind.MinisterialCoChair && r.Meeting?.Slug == "eighth-ministerial-conference-2023");
        Assert.Equal(2, people.Values.Count(p => p.Roles.Any(r => r.Kind == PersonRoleKind.CoChair && r.Mechanism?.Slug == "regional-support-office")));

        // Meetings keep no free-text people any more: the people are records.
        Assert.False(await db.Meetings.AnyAsync(m => m.CoChairPeople.Count > 0));
        Assert.False(await db.Mechanisms.AnyAsync(m => m.CoChairPeople.Count > 0));
    }

    [Fact]
    public async Task Inferences_found_in_the_record_are_now_open_questions_with_the_field_empty()
    {
        await using var db = fixture.Database.CreateContext();
        var mechanisms = await db.Mechanisms.AsNoTracking().ToDictionaryAsync(m => m.Slug);
        var meetings = await db.Meetings.AsNoTracking().ToDictionaryAsync(m => m.Slug);
        var questions = await db.OpenQuestions.AsNoTracking().Select(q => q.Subject).ToListAsync();

        // A mechanism marked concluded though no document says it ended.
        Assert.Null(mechanisms["technical-experts-working-group-irregular-movement-by-air"].Status);
        Assert.Contains("mechanism:technical-experts-working-group-irregular-movement-by-air", questions);

        // A meeting attached to a mechanism by guessing from a shortened name.
        Assert.Null(meetings["technical-experts-working-group-meeting-2020-sri-lanka"].MechanismId);

        // A meeting of 2004 given the kind of a body set up in 2009.
        Assert.Equal(MeetingKind.SeniorOfficialsMeeting, meetings["senior-officials-meeting-2004-brisbane"].Kind);

        // A day taken from another document by identifying two meetings.
        Assert.Equal(DatePrecision.Month, meetings["ad-hoc-group-senior-officials-meeting-8"].StartPrecision);

        // A statement's month inferred from its content.
        var summary = await db.Statements.AsNoTracking().SingleAsync(s => s.Slug == "technical-experts-workshop-2012-co-chairs-summary");
        Assert.Null(summary.When);
        Assert.Contains("statement:technical-experts-workshop-2012-co-chairs-summary", questions);
    }

    [Fact]
    public async Task The_sixteenth_Ad_Hoc_Group_meeting_and_the_seventeenth_Steering_Group_meeting_are_a_recorded_possibility()
    {
        await using var db = fixture.Database.CreateContext();
        var d = await db.Disagreements.AsNoTracking().SingleAsync(x => x.Subject == "meeting:ad-hoc-group-senior-officials-meeting-16");

        Assert.StartsWith("possible identity", d.Field, StringComparison.Ordinal);
        Assert.Equal(2, d.Values.Count);
        Assert.True(await db.Meetings.AnyAsync(m => m.Slug == "steering-group-senior-officials-meeting-17"));
    }

    [Fact]
    public async Task Counts_keep_their_qualifier()
    {
        await using var db = fixture.Database.CreateContext();
        var sessions = await db.Meetings.AsNoTracking().SingleAsync(m => m.Slug == "gabf-consultation-and-innovation-sessions-2020-2022");
        var reported = Assert.Single(sessions.ParticipantsReported);

        Assert.Equal(80, reported.Count);
        Assert.Equal("over", reported.Qualifier);
    }

    [Fact]
    public async Task Labels_the_documents_do_not_give_are_flagged_as_the_portals()
    {
        await using var db = fixture.Database.CreateContext();
        var labels = await db.Paragraphs.AsNoTracking()
            .Select(p => new { Statement = p.Statement!.Slug, p.Label, p.LabelAddedByPortal }).ToListAsync();

        Assert.All(labels.Where(l => l.Statement == "tip-working-group-third-meeting-2017-co-chairs-statement"), l => Assert.True(l.LabelAddedByPortal));
        Assert.All(labels.Where(l => l.Statement == "eighth-ministerial-conference-2023-co-chairs-statement"), l => Assert.False(l.LabelAddedByPortal));
        Assert.True(labels.Single(l => l.Statement == "following-the-money-forum-2016-co-chairs-statement" && l.Label == "5a").LabelAddedByPortal);
        Assert.False(labels.Single(l => l.Statement == "following-the-money-forum-2016-co-chairs-statement" && l.Label == "2a").LabelAddedByPortal);
        Assert.True(labels.Single(l => l.Statement == "adelaide-strategy-for-cooperation-2023" && l.Label == "preamble-1").LabelAddedByPortal);
        Assert.False(labels.Single(l => l.Statement == "adelaide-strategy-for-cooperation-2023" && l.Label == "25").LabelAddedByPortal);
    }
}
