using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Features.Corrections;
using BaliProcess.Web.Features.Drafts;
using BaliProcess.Web.Features.Timeline.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Languages;
using BaliProcess.Web.Tests.Sources;

namespace BaliProcess.Web.Tests.Corrections;

/// <summary>
/// The correction pages and a withdrawn record's page under "/id" (issue 22): Indonesian throughout, the record's own
/// words marked lang="en", the editor's refusals in the page's language, and the stored revision reason in English.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class CorrectionsIndonesianTests(SourcesFixture fixture)
{
    private const string Meeting = "ad-hoc-group-senior-officials-meeting-9";

    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();

    /// <summary>
    /// GETs an Indonesian page and checks it. A record's own words in the page's &lt;title&gt; cannot carry lang="en" (no
    /// element holds them there), so <paramref name="recordWordsInTitle"/> are taken out of the title before the check.
    /// </summary>
    private static async Task<IDocument> IndonesianAsync(HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK, params string[] recordWordsInTitle)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == status, $"{url} answered {(int)response.StatusCode}");
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        foreach (var words in recordWordsInTitle)
        {
            document.Title = document.Title!.Replace(words, "", StringComparison.Ordinal);
        }

        IndonesianPage.AssertIndonesian(document, url);
        return document;
    }

    [Fact]
    public async Task The_correction_pages_are_Indonesian_and_a_draft_made_there_returns_to_the_Indonesian_page()
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _c = client;

        var list = await IndonesianAsync(client, "/id/staff/corrections");
        Assert.Equal("Koreksi dan penarikan", list.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(list.QuerySelectorAll("select#correct-kind option"), o => o.TextContent == "Pertemuan");

        var form = $"/id/staff/corrections/new?kind={RecordRevisionKinds.Meeting}&key={Meeting}";
        var title = (await fixture.WithPortalServiceAsync<CorrectionReads, RecordToCorrect?>(r => r.RecordAsync(RecordRevisionKinds.Meeting, Meeting)))!.Title;
        var page = await IndonesianAsync(client, form, HttpStatusCode.OK, title);
        Assert.Equal("Koreksi catatan ini", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("Judul", page.QuerySelector("label[for=field-title]")!.TextContent.Trim());
        Assert.Equal("en", page.QuerySelector("#field-title")!.GetAttribute("lang"));

        // Nothing changed: the editor's problem, in Indonesian.
        var refused = await StaffAccounts.PostFormAsync(client, form, "correct-record", new() { ["reason"] = "" });
        Assert.Contains("Tuliskan alasannya", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await StaffAccounts.PostFormAsync(client, form, "correct-record", new()
        {
            ["field.place"] = "Wellington " + Guid.NewGuid().ToString("N")[..6],
            ["reason"] = "The place is the city only in the timeline of 004, p. 12.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var draft = saved.Headers.Location!.OriginalString;
        Assert.StartsWith("/id/staff/corrections/", draft, StringComparison.Ordinal);
        var shown = await IndonesianAsync(client, draft, HttpStatusCode.OK, title);
        Assert.Contains("Disimpan sebagai draf.", shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, shown.QuerySelector("main h1 span[lang=en]")!.TextContent);
        Assert.Equal("The place is the city only in the timeline of 004, p. 12.", shown.QuerySelector("td[lang=en]")!.TextContent);

        // The English page is as it was.
        var english = Parser.ParseDocument(await client.GetStringAsync(new Uri("/staff/corrections", UriKind.Relative)));
        Assert.Equal("Corrections and withdrawals", english.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_withdrawal_published_from_an_Indonesian_page_stores_English_and_its_page_says_so_in_Indonesian()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (_, authorPrincipal) = await fixture.SecretariatAsync("Penulis " + marker[..6]);
        var (_, reviewer) = await fixture.SecretariatAsync("Peninjau " + marker[..6]);
        var text = File.ReadAllText(Path.Combine(TestPaths.SourceDocumentsDirectory, "003_f496830a861f9ea6.txt")) + $"\n\n({marker})\n";
        var doc = await fixture.WithEditorAsync(e => e.AddAsync(authorPrincipal, SourcesFixture.Request($"Event source {marker}", pasted: text, date: "2017")));
        Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, doc.CreatedKey!))).Succeeded);
        var added = await fixture.WithPortalServiceAsync<TimelineEventEditor, EditResult>(e => e.AddAsync(authorPrincipal,
            new AddTimelineEventRequest(doc.CreatedKey!, $"A workshop {marker}", "2017-03", "A workshop was held", "Bangkok", null, null, "paragraph 3")));
        Assert.True((await fixture.WithPortalServiceAsync<TimelineEventEditor, EditResult>(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        var slug = added.CreatedKey!;

        var before = CultureInfo.CurrentUICulture;
        var beforeFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id");

            // A refusal from the service in the editor's language: no reason given.
            var noReason = await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.DraftAsync(authorPrincipal,
                new CorrectionRequest(RecordRevisionKinds.TimelineEvent, slug, CorrectionAction.Withdraw, new Dictionary<string, string?>(), new Dictionary<string, string?>(), "")));
            Assert.StartsWith("Tuliskan alasannya", noReason.Problems.Single().Message, StringComparison.Ordinal);
            var noDiscardReason = await fixture.WithPortalServiceAsync<DraftDiscarder, EditResult>(d => d.DiscardAsync(authorPrincipal, DraftKind.Source, doc.CreatedKey!, " "));
            Assert.StartsWith("Tuliskan mengapa draf ini dibuang", noDiscardReason.Problems.Single().Message, StringComparison.Ordinal);

            var draft = await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.DraftAsync(authorPrincipal,
                new CorrectionRequest(RecordRevisionKinds.TimelineEvent, slug, CorrectionAction.Withdraw, new Dictionary<string, string?>(), new Dictionary<string, string?>(), $"Not an event ({marker})")));
            var id = long.Parse(draft.CreatedKey!, CultureInfo.InvariantCulture);
            Assert.True((await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.PublishAsync(reviewer, id))).Succeeded);
            var again = await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.PublishAsync(reviewer, id));
            Assert.StartsWith("Koreksi ini sudah diterbitkan oleh", again.Problems.Single().Message, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (before, beforeFormat);
        }

        // Stored record data stays English (invariant dates), whatever the publisher's language.
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            var reason = db.RecordRevisions.Single(r => r.RecordKind == RecordRevisionKinds.TimelineEvent && r.RecordKey == slug && r.Reason.StartsWith("Withdrawn:")).Reason;
            Assert.Matches(@"on \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} ", reason);
        }

        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        var gone = await IndonesianAsync(anonymous, $"/id/timeline/{slug}", HttpStatusCode.Gone, $"A workshop {marker}");
        Assert.Contains("Peristiwa lini masa ini ditarik dari portal pada", gone.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Not an event ({marker})", gone.QuerySelector("main p span[lang=en]")!.TextContent);
        Assert.Equal($"A workshop {marker}", gone.QuerySelector("main h1[lang=en]")!.TextContent);
    }
}
