using System.Globalization;
using AngleSharp.Html.Parser;
using BaliProcess.Data.Corrections;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using BaliProcess.Web.Features.Corrections;
using BaliProcess.Web.Features.Documents.Adding;
using BaliProcess.Web.Features.Meetings.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Features.WorkPlans.FromDocument;
using BaliProcess.Web.Tests.Meetings;
using BaliProcess.Web.Tests.Sources;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The staff editors' refusals of a control character (StaffText, with the field's name) and the correction value
/// checks of the Data project (ValueProblem), in Indonesian for an Indonesian editor, with no English interface word
/// left; in English exactly as before.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class StaffMessagesInIndonesianTests(SourcesFixture fixture)
{

    private static Task<string>? source;

    public static TheoryData<string, string> Cases => new()
    {
        { "meeting list", Refused("list of hosts", 5) },
        { "work plan title", Refused("title", 2) },
        { "outcome quote", Refused("quote 1", 2) },
        { "outcome quote place", Refused("place of the quote 1", 5) },
        { "status note", Refused("note", 2) },
        { "correction reason", Refused("reason", 3) },
        { "correction title", Refused("title", 2) },
        { "correction date", "Write the date as precisely as the document gives it: 2017, 2017-05 or 2017-05-25 (from 1990)." },
        { "correction period", "Write the period as the plan gives it: 2015–17 or 2015–2017." },
        { "correction length", "The summary has more than 20,000 characters." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_refusal_speaks_Indonesian_and_stays_English_in_English(string refusal, string english)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        string indonesian;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id");
            indonesian = await RefusalAsync(refusal);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }

        Assert.Equal(english, await RefusalAsync(refusal));
        Assert.NotEqual(english, indonesian);
        var page = new HtmlParser().ParseDocument($"<html lang=\"id\"><body><p>{System.Net.WebUtility.HtmlEncode(indonesian)}</p></body></html>");
        var left = IndonesianPage.EnglishWordsLeft(page);
        Assert.True(left.Count == 0, $"{refusal}: “{indonesian}” holds English: {string.Join("; ", left)}");
    }

    [Fact]
    public async Task The_correction_forms_hints_mark_the_values_to_type_as_English()
    {
        await using var db = fixture.Portal.Database.CreateContext();
        var line = await db.MeetingAttendance.Include(a => a.Meeting).OrderBy(a => a.Id).FirstAsync();
        var membership = await db.Memberships.Include(m => m.Participant).OrderBy(m => m.Id).FirstAsync();
        var outcome = await db.OutcomeDocuments.OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync();
        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        foreach (var (kind, key, values) in new[]
        {
            (RecordRevisionKinds.AttendanceLine, CorrectableRecords.AttendanceKey(line), Enum.GetNames<AttendanceRole>()),
            (RecordRevisionKinds.Membership, CorrectableRecords.MembershipKey(membership), Enum.GetNames<MembershipStatus>()),
            (RecordRevisionKinds.Document, outcome, Enum.GetNames<OutcomeAction>()),
        })
        {
            var url = "/id" + PortalRoutes.NewCorrection(kind, key);
            var page = await Html.GetOkAsync(staff, url);
            var hints = page.QuerySelectorAll(".hint").ToList();
            Assert.Contains(hints, h => h.QuerySelectorAll("span[lang=en]").Select(s => s.TextContent).SequenceEqual(values));
            var english = IndonesianPage.EnglishWordsLeft(page).Where(w => !w.Contains("in <title>", StringComparison.Ordinal)).ToList();
            Assert.True(hints.All(h => IndonesianPage.EnglishWordsLeft(new HtmlParser().ParseDocument($"<html><body>{h.OuterHtml}</body></html>")).Count == 0), $"{url}: {string.Join("; ", english)}");
        }

        var inEnglish = await Html.GetOkAsync(staff, PortalRoutes.NewCorrection(RecordRevisionKinds.Membership, CorrectableRecords.MembershipKey(membership)));
        Assert.Contains(inEnglish.QuerySelectorAll(".hint"), h => h.TextContent == "Member or Observer.");
    }

    private async Task<string> RefusalAsync(string refusal)
    {
        var (_, user) = await fixture.SecretariatAsync("Message checker");
        Task<string> Correction(string kind, string key, string field, string? value, string reason = "Checked against the document.") =>
            Message(fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.DraftAsync(user, new CorrectionRequest(
                kind, key, CorrectionAction.Correct, new Dictionary<string, string?> { [field] = value }, new Dictionary<string, string?>(), reason))), reason.Contains('\v') ? "reason" : field);
        var document = refusal is "meeting list" or "work plan title" or "outcome quote" or "outcome quote place" ? await SourceAsync() : "";
        return refusal switch
        {
            "meeting list" => await Message(fixture.WithPortalServiceAsync<MeetingEditor, MeetingCheck>(e => e.CheckAsync(new AddMeetingRequest(
                document, nameof(MeetingKind.Symposium), null, "A meeting", "2015", null, null, null, null, null, "paragraph 1", [],
                [new(AttendanceRole.Host, "Indo\vnesia", "paragraph 1")]))).ContinueWith(t => t.Result.Problems, TaskScheduler.Default), "attendance"),
            "work plan title" => await Message(fixture.WithPortalServiceAsync<WorkPlanFromDocumentEditor, WorkPlanCheck>(e => e.CheckAsync(new AddWorkPlanRequest(
                document, "A\vplan", null, "2017–19", null, null, null, "paragraph 1", "1. An item", "paragraph 2", "NotStated", []))).ContinueWith(t => t.Result.Problems, TaskScheduler.Default), "title"),
            "outcome quote" or "outcome quote place" => await Message(fixture.WithPortalServiceAsync<OutcomeDocumentEditor, OutcomeDocumentCheck>(e => e.CheckAsync(new AddOutcomeDocumentRequest(
                document, nameof(OutcomeDocumentKind.Report), "A report", false, null, "", "2017", "", [], "", "paragraph 1",
                [refusal == "outcome quote" ? new("a\vquote", "paragraph 1") : new("a quote", "para\vgraph 1")]))).ContinueWith(t => t.Result.Problems, TaskScheduler.Default), "quotes"),
            "status note" => StatusChangeRules.Check(new StatusChangeRequest(1, 0, ActionItemStatus.Complete, "a\vnote", new DateOnly(2020, 1, 1)), ActionItemStatus.Ongoing, new DateOnly(2030, 1, 1))
                .First(p => p.Field == "note").Message,
            "correction reason" => await Correction(RecordRevisionKinds.Meeting, Meeting, "start", "2017", reason: "Ch\vecked."),
            "correction title" => await Correction(RecordRevisionKinds.Meeting, Meeting, "title", "A\vtitle"),
            "correction date" => await Correction(RecordRevisionKinds.Meeting, Meeting, "start", "May 2017"),
            "correction period" => await Correction(RecordRevisionKinds.WorkPlan, "tip-working-group-forward-work-plan-2015-17", "period", "soon"),
            "correction length" => await Correction(RecordRevisionKinds.Meeting, Meeting, "summary", new string('x', 20_001)),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };
    }

    private static string Refused(string field, int at) => string.Create(CultureInfo.InvariantCulture,
        $"The {field} contains an invisible control character (U+000B) at character {at}, which cannot be stored; it usually comes from pasting. Remove it (retype the text around it) and save again.");

    private const string Meeting = "ad-hoc-group-senior-officials-meeting-9";

    private static async Task<string> Message(Task<IReadOnlyList<FieldProblem>> problems, string field) =>
        (await problems).First(p => p.Field == field).Message;

    private static Task<string> Message(Task<EditResult> result, string field) =>
        Message(result.ContinueWith(t => t.Result.Problems, TaskScheduler.Default), field);

    /// <summary>One published source document for the editors that check against one (made once for the class's cases).</summary>
    private Task<string> SourceAsync() => source ??= MeetingTestData.SourceAsync(fixture, Guid.NewGuid().ToString("N"));
}
