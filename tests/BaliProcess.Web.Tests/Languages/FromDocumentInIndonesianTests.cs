using System.Globalization;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Corrections;
using BaliProcess.Web.Features.Sources.FromDocument;
using BaliProcess.Web.Features.Timeline.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The shared parts of the forms for records from a document (Features/Sources/FromDocument: the draft's state, the
/// problems box) on staff pages under "/id" (decision 0042), DocumentRecordRules' messages and the withdrawn API
/// problem in Indonesian, and the same in English as before.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class FromDocumentInIndonesianTests(SourcesFixture fixture)
{
    [Fact]
    public async Task Draft_states_and_the_rules_messages_speak_Indonesian_and_stay_English_in_English()
    {
        var marker = Guid.NewGuid().ToString("N");
        var drafts = await DraftsFromADocument.AddAsync(fixture, "fd", "Author fd", marker);
        var (doc, reviewer, ev, role) = (drafts.Document, drafts.Reviewer, drafts.Event, drafts.Role);

        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        var roleUrl = "/id" + PortalRoutes.StaffPersonRole(int.Parse(role.CreatedKey!, CultureInfo.InvariantCulture)) + "?done=added";
        var eventUrl = "/id" + PortalRoutes.StaffTimelineEvent(ev.CreatedKey!);
        foreach (var url in new[] { roleUrl, eventUrl })
        {
            // The draft's state table stays in: it is this folder's (DraftState).
            var page = await Html.GetOkAsync(staff, url);
            // The staff pages' breadcrumb label is the People and Timeline folders' (aria-label="Breadcrumb"), not this one's.
            foreach (var crumb in page.QuerySelectorAll("nav[aria-label=Breadcrumb]").ToList())
            {
                crumb.RemoveAttribute("aria-label");
            }

            IndonesianPage.AssertIndonesian(page, url);
            var state = page.QuerySelector("main table.narrow-48")!.TextContent;
            Assert.Contains("Draf: hanya staf yang melihatnya", state, StringComparison.Ordinal);
            Assert.Contains("Ditambahkan oleh", state, StringComparison.Ordinal);
            Assert.Contains("Author fd", state, StringComparison.Ordinal);
        }

        Assert.Contains("Ditambahkan sebagai draf.", Html.MainText(await Html.GetOkAsync(staff, roleUrl)), StringComparison.Ordinal);
        Assert.True((await With<TimelineEventEditor, EditResult>(e => e.PublishAsync(reviewer, ev.CreatedKey!))).Succeeded);
        var published = await Html.GetOkAsync(staff, eventUrl + "?done=published");
        foreach (var crumb in published.QuerySelectorAll("nav[aria-label=Breadcrumb]").ToList())
        {
            crumb.RemoveAttribute("aria-label");
        }

        IndonesianPage.AssertIndonesian(published, eventUrl);
        Assert.Contains("Diterbitkan: kini terbuka untuk umum di", Html.MainText(published), StringComparison.Ordinal);
        Assert.Contains("Diterbitkan oleh Reviewer fd", Html.MainText(published), StringComparison.Ordinal);

        var english = Html.MainText(await Html.GetOkAsync(staff, PortalRoutes.StaffTimelineEvent(ev.CreatedKey!) + "?done=published"));
        Assert.Contains("Published by Reviewer fd", english, StringComparison.Ordinal);

        // The rules' messages in the editor's language, a field name included; the stored revision stays English.
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id");
            var again = await With<TimelineEventEditor, EditResult>(e => e.PublishAsync(reviewer, ev.CreatedKey!));
            Assert.StartsWith($"{drafts.EventTitle} sudah diterbitkan oleh Reviewer fd pada ", again.Problems.Single().Message, StringComparison.Ordinal);
            var check = await With<TimelineEventEditor, RecordCheck>(e => e.CheckAsync(new AddTimelineEventRequest(
                doc, "An event", "2012-13-40", new string('x', 4001), null, null, null, "paragraph 1")));
            Assert.Contains("Tulis tanggal setepat yang diberikan dokumen: 2015, 2015-03, atau 2015-03-25.", check.Problems.Select(p => p.Message));
            Assert.Contains("Panjang ringkasan paling banyak 4.000 karakter.", check.Problems.Select(p => p.Message));
            var gone = Assert.IsType<ProblemHttpResult>(WithdrawnApiRecords.Gone(new WithdrawnRecord("meeting", "A meeting", DateTimeOffset.UnixEpoch, "Duplicate.")));
            Assert.Equal(("Ditarik", "Pertemuan “A meeting” ditarik pada 1970-01-01: Duplicate."), (gone.ProblemDetails.Title, gone.ProblemDetails.Detail));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }

        Assert.StartsWith($"{drafts.EventTitle} was already published by Reviewer fd on ",
            (await With<TimelineEventEditor, EditResult>(e => e.PublishAsync(reviewer, ev.CreatedKey!))).Problems.Single().Message, StringComparison.Ordinal);
        var englishGone = Assert.IsType<ProblemHttpResult>(WithdrawnApiRecords.Gone(new WithdrawnRecord("meeting", "A meeting", DateTimeOffset.UnixEpoch, "Duplicate.")));
        Assert.Equal(("Withdrawn", "The meeting “A meeting” was withdrawn on 1970-01-01: Duplicate."), (englishGone.ProblemDetails.Title, englishGone.ProblemDetails.Detail));
        await using var db = fixture.Portal.Database.CreateContext();
        Assert.Contains(db.RecordRevisions.Where(r => r.RecordKey == ev.CreatedKey).Select(r => r.Reason).ToList(), r => r.StartsWith("Published: added by Author fd on ", StringComparison.Ordinal));
    }

    private Task<T> With<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull => fixture.WithPortalServiceAsync(action);
}
