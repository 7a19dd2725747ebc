using System.Globalization;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Documents.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The staff pages of source documents and outcome documents under "/id" (decision 0042), and the shared publish
/// refusal (a second pair of eyes) and an outcome-document problem in Indonesian when the editor works in Indonesian.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class StaffSourcesAndDocumentsInIndonesianTests(SourcesFixture fixture)
{
    [Fact]
    public async Task Staff_source_and_outcome_document_pages_speak_Indonesian_and_the_refusals_too()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (_, uploader) = await fixture.SecretariatAsync("Document uploader");
        var sourceTitle = $"Guide source {marker}";
        var added = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request(
            sourceTitle, pasted: $"The Regional Support Office launched its guide.\n{marker}\n", date: "2024-04")));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var (_, reviewer) = await fixture.SecretariatAsync("Document reviewer");
        Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        var source = added.CreatedKey!;

        var (_, author) = await fixture.SecretariatAsync("Records author");
        var docTitle = $"Guide {marker}";
        var request = new AddOutcomeDocumentRequest(source, nameof(OutcomeDocumentKind.PolicyGuide), docTitle, false, null, "", "2024-03", "", [], null, "paragraph 1",
            [new($"The Regional Support Office launched its guide {marker}", "paragraph 1")]);
        var doc = await With<OutcomeDocumentEditor, EditResult>(e => e.AddAsync(author, request with { CheckedHash = OutcomeDocumentEditor.HashOf(request) }));
        Assert.True(doc.Succeeded, string.Join("; ", doc.Problems.Select(p => p.Message)));

        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        foreach (var page in new[]
        {
            PortalRoutes.NewSource, PortalRoutes.StaffSources, PortalRoutes.StaffSource(source),
            PortalRoutes.NewOutcomeDocument(source), PortalRoutes.StaffOutcomeDocument(doc.CreatedKey!),
        })
        {
            var document = await Html.GetOkAsync(staff, "/id" + page);
            // The record titles in <title> are the documents' words (the page marks them lang="en" in its body).
            document.Title = document.Title!.Replace(sourceTitle, "", StringComparison.Ordinal).Replace(docTitle, "", StringComparison.Ordinal);
            IndonesianPage.AssertIndonesian(document, "/id" + page);
        }

        var sourcePage = await Html.GetOkAsync(staff, "/id" + PortalRoutes.StaffSource(source));
        Assert.Equal(sourceTitle, sourcePage.QuerySelector("h1[lang=en]")!.TextContent);
        Assert.Contains("Dokumen terbitan dari dokumen ini", Html.MainText(sourcePage), StringComparison.Ordinal);
        Assert.Contains(marker, sourcePage.QuerySelector("pre.source-text[lang=en]")!.TextContent, StringComparison.Ordinal);
        var draft = await Html.GetOkAsync(staff, "/id" + PortalRoutes.StaffOutcomeDocument(doc.CreatedKey!));
        Assert.Contains("Draf: hanya staf yang melihatnya", Html.MainText(draft), StringComparison.Ordinal);
        Assert.Equal($"The Regional Support Office launched its guide {marker}", draft.QuerySelector("blockquote[lang=en]")!.TextContent);
        Assert.Contains("Tambahkan dokumen sumber", (await Html.GetOkAsync(staff, "/id" + PortalRoutes.NewSource)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // The shared refusal (EditingOptions.RefuseOwnDraft) and an editor's problem, in the editor's language.
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id");
            var own = await With<OutcomeDocumentEditor, EditResult>(e => e.PublishAsync(author, doc.CreatedKey!));
            Assert.Equal("Anda menambahkan dokumen terbitan ini, jadi pengguna Sekretariat lain atau seorang Administrator yang menerbitkannya: sepasang mata kedua untuk setiap catatan.", own.Problems.Single().Message);
            var check = await With<OutcomeDocumentEditor, OutcomeDocumentCheck>(e => e.CheckAsync(request with { Kind = "" }));
            Assert.Contains("Pilih jenis dokumennya.", check.Problems.Select(p => p.Message));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal("You added this outcome document, so another Secretariat user or an Administrator publishes it: a second pair of eyes on every record.",
            (await With<OutcomeDocumentEditor, EditResult>(e => e.PublishAsync(author, doc.CreatedKey!))).Problems.Single().Message);
    }

    private Task<T> With<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull => fixture.WithPortalServiceAsync(action);
}
