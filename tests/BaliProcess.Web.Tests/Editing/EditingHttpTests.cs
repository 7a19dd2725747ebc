using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Tests.Editing;

/// <summary>What the public sees of the edits (static pages, /changes, Atom) and how the staff pages refuse over HTTP.</summary>
[Collection(EditingCollection.Name)]
public sealed class EditingHttpTests(EditingFixture fixture)
{
    private const string ItemSeven = "/work-plans/tip-working-group-forward-work-plan-2015-17/items/7";

    [Fact]
    public async Task The_item_page_shows_its_status_the_paragraphs_that_asked_for_it_and_its_history_without_script()
    {
        using var client = fixture.Portal.CreateClient();
        var response = await client.GetAsync(new Uri(ItemSeven, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("For action", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var askedFor = document.QuerySelectorAll("ul.asked-for a[href^='/statements/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/statements/following-the-money-forum-2016-co-chairs-statement#p-2a", askedFor);
        Assert.Equal(6, askedFor.Count);
        var first = Html.MainText(document);
        Assert.Contains("2016: For action, as recorded in", first, StringComparison.Ordinal);
        Assert.DoesNotContain("by seed data", first, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("a[href^='/staff']"));

        var (status, _) = await Html.GetAsync(client, "/work-plans/tip-working-group-forward-work-plan-2015-17/items/99");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_statement_paragraph_shows_the_items_that_answer_it()
    {
        using var client = fixture.Portal.CreateClient();
        var document = await Html.GetOkAsync(client, "/statements/following-the-money-forum-2016-co-chairs-statement");
        var answered = document.QuerySelector("#p-2a .answered-by a");
        Assert.NotNull(answered);
        Assert.Equal(ItemSeven, answered!.GetAttribute("href"));
        Assert.Null(document.QuerySelector("#p-6 .answered-by"));
    }

    [Fact]
    public async Task A_change_shows_at_once_on_the_item_page_the_work_plan_page_changes_and_both_feeds()
    {
        var (_, principal) = await fixture.SecretariatAsync("Feed Editor");
        var (slug, items) = await fixture.NewPlanAsync(principal, "Feed plan", 1);
        var note = $"Training module delivered ({Guid.NewGuid():N})";
        var result = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(items[0].Id, items[0].Version, ActionItemStatus.Complete, note, new DateOnly(2018, 3, 1))));
        Assert.True(result.Succeeded);
        using var client = fixture.Portal.CreateClient();

        var itemPage = Html.MainText(await Html.GetOkAsync(client, $"/work-plans/{slug}/items/1"));
        Assert.Contains(note, itemPage, StringComparison.Ordinal);
        Assert.Contains("1 March 2018: For action → Complete, by Feed Editor", itemPage, StringComparison.Ordinal);
        Assert.Contains("Last change:", Html.MainText(await Html.GetOkAsync(client, $"/work-plans/{slug}")), StringComparison.Ordinal);

        var changes = await Html.GetOkAsync(client, "/changes");
        Assert.Contains(note, Html.MainText(changes), StringComparison.Ordinal);
        // No script that runs: the JSON-LD data block is all (browsers never execute it).
        Assert.Empty(changes.QuerySelectorAll("script:not([type='application/ld+json'])"));

        foreach (var feedUrl in new[] { "/changes.atom", $"/work-plans/{slug}/changes.atom" })
        {
            var response = await client.GetAsync(new Uri(feedUrl, UriKind.Relative));
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(), new XmlReaderSettings { Async = true });
            var feed = SyndicationFeed.Load(reader);
            var entry = Assert.Single(feed.Items, i => ((TextSyndicationContent)i.Content).Text.Contains(note, StringComparison.Ordinal));
            Assert.Contains("Complete", entry.Title.Text, StringComparison.Ordinal);
            Assert.EndsWith($"/work-plans/{slug}/items/1", entry.Links[0].Uri.ToString(), StringComparison.Ordinal);
            Assert.Equal("Feed Editor", entry.Authors[0].Name);

            // Validators, so a feed reader polling it gets 304 and no body while nothing changed.
            var etag = response.Headers.ETag;
            var lastModified = response.Content.Headers.LastModified;
            Assert.NotNull(etag);
            Assert.NotNull(lastModified);
            Assert.Equal(feed.Items.Max(i => i.LastUpdatedTime).ToUnixTimeSeconds(), lastModified.Value.ToUnixTimeSeconds());
            using var byTag = new HttpRequestMessage(HttpMethod.Get, new Uri(feedUrl, UriKind.Relative));
            byTag.Headers.IfNoneMatch.Add(etag);
            var notModified = await client.SendAsync(byTag);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            using var byDate = new HttpRequestMessage(HttpMethod.Get, new Uri(feedUrl, UriKind.Relative));
            byDate.Headers.IfModifiedSince = lastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);
            using var otherTag = new HttpRequestMessage(HttpMethod.Get, new Uri(feedUrl, UriKind.Relative));
            otherTag.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"other\""));
            otherTag.Headers.IfModifiedSince = lastModified;
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(otherTag)).StatusCode);
        }

        // The plan's page links its own feed, for feed readers and for people.
        var planPage = await Html.GetOkAsync(client, $"/work-plans/{slug}");
        Assert.NotNull(planPage.QuerySelector($"link[rel=alternate][type='application/atom+xml'][href='/work-plans/{slug}/changes.atom']"));
        Assert.NotNull(planPage.QuerySelector($"main a[href='/work-plans/{slug}/changes.atom']"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/work-plans/no-such-plan/changes.atom", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Changes_can_be_filtered_by_working_group_and_date_and_bad_filters_are_explained()
    {
        var (_, principal) = await fixture.SecretariatAsync("Filter Editor");
        var (_, items) = await fixture.NewPlanAsync(principal, "Filter plan", 1);
        var note = $"Filtered change {Guid.NewGuid():N}";
        Assert.True((await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(items[0].Id, items[0].Version, ActionItemStatus.Ongoing, note, new DateOnly(2018, 3, 1))))).Succeeded);
        using var client = fixture.Portal.CreateClient();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        async Task<string> Changes(string query) => Html.MainText(await Html.GetOkAsync(client, "/changes?" + query));

        Assert.Contains(note, await Changes("group=working-group-trafficking-in-persons"), StringComparison.Ordinal);
        Assert.Contains(note, await Changes($"from={today}&to={today}"), StringComparison.Ordinal);
        Assert.DoesNotContain(note, await Changes("to=2020-01-01"), StringComparison.Ordinal);
        Assert.DoesNotContain(note, await Changes($"from={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}"), StringComparison.Ordinal);

        var bad = await Changes("from=31%2F12%2F2020&group=no-such-group");
        Assert.Contains("is not a date of the form YYYY-MM-DD", bad, StringComparison.Ordinal);
        Assert.Contains("That working group has no work plan here", bad, StringComparison.Ordinal);
        Assert.Contains(note, bad, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff", false)]
    [InlineData("/staff/work-plans/new", true)]
    [InlineData("/staff/work-plans/tip-working-group-forward-work-plan-2015-17", true)]
    [InlineData("/staff/work-plans/tip-working-group-forward-work-plan-2015-17/items/7", true)]
    public async Task Staff_pages_send_anonymous_visitors_to_sign_in_and_refuse_an_account_without_an_editing_role(string url, bool hasIsland)
    {
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AccountsSetup.SignInPath, response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var anonymousHtml = await response.Content.ReadAsStringAsync();

        // What the page shows an editor: its heading, and on pages with a live part (an island) the marker
        // from which Blazor's script starts it.
        string heading;
        var (_, editor) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using (editor)
        {
            var page = await editor.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            heading = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("main h1")?.TextContent.Trim() ?? "";
            Assert.NotEqual("", heading);

            // Pages with a live part (an island) load Blazor's script; the list of work plans is static HTML.
            if (hasIsland)
            {
                Assert.Contains("_framework/blazor.web.js", html, StringComparison.Ordinal);
                Assert.Contains(IslandMarker, html, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("<script", html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            }
        }

        // Neither an anonymous visitor nor an account without an editing role gets any of it.
        Assert.DoesNotContain(heading, anonymousHtml, StringComparison.Ordinal);
        var noRole = await StaffAccounts.CreateUserAsync(fixture.Portal, "");
        using var wrongRole = await StaffAccounts.SignedInClientAsync(fixture.Portal, noRole.Email!);
        var refused = await wrongRole.GetAsync(new Uri(url, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain(heading, refusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(IslandMarker, refusedHtml, StringComparison.Ordinal);
    }

    /// <summary>Where a page's interactive part is rendered: Blazor's comment that its script starts the island from.</summary>
    private const string IslandMarker = "<!--Blazor:{";

    [Theory]
    [InlineData("anonymous", "none")]
    [InlineData("secretariat", "none")]
    [InlineData("secretariat", "wrong")]
    [InlineData("no role", "right")]
    public async Task A_direct_POST_to_a_staff_page_is_refused_and_writes_nothing(string caller, string token)
    {
        HttpClient client = caller switch
        {
            "anonymous" => StaffAccounts.NewClient(fixture.Portal),
            "secretariat" => (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client,
            _ => await StaffAccounts.SignedInClientAsync(fixture.Portal, (await StaffAccounts.CreateUserAsync(fixture.Portal, "")).Email!),
        };
        using var _ = client;
        await using var db = fixture.Portal.Database.CreateContext();
        var historyBefore = await db.ActionItemStatusChanges.CountAsync();
        var itemsBefore = await db.ActionItems.CountAsync();
        var fields = new Dictionary<string, string> { ["status"] = "Complete", ["note"] = "Posted by hand", ["_handler"] = "status" };
        if (token != "none")
        {
            // A token from a page this client may open (the sign-in page), or a made-up one.
            fields["__RequestVerificationToken"] = token == "wrong" ? "CfDJ8-not-a-token" : await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        }

        var response = await client.PostAsync(new Uri("/staff/work-plans/tip-working-group-forward-work-plan-2015-17/items/7", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True((int)response.StatusCode is 302 or 400 or 403 or 404 or 405, $"answered {(int)response.StatusCode}");
        await using var check = fixture.Portal.Database.CreateContext();
        Assert.Equal(historyBefore, await check.ActionItemStatusChanges.CountAsync());
        Assert.Equal(itemsBefore, await check.ActionItems.CountAsync());
    }
}
