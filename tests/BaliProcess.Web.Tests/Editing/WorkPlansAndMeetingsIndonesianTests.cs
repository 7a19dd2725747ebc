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
        IndonesianPage.AssertIndonesian(meetings, "/id/meetings");
        Assert.Equal("Pertemuan", meetings.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Semua jenis pertemuan", meetings.QuerySelector("select[name=kind]")!.TextContent, StringComparison.Ordinal);

        var meeting = await Html.GetOkAsync(client, "/id/meetings/eighth-ministerial-conference-2023");
        IndonesianPage.AssertIndonesian(WithoutOtherFoldersParts(meeting), "/id/meetings/eighth-ministerial-conference-2023");
        Assert.Equal("en", meeting.QuerySelector("main h1")!.GetAttribute("lang"));
        Assert.Contains("sebagaimana tercantum dalam dokumen", Html.MainText(meeting), StringComparison.Ordinal);
        Assert.Contains("Kehadiran", Html.MainText(meeting), StringComparison.Ordinal);

        var plans = await Html.GetOkAsync(client, "/id/work-plans");
        IndonesianPage.AssertIndonesian(plans, "/id/work-plans");
        Assert.Equal("Rencana kerja", plans.QuerySelector("main h1")!.TextContent.Trim());

        var plan = await Html.GetOkAsync(client, "/id" + Plan);
        IndonesianPage.AssertIndonesian(WithoutOtherFoldersParts(plan), "/id" + Plan);
        Assert.Contains("Butir 7", Html.MainText(plan), StringComparison.Ordinal);
        Assert.EndsWith(" butir.", plan.QuerySelector("p[role=status]")!.TextContent.Trim(), StringComparison.Ordinal);
        var filtered = await Html.GetOkAsync(client, "/id" + Plan + "?status=ongoing");
        Assert.Contains("butir rencana ini berstatus “Sedang berjalan”", filtered.QuerySelector("p[role=status]")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var item = await Html.GetOkAsync(client, "/id" + Plan + "/items/7");
        IndonesianPage.AssertIndonesian(WithoutOtherFoldersParts(item), "/id" + Plan + "/items/7");
        var english = await Html.GetOkAsync(client, Plan + "/items/7");
        Assert.StartsWith("Butir 7", item.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Item 7", english.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // The item's text is the work plan's own, word for word in both languages, and marked as English.
        var text = (await fixture.ItemAsync(EditingFixture.Plan, "7")).Text;
        Assert.Contains(item.QuerySelectorAll("main p[lang=en]"), p => p.TextContent == text);
        Assert.Contains(english.QuerySelectorAll("main p[lang=en]"), p => p.TextContent == text);
        Assert.Contains("sebagaimana tercatat dalam", Html.MainText(item), StringComparison.Ordinal);
    }

    /// <summary>
    /// Sets aside the parts of a page that other folders write and convert (the staff bar of the accounts pages,
    /// the history link of the changes pages, the people lines of the people pages), so that this checks the
    /// meetings' and work plans' own words.
    /// </summary>
    private static AngleSharp.Dom.IDocument WithoutOtherFoldersParts(AngleSharp.Dom.IDocument page)
    {
        foreach (var e in page.QuerySelectorAll("nav.staff-bar, p.history-link, ul.people").ToList())
        {
            e.Remove();
        }

        return page;
    }

    [Fact]
    public async Task The_staff_work_plan_pages_are_Indonesian_under_id()
    {
        var (_, editor) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using (editor)
        {
            foreach (var url in new[] { "/id/staff", "/id/staff/work-plans/new", "/id/staff" + Plan, "/id/staff" + Plan + "/items/7" })
            {
                // The staff layout around the page (its menu and account line) is the accounts pages' part:
                // this checks the work-plan page itself, its title and the <html lang>.
                var page = await Html.GetOkAsync(editor, url);
                WithoutOtherFoldersParts(page);
                IndonesianPage.AssertIndonesian(page, url);
            }

            var item = await Html.GetOkAsync(editor, "/id/staff" + Plan + "/items/7");
            // The editor itself is an island that is not prerendered (EditorIsland.Live): its words are checked in
            // StatusChangeFormTests; the static page around it is checked here.
            Assert.Contains("Koreksi catatan ini", Html.MainText(item), StringComparison.Ordinal);
            Assert.Equal("Butir 7", item.QuerySelector("main h1")!.TextContent.Trim());
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
