using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Statements.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BaliProcess.Web.Tests.Statements;

/// <summary>
/// The statement write path on a real PostgreSQL (decision 0024): the review, the draft with only the accepted
/// themes, the second person who publishes it with a revision, and every refusal writing nothing.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class StatementEditorTests(SourcesFixture fixture)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoThemes = [];

    [Fact]
    public async Task The_review_splits_the_text_and_ranks_themes_from_tagged_paragraphs_and_the_draft_keeps_only_accepted_themes()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var (user, principal) = await fixture.SecretariatAsync("Statement author");
        var before = await StatementTestData.StoredAsync(fixture);

        var review = await fixture.WithStatementEditorAsync(e => e.ReviewAsync(StatementTestData.Request(source, marker)));

        Assert.True(review.Succeeded, string.Join("; ", review.Problems.Select(p => p.Message)));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "10a", "10b", "10c", "10d", "10e", "10f", "10g", "11"], review.Paragraphs.Select(p => p.Paragraph.Label));
        Assert.Equal(StatementEditor.HashOf(StatementTestData.Trimmed(marker)), review.SplitHash);
        // "continuing to build Bali Process members' capacity to use 'follow the money' tools": the theme whose tagged
        // paragraphs speak of following the money comes first.
        Assert.Equal("follow-the-money", review.Paragraphs.Single(p => p.Paragraph.Label == "10d").Suggestions[0].Slug);
        Assert.All(review.Paragraphs, p => Assert.True(p.Suggestions.Count is > 0 and <= ThemeSuggester.MaxSuggestions));
        Assert.All(review.Paragraphs, p => Assert.Equal(p.Suggestions.OrderByDescending(s => s.Score).Select(s => s.Slug), p.Suggestions.Select(s => s.Slug)));
        Assert.Equal(before, await StatementTestData.StoredAsync(fixture)); // a review writes nothing

        var accepted = new Dictionary<string, IReadOnlyList<string>> { ["10d"] = ["follow-the-money", "capacity-building"], ["1"] = ["coordination-and-support"] };
        var added = await fixture.WithStatementEditorAsync(e => e.AddAsync(principal, StatementTestData.Request(source, marker), accepted));

        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        Assert.StartsWith($"{StatementTestData.Meeting}-co-chairs-statement-", added.CreatedKey, StringComparison.Ordinal);
        var s = await StatementTestData.StatementAsync(fixture, added.CreatedKey!);
        Assert.True(s.IsDraft);
        Assert.All(s.Paragraphs, p => Assert.True(p.IsDraft));
        Assert.Equal(RecordOrigin.Staff, s.Origin);
        Assert.Equal((user.Id, "Statement author"), (s.AddedByUserId, s.AddedBy));
        Assert.Null(s.PublishedAt);
        Assert.Equal(StatementKind.CoChairsStatement, s.Kind);
        Assert.Equal(StatementTestData.Meeting, s.Meeting!.Slug);
        Assert.Equal(new PartialDate(new DateOnly(2017, 5, 1), DatePrecision.Month), s.When);
        Assert.Equal($"{source}.txt", Assert.Single(s.Sources).Document);
        Assert.Equal(18, s.Paragraphs.Count);
        Assert.Equal(["capacity-building", "follow-the-money"], s.Paragraphs.Single(p => p.Label == "10d").Themes.Select(t => t.Slug).Order());
        Assert.Equal(["coordination-and-support"], s.Paragraphs.Single(p => p.Label == "1").Themes.Select(t => t.Slug));
        Assert.Equal(2, s.Paragraphs.Count(p => p.Themes.Count > 0)); // nothing tagged without acceptance
        var first = s.Paragraphs[0];
        Assert.Equal("paragraph 1 (unnumbered in the document)", first.Location);
        Assert.True(first.LabelAddedByPortal);
        Assert.Contains(marker, first.Text, StringComparison.Ordinal);
        Assert.Equal(2017, first.Year);
        Assert.Contains(s.Paragraphs.Single(p => p.Label == "3").Mentions, m => m.Slug == "new-zealand");

        // Hidden from every read that does not ask for drafts.
        await using var db = fixture.Portal.Database.CreateContext();
        Assert.False(await db.Statements.AnyAsync(x => x.Slug == added.CreatedKey));
        Assert.False(await db.Paragraphs.AnyAsync(p => p.Text.Contains(marker)));
    }

    [Fact]
    public async Task A_changed_text_an_unknown_theme_or_paragraph_a_bad_meeting_date_or_control_character_is_refused_and_nothing_is_written()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var (_, principal) = await fixture.SecretariatAsync();
        var before = await StatementTestData.StoredAsync(fixture);
        var good = StatementTestData.Request(source, marker);

        async Task<EditResult> Add(AddStatementRequest r, Dictionary<string, IReadOnlyList<string>>? themes = null) =>
            await fixture.WithStatementEditorAsync(e => e.AddAsync(principal, r, themes ?? NoThemes));

        var changed = await Add(good with { Text = good.Text + "\n\nOne more paragraph." });
        Assert.Equal(("text", EditOutcome.Invalid), (changed.Problems.Single().Field, changed.Outcome));
        Assert.Contains("The text changed since its split was shown", changed.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("no theme “no-such-theme”", (await Add(good, new() { ["1"] = ["no-such-theme"] })).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("no paragraph 99", (await Add(good, new() { ["99"] = ["capacity-building"] })).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal("meeting", (await Add(good with { MeetingSlug = "no-such-meeting" })).Problems.Single().Field);
        Assert.Equal("meeting", (await Add(good with { MeetingSlug = "" })).Problems.Single().Field);
        Assert.Equal("kind", (await Add(good with { Kind = nameof(StatementKind.Perspective) })).Problems.Single().Field);
        Assert.Equal("date", (await Add(good with { Date = "25 May 2017" })).Problems.Single().Field);
        Assert.Equal("date", (await Add(good with { Date = "2999" })).Problems.Single().Field);
        var control = await Add(good with { Title = "Statement\u0007" });
        Assert.Contains("U+0007", control.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal("text", (await Add(good with { Text = " ", SplitHash = StatementEditor.HashOf(" ") })).Problems.Single().Field);
        Assert.Equal("source", (await Add(good with { SourceSlug = "tip-working-group-third-meeting-2017" })).Problems.Single().Field);

        Assert.Equal(before, await StatementTestData.StoredAsync(fixture));
    }

    [Fact]
    public async Task The_author_cannot_publish_a_draft_citing_a_draft_document_waits_a_second_user_publishes_once_with_a_revision()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker, publish: false);
        var (_, author) = await fixture.SecretariatAsync("Author");
        var (reviewer, reviewerPrincipal) = await fixture.AccountAsync(PortalRoles.Administrator, displayName: "Reviewer");
        var (_, third) = await fixture.SecretariatAsync("Third");
        var added = await fixture.WithStatementEditorAsync(e => e.AddAsync(author, StatementTestData.Request(source, marker), new Dictionary<string, IReadOnlyList<string>> { ["10d"] = ["follow-the-money"] }));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var slug = added.CreatedKey!;

        var own = await fixture.WithStatementEditorAsync(e => e.PublishAsync(author, slug));
        Assert.Contains("another Secretariat user or an Administrator publishes it", own.Problems.Single().Message, StringComparison.Ordinal);
        var documentDraft = await fixture.WithStatementEditorAsync(e => e.PublishAsync(reviewerPrincipal, slug));
        Assert.Contains("is still a draft: publish the document first", documentDraft.Problems.Single().Message, StringComparison.Ordinal);
        Assert.True((await StatementTestData.StatementAsync(fixture, slug)).IsDraft);
        Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(third, source))).Succeeded);
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            // Publishing the document appends its own revision (decision 0028).
            var sourceRevision = await db.RecordRevisions.SingleAsync(r => r.RecordKind == RecordRevisionKinds.Source && r.RecordKey == source);
            Assert.Null(sourceRevision.Before);
            Assert.Equal("Third", sourceRevision.ChangedBy);
            Assert.Equal(source, JsonDocument.Parse(sourceRevision.After).RootElement.GetProperty("slug").GetString());
        }

        var revisionsBefore = (await StatementTestData.StoredAsync(fixture)).Revisions;
        var published = await fixture.WithStatementEditorAsync(e => e.PublishAsync(reviewerPrincipal, slug));

        Assert.True(published.Succeeded, string.Join("; ", published.Problems.Select(p => p.Message)));
        var s = await StatementTestData.StatementAsync(fixture, slug);
        Assert.False(s.IsDraft);
        Assert.All(s.Paragraphs, p => Assert.False(p.IsDraft));
        Assert.Equal((reviewer.Id, "Reviewer"), (s.PublishedByUserId, s.PublishedBy));
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            Assert.True(await db.Paragraphs.AnyAsync(p => p.Text.Contains(marker)));
            var revision = await db.RecordRevisions.SingleAsync(r => r.RecordKind == RecordRevisionKinds.Statement && r.RecordKey == slug);
            Assert.Equal(revisionsBefore + 1, await db.RecordRevisions.CountAsync());
            Assert.Equal((reviewer.Id, "Reviewer"), (revision.ChangedByUserId, revision.ChangedBy));
            Assert.Null(revision.Before);
            Assert.Contains("added by Author", revision.Reason, StringComparison.Ordinal);
            Assert.Equal(s.PublishedAt, revision.ChangedAt);
            using var after = JsonDocument.Parse(revision.After);
            Assert.Equal(s.Title, after.RootElement.GetProperty("title").GetString());
            Assert.Equal(StatementTestData.Meeting, after.RootElement.GetProperty("meeting").GetString());
            var p10d = after.RootElement.GetProperty("paragraphs").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "10d");
            Assert.Equal(["follow-the-money"], p10d.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));

            // Append-only in the database itself.
            foreach (var sql in new[] { $"UPDATE record_revisions SET reason = 'rewritten' WHERE id = {revision.Id}", $"DELETE FROM record_revisions WHERE id = {revision.Id}", "TRUNCATE record_revisions" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
                Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
            }
        }

        var again = await fixture.WithStatementEditorAsync(e => e.PublishAsync(third, slug));
        Assert.Contains("already published by Reviewer", again.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(EditOutcome.NotFound, (await fixture.WithStatementEditorAsync(e => e.PublishAsync(third, "no-such-statement"))).Outcome);
        // A seeded statement is not a draft anyone publishes.
        Assert.Equal(EditOutcome.NotFound, (await fixture.WithStatementEditorAsync(e => e.PublishAsync(third, "eighth-ministerial-conference-2023-co-chairs-statement"))).Outcome);
    }

    [Fact]
    public async Task With_AllowSelfPublish_the_author_may_publish_their_own()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var (_, author) = await fixture.SecretariatAsync("One-person secretariat");
        var added = await fixture.WithStatementEditorAsync(e => e.AddAsync(author, StatementTestData.Request(source, marker), NoThemes));
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var editor = ActivatorUtilities.CreateInstance<StatementEditor>(scope.ServiceProvider, Options.Create(new EditingOptions { AllowSelfPublish = true }));

        Assert.True((await editor.PublishAsync(author, added.CreatedKey!)).Succeeded);
        Assert.False((await StatementTestData.StatementAsync(fixture, added.CreatedKey!)).IsDraft);
    }

    [Fact]
    public async Task Anonymous_forged_role_less_and_disabled_callers_are_refused_at_the_service_and_nothing_is_written()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var (_, owner) = await fixture.SecretariatAsync();
        var draft = await fixture.WithStatementEditorAsync(e => e.AddAsync(owner, StatementTestData.Request(source, marker), NoThemes));
        Assert.True(draft.Succeeded);
        var (_, roleLess) = await fixture.AccountAsync("");
        var (_, disabled) = await fixture.AccountAsync(PortalRoles.Secretariat, disabled: true);
        var (_, disabledAdmin) = await fixture.AccountAsync(PortalRoles.Administrator, disabled: true);
        var before = await StatementTestData.StoredAsync(fixture);

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
            var add = await fixture.WithStatementEditorAsync(e => e.AddAsync(principal, StatementTestData.Request(source, marker), NoThemes));
            var publish = await fixture.WithStatementEditorAsync(e => e.PublishAsync(principal, draft.CreatedKey!));
            Assert.Equal((EditOutcome.Refused, reason), (add.Outcome, add.Refusal!.Value));
            Assert.Equal((EditOutcome.Refused, reason), (publish.Outcome, publish.Refusal!.Value));
        }

        Assert.Equal(before, await StatementTestData.StoredAsync(fixture));
        Assert.True((await StatementTestData.StatementAsync(fixture, draft.CreatedKey!)).IsDraft);
    }
}
