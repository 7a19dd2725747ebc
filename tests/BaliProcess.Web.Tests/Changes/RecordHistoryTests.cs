using System.Net;
using System.Text.Json;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Changes;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.OpenData;
using BaliProcess.Web.Tests.Sources;
using BaliProcess.Web.Tests.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Changes;

/// <summary>
/// /changes, its feed, API and download, and the history pages over revisions of every kind (decision 0028), on the
/// "sources" portal where documents and statements are published: a draft's revision shows nowhere, a published
/// record's does, with its fields before and after; a seeded record's history says it is as the documents load it.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class RecordHistoryTests(SourcesFixture fixture)
{
    [Fact]
    public async Task A_draft_statement_is_on_no_change_list_feed_api_download_or_history_until_a_second_user_publishes_it_then_its_revisions_show_everywhere()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var (_, author) = await fixture.SecretariatAsync("History author");
        var added = await fixture.WithStatementEditorAsync(e => e.AddAsync(author, StatementTestData.Request(source, marker), new Dictionary<string, IReadOnlyList<string>>()));
        Assert.True(added.Succeeded);
        var slug = added.CreatedKey!;

        // A revision of the draft (as a correction drafted by another feature might one day write), committed and announced.
        var correction = $"Correction {marker}: the date is the statement's heading's.";
        long correctionId;
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            var revision = new RecordRevision
            {
                RecordKind = RecordRevisionKinds.Statement, RecordKey = slug, ChangedBy = "History corrector", ChangedByUserId = "test",
                ChangedAt = DateTimeOffset.UtcNow, Reason = correction,
                Before = """{"title":"Old title","paragraphs":[{"label":"1","text":"The members met in Bali on 25 May 2017 and agreed to strengthen cooperation on trafficking in persons."}]}""",
                After = """{"title":"Old title","paragraphs":[{"label":"1","text":"The members met in Bali on 26 May 2017 and agreed to deepen cooperation on trafficking in persons."}]}""",
            };
            db.RecordRevisions.Add(revision);
            await db.SaveChangesAsync();
            correctionId = revision.Id;
            await fixture.Portal.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();
        }

        using var anonymous = fixture.Portal.CreateClient();
        async Task<string> Get(string url) => await anonymous.GetStringAsync(new Uri(url, UriKind.Relative));
        var outputs = new[] { "/changes", "/changes?kind=statement", "/changes.atom", "/api/v1/changes?kind=statement&pageSize=100", "/download/changes.csv", "/download/changes.json?kind=statement" };
        foreach (var url in outputs)
        {
            var body = await Get(url);
            Assert.DoesNotContain(slug, body, StringComparison.Ordinal);
            Assert.DoesNotContain(correction, body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/statements/{slug}/history", UriKind.Relative))).StatusCode);
        await using (var scope = fixture.Portal.Services.CreateAsyncScope())
        {
            var recent = await scope.ServiceProvider.GetRequiredService<ChangeReads>().RecentAsync(new ChangeFilter(Limit: ChangeReads.MaxLimit));
            Assert.DoesNotContain(recent, c => c.Record.Key == slug);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<RecordHistoryReads>().GetAsync(RecordRevisionKinds.Statement, slug));
        }

        // The document itself was published by a second person: its revision is listed and its history shows it.
        var sourceChange = Html.MainText(await Html.GetOkAsync(anonymous, "/changes?kind=source"));
        Assert.True(sourceChange.Contains($"Source document TIP Working Group co-chairs statement {marker}: new record, by Document reviewer.", StringComparison.Ordinal), sourceChange);
        var sourceHistory = await Html.GetOkAsync(anonymous, $"/sources/{source}/history");
        Assert.Contains("Published: added by Document uploader", Html.MainText(sourceHistory), StringComparison.Ordinal);
        Assert.NotNull((await Html.GetOkAsync(anonymous, $"/sources/{source}")).QuerySelector($"main a[href='/sources/{source}/history']"));

        // A second user publishes the statement: both revisions are public at once.
        var (_, reviewer) = await fixture.SecretariatAsync("History reviewer");
        Assert.True((await fixture.WithStatementEditorAsync(e => e.PublishAsync(reviewer, slug))).Succeeded);

        var list = await Html.GetOkAsync(anonymous, "/changes?kind=statement");
        var line = list.QuerySelectorAll("ol.changes li").First(li => li.QuerySelector($"a[href='/statements/{slug}']") is not null);
        Assert.Contains($"Statement Co-Chairs’ Statement {marker}: new record, by History reviewer.", line.TextContent, StringComparison.Ordinal);
        Assert.NotNull(line.QuerySelector($"a[href^='/statements/{slug}/history#revision-']"));
        Assert.Contains(correction, Html.MainText(list), StringComparison.Ordinal);

        var history = await Html.GetOkAsync(anonymous, $"/statements/{slug}/history");
        Assert.Equal($"History of Co-Chairs’ Statement {marker}", history.QuerySelector("main h1")!.TextContent.Trim());
        var revisions = history.QuerySelectorAll("ol.revisions > li");
        Assert.Equal(2, revisions.Length);
        Assert.Contains("by History reviewer: added", revisions[0].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("reviewed and published by History reviewer", revisions[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(revisions[0].QuerySelector("details table.field-changes")); // a new record's fields, folded away
        var corrected = history.QuerySelector($"li#revision-{correctionId}")!;
        Assert.Equal(["paragraph 1: text"], corrected.QuerySelectorAll("table.field-changes tbody th").Select(th => th.TextContent)); // the title did not change
        Assert.Equal(["[removed:25]", "[removed:strengthen]"], corrected.QuerySelectorAll("del").Select(d => d.TextContent.Replace(" ", "", StringComparison.Ordinal)));
        Assert.Equal(["[added:26]", "[added:deepen]"], corrected.QuerySelectorAll("ins").Select(d => d.TextContent.Replace(" ", "", StringComparison.Ordinal)));
        Assert.Contains("Added in the portal", Html.MainText(history), StringComparison.Ordinal);
        Assert.NotNull((await Html.GetOkAsync(anonymous, $"/statements/{slug}")).QuerySelector($"main a[href='/statements/{slug}/history']"));

        var api = await OpenDataHttp.GetAllItemsAsync(anonymous, "/api/v1/changes?kind=statement&pageSize=100");
        var published = Assert.Single(api, c => c.GetProperty("record").GetProperty("slug").GetString() == slug && c.GetProperty("summary").GetString() == "new record");
        Assert.Equal(("revision", "statement", $"/statements/{slug}/history"), (published.GetProperty("type").GetString(), published.GetProperty("kind").GetString(), published.GetProperty("history").GetString()));
        Assert.Contains(published.GetProperty("fields").EnumerateArray(), f => f.GetProperty("field").GetString() == "paragraph 10d: text");
        Assert.Equal(JsonValueKind.Null, published.GetProperty("workPlan").ValueKind);
        Assert.Contains(slug, await Get("/download/changes.csv?kind=statement"), StringComparison.Ordinal);
        var feed = await Get("/changes.atom");
        Assert.Contains($"/statements/{slug}/history#revision-", feed, StringComparison.Ordinal);
        Assert.Contains(correction, feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seeded_record_is_as_loaded_with_its_source_and_a_work_plan_item_shows_its_status_history()
    {
        using var anonymous = fixture.Portal.CreateClient();
        await using var db = fixture.Portal.Database.CreateContext();
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Slug == StatementTestData.Meeting).Select(m => new { m.Slug, m.Title }).SingleAsync();

        var page = await Html.GetOkAsync(anonymous, $"/meetings/{meeting.Slug}");
        Assert.NotNull(page.QuerySelector($"main a[href='/meetings/{meeting.Slug}/history']"));
        var history = await Html.GetOkAsync(anonymous, $"/meetings/{meeting.Slug}/history");
        var text = Html.MainText(history);
        Assert.Contains("As loaded from the source documents", text, StringComparison.Ordinal);
        Assert.NotNull(history.QuerySelector("main .source-note a[href^='/sources/']")); // the seed's citation
        Assert.NotNull(history.QuerySelector($"main a[href='/changes?kind=meeting']"));

        var item = await Html.GetOkAsync(anonymous, "/work-plans/tip-working-group-forward-work-plan-2015-17/items/7/history");
        Assert.Contains("History of Item 7 of", item.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("as recorded in", item.QuerySelector("ol.history")!.TextContent, StringComparison.Ordinal);

        foreach (var missing in new[] { "/meetings/no-such-meeting/history", "/no-such-section/x/history", "/work-plans/tip-working-group-forward-work-plan-2015-17/items/999/history" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(missing, UriKind.Relative))).StatusCode);
        }

        // A bad kind is explained and every kind shown; the API refuses it naming the parameter.
        Assert.Contains("There is no such kind of record here", Html.MainText(await Html.GetOkAsync(anonymous, "/changes?kind=bogus")), StringComparison.Ordinal);
        await ApiContractTests.AssertProblemAsync(await anonymous.GetAsync(new Uri("/api/v1/changes?kind=bogus", UriKind.Relative)), HttpStatusCode.BadRequest, "kind");
    }
}
