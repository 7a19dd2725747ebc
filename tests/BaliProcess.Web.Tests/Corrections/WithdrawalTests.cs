using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Features.Corrections;
using BaliProcess.Web.Features.Notes.Adding;
using BaliProcess.Web.Features.Timeline.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Tests.Corrections;

/// <summary>
/// Every correctable kind but paragraphs and participants is withdrawable (decision 0039), through the same draft and
/// second-person publish as meetings (0030): a seeded record of each new kind, and a staff-added timeline event, leave
/// every list, API list, CSV and the sitemap; their own page and API item answer 410 with the reason; the withdrawal is a
/// revision, shown on the parent's history or on /changes where the record has no page of its own.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class WithdrawalTests(SourcesFixture fixture)
{
    /// <summary>
    /// One seeded record of a kind: its key, what shows it before and not after (address, text), its own page and API
    /// item (410 after), and where its revision shows (null: its own 410 page gives the reason instead).
    /// </summary>
    private sealed record Case(string Kind, string Key, (string Url, string Text)[] Shown, string[] Gone, string? HistoryUrl);

    private async Task<Case> CaseAsync(string kind)
    {
        await using var db = fixture.Portal.Database.CreateContext();
        switch (kind)
        {
            case RecordRevisionKinds.AttendanceLine:
                const string meeting = "first-ministerial-conference-2002";
                var line = await db.MeetingAttendance.SingleAsync(a => a.Meeting!.Slug == meeting && a.Participant!.Slug == "vanuatu");
                return new(kind, $"{meeting}/{line.Id}", [($"/api/v1/meetings/{meeting}", "\"vanuatu\""), ("/api/v1/participants/vanuatu", meeting)], [], $"/meetings/{meeting}/history");
            case RecordRevisionKinds.WorkPlan:
                const string plan = "tip-working-group-forward-work-plan-2021-2023";
                return new(kind, plan, [("/work-plans", plan), ("/api/v1/work-plans", plan), ("/sitemap.xml", plan)], [$"/work-plans/{plan}", $"/api/v1/work-plans/{plan}", $"/work-plans/{plan}/items/3", $"/work-plans/{plan}/changes.atom"], null);
            case RecordRevisionKinds.Document:
                const string document = "model-legislation-2003";
                return new(kind, document, [("/documents", document), ("/api/v1/documents?pageSize=100", document), ("/sitemap.xml", document)], [$"/documents/{document}", $"/api/v1/documents/{document}"], null);
            case RecordRevisionKinds.Mechanism:
                // One no other test of this collection reads (the outcome-document tests compare the drafting committee's guide).
                const string group = "ad-hoc-expert-working-group-for-law-enforcement";
                return new(kind, group, [("/working-groups", group), ("/api/v1/working-groups?pageSize=100", group), ("/download/working-groups.csv", group), ("/sitemap.xml", group)],
                    [$"/working-groups/{group}", $"/api/v1/working-groups/{group}"], null);
            case RecordRevisionKinds.Membership:
                var membership = await db.Memberships.SingleAsync(m => m.Participant!.Slug == "tonga");
                return new(kind, $"tonga/{membership.Id}", [("/download/members.csv", "tonga"), ("/api/v1/participants/tonga", "\"status\":\"Member\"")], [], "/changes");
            case RecordRevisionKinds.MechanismMembership:
                const string tegrr = "technical-experts-group-returns-and-reintegration";
                var member = await db.MechanismMemberships.SingleAsync(m => m.Mechanism!.Slug == tegrr && m.Participant!.Slug == "malaysia");
                return new(kind, $"{tegrr}/{member.Id}", [($"/working-groups/{tegrr}", "actively participates in numerous Bali Process programs")], [], $"/working-groups/{tegrr}/history");
            case RecordRevisionKinds.Person:
                return new(kind, "david-scott", [("/people", "/people/david-scott"), ("/working-groups/regional-support-office", "/people/david-scott"), ("/sitemap.xml", "/people/david-scott")],
                    ["/people/david-scott"], null);
            case RecordRevisionKinds.PersonRole:
                var role = await db.PersonRoles.SingleAsync(r => r.Person!.Slug == "wanchai-roujanavong");
                return new(kind, $"wanchai-roujanavong/{role.Id}",
                    [("/people/wanchai-roujanavong", "co-chaired by Mr Wanchai Roujanavong"), ("/meetings/following-the-money-forum-2016", "co-chaired by Mr Wanchai Roujanavong")], [],
                    "/people/wanchai-roujanavong/history");
            case RecordRevisionKinds.Disagreement:
                return new(kind, "mechanism:ad-hoc-experts-group-2/end", [("/working-groups/ad-hoc-experts-group-2", "judged the Ad Hoc expert working groups")], [], "/changes");
            case RecordRevisionKinds.OpenQuestion:
                return new(kind, "mechanism:regional-immigration-liaison-officer-network/status",
                    [("/working-groups/regional-immigration-liaison-officer-network", "no document says whether it is still active")], [], "/changes");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    [Theory]
    [InlineData(RecordRevisionKinds.AttendanceLine)]
    [InlineData(RecordRevisionKinds.WorkPlan)]
    [InlineData(RecordRevisionKinds.Document)]
    [InlineData(RecordRevisionKinds.Mechanism)]
    [InlineData(RecordRevisionKinds.Membership)]
    [InlineData(RecordRevisionKinds.MechanismMembership)]
    [InlineData(RecordRevisionKinds.Person)]
    [InlineData(RecordRevisionKinds.PersonRole)]
    [InlineData(RecordRevisionKinds.Disagreement)]
    [InlineData(RecordRevisionKinds.OpenQuestion)]
    public async Task A_withdrawn_seeded_record_of_each_kind_leaves_every_list_answers_410_and_leaves_a_revision(string kind)
    {
        var c = await CaseAsync(kind);
        var reason = $"Withdrawn in a test {Guid.NewGuid():N}";
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        foreach (var (url, text) in c.Shown)
        {
            Assert.Contains(text, await anonymous.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
        }

        await WithdrawAsync(c.Kind, c.Key, reason);

        foreach (var (url, text) in c.Shown)
        {
            Assert.DoesNotContain(text, await anonymous.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
        }

        foreach (var url in c.Gone)
        {
            using var gone = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(gone.StatusCode == HttpStatusCode.Gone, $"{url} answered {(int)gone.StatusCode}");
            var body = await gone.Content.ReadAsStringAsync();
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", gone.Content.Headers.ContentType!.MediaType);
                using var problem = JsonDocument.Parse(body);
                Assert.Equal(reason, problem.RootElement.GetProperty("reason").GetString());
            }
            else
            {
                Assert.Contains(reason, body, StringComparison.Ordinal);
            }
        }

        if (c.HistoryUrl is not null)
        {
            Assert.Contains($"Withdrawn: {reason}", await anonymous.GetStringAsync(new Uri(c.HistoryUrl, UriKind.Relative)), StringComparison.Ordinal);
        }

        await using var db = fixture.Portal.Database.CreateContext();
        var revision = await db.RecordRevisions.SingleAsync(r => r.RecordKind == c.Kind && r.RecordKey == c.Key && r.Reason.Contains(reason));
        Assert.Contains("withdrawnReason", revision.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_added_timeline_event_is_withdrawn_as_a_seeded_record_is()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (author, reviewer) = await AccountsAsync();
        var text = File.ReadAllText(Path.Combine(TestPaths.SourceDocumentsDirectory, "003_f496830a861f9ea6.txt")) + $"\n\n({marker})\n";
        var doc = await fixture.WithEditorAsync(e => e.AddAsync(author, SourcesFixture.Request($"Event source {marker}", pasted: text, date: "2017")));
        Assert.True(doc.Succeeded, string.Join("; ", doc.Problems.Select(p => p.Message)));
        Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, doc.CreatedKey!))).Succeeded);
        var added = await fixture.WithPortalServiceAsync<TimelineEventEditor, EditResult>(e => e.AddAsync(author,
            new AddTimelineEventRequest(doc.CreatedKey!, $"A workshop {marker}", "2017-03", "A workshop was held", "Bangkok", null, null, "paragraph 3")));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        Assert.True((await fixture.WithPortalServiceAsync<TimelineEventEditor, EditResult>(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        var slug = added.CreatedKey!;
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        Assert.Contains($"/timeline/{slug}", await anonymous.GetStringAsync(new Uri("/timeline", UriKind.Relative)), StringComparison.Ordinal);

        await WithdrawAsync(RecordRevisionKinds.TimelineEvent, slug, $"Not an event of the Bali Process ({marker})");

        using var gone = await anonymous.GetAsync(new Uri($"/timeline/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains($"Not an event of the Bali Process ({marker})", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/timeline", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        // Its API item (decision 0040) answers as the other kinds' do: 410 with the reason, and the list leaves it out.
        using var goneApi = await anonymous.GetAsync(new Uri($"/api/v1/timeline-events/{slug}", UriKind.Relative));
        Assert.Equal((HttpStatusCode.Gone, "application/problem+json"), (goneApi.StatusCode, goneApi.Content.Headers.ContentType?.MediaType));
        using (var problem = JsonDocument.Parse(await goneApi.Content.ReadAsStringAsync()))
        {
            Assert.Equal($"Not an event of the Bali Process ({marker})", problem.RootElement.GetProperty("reason").GetString());
        }

        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/api/v1/timeline-events", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/download/timeline-events.csv", UriKind.Relative)), StringComparison.Ordinal);
        await using var db = fixture.Portal.Database.CreateContext();
        var stored = await db.TimelineEvents.IgnoreQueryFilters().SingleAsync(e => e.Slug == slug);
        Assert.Equal((RecordOrigin.Staff, $"Not an event of the Bali Process ({marker})"), (stored.Origin, stored.WithdrawnReason));
        Assert.Equal(1, await db.RecordRevisions.CountAsync(r => r.RecordKind == RecordRevisionKinds.TimelineEvent && r.RecordKey == slug && r.Reason.StartsWith("Withdrawn:")));

        // Withdrawn once: a second withdrawal is refused, saying when.
        var again = await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.DraftAsync(author,
            new CorrectionRequest(RecordRevisionKinds.TimelineEvent, slug, CorrectionAction.Withdraw, new Dictionary<string, string?>(), new Dictionary<string, string?>(), "Twice.")));
        Assert.Contains("already withdrawn", again.Problems.Single().Message, StringComparison.Ordinal);

        // A withdrawn note still holds its record's field (one note per field): a new one there is refused, saying so.
        const string subject = "mechanism:consultation-mechanism";
        await WithdrawAsync(RecordRevisionKinds.OpenQuestion, $"{subject}/status", $"Answered since ({marker})");
        var note = await fixture.WithPortalServiceAsync<NoteEditor, EditResult>(e => e.AddOpenQuestionAsync(author,
            new AddOpenQuestionRequest(doc.CreatedKey!, subject, "status", "Still open.", [new(null, "paragraph 4")])));
        Assert.Contains("withdrawn on", note.Problems.Single(p => p.Field == "field").Message, StringComparison.Ordinal);
    }

    /// <summary>One author and one reviewer for the whole class: an account costs a password hash.</summary>
    private static readonly ConditionalWeakTable<SourcesFixture, Task<(ClaimsPrincipal Author, ClaimsPrincipal Reviewer)>> Accounts = [];

    private Task<(ClaimsPrincipal Author, ClaimsPrincipal Reviewer)> AccountsAsync() => Accounts.GetValue(fixture, async f =>
        ((await f.SecretariatAsync("Withdrawal author")).Principal, (await f.SecretariatAsync("Withdrawal reviewer")).Principal));

    /// <summary>Drafted by one Secretariat user, refused to its author, published by another (decision 0030's path).</summary>
    private async Task WithdrawAsync(string kind, string key, string reason)
    {
        var (author, reviewer) = await AccountsAsync();
        var draft = await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.DraftAsync(author,
            new CorrectionRequest(kind, key, CorrectionAction.Withdraw, new Dictionary<string, string?>(), new Dictionary<string, string?>(), reason)));
        Assert.True(draft.Succeeded, string.Join("; ", draft.Problems.Select(p => p.Message)));
        var id = long.Parse(draft.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("second pair of eyes", (await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.PublishAsync(author, id))).Problems.Single().Message, StringComparison.Ordinal);
        var published = await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.PublishAsync(reviewer, id));
        Assert.True(published.Succeeded, string.Join("; ", published.Problems.Select(p => p.Message)));
    }
}
