using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Meetings.Adding;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Sources;
using BaliProcess.Web.Tests.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Tests.Meetings;

/// <summary>
/// The meeting write path on a real PostgreSQL (decision 0029): the check that resolves every pasted name, the draft
/// with a decision for each unresolved one, the second person who publishes it (aliases applied, a revision appended),
/// and every refusal writing nothing.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class MeetingEditorTests(SourcesFixture fixture)
{
    [Fact]
    public async Task The_check_resolves_names_and_aliases_the_draft_needs_a_decision_for_each_other_name_and_is_hidden_everywhere()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await MeetingTestData.SourceAsync(fixture, marker);
        var (user, principal) = await fixture.SecretariatAsync("Meeting author");
        var before = await MeetingTestData.StoredAsync(fixture);

        var check = await fixture.WithMeetingEditorAsync(e => e.CheckAsync(MeetingTestData.Request(source, marker)));

        Assert.True(check.Succeeded, string.Join("; ", check.Problems.Select(p => p.Message)));
        Assert.Equal(
            [("Indonesia", "indonesia"), ("Thailand", "thailand"), ("Australia", "australia"), ("Viet Nam", "viet-nam"), ("Lao PDR", "lao-peoples-democratic-republic"),
             ("Royal Thai Government", null), ($"Thai-{marker}", null), ($"Atlantis {marker}", null)],
            check.Names.Select(n => (n.Name, n.ParticipantSlug)));
        Assert.Equal(["Royal Thai Government", $"Thai-{marker}", $"Atlantis {marker}"], check.Unresolved);
        Assert.Equal(MeetingEditor.HashOf(MeetingTestData.Lists(marker)), check.AttendanceHash);
        Assert.Equal(before, await MeetingTestData.StoredAsync(fixture)); // a check writes nothing

        // Every unresolved name needs a decision; a decision needs a participant unless the name is kept as written.
        var undecided = await fixture.WithMeetingEditorAsync(e => e.AddAsync(principal, MeetingTestData.Request(source, marker), new Dictionary<string, NameDecision>()));
        Assert.Equal(3, undecided.Problems.Count(p => p.Field == "attendance" && p.Message.StartsWith("Decide what", StringComparison.Ordinal)));
        var noParticipant = MeetingTestData.Decisions(marker);
        noParticipant["Royal Thai Government"] = new(NameDecisionKind.Participant, "no-such-participant");
        Assert.Contains("Choose the participant “Royal Thai Government” is", (await fixture.WithMeetingEditorAsync(e => e.AddAsync(principal, MeetingTestData.Request(source, marker), noParticipant))).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(before, await MeetingTestData.StoredAsync(fixture));

        var added = await fixture.WithMeetingEditorAsync(e => e.AddAsync(principal, MeetingTestData.Request(source, marker), MeetingTestData.Decisions(marker)));

        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        Assert.Equal($"regional-symposium-on-labour-exploitation-{marker}-2015", added.CreatedKey);
        var m = await MeetingTestData.MeetingAsync(fixture, added.CreatedKey!);
        Assert.True(m.IsDraft);
        Assert.Equal((RecordOrigin.Staff, user.Id, "Meeting author"), (m.Origin, m.AddedByUserId, m.AddedBy));
        Assert.Null(m.PublishedAt);
        Assert.Equal((MeetingKind.Symposium, (int?)null, false, MeetingTestData.Mechanism), (m.Kind, m.Ordinal, m.IsVirtual!.Value, m.Mechanism!.Slug));
        Assert.Equal("25–26 March 2015", PartialDate.FormatRange(m.Start, m.End));
        var file = $"{source}.txt";
        Assert.Equal([(file, "introductory paragraph 1"), (file, "introductory paragraph 2")], m.Sources.Select(s => (s.Document, s.Location)));
        Assert.Equal([(117, null, "participants"), (35, "over", "member countries")], m.ParticipantsReported.Select(r => ((int?)r.Count, r.Qualifier, r.Description)).Select(x => (x.Item1!.Value, x.Qualifier, x.Description)));
        // Thailand attended under two names, one row; its co-chair role is a row of its own.
        Assert.Equal(
            [("australia", AttendanceRole.CoChair), ("indonesia", AttendanceRole.Host), ("lao-peoples-democratic-republic", AttendanceRole.Attended),
             ("thailand", AttendanceRole.Attended), ("thailand", AttendanceRole.CoChair), ("viet-nam", AttendanceRole.Attended)],
            m.Attendance.Select(a => (a.Participant!.Slug, a.Role)).Order());
        Assert.All(m.Attendance, a => Assert.Equal(file, Assert.Single(a.Sources).Document));
        var asWritten = Assert.Single(m.AttendanceAsWritten);
        Assert.Equal(($"Atlantis {marker}", AttendanceRole.Attended, "introductory paragraph 2"), (asWritten.Name, asWritten.Role, asWritten.Source.Location));
        var alias = Assert.Single(m.NewAliases);
        Assert.Equal(("thailand", $"Thai-{marker}"), (alias.ParticipantSlug, alias.Alias));

        // Hidden from every read that does not ask for drafts, its attendance too; the alias waits for the publication.
        await using var db = fixture.Portal.Database.CreateContext();
        Assert.False(await db.Meetings.AnyAsync(x => x.Slug == added.CreatedKey));
        Assert.False(await db.MeetingAttendance.AnyAsync(a => a.MeetingId == m.Id));
        Assert.False(await db.Participants.AnyAsync(p => p.Aliases.Contains($"Thai-{marker}")));
    }

    [Fact]
    public async Task Changed_lists_and_bad_fields_are_refused_each_with_its_message_and_nothing_is_written()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await MeetingTestData.SourceAsync(fixture, marker);
        var (_, principal) = await fixture.SecretariatAsync();
        var before = await MeetingTestData.StoredAsync(fixture);
        var good = MeetingTestData.Request(source, marker);
        var decisions = MeetingTestData.Decisions(marker);

        async Task<IReadOnlyList<FieldProblem>> Add(AddMeetingRequest r) =>
            (await fixture.WithMeetingEditorAsync(e => e.AddAsync(principal, r, decisions))).Problems;

        var changedLists = MeetingTestData.Lists(marker).Select(l => l.Role == AttendanceRole.Host ? l with { Names = "Indonesia, Malaysia" } : l).ToList();
        Assert.Contains("changed since they were checked", (await Add(good with { Attendance = changedLists })).Single().Message, StringComparison.Ordinal);
        Assert.Equal("kind", (await Add(good with { Kind = "Picnic" })).Single().Field);
        Assert.Equal("kind", (await Add(good with { Kind = "3" })).Single().Field);
        Assert.Equal("ordinal", (await Add(good with { Ordinal = "eighth" })).Single().Field);
        Assert.Equal("title", (await Add(good with { Title = " " })).Single().Field);
        Assert.Contains("U+0007", (await Add(good with { Title = "Symposium\u0007" })).Single().Message, StringComparison.Ordinal);
        Assert.Equal("start", (await Add(good with { Start = "25 March 2015" })).Single().Field);
        Assert.Equal("start", (await Add(good with { Start = null })).Single().Field);
        Assert.Contains("ends before it begins", (await Add(good with { End = "2015-03-24" })).Single().Message, StringComparison.Ordinal);
        Assert.Equal("format", (await Add(good with { Format = "hybrid" })).Single().Field);
        Assert.Equal("mechanism", (await Add(good with { Mechanism = "no-such-group" })).Single().Field);
        Assert.Equal("locations", (await Add(good with { Locations = "\n \n" })).Single().Field);
        Assert.Equal("counts", (await Add(good with { Counts = [new("over 80", null, "participants", "paragraph 2")] })).Single().Field);
        Assert.Equal("counts", (await Add(good with { Counts = [new("80", null, null, "paragraph 2")] })).Single().Field);
        var noListPlace = MeetingTestData.Lists(marker).Select(l => l.Role == AttendanceRole.Host ? l with { Location = "" } : l).ToList();
        Assert.Contains("Say where the document lists the hosts", (await Add(good with { Attendance = noListPlace, AttendanceHash = MeetingEditor.HashOf(noListPlace) })).Single().Message, StringComparison.Ordinal);
        Assert.Equal("source", (await Add(good with { SourceSlug = "002-labour-exploitation-symposium-2015" })).Single().Field); // a seeded document

        Assert.Equal(before, await MeetingTestData.StoredAsync(fixture));
    }

    [Fact]
    public async Task The_author_cannot_publish_a_draft_citing_a_draft_document_waits_a_second_user_publishes_once_with_aliases_and_a_revision()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await MeetingTestData.SourceAsync(fixture, marker, publish: false);
        var (_, author) = await fixture.SecretariatAsync("Author");
        var (reviewer, reviewerPrincipal) = await fixture.AccountAsync(PortalRoles.Administrator, displayName: "Reviewer");
        var (_, third) = await fixture.SecretariatAsync("Third");
        var added = await fixture.WithMeetingEditorAsync(e => e.AddAsync(author, MeetingTestData.Request(source, marker), MeetingTestData.Decisions(marker)));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var slug = added.CreatedKey!;

        // A statement may be drawn from the same document for the draft meeting; it waits for the meeting.
        var statement = await fixture.WithStatementEditorAsync(e => e.AddAsync(author,
            new AddStatementRequestBuilder(source, slug, marker).Request, new Dictionary<string, IReadOnlyList<string>>()));
        Assert.True(statement.Succeeded, string.Join("; ", statement.Problems.Select(p => p.Message)));

        var own = await fixture.WithMeetingEditorAsync(e => e.PublishAsync(author, slug));
        Assert.Contains("another Secretariat user or an Administrator publishes it", own.Problems.Single().Message, StringComparison.Ordinal);
        var documentDraft = await fixture.WithMeetingEditorAsync(e => e.PublishAsync(reviewerPrincipal, slug));
        Assert.Contains("is still a draft: publish the document first", documentDraft.Problems.Single().Message, StringComparison.Ordinal);
        Assert.True((await MeetingTestData.MeetingAsync(fixture, slug)).IsDraft);
        Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(third, source))).Succeeded);
        var statementFirst = await fixture.WithStatementEditorAsync(e => e.PublishAsync(reviewerPrincipal, statement.CreatedKey!));
        Assert.Contains("is still a draft: publish the meeting first", statementFirst.Problems.Single().Message, StringComparison.Ordinal);
        var revisionsBefore = (await MeetingTestData.StoredAsync(fixture)).Revisions;

        var published = await fixture.WithMeetingEditorAsync(e => e.PublishAsync(reviewerPrincipal, slug));

        Assert.True(published.Succeeded, string.Join("; ", published.Problems.Select(p => p.Message)));
        var m = await MeetingTestData.MeetingAsync(fixture, slug);
        Assert.False(m.IsDraft);
        Assert.Equal((reviewer.Id, "Reviewer"), (m.PublishedByUserId, m.PublishedBy));
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            Assert.True(await db.Meetings.AnyAsync(x => x.Slug == slug));
            Assert.Equal(6, await db.MeetingAttendance.CountAsync(a => a.MeetingId == m.Id));
            var thailand = await db.Participants.SingleAsync(p => p.Slug == "thailand");
            Assert.Contains($"Thai-{marker}", thailand.Aliases);
            Assert.Equal(($"{source}.txt", "introductory paragraph 2", slug), thailand.StaffAliases.Where(a => a.Alias == $"Thai-{marker}").Select(a => (a.Source.Document, a.Source.Location, a.MeetingSlug)).Single());

            var revision = await db.RecordRevisions.SingleAsync(r => r.RecordKind == RecordRevisionKinds.Meeting && r.RecordKey == slug);
            Assert.Equal(revisionsBefore + 1, await db.RecordRevisions.CountAsync());
            Assert.Equal((reviewer.Id, "Reviewer", m.PublishedAt!.Value), (revision.ChangedByUserId, revision.ChangedBy, revision.ChangedAt));
            Assert.Null(revision.Before);
            Assert.Contains("added by Author", revision.Reason, StringComparison.Ordinal);
            using var after = JsonDocument.Parse(revision.After);
            var root = after.RootElement;
            Assert.Equal((MeetingTestData.Title(marker), "Symposium", "2015-03-25", "2015-03-26", MeetingTestData.Mechanism),
                (root.GetProperty("title").GetString(), root.GetProperty("kind").GetString(), root.GetProperty("start").GetString(), root.GetProperty("end").GetString(), root.GetProperty("mechanism").GetString()));
            Assert.Equal(["Thailand", "Australia"], root.GetProperty("coChairs").EnumerateArray().Select(x => x.GetString()).Order().Reverse());
            Assert.Equal(["Indonesia"], root.GetProperty("hosts").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal(6, root.GetProperty("attendance").GetArrayLength());
            Assert.Equal($"Atlantis {marker}", root.GetProperty("attendanceAsWritten")[0].GetProperty("name").GetString());
            Assert.Equal("over", root.GetProperty("participantsReported")[1].GetProperty("qualifier").GetString());
        }

        // Now the statement may follow; the meeting is published once; seeded meetings are nobody's drafts.
        Assert.True((await fixture.WithStatementEditorAsync(e => e.PublishAsync(reviewerPrincipal, statement.CreatedKey!))).Succeeded);
        Assert.Contains("already published by Reviewer", (await fixture.WithMeetingEditorAsync(e => e.PublishAsync(third, slug))).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(EditOutcome.NotFound, (await fixture.WithMeetingEditorAsync(e => e.PublishAsync(third, "no-such-meeting"))).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await fixture.WithMeetingEditorAsync(e => e.PublishAsync(third, "regional-symposium-labour-exploitation-2015"))).Outcome);

        // The alias now resolves: a second meeting's list finds Thailand by it.
        var again = await fixture.WithMeetingEditorAsync(e => e.CheckAsync(MeetingTestData.Request(source, marker)));
        Assert.Equal("thailand", again.Names.Single(n => n.Name == $"Thai-{marker}").ParticipantSlug);
    }

    [Fact]
    public async Task With_AllowSelfPublish_the_author_may_publish_their_own_and_refused_callers_write_nothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await MeetingTestData.SourceAsync(fixture, marker);
        var (_, owner) = await fixture.SecretariatAsync("One-person secretariat");
        var draft = await fixture.WithMeetingEditorAsync(e => e.AddAsync(owner, MeetingTestData.Request(source, marker), MeetingTestData.Decisions(marker)));
        Assert.True(draft.Succeeded);
        var (_, roleLess) = await fixture.AccountAsync("");
        var (_, disabled) = await fixture.AccountAsync(PortalRoles.Secretariat, disabled: true);
        var (_, disabledAdmin) = await fixture.AccountAsync(PortalRoles.Administrator, disabled: true);
        var before = await MeetingTestData.StoredAsync(fixture);

        var callers = new (ClaimsPrincipal? Principal, RefusalReason Reason)[]
        {
            (null, RefusalReason.Anonymous),
            (new ClaimsPrincipal(new ClaimsIdentity()), RefusalReason.Anonymous),
            (StatementTestData.Forged(), RefusalReason.UnknownAccount),
            (roleLess, RefusalReason.WrongRole),
            (disabled, RefusalReason.Disabled),
            (disabledAdmin, RefusalReason.Disabled),
        };
        foreach (var (principal, reason) in callers)
        {
            var add = await fixture.WithMeetingEditorAsync(e => e.AddAsync(principal, MeetingTestData.Request(source, marker), MeetingTestData.Decisions(marker)));
            var publish = await fixture.WithMeetingEditorAsync(e => e.PublishAsync(principal, draft.CreatedKey!));
            Assert.Equal((EditOutcome.Refused, reason), (add.Outcome, add.Refusal!.Value));
            Assert.Equal((EditOutcome.Refused, reason), (publish.Outcome, publish.Refusal!.Value));
        }

        Assert.Equal(before, await MeetingTestData.StoredAsync(fixture));
        Assert.True((await MeetingTestData.MeetingAsync(fixture, draft.CreatedKey!)).IsDraft);

        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var editor = ActivatorUtilities.CreateInstance<MeetingEditor>(scope.ServiceProvider, Options.Create(new EditingOptions { AllowSelfPublish = true }));
        Assert.True((await editor.PublishAsync(owner, draft.CreatedKey!)).Succeeded);
        Assert.False((await MeetingTestData.MeetingAsync(fixture, draft.CreatedKey!)).IsDraft);
    }

    /// <summary>The document's outcomes as a statement of the draft meeting (its text is the document's, trimmed to the themes).</summary>
    private sealed record AddStatementRequestBuilder(string Source, string Meeting, string Marker)
    {
        public Features.Statements.Adding.AddStatementRequest Request
        {
            get
            {
                var text = MeetingTestData.Document(Marker).Trim();
                return new(Source, Meeting, nameof(StatementKind.OutcomesSummary), $"Outcomes {Marker}", null, text, Features.Statements.Adding.StatementEditor.HashOf(text));
            }
        }
    }
}
