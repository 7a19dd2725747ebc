using AngleSharp.Html.Parser;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Infrastructure.Languages;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Languages;
using BaliProcess.Web.Tests.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>
/// Issue 22's walk: every public and staff page type in Indonesian, in Chromium at 320 px. Each page must hold no
/// English interface word outside the documents' own words (lang="en"), link only to Indonesian pages, fit the
/// phone's width with the longer Indonesian words, and ask for no text that has none. Staff pages are read after
/// their live parts have connected, so the editor's connection is Indonesian too. All problems of a walk are
/// reported together, so one run lists what is left.
/// </summary>
[Collection(PhoneBrowserCollection.Name)]
public sealed class LanguageWalkBrowserTests(BrowserFixture browser)
{
    private const string Plan = "tip-working-group-forward-work-plan-2015-17";
    private const string Source = "004-twenty-years-of-the-bali-process";

    private static readonly HtmlParser Parser = new();

    /// <summary>One address of every public page type (the lists the English page checks use).</summary>
    public static readonly string[] PublicPages =
        [.. CachingAndHeaderTests.PublicPageUrls.Concat(PublicPageChecks.MorePageUrls).Distinct(StringComparer.Ordinal)];

    /// <summary>One address of every staff page type that needs no draft to exist first, seen by an administrator.</summary>
    public static readonly string[] StaffPages =
    [
        "/staff", $"/staff/work-plans/{Plan}", $"/staff/work-plans/{Plan}/items/4", "/staff/work-plans/new",
        "/staff/sources", "/staff/sources/new", $"/staff/sources/{Source}",
        $"/staff/sources/{Source}/statements/new", $"/staff/sources/{Source}/meetings/new", $"/staff/sources/{Source}/documents/new",
        $"/staff/sources/{Source}/work-plans/new", $"/staff/sources/{Source}/memberships/new", $"/staff/sources/{Source}/mechanisms/new",
        $"/staff/sources/{Source}/person-roles/new", $"/staff/sources/{Source}/timeline-events/new",
        $"/staff/sources/{Source}/disagreements/new", $"/staff/sources/{Source}/open-questions/new",
        "/staff/corrections", "/admin/accounts", "/admin/activity", "/account/change-password", "/account/authenticator",
    ];

    [Fact]
    public async Task Every_public_page_type_reads_in_Indonesian_and_fits_a_phone()
    {
        var (context, page, _, _) = await browser.NewPageAsync(width: 320, height: 700);
        await using var _ = context;
        var problems = new List<string>();
        foreach (var url in PublicPages.Append("/account/sign-in"))
        {
            await CheckAsync(page, PortalLanguage.In(PortalLanguage.Indonesian, url), problems, waitForEditors: false);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        AssertNoTextMissing();
    }

    [Fact]
    public async Task Every_staff_page_type_reads_in_Indonesian_and_fits_a_phone()
    {
        var account = await StaffAccounts.CreateUserAsync(browser.Portal, PortalRoles.Administrator);
        var (context, page, _, _) = await browser.NewPageAsync(width: 320, height: 700);
        await using var _ = context;
        await StaffAccounts.SignInAsync(page, account.Email!, StaffAccounts.Password);
        var problems = new List<string>();
        foreach (var url in StaffPages)
        {
            await CheckAsync(page, PortalLanguage.In(PortalLanguage.Indonesian, url), problems, waitForEditors: true);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        AssertNoTextMissing();
    }

    private static async Task CheckAsync(IPage page, string url, List<string> problems, bool waitForEditors)
    {
        var response = await page.GotoAsync(url);
        if (waitForEditors)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        if (response?.Status is not (200 or 404))
        {
            problems.Add($"{url}: answered {response?.Status}");
            return;
        }

        var document = await Parser.ParseDocumentAsync(await page.ContentAsync());
        if (document.DocumentElement.GetAttribute("lang") != PortalLanguage.Indonesian)
        {
            problems.Add($"{url}: <html lang=\"{document.DocumentElement.GetAttribute("lang")}\">");
        }

        problems.AddRange(IndonesianPage.EnglishWordsLeft(document).Select(w => $"{url}: English word {w}"));
        problems.AddRange(IndonesianPage.LinksLeavingTheLanguage(document).Select(l => $"{url}: link to the English page {l}"));
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1])
        {
            problems.Add($"{url}: {widths[0]} px wide at 320 px");
            await BrowserFixture.PhotographAsync(page, "id-too-wide-" + string.Concat(url.Where(char.IsLetterOrDigit)), fullPage: true);
        }
    }

    private void AssertNoTextMissing()
    {
        var missing = browser.Portal.Services.GetRequiredService<MissingTexts>().All;
        Assert.True(missing.Count == 0, "Texts asked for that no resource holds:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }
}
