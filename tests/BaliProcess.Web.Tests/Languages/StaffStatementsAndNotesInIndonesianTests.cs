using System.Globalization;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Notes.Adding;
using BaliProcess.Web.Features.Statements.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using BaliProcess.Web.Tests.Statements;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The staff pages of statements and notes (disagreements, open questions) under "/id" (decision 0042): the forms and
/// the drafts speak Indonesian, the documents' words stay as written (lang="en"), and the editors refuse in Indonesian.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class StaffStatementsAndNotesInIndonesianTests(SourcesFixture fixture)
{
    [Fact]
    public async Task Statement_and_note_staff_pages_speak_Indonesian_and_the_editors_refuse_in_it()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var (_, author) = await fixture.SecretariatAsync("Statement author");
        var statement = await fixture.WithStatementEditorAsync(e => e.AddAsync(author, StatementTestData.Request(source, marker), new Dictionary<string, IReadOnlyList<string>>()));
        Assert.True(statement.Succeeded, string.Join("; ", statement.Problems.Select(p => p.Message)));
        var disagreement = await fixture.WithPortalServiceAsync<NoteEditor, EditResult>(e => e.AddDisagreementAsync(author, new AddDisagreementRequest(
            source, $"meeting:{StatementTestData.Meeting}", $"place {marker}", $"The documents disagree {marker}.",
            [new("Bali", null, "paragraph 1"), new("Jakarta", "003_f496830a861f9ea6.txt", "heading")])));
        Assert.True(disagreement.Succeeded, string.Join("; ", disagreement.Problems.Select(p => p.Message)));
        var question = await fixture.WithPortalServiceAsync<NoteEditor, EditResult>(e => e.AddOpenQuestionAsync(author, new AddOpenQuestionRequest(
            source, $"meeting:{StatementTestData.Meeting}", $"guide {marker}", $"No document says who wrote the guide {marker}.", [new(null, "paragraph 1")])));
        Assert.True(question.Succeeded, string.Join("; ", question.Problems.Select(p => p.Message)));

        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        var forms = new[] { PortalRoutes.NewStatement(source), PortalRoutes.NewDisagreement(source), PortalRoutes.NewOpenQuestion(source) };
        var drafts = new[]
        {
            PortalRoutes.StaffStatement(statement.CreatedKey!),
            PortalRoutes.StaffDisagreement(int.Parse(disagreement.CreatedKey!, CultureInfo.InvariantCulture)),
            PortalRoutes.StaffOpenQuestion(int.Parse(question.CreatedKey!, CultureInfo.InvariantCulture)),
        };
        foreach (var page in forms.Concat(drafts))
        {
            var document = await Html.GetOkAsync(staff, "/id" + page);
            // Features/Sources/FromDocument's DocumentSelect (the documents' titles, without lang="en" yet) is converted
            // on the sources' branch; the notes' own words around it are checked here.
            foreach (var select in document.QuerySelectorAll("select[name^=value-document-], select[name^=source-document-]").ToList())
            {
                select.Remove();
            }

            IndonesianPage.AssertIndonesian(document, "/id" + page);
        }

        var form = await Html.GetOkAsync(staff, "/id" + PortalRoutes.NewStatement(source));
        Assert.Equal("Tambahkan pernyataan dari dokumen ini", form.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", form.QuerySelector("#statement-text")!.GetAttribute("lang"));
        var draft = await Html.GetOkAsync(staff, "/id" + drafts[0]);
        Assert.Contains("Draf: hanya staf yang melihatnya", Html.MainText(draft), StringComparison.Ordinal);
        Assert.Equal("en", draft.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.All(draft.QuerySelectorAll("table.statement-split tbody td:nth-child(2)"), td => Assert.Equal("en", td.GetAttribute("lang")));
        var note = await Html.GetOkAsync(staff, "/id" + drafts[1]);
        Assert.Contains("Perbedaan antarsumber tentang", note.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var english = await Html.GetOkAsync(staff, PortalRoutes.NewStatement(source));
        Assert.Equal("Add a statement from this document", english.QuerySelector("h1")!.TextContent);

        // A refusal in the editor's language; the English one is unchanged.
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id");
            var review = await fixture.WithStatementEditorAsync(e => e.ReviewAsync(StatementTestData.Request(source, marker) with { MeetingSlug = null }));
            Assert.Equal("Pilih pertemuan asal pernyataan ini.", review.Problems.Single().Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        var englishReview = await fixture.WithStatementEditorAsync(e => e.ReviewAsync(StatementTestData.Request(source, marker) with { MeetingSlug = null }));
        Assert.Equal("Choose the meeting the statement comes from.", englishReview.Problems.Single().Message);
    }
}
