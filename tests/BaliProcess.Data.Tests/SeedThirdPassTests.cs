using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The record's third pass (issue 21) as it loads: nothing the documents do not say, and the outcomes, plans,
/// roles and memberships they do say, through the new fields of decision 0025.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class SeedThirdPassTests(SeededDatabaseFixture fixture)
{
    [Fact]
    public async Task Aliases_no_document_spells_are_the_portals_and_regions_follow_UN_M49()
    {
        await using var db = fixture.Database.CreateContext();
        var participants = await db.Participants.AsNoTracking().ToDictionaryAsync(p => p.Slug);

        var uk = participants["united-kingdom"];
        Assert.DoesNotContain("UK", uk.Aliases);
        Assert.Equal(["UK"], uk.PortalAliases);
        Assert.Equal(["Turkiye", "Turkey"], participants["turkiye"].PortalAliases);
        Assert.Contains("DPR Korea", participants["democratic-peoples-republic-of-korea"].Aliases);

        // A full name no document gives is not presented as the document's.
        Assert.Null(participants["ilo"].FullName);
        Assert.Contains("International Labour Organization", participants["ilo"].PortalAliases);

        Assert.Equal("Western Asia", participants["turkiye"].Region);
        Assert.Equal("Western Europe", participants["france"].Region);
        Assert.Null(participants["iom"].Region);
        Assert.All(participants.Values.Where(p => p.Region is not null), p => Assert.Contains(p.Region!, M49Regions.SubRegions));

        var consultation = await db.Mechanisms.AsNoTracking().SingleAsync(m => m.Slug == "consultation-mechanism");
        Assert.Equal(["Bali Process Consultation Mechanism"], consultation.PortalAliases);
        var byAir = await db.Mechanisms.AsNoTracking().SingleAsync(m => m.Slug == "technical-experts-working-group-irregular-movement-by-air");
        Assert.DoesNotContain("Technical Experts Working Group", byAir.Aliases);
        Assert.DoesNotContain(byAir.Sources, s => s.Location.Contains("February 2020", StringComparison.Ordinal));

        // Decision 0032: names the portal built for a mechanism are flagged as the portal's.
        var builtNames = await db.Mechanisms.AsNoTracking().Where(m => m.NameAddedByPortal).Select(m => m.Slug).OrderBy(s => s).ToListAsync();
        Assert.Equal(["ad-hoc-experts-group-1", "ad-hoc-experts-group-2"], builtNames);
    }

    [Fact]
    public async Task A_statement_of_two_meetings_and_a_meeting_of_two_mechanisms_link_both()
    {
        await using var db = fixture.Database.CreateContext();
        var statement = await db.Statements.AsNoTracking().Include(s => s.Meeting).Include(s => s.AlsoMeetings)
            .SingleAsync(s => s.Slug == "eighth-ministerial-conference-2023-co-chairs-statement");
        Assert.Equal("eighth-ministerial-conference-2023", statement.Meeting!.Slug);
        Assert.Equal(["government-and-business-forum-2023"], statement.AlsoMeetings.Select(m => m.Slug));

        var exercise = await db.Meetings.AsNoTracking().Include(m => m.FacilitatedBy).SingleAsync(m => m.Slug == "table-top-exercise-bangkok-2022");
        Assert.Null(exercise.MechanismId);
        Assert.Equal(["task-force-planning-and-preparedness", "working-group-disruption"], exercise.FacilitatedBy.Select(m => m.Slug).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Formats_roles_and_statuses_no_document_states_are_left_empty()
    {
        await using var db = fixture.Database.CreateContext();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Attendance).ThenInclude(a => a.Participant).ToDictionaryAsync(m => m.Slug);

        Assert.Null(meetings["steering-group-foreign-ministers-meeting-2022"].IsVirtual);
        Assert.True(meetings["ad-hoc-group-senior-officials-meeting-15"].IsVirtual);
        Assert.False(meetings["fifth-ministerial-conference-2013"].IsVirtual);

        var forum = meetings["government-and-business-forum-2023"].Attendance;
        Assert.All(forum.Where(a => a.Participant!.Slug is "walk-free-foundation" or "adaro"), a => Assert.Equal(AttendanceRole.Contributor, a.Role));
        Assert.DoesNotContain(forum, a => a.Participant!.Slug is "walk-free-foundation" or "adaro" && a.Role == AttendanceRole.Attended);
        Assert.Contains(meetings["technical-experts-workshop-trafficking-in-persons-2012"].Attendance, a => a.Participant!.Slug == "iom" && a.Role == AttendanceRole.Support);

        var groups = await db.Mechanisms.AsNoTracking().Where(m => m.Slug.StartsWith("ad-hoc-experts-group-")).ToListAsync();
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.Null(g.Status));

        // 003 names "the Taskforce on Planning and Preparedness" meeting without saying which: not a source of the first.
        Assert.DoesNotContain(meetings["task-force-planning-and-preparedness-first-meeting-2017"].Sources, s => s.Document == "003_f496830a861f9ea6.txt");
    }

    [Fact]
    public async Task Outcome_documents_say_what_the_documents_say_and_mark_the_portals_titles()
    {
        await using var db = fixture.Database.CreateContext();
        var docs = await db.OutcomeDocuments.AsNoTracking().Include(d => d.Meeting).Include(d => d.MentionedAtMeetings).ToDictionaryAsync(d => d.Slug);

        Assert.DoesNotContain(docs.Values, d => d.MentionedAtMeetings.Any(m => m.Slug == "ad-hoc-group-senior-officials-meeting-12"));
        var footprints = docs["financial-footprints-report"];
        Assert.Null(footprints.Action);
        Assert.Null(footprints.Meeting);

        Assert.False(docs.ContainsKey("updated-strategy-for-cooperation-2016"));
        var updated = docs["updated-strategy-for-cooperation"];
        Assert.Null(updated.When);
        Assert.DoesNotContain(updated.Quotes, q => q.Text.Contains("This is an Item in the Bali Process Strategy", StringComparison.Ordinal));

        Assert.Equal((OutcomeAction?)OutcomeAction.Endorsed, docs["policy-guides-identification-and-protection-of-victims"].Action);
        Assert.Equal((OutcomeAction?)OutcomeAction.Endorsed, docs["tip-working-group-terms-of-reference"].Action);
        Assert.True(docs["tip-working-group-terms-of-reference"].TitleAddedByPortal);
        Assert.False(docs["bali-declaration-2016"].TitleAddedByPortal);

        foreach (var slug in new[] { "co-chairs-statement-2016", "co-chairs-statement-2018", "screening-and-referral-tool-kit", "civil-registration-assessment-tool-kit",
                     "regional-strategic-roadmap", "guide-information-campaigns", "guide-interviewing-child-victims", "guide-exploitation-in-supply-chains" })
        {
            Assert.NotEmpty(docs[slug].Quotes);
        }

        Assert.Equal(OutcomeDocumentKind.Toolkit, docs["screening-and-referral-tool-kit"].Kind);
        Assert.Equal(new PartialDate(new DateOnly(2018, 1, 1), DatePrecision.Year), docs["civil-registration-assessment-tool-kit"].When);
    }

    [Fact]
    public async Task Plans_memberships_and_roles_the_documents_state_are_records()
    {
        await using var db = fixture.Database.CreateContext();
        var plans = await db.WorkPlans.AsNoTracking().Include(w => w.Items).ToDictionaryAsync(w => w.Slug);
        var priorities = plans["tip-working-group-forward-work-plan-2017-19"];
        Assert.Equal(7, priorities.Items.Count);
        Assert.All(priorities.Items, i => Assert.Equal(ActionItemStatus.NotStated, i.Status));
        Assert.All(priorities.Items, i => Assert.True(i.NumberAddedByPortal));
        Assert.Equal("3", Assert.Single(plans["tip-working-group-forward-work-plan-2021-2023"].Items).Number);

        var usa = await db.Participants.AsNoTracking().Include(p => p.Memberships).SingleAsync(p => p.Slug == "united-states-of-america");
        Assert.Equal(
            [(MembershipStatus.Observer, 2002), (MembershipStatus.Member, 2011)],
            usa.Memberships.OrderBy(m => m.SinceDate).Select(m => (m.Status, m.SinceDate!.Value.Year)));
        Assert.Equal(MembershipStatus.Member, usa.CurrentStatus);

        var roles = await db.MechanismMemberships.AsNoTracking().Where(m => m.Mechanism == null)
            .Select(m => new { Participant = m.Participant!.Slug, m.Role, m.FromDate }).ToListAsync();
        Assert.Contains(roles, r => r.Participant == "japan" && r.Role == MechanismRole.Support && r.FromDate!.Value.Year == 2004);
        Assert.Contains(roles, r => r.Participant == "malaysia" && r.Role == MechanismRole.Host);
        Assert.Contains(roles, r => r.Participant == "unhcr" && r.Role == MechanismRole.Support);
        Assert.Contains(roles, r => r.Participant == "unodc" && r.Role == MechanismRole.Support);

        var oversees = await db.MechanismRelations.AsNoTracking().SingleAsync(r => r.Kind == MechanismRelationKind.Oversees);
        Assert.Equal(("working-group-trafficking-in-persons", "regional-support-office"), (
            await db.Mechanisms.Where(m => m.Id == oversees.FromMechanismId).Select(m => m.Slug).SingleAsync(),
            await db.Mechanisms.Where(m => m.Id == oversees.ToMechanismId).Select(m => m.Slug).SingleAsync()));

        var signed = await db.Statements.AsNoTracking().Where(s => s.Kind == StatementKind.SignedStatement).Select(s => s.Slug).ToListAsync();
        Assert.Equal(2, signed.Count);
        var principles = await db.Statements.AsNoTracking().Include(s => s.Paragraphs).SingleAsync(s => s.Kind == StatementKind.Principles);
        Assert.Equal(8, principles.Paragraphs.Count(p => !p.LabelAddedByPortal));

        var akapin = await db.PersonRoles.AsNoTracking().Where(r => r.Kind == PersonRoleKind.Coordinator && r.Person!.Slug == "chatchom-akapin")
            .Select(r => r.Mechanism!.Slug).SingleAsync();
        Assert.Equal("ad-hoc-expert-working-group-for-law-enforcement", akapin);
    }
}
