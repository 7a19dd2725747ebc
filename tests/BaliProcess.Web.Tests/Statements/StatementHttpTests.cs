using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Statements;

/// <summary>
/// A statement from a staff-added document over HTTP, as a browser without script sends it (decision 0024): the form
/// prefilled with the document's text, the split shown for review with theme suggestions, the draft nobody outside
/// sees, the second person who publishes it, and every refused request writing nothing.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class StatementHttpTests(SourcesFixture fixture)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Posts a page's form named <paramref name="formName"/>: its hidden fields (token unless left out) and the given pairs (names may repeat).</summary>
    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string url, IHtmlDocument page, string formName, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null);
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => withToken || i.Name != "__RequestVerificationToken")
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .Concat(fields).ToList();
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    internal static List<KeyValuePair<string, string>> Details(string marker, string step) =>
    [
        new("Input.Meeting", StatementTestData.Meeting),
        new("Input.Kind", nameof(StatementKind.CoChairsStatement)),
        new("Input.Title", $"Co-Chairs’ Statement {marker}"),
        new("Input.Date", "2017-05"),
        new("Input.Text", StatementTestData.Trimmed(marker).Replace("\n", "\r\n", StringComparison.Ordinal)), // as a browser sends a text box
        new("Input.Step", step),
    ];

    [Fact]
    public async Task From_the_document_to_a_reviewed_draft_nobody_outside_sees_then_a_second_user_publishes_it_everywhere()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var (_, author) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _a = author;

        // The document's staff page offers it; the form starts from the document's text.
        var sourcePage = await Html.GetOkAsync(author, $"/staff/sources/{source}");
        var newUrl = $"/staff/sources/{source}/statements/new";
        Assert.NotNull(sourcePage.QuerySelector($"a[href='{newUrl}']"));
        var form = (IHtmlDocument)await Html.GetOkAsync(author, newUrl);
        Assert.Contains(marker, form.QuerySelector("#statement-text")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector($"#statement-meeting option[value='{StatementTestData.Meeting}']"));
        Assert.Null(form.QuerySelector("table.statement-split"));

        // "Show the split": the paragraphs as the portal read them, with themes to tick, none ticked; nothing written.
        var before = await StatementTestData.StoredAsync(fixture);
        var reviewResponse = await PostAsync(author, newUrl, form, "add-statement", Details(marker, "review"));
        Assert.Equal(HttpStatusCode.OK, reviewResponse.StatusCode);
        var review = await Parser.ParseDocumentAsync(await reviewResponse.Content.ReadAsStringAsync());
        var rows = review.QuerySelectorAll("table.statement-split tbody tr");
        Assert.Equal(18, rows.Length);
        // Each row's label and place are as the portal read them, in fields the reviewer may correct.
        Assert.Equal("10d", ((IHtmlInputElement)rows[13].QuerySelector("th input[name^=label-]")!).Value);
        Assert.Equal("paragraph 10 (unnumbered in the document), bullet 4 (unlettered in the document)", ((IHtmlInputElement)rows[13].QuerySelector("input[name^=location-]")!).Value);
        var boxes = review.QuerySelectorAll("input[type=checkbox][name=theme]").OfType<IHtmlInputElement>().ToList();
        Assert.NotEmpty(boxes);
        Assert.DoesNotContain(boxes, b => b.IsChecked);
        Assert.Contains(boxes, b => b.Value == "10d|follow-the-money");
        Assert.Equal(before, await StatementTestData.StoredAsync(fixture));

        // "Save as a draft" with two themes ticked: 303 to the draft's page.
        var saved = await PostAsync(author, newUrl, review, "add-statement",
            [.. Details(marker, "save"), new("theme", "10d|follow-the-money"), new("theme", "10b|capacity-building")]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var staffUrl = saved.Headers.Location!.OriginalString;
        Assert.Matches($"^/staff/statements/{StatementTestData.Meeting}-co-chairs-statement-[0-9]+\\?done=added$", staffUrl);
        var slug = staffUrl["/staff/statements/".Length..staffUrl.IndexOf('?', StringComparison.Ordinal)];
        var draftPage = (IHtmlDocument)await Html.GetOkAsync(author, staffUrl);
        Assert.Contains("Added as a draft", Html.MainText(draftPage), StringComparison.Ordinal);
        Assert.Contains("Follow the money", draftPage.QuerySelectorAll("table.statement-split tbody tr")[13].TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(slug, string.Concat((await Html.GetOkAsync(author, $"/staff/sources/{source}")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href"))), StringComparison.Ordinal);

        using var anonymous = fixture.Portal.CreateClient();
        await AssertNotPublicAsync(anonymous, slug, marker);

        // The author's own publish is refused; it stays a draft.
        var own = await PostAsync(author, $"/staff/statements/{slug}", draftPage, "publish-statement", []);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("another Secretariat user or an Administrator publishes it", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNotPublicAsync(anonymous, slug, marker);

        // A second user publishes it: on its page, the meeting's page, the API, the theme's CSV, the sitemap and search at once.
        var (_, reviewer) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _r = reviewer;
        var reviewerPage = (IHtmlDocument)await Html.GetOkAsync(reviewer, $"/staff/statements/{slug}");
        var published = await PostAsync(reviewer, $"/staff/statements/{slug}", reviewerPage, "publish-statement", []);
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        Assert.Contains("Published", Html.MainText(await Html.GetOkAsync(reviewer, published.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        var page = await Html.GetOkAsync(anonymous, $"/statements/{slug}");
        Assert.Equal($"Co-Chairs’ Statement {marker}", page.QuerySelector("main h1")!.TextContent.Trim());
        var text = Html.MainText(page);
        Assert.Contains(marker, text, StringComparison.Ordinal);
        Assert.Contains("continuing to build Bali Process members’ capacity to use ‘follow the money’ tools", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[id='p-10d']"));
        // Each paragraph cites the document (its title, linked to its public page) and its place in it.
        Assert.NotNull(page.QuerySelector($"main a[href='/sources/{source}']"));
        Assert.Contains("paragraph 10 (unnumbered in the document), bullet 4 (unlettered in the document)", text, StringComparison.Ordinal);
        Assert.Contains($"/statements/{slug}", await anonymous.GetStringAsync(new Uri($"/meetings/{StatementTestData.Meeting}", UriKind.Relative)), StringComparison.Ordinal);
        var api = await anonymous.GetStringAsync(new Uri($"/api/v1/statements/{slug}", UriKind.Relative));
        Assert.Contains(marker, api, StringComparison.Ordinal);
        Assert.Contains(slug, await anonymous.GetStringAsync(new Uri("/api/v1/statements?pageSize=100", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(slug, await anonymous.GetStringAsync(new Uri("/download/themes/follow-the-money/paragraphs.csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($"/statements/{slug}<", await anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        var search = await Html.GetOkAsync(anonymous, $"/search?q={marker}");
        Assert.NotNull(search.QuerySelector($"main a[href^='/statements/{slug}']"));
        Assert.Contains(slug, await anonymous.GetStringAsync(new Uri($"/api/v1/search?q={marker}", UriKind.Relative)), StringComparison.Ordinal);
    }

    private static async Task AssertNotPublicAsync(HttpClient anonymous, string slug, string marker)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/statements/{slug}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/statements/{slug}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/api/v1/statements?pageSize=100", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, Html.MainText(await Html.GetOkAsync(anonymous, "/statements")) + await anonymous.GetStringAsync(new Uri("/statements", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri($"/meetings/{StatementTestData.Meeting}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/download/themes/follow-the-money/paragraphs.csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/themes/follow-the-money", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/changes.atom", UriKind.Relative)), StringComparison.Ordinal);
        // Search shows the words asked for; what it must not show is the statement or its paragraphs.
        var search = await anonymous.GetStringAsync(new Uri($"/search?q={marker}", UriKind.Relative));
        Assert.DoesNotContain($"/statements/{slug}", search, StringComparison.Ordinal);
        Assert.DoesNotContain("co-chaired by the Indonesian Ministry", search, StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri($"/api/v1/search?q={marker}", UriKind.Relative)), StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(await anonymous.GetByteArrayAsync(new Uri("/download/datapackage.zip", UriKind.Relative))));
        foreach (var entry in zip.Entries)
        {
            // The published document's title carries the marker too; the statement's slug and paragraph must not be there.
            using var reader = new StreamReader(entry.Open());
            var content = await reader.ReadToEndAsync();
            Assert.DoesNotContain(slug, content, StringComparison.Ordinal);
            Assert.DoesNotContain($"{marker}, the Bali Process", content, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("anonymous", true)]
    [InlineData("secretariat", false)]
    [InlineData("no role", true)]
    [InlineData("disabled", true)]
    public async Task Adding_a_statement_is_refused_to_anonymous_role_less_disabled_and_token_less_requests_and_writes_nothing(string caller, bool withToken)
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var before = await StatementTestData.StoredAsync(fixture);
        var client = await ClientAsync(caller);
        using var _c = client;
        var fields = Details(marker, "save");
        fields.Add(new("_handler", "add-statement"));
        fields.Add(new("Input.SplitHash", Features.Statements.Adding.StatementEditor.HashOf(StatementTestData.Trimmed(marker))));
        if (withToken)
        {
            // The sign-in page gives any client a valid token; the add page would not open for these callers.
            fields.Add(new("__RequestVerificationToken", await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath)));
        }

        if (caller == "disabled")
        {
            await DisableAsync(client);
        }

        var response = await client.PostAsync(new Uri($"/staff/sources/{source}/statements/new", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.True((int)response.StatusCode is 200 or 302 or 400 or 403, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("may not add statements", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await StatementTestData.StoredAsync(fixture));
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("token-less")]
    [InlineData("no role")]
    [InlineData("disabled")]
    public async Task Publishing_a_statement_is_refused_to_anonymous_token_less_role_less_and_disabled_requests_and_changes_nothing(string caller)
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        var (_, owner) = await fixture.SecretariatAsync();
        var draft = await fixture.WithStatementEditorAsync(e => e.AddAsync(owner, StatementTestData.Request(source, marker), new Dictionary<string, IReadOnlyList<string>>()));
        Assert.True(draft.Succeeded);
        var client = await ClientAsync(caller == "token-less" ? "secretariat" : caller);
        using var _c = client;
        var fields = new Dictionary<string, string> { ["_handler"] = "publish-statement" };
        if (caller != "token-less")
        {
            fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        }

        if (caller == "disabled")
        {
            await DisableAsync(client);
        }

        var before = await StatementTestData.StoredAsync(fixture);
        var response = await client.PostAsync(new Uri($"/staff/statements/{draft.CreatedKey}", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.True((int)response.StatusCode is 200 or 302 or 400 or 403, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("may not publish statements", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True((await StatementTestData.StatementAsync(fixture, draft.CreatedKey!)).IsDraft);
        Assert.Equal(before, await StatementTestData.StoredAsync(fixture));
    }

    [Fact]
    public async Task Staff_statement_pages_send_anonymous_visitors_to_sign_in_and_refuse_an_account_without_an_editing_role()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await StatementTestData.PublishedSourceAsync(fixture, marker);
        foreach (var url in new[] { $"/staff/sources/{source}/statements/new", "/staff/statements/eighth-ministerial-conference-2023-co-chairs-statement" })
        {
            using var anonymous = StaffAccounts.NewClient(fixture.Portal);
            var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(AccountsSetup.SignInPath, response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            using var noRole = await StaffAccounts.SignedInClientAsync(fixture.Portal, (await StaffAccounts.CreateUserAsync(fixture.Portal, "")).Email!);
            Assert.NotEqual(HttpStatusCode.OK, (await noRole.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);

            var (_, editor) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
            using var _e = editor;
            var html = await editor.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }

        using var signedIn = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync(new Uri("/staff/sources/no-such-document/statements/new", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync(new Uri("/staff/statements/no-such-statement", UriKind.Relative))).StatusCode);
    }

    private readonly Dictionary<HttpClient, PortalUser> users = [];

    private async Task<HttpClient> ClientAsync(string caller)
    {
        if (caller == "anonymous")
        {
            return StaffAccounts.NewClient(fixture.Portal);
        }

        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, caller == "no role" ? "" : PortalRoles.Secretariat);
        var client = await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        users[client] = user;
        return client;
    }

    /// <summary>Disabled after signing in: the cookie is still valid for up to a minute, the write service is not fooled.</summary>
    private async Task DisableAsync(HttpClient client)
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var account = (await manager.FindByIdAsync(users[client].Id))!;
        account.IsDisabled = true;
        Assert.True((await manager.UpdateAsync(account)).Succeeded);
    }
}
