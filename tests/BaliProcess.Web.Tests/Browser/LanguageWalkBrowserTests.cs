using AngleSharp.Html.Parser;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Sources;
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

    private static readonly HtmlParser Parser = new();

    /// <summary>One address of every public page type (the lists the English page checks use).</summary>
    public static readonly string[] PublicPages =
        [.. CachingAndHeaderTests.PublicPageUrls.Concat(PublicPageChecks.MorePageUrls).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// One address of every staff page type that needs no draft to exist first, seen by an administrator; the forms
    /// that enter records from a document are opened on a document staff added and published (seeded ones have no
    /// staff page).
    /// </summary>
    public static string[] StaffPages(string source) =>
    [
        "/staff", $"/staff/work-plans/{Plan}", $"/staff/work-plans/{Plan}/items/4", "/staff/work-plans/new",
        "/staff/sources", "/staff/sources/new", $"/staff/sources/{source}",
        $"/staff/sources/{source}/statements/new", $"/staff/sources/{source}/meetings/new", $"/staff/sources/{source}/documents/new",
        $"/staff/sources/{source}/work-plans/new", $"/staff/sources/{source}/memberships/new", $"/staff/sources/{source}/mechanisms/new",
        $"/staff/sources/{source}/person-roles/new", $"/staff/sources/{source}/timeline-events/new",
        $"/staff/sources/{source}/disagreements/new", $"/staff/sources/{source}/open-questions/new",
        "/staff/corrections", Web.Components.PortalRoutes.NewCorrection(BaliProcess.Data.Model.RecordRevisionKinds.Participant, "palau"), "/admin/accounts", "/admin/activity", "/account/change-password", "/account/authenticator",
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
        var source = await PublishedStaffSourceAsync();
        var account = await StaffAccounts.CreateUserAsync(browser.Portal, PortalRoles.Administrator);
        var (context, page, _, _) = await browser.NewPageAsync(width: 320, height: 700);
        await using var _ = context;
        await StaffAccounts.SignInAsync(page, account.Email!, StaffAccounts.Password);
        var problems = new List<string>();
        foreach (var url in StaffPages(source))
        {
            await CheckAsync(page, PortalLanguage.In(PortalLanguage.Indonesian, url), problems, waitForEditors: true);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        AssertNoTextMissing();
    }

    /// <summary>A short pasted document, added by one Secretariat account and published by another.</summary>
    private async Task<string> PublishedStaffSourceAsync()
    {
        var uploader = await StaffAccounts.CreateUserAsync(browser.Portal, PortalRoles.Secretariat);
        var reviewer = await StaffAccounts.CreateUserAsync(browser.Portal, PortalRoles.Secretariat);
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<SourceDocumentEditor>();
        var added = await editor.AddAsync(await StaffAccounts.PrincipalAsync(browser.Portal, uploader.Id), new AddSourceRequest(
            $"Bali {Guid.NewGuid():N}", "Co-Chairs of the Bali Process", "2024-04", "https://www.baliprocess.net/example.pdf", null, null, null,
            "Members of the Bali Process\nThe Regional Support Office was launched in Bangkok.\n"));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var published = await editor.PublishAsync(await StaffAccounts.PrincipalAsync(browser.Portal, reviewer.Id), added.CreatedKey!);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems.Select(p => p.Message)));
        return added.CreatedKey!;
    }

    private static async Task CheckAsync(IPage page, string url, List<string> problems, bool waitForEditors)
    {
        var response = await page.GotoAsync(url);
        if (waitForEditors)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // Only the one page type that is a "not found" page may answer 404: a staff form that answers 404 was not walked.
        if (response?.Status is not 200 && !(response?.Status == 404 && url.Contains("no-such-page", StringComparison.Ordinal)))
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
            var wide = await page.EvaluateAsync<string[]>(
                @"() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                    .slice(0, 4)
                    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''))");
            problems.Add($"{url}: {widths[0]} px wide at 320 px ({string.Join("; ", wide)})");
            await BrowserFixture.PhotographAsync(page, "id-too-wide-" + string.Concat(url.Where(char.IsLetterOrDigit)), fullPage: true);
        }
    }

    private void AssertNoTextMissing()
    {
        var missing = browser.Portal.Services.GetRequiredService<MissingTexts>().All;
        Assert.True(missing.Count == 0, "Texts asked for that no resource holds:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }
}
