using AngleSharp.Html.Parser;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Documents;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Meetings;
using BaliProcess.Web.Tests.Sources;
using BaliProcess.Web.Tests.Statements;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The forms that add a meeting, a statement, a work plan or a published document from a document, after "Check"
/// (what the portal read from the document, for review) under "/id" (decision 0042): no English interface word left,
/// the document's words marked English. The forms before "Check" are MeetingAndWorkPlanFormsInIndonesianTests' and
/// StaffSourcesAndDocumentsInIndonesianTests'.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class FromDocumentReviewInIndonesianTests(SourcesFixture fixture)
{
    [Fact]
    public async Task Each_from_document_form_reviews_what_it_read_in_Indonesian()
    {
        var marker = Guid.NewGuid().ToString("N");
        var meetingSource = await MeetingTestData.SourceAsync(fixture, marker);
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var plan = OutcomesAndWorkPlansTests.PlanRequest(source, $"plan-{marker}");
        var doc = OutcomesAndWorkPlansTests.DocRequest(source, $"doc-{marker}");
        var forms = new (string Url, string Form, IEnumerable<KeyValuePair<string, string>> Fields, string Review)[]
        {
            (PortalRoutes.NewMeeting(meetingSource), "add-meeting", MeetingHttpTests.Details(marker, "check"), "#names"),
            ($"/staff/sources/{source}/statements/new", "add-statement", StatementHttpTests.Details(marker, "review"), "table.statement-split"),
            (PortalRoutes.NewWorkPlanFromDocument(source), "add-work-plan",
            [
                new("Input.Step", "check"), new("Input.Title", plan.Title!), new("Input.Slug", plan.Slug!), new("Input.Period", plan.Period!),
                new("Input.Mechanism", plan.Mechanism!), new("Input.Locations", plan.Locations!), new("Input.Status", plan.Status!),
                new("Input.ItemsText", plan.ItemsText!), new("Input.ItemsLocation", plan.ItemsLocation!),
            ], "#items"),
            ($"/staff/sources/{source}/documents/new", "add-outcome-document",
            [
                new("Input.Step", "check"), new("Input.Kind", doc.Kind!), new("Input.Title", doc.Title!), new("Input.Slug", doc.Slug!),
                new("Input.Date", doc.Date!), new("mentionedAt", doc.MentionedAtMeetings[0]), new("Input.MentionedIn", doc.MentionedIn!),
                new("Input.Locations", doc.Locations!), new("quote-0", doc.Quotes[0].Text!), new("quote-location-0", doc.Quotes[0].Location!),
            ], "#preview"),
        };

        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        foreach (var (page, formName, fields, review) in forms)
        {
            var url = "/id" + page;
            var response = await StaffAccounts.PostFormAsync(staff, url, formName, fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            var document = await new HtmlParser().ParseDocumentAsync(html);
            Assert.True(document.QuerySelector(review) is not null, $"{url}: no review ({review}) after Check:\n{Html.MainText(document)[..Math.Min(2000, Html.MainText(document).Length)]}");
            IndonesianPage.AssertIndonesian(document, url);
        }
    }
}
