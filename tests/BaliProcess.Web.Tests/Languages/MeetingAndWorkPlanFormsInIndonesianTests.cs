using System.Globalization;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Meetings.Adding;
using BaliProcess.Web.Features.WorkPlans.FromDocument;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The forms that add a meeting or a work plan from a document, under "/id" (decision 0042), and their editors'
/// validation messages in Indonesian when the editor works in Indonesian (English otherwise).
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class MeetingAndWorkPlanFormsInIndonesianTests(SourcesFixture fixture)
{
    [Fact]
    public async Task The_meeting_and_work_plan_forms_speak_Indonesian_and_their_editors_answer_in_it()
    {
        var marker = Guid.NewGuid().ToString("N");
        var title = $"Bangkok {marker}";
        var (_, uploader) = await fixture.SecretariatAsync("Form uploader");
        var added = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request(
            title, pasted: $"Co-Chairs' Statement\nThe meeting was held in Bangkok.\n{marker}\n", date: "2024-04")));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var doc = added.CreatedKey!;

        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        foreach (var (page, heading) in new[]
        {
            (PortalRoutes.NewMeeting(doc), "Tambah pertemuan dari dokumen ini"),
            (PortalRoutes.NewWorkPlanFromDocument(doc), "Tambah rencana kerja yang dimuat dokumen ini"),
        })
        {
            var url = "/id" + page;
            var document = await Html.GetOkAsync(staff, url);
            var pageTitle = document.QuerySelector("title")!;
            pageTitle.TextContent = pageTitle.TextContent.Replace(title, "", StringComparison.Ordinal);
            IndonesianPage.AssertIndonesian(document, url);
            Assert.Equal(heading, document.QuerySelector("h1")!.TextContent);
            Assert.Equal("en", document.QuerySelector("pre.source-text")!.GetAttribute("lang"));
            Assert.Contains(marker, document.QuerySelector("pre.source-text")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Judul, sebagaimana tertulis dalam dokumen", document.QuerySelector("form.account-form")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Periksa", document.QuerySelector("button[value=check]")!.TextContent, StringComparison.Ordinal);
        }

        var english = Html.MainText(await Html.GetOkAsync(staff, PortalRoutes.NewMeeting(doc)));
        Assert.Contains("Add a meeting from this document", english, StringComparison.Ordinal);

        var meeting = new AddMeetingRequest(doc, "Emperor", null, "A meeting", "2015", null, null, null, null, null, "paragraph 1", [], []);
        var plan = new AddWorkPlanRequest(doc, null, null, "2017–19", null, null, null, "paragraph 1", "1. An item", "paragraph 2", "NotStated", []);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id");
            var meetingCheck = await fixture.WithPortalServiceAsync<MeetingEditor, MeetingCheck>(e => e.CheckAsync(meeting));
            Assert.Contains("Pilih jenis pertemuan.", meetingCheck.Problems.Select(p => p.Message));
            var planCheck = await fixture.WithPortalServiceAsync<WorkPlanFromDocumentEditor, WorkPlanCheck>(e => e.CheckAsync(plan));
            Assert.Contains("Isi judul rencana kerja, sebagaimana tertulis dalam dokumen.", planCheck.Problems.Select(p => p.Message));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        var inEnglish = await fixture.WithPortalServiceAsync<MeetingEditor, MeetingCheck>(e => e.CheckAsync(meeting));
        Assert.Contains("Choose what kind of meeting it is.", inEnglish.Problems.Select(p => p.Message));
    }
}
