using System.Net;
using System.Text.Json;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Corrections;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Corrections;

/// <summary>
/// Corrections and withdrawals of existing records (decision 0030) on the "sources" portal: a correction is a draft
/// nobody outside sees, published by a second person with a revision; a stale one is refused showing the other change;
/// a withdrawn record answers 410 with its reason and leaves lists, search and the sitemap; every refused caller
/// writes nothing.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class CorrectionTests(SourcesFixture fixture)
{
    private const string Meeting = "ad-hoc-group-senior-officials-meeting-9";
    private const string Item = "tip-working-group-forward-work-plan-2015-17/4";

    [Fact]
    public async Task A_correction_posted_from_the_form_stays_a_draft_until_a_second_person_publishes_it_with_a_revision()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (author, authorClient) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        var (_, reviewerClient) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _a = authorClient;
        using var _r = reviewerClient;
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        var form = PortalRoutes(RecordRevisionKinds.Meeting, Meeting);

        // The form shows the values now; a title and place are corrected, the rest posted as shown.
        var saved = await StaffAccounts.PostFormAsync(authorClient, form, "correct-record", new()
        {
            ["field.title"] = $"Ninth Ad Hoc Group Senior Officials Meeting {marker}",
            ["field.start"] = await ShownAsync(RecordRevisionKinds.Meeting, Meeting, "start") ?? "",
            ["field.end"] = await ShownAsync(RecordRevisionKinds.Meeting, Meeting, "end") ?? "",
            ["field.place"] = "Wellington",
            ["field.summary"] = await ShownAsync(RecordRevisionKinds.Meeting, Meeting, "summary") ?? "",
            ["reason"] = "The place is the city only in the timeline of 004, p. 12.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var draftUrl = saved.Headers.Location!.OriginalString;
        var id = long.Parse(draftUrl.Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);

        // A draft: the record, its page and the API are as they were.
        var publicPage = await anonymous.GetStringAsync(new Uri($"/meetings/{Meeting}", UriKind.Relative));
        Assert.DoesNotContain(marker, publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync(new Uri($"/api/v1/meetings/{Meeting}", UriKind.Relative)), StringComparison.Ordinal);
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            var c = await db.RecordCorrections.SingleAsync(x => x.Id == id);
            Assert.Equal((CorrectionState.Draft, author.Id), (c.State, c.ProposedByUserId));
            Assert.Equal(["place", "title"], JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Fields)!.Keys.Order());
            Assert.Equal("Wellington, New Zealand", JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Replaces)!["place"]);
        }

        // Its author may not publish it; a second person does, once.
        var own = await StaffAccounts.PostFormAsync(authorClient, draftUrl, "publish-correction", []);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("another Secretariat user or an Administrator publishes it", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var published = await StaffAccounts.PostFormAsync(reviewerClient, draftUrl, "publish-correction", []);
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);

        publicPage = await anonymous.GetStringAsync(new Uri($"/meetings/{Meeting}", UriKind.Relative));
        Assert.Contains($"Ninth Ad Hoc Group Senior Officials Meeting {marker}", publicPage, StringComparison.Ordinal);
        Assert.Contains("Wellington", publicPage, StringComparison.Ordinal);
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            var revision = await db.RecordRevisions.OrderByDescending(r => r.Id).FirstAsync(r => r.RecordKind == RecordRevisionKinds.Meeting && r.RecordKey == Meeting);
            Assert.Contains("The place is the city only", revision.Reason, StringComparison.Ordinal);
            var before = JsonSerializer.Deserialize<Dictionary<string, string?>>(revision.Before!)!;
            var after = JsonSerializer.Deserialize<Dictionary<string, string?>>(revision.After)!;
            Assert.Equal(("Wellington, New Zealand", "Wellington"), (before["place"], after["place"]));
            Assert.Equal(["place", "title"], after.Keys.Order()); // only the changed fields
            Assert.Equal(CorrectionState.Published, (await db.RecordCorrections.SingleAsync(x => x.Id == id)).State);
        }

        var decided = await reviewerClient.GetStringAsync(new Uri(draftUrl, UriKind.Relative));
        Assert.DoesNotContain("publish-correction", decided, StringComparison.Ordinal); // published once: no form any more

        // Everyone sees what changed, when, by whom and why: the meeting's history and /changes (decision 0028).
        var history = await anonymous.GetStringAsync(new Uri($"/meetings/{Meeting}/history", UriKind.Relative));
        Assert.Contains("The place is the city only", history, StringComparison.Ordinal);
        Assert.Contains("Wellington, New Zealand", history, StringComparison.Ordinal);
        Assert.Contains("The place is the city only", await anonymous.GetStringAsync(new Uri("/changes?kind=meeting", UriKind.Relative)), StringComparison.Ordinal);

        // A paragraph is corrected on its own; its revision shows on its statement's history, named by its label.
        const string paragraph = "eighth-ministerial-conference-2023-co-chairs-statement/3";
        var text = await ShownAsync(RecordRevisionKinds.Paragraph, paragraph, "text");
        Assert.False(string.IsNullOrEmpty(text));
        var paragraphDraft = await StaffAccounts.PostFormAsync(authorClient, PortalRoutes(RecordRevisionKinds.Paragraph, paragraph), "correct-record", new()
        {
            ["field.text"] = text + " Kiribati " + marker,
            ["reason"] = $"A word the extraction lost ({marker}).",
        });
        Assert.Equal(HttpStatusCode.SeeOther, paragraphDraft.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await StaffAccounts.PostFormAsync(reviewerClient, paragraphDraft.Headers.Location!.OriginalString, "publish-correction", [])).StatusCode);
        var statementHistory = await anonymous.GetStringAsync(new Uri("/statements/eighth-ministerial-conference-2023-co-chairs-statement/history", UriKind.Relative));
        Assert.Contains($"Paragraph 3: Corrected: A word the extraction lost ({marker})", statementHistory, StringComparison.Ordinal);
        Assert.Contains($"Paragraph 3 of", await anonymous.GetStringAsync(new Uri("/changes?kind=paragraph", UriKind.Relative)), StringComparison.Ordinal);

        // Its mentions follow the new text (the member it now names); its themes stay as a person accepted them.
        await using var check = fixture.Portal.Database.CreateContext();
        var corrected = await check.Paragraphs.Include(p => p.Mentions).Include(p => p.Themes)
            .SingleAsync(p => p.Statement!.Slug == "eighth-ministerial-conference-2023-co-chairs-statement" && p.Label == "3");
        Assert.Contains("kiribati", corrected.Mentions.Select(m => m.Slug));
        Assert.NotEmpty(corrected.Themes);
    }

    [Fact]
    public async Task Two_editors_on_one_item_never_lose_an_edit_the_later_is_refused_with_the_other_change()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (_, first) = await fixture.SecretariatAsync("First corrector");
        var (_, second) = await fixture.SecretariatAsync("Second corrector");
        var (_, reviewer) = await fixture.SecretariatAsync("Reviewer");
        var text = await ShownAsync(RecordRevisionKinds.WorkPlanItem, Item, "text");
        var seen = new Dictionary<string, string?> { ["text"] = text };

        var a = await DraftAsync(first, RecordRevisionKinds.WorkPlanItem, Item, new() { ["text"] = text + $" (first {marker})" }, seen);
        var b = await DraftAsync(second, RecordRevisionKinds.WorkPlanItem, Item, new() { ["text"] = text + $" (second {marker})" }, seen);
        Assert.True(a.Succeeded && b.Succeeded);

        Assert.True((await PublishAsync(reviewer, a)).Succeeded);
        var stale = await PublishAsync(reviewer, b);
        Assert.Equal(EditOutcome.Conflict, stale.Outcome);
        var message = Assert.Single(stale.Problems).Message;
        Assert.Contains($"(first {marker})", message, StringComparison.Ordinal); // the other change, shown
        Assert.Contains("First corrector", message, StringComparison.Ordinal); // by whom (the revision's publisher is named)
        Assert.EndsWith($"(first {marker})", await ShownAsync(RecordRevisionKinds.WorkPlanItem, Item, "text"), StringComparison.Ordinal);

        // A form opened before the first correction was published: refused, naming the value now.
        var late = await DraftAsync(second, RecordRevisionKinds.WorkPlanItem, Item, new() { ["text"] = text + " (late)" }, seen);
        Assert.Equal(EditOutcome.Invalid, late.Outcome);
        Assert.Contains($"(first {marker})", late.Problems[0].Message, StringComparison.Ordinal);

        // Bad input: no reason, an empty required field, a control character, nothing changed, an unknown kind.
        var now = new Dictionary<string, string?> { ["text"] = await ShownAsync(RecordRevisionKinds.WorkPlanItem, Item, "text") };
        Assert.Contains((await DraftAsync(first, RecordRevisionKinds.WorkPlanItem, Item, new() { ["text"] = "x" }, now, reason: " ")).Problems, p => p.Field == "reason");
        Assert.Contains((await DraftAsync(first, RecordRevisionKinds.WorkPlanItem, Item, new() { ["text"] = "" }, now)).Problems, p => p.Message.Contains("may not be empty", StringComparison.Ordinal));
        Assert.Contains((await DraftAsync(first, RecordRevisionKinds.WorkPlanItem, Item, new() { ["text"] = "a\u000bb" }, now)).Problems, p => p.Message.Contains("control character", StringComparison.Ordinal));
        Assert.Contains((await DraftAsync(first, RecordRevisionKinds.WorkPlanItem, Item, now, now)).Problems, p => p.Message.StartsWith("Nothing to correct", StringComparison.Ordinal));
        Assert.Contains((await DraftAsync(first, RecordRevisionKinds.Meeting, Meeting, new() { ["start"] = "May 2017" }, [])).Problems, p => p.Field == "start");
        Assert.Equal(EditOutcome.NotFound, (await DraftAsync(first, "no-such-kind", "x", [], [])).Outcome);
    }

    [Fact]
    public async Task A_withdrawn_meeting_and_statement_answer_410_with_the_reason_and_leave_lists_search_and_the_sitemap()
    {
        const string meeting = "workshop-biometrics-at-borders-bangkok-2019";
        const string statement = "perspective-palau";
        var (_, author) = await fixture.SecretariatAsync();
        var (_, reviewer) = await fixture.SecretariatAsync();
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        Assert.Contains($"/statements/{statement}", await anonymous.GetStringAsync(new Uri("/search?q=Sengebau", UriKind.Relative)), StringComparison.Ordinal);

        foreach (var (kind, key) in new[] { (RecordRevisionKinds.Meeting, meeting), (RecordRevisionKinds.Statement, statement) })
        {
            var draft = await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.DraftAsync(author,
                new CorrectionRequest(kind, key, CorrectionAction.Withdraw, new Dictionary<string, string?>(), new Dictionary<string, string?>(), "Recorded twice; see the other record.")));
            Assert.True(draft.Succeeded, string.Join("; ", draft.Problems.Select(p => p.Message)));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/{(kind == RecordRevisionKinds.Meeting ? "meetings" : "statements")}/{key}", UriKind.Relative))).StatusCode);
            Assert.True((await PublishAsync(reviewer, draft)).Succeeded);
        }

        foreach (var (page, api) in new[] { ($"/meetings/{meeting}", $"/api/v1/meetings/{meeting}"), ($"/statements/{statement}", $"/api/v1/statements/{statement}") })
        {
            var gone = await anonymous.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.Contains("Recorded twice; see the other record.", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("public", gone.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            var apiGone = await anonymous.GetAsync(new Uri(api, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Gone, apiGone.StatusCode);
            Assert.Equal("application/problem+json", apiGone.Content.Headers.ContentType!.MediaType);
            using var problem = JsonDocument.Parse(await apiGone.Content.ReadAsStringAsync());
            Assert.Equal("Recorded twice; see the other record.", problem.RootElement.GetProperty("reason").GetString());
        }

        Assert.DoesNotContain(meeting, await anonymous.GetStringAsync(new Uri("/meetings?from=2019&to=2019", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(meeting, await anonymous.GetStringAsync(new Uri("/api/v1/meetings?from=2019&to=2019", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain($"/statements/{statement}", await anonymous.GetStringAsync(new Uri("/search?q=Sengebau", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(statement, await anonymous.GetStringAsync(new Uri("/api/v1/search?q=Sengebau", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(statement, await anonymous.GetStringAsync(new Uri("/statements", UriKind.Relative)), StringComparison.Ordinal);
        var sitemap = await anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.DoesNotContain(meeting, sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain(statement, sitemap, StringComparison.Ordinal);
        Assert.Contains(Meeting, sitemap, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("token-less")]
    [InlineData("no role")]
    [InlineData("disabled")]
    public async Task Drafting_and_publishing_a_correction_are_refused_to_anonymous_token_less_role_less_and_disabled_callers_and_write_nothing(string caller)
    {
        var (_, owner) = await fixture.SecretariatAsync();
        var draft = await DraftAsync(owner, RecordRevisionKinds.Participant, "palau", new() { ["fullName"] = "Republic of Palau (test)" }, []);
        Assert.True(draft.Succeeded);
        var before = await StoredAsync();

        HttpClient client;
        PortalUser? user = null;
        if (caller == "anonymous")
        {
            client = StaffAccounts.NewClient(fixture.Portal);
        }
        else
        {
            user = await StaffAccounts.CreateUserAsync(fixture.Portal, caller == "no role" ? "" : PortalRoles.Secretariat);
            client = await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        }

        using var _c = client;
        var token = caller == "token-less" ? null : await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        if (caller == "disabled")
        {
            await using var scope = fixture.Portal.Services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await manager.FindByIdAsync(user!.Id))!;
            account.IsDisabled = true;
            Assert.True((await manager.UpdateAsync(account)).Succeeded);
        }

        foreach (var (url, handler, fields) in new[]
                 {
                     (PortalRoutes(RecordRevisionKinds.Participant, "palau"), "correct-record", new Dictionary<string, string> { ["field.fullName"] = "Changed", ["reason"] = "Because." }),
                     (PortalRoutes(RecordRevisionKinds.Meeting, Meeting), "withdraw-record", new Dictionary<string, string> { ["reason"] = "Because." }),
                     (Web.Components.PortalRoutes.StaffCorrection(long.Parse(draft.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture)), "publish-correction", []),
                 })
        {
            fields["_handler"] = handler;
            if (token is not null)
            {
                fields["__RequestVerificationToken"] = token;
            }

            var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
            Assert.True((int)response.StatusCode is 200 or 302 or 400 or 403, $"{url} answered {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains("may not", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await StoredAsync());

        // The service itself refuses them too (anonymous, no role, disabled), whatever the page did.
        var principal = caller switch
        {
            "anonymous" => null,
            _ => await StaffAccounts.PrincipalAsync(fixture.Portal, user!.Id),
        };
        if (caller != "token-less")
        {
            Assert.Equal(EditOutcome.Refused, (await DraftAsync(principal, RecordRevisionKinds.Participant, "palau", new() { ["fullName"] = "Changed" }, [])).Outcome);
            Assert.Equal(EditOutcome.Refused, (await PublishAsync(principal, draft)).Outcome);
            Assert.Equal(before, await StoredAsync());
        }
    }

    private static string PortalRoutes(string kind, string key) => Web.Components.PortalRoutes.NewCorrection(kind, key);

    private Task<EditResult> DraftAsync(
        System.Security.Claims.ClaimsPrincipal? user, string kind, string key, Dictionary<string, string?> fields, Dictionary<string, string?> seen, string reason = "Checked against the document.") =>
        fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.DraftAsync(user, new CorrectionRequest(kind, key, CorrectionAction.Correct, fields, seen, reason)));

    private Task<EditResult> PublishAsync(System.Security.Claims.ClaimsPrincipal? user, EditResult draft) =>
        fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.PublishAsync(user, long.Parse(draft.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<string?> ShownAsync(string kind, string key, string field) =>
        (await fixture.WithPortalServiceAsync<CorrectionReads, RecordToCorrect?>(r => r.RecordAsync(kind, key)))!.Fields.Single(f => f.Name == field).Value;

    /// <summary>Corrections (by state), revisions and the participant's full name: what a refused caller must leave as it was.</summary>
    private async Task<string> StoredAsync()
    {
        await using var db = fixture.Portal.Database.CreateContext();
        var states = string.Join(",", await db.RecordCorrections.OrderBy(c => c.Id).Select(c => c.State.ToString()).ToListAsync());
        return $"{states}|{await db.RecordRevisions.CountAsync()}|{await db.Participants.Where(p => p.Slug == "palau").Select(p => p.FullName).SingleAsync()}|{await db.Meetings.CountAsync()}";
    }
}
