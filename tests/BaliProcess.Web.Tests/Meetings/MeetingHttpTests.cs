using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Meetings.Adding;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Meetings;

/// <summary>
/// A meeting from a staff-added document over HTTP, as a browser without script sends it (decision 0029): the form, the
/// check that resolves every pasted name and asks about the others, the draft that changes no public output, the second
/// person who publishes it everywhere at once, and every refused request writing nothing.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed partial class MeetingHttpTests(SourcesFixture fixture)
{
    [System.Text.RegularExpressions.GeneratedRegex("<!--Blazor[^>]*-->")]
    private static partial System.Text.RegularExpressions.Regex BlazorState();

    private static readonly HtmlParser Parser = new();

    /// <summary>The public outputs a meeting appears in once published (and a draft must leave exactly as they were).</summary>
    private static readonly string[] PublicOutputs =
    [
        "/", "/meetings?from=2015&to=2015", "/timeline", "/members/thailand", "/members/indonesia", "/working-groups/" + MeetingTestData.Mechanism,
        "/api/v1/meetings?pageSize=100", "/api/v1/participants/thailand", "/download/meetings.csv", "/download/meetings.json",
        "/search?q=trafficking",
    ];

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

    internal static List<KeyValuePair<string, string>> Details(string marker, string step)
    {
        var r = MeetingTestData.Request("", marker);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Kind", r.Kind!), new("Input.Title", r.Title!), new("Input.Start", r.Start!), new("Input.End", r.End!), new("Input.Format", r.Format!),
            new("Input.Mechanism", r.Mechanism!), new("Input.Summary", r.Summary!), new("Input.Locations", r.Locations!.Replace("\n", "\r\n", StringComparison.Ordinal)),
            new("Input.Step", step),
        };
        foreach (var (c, i) in r.Counts.Select((c, i) => (c, i)))
        {
            fields.AddRange([new($"count-{i}", c.Count ?? ""), new($"qualifier-{i}", c.Qualifier ?? ""), new($"counted-{i}", c.Description ?? ""), new($"count-location-{i}", c.Location ?? "")]);
        }

        foreach (var l in r.Attendance)
        {
            var key = l.Role.ToString().ToLowerInvariant();
            fields.AddRange([new($"list-{key}", (l.Names ?? "").Replace("\n", "\r\n", StringComparison.Ordinal)), new($"list-{key}-location", l.Location ?? "")]);
        }

        return fields;
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(HttpClient anonymous)
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var url in PublicOutputs)
        {
            // Blazor's persisted component state is encrypted afresh at every render: the page's own words are compared.
            snapshot[url] = BlazorState().Replace(await anonymous.GetStringAsync(new Uri(url, UriKind.Relative)), "");
        }

        return snapshot;
    }

    /// <summary>The same text, or a failure naming the address and the first place where the two differ.</summary>
    private static void AssertSame(string url, string before, string after)
    {
        if (before == after)
        {
            return;
        }

        var at = before.Zip(after).TakeWhile(p => p.First == p.Second).Count();
        Assert.Fail($"{url} changed at {at}: before …{before[Math.Max(0, at - 80)..Math.Min(before.Length, at + 80)]}… after …{after[Math.Max(0, at - 80)..Math.Min(after.Length, at + 80)]}…");
    }

    private static async Task<string> DataPackageTablesAsync(HttpClient anonymous)
    {
        using var zip = new ZipArchive(new MemoryStream(await anonymous.GetByteArrayAsync(new Uri("/download/datapackage.zip", UriKind.Relative))));
        var tables = new System.Text.StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.Name != "datapackage.json")) // the descriptor names the data version and time
        {
            using var reader = new StreamReader(entry.Open());
            tables.Append(entry.FullName).Append('\n').Append(await reader.ReadToEndAsync());
        }

        return tables.ToString();
    }

    [Fact]
    public async Task From_the_document_to_a_checked_draft_that_changes_no_public_output_then_a_second_user_publishes_it_everywhere()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await MeetingTestData.SourceAsync(fixture, marker);
        var (_, author) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _a = author;
        using var anonymous = fixture.Portal.CreateClient();

        // The document's staff page offers it; the form is empty but for the kind.
        var newUrl = $"/staff/sources/{source}/meetings/new";
        Assert.NotNull((await Html.GetOkAsync(author, $"/staff/sources/{source}")).QuerySelector($"a[href='{newUrl}']"));
        var form = (IHtmlDocument)await Html.GetOkAsync(author, newUrl);
        Assert.NotNull(form.QuerySelector($"#meeting-mechanism option[value='{MeetingTestData.Mechanism}']"));
        Assert.Null(form.QuerySelector("table.meeting-names"));

        // "Check": every name with the participant it resolves to, a choice for each of the three others; nothing written.
        var before = await MeetingTestData.StoredAsync(fixture);
        var checkResponse = await PostAsync(author, newUrl, form, "add-meeting", Details(marker, "check"));
        Assert.Equal(HttpStatusCode.OK, checkResponse.StatusCode);
        var check = await Parser.ParseDocumentAsync(await checkResponse.Content.ReadAsStringAsync());
        var rows = check.QuerySelectorAll("table.meeting-names tbody tr");
        Assert.Equal(8, rows.Length);
        Assert.Equal(("Lao PDR", "Lao People's Democratic Republic"), (rows[4].QuerySelector("th")!.TextContent, rows[4].QuerySelectorAll("td")[1].TextContent.Trim()));
        var selects = check.QuerySelectorAll("select[name=decision]").OfType<IHtmlSelectElement>().ToList();
        Assert.Equal(3, selects.Count);
        Assert.Contains(selects[1].Options, o => o.Value == $"alias:thailand|Thai-{marker}");
        Assert.Equal(before, await MeetingTestData.StoredAsync(fixture));

        // Saving without deciding is refused with the page shown again; with the decisions: 303 to the draft's page.
        var undecided = await PostAsync(author, newUrl, check, "add-meeting", Details(marker, "save"));
        Assert.Contains("Decide what “Royal Thai Government” is", await undecided.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var publicBefore = await SnapshotAsync(anonymous);
        var saved = await PostAsync(author, newUrl, check, "add-meeting",
            [.. Details(marker, "save"), new("decision", "is:thailand|Royal Thai Government"), new("decision", $"alias:thailand|Thai-{marker}"), new("decision", $"written|Atlantis {marker}")]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var staffUrl = saved.Headers.Location!.OriginalString;
        var slug = $"regional-symposium-on-labour-exploitation-{marker}-2015";
        Assert.Equal($"/staff/meetings/{slug}?done=added", staffUrl);
        var draftPage = (IHtmlDocument)await Html.GetOkAsync(author, staffUrl);
        var draftText = Html.MainText(draftPage);
        Assert.Contains("Added as a draft", draftText, StringComparison.Ordinal);
        Assert.Contains($"Atlantis {marker} (as the document writes it; no participant)", draftText, StringComparison.Ordinal);
        Assert.Contains($"“Thai-{marker}” for Thailand", draftText, StringComparison.Ordinal);
        Assert.Contains(slug, string.Concat((await Html.GetOkAsync(author, $"/staff/sources/{source}")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href"))), StringComparison.Ordinal);

        // The draft changes no public output at all: the same bytes as before it, and its own addresses are not found.
        foreach (var (url, after) in await SnapshotAsync(anonymous))
        {
            AssertSame(url, publicBefore[url], after);
        }

        var package = await DataPackageTablesAsync(anonymous);
        Assert.DoesNotContain(slug, package, StringComparison.Ordinal);
        Assert.DoesNotContain(MeetingTestData.Title(marker), package, StringComparison.Ordinal); // the document's own title carries the marker
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/meetings/{slug}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/meetings/{slug}", UriKind.Relative))).StatusCode);
        foreach (var url in new[] { "/sitemap.xml", "/changes.atom", $"/search?q={marker}" })
        {
            Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
        }

        // The author's own publish is refused; a second user's makes it public everywhere at once.
        var own = await PostAsync(author, $"/staff/meetings/{slug}", draftPage, "publish-meeting", []);
        Assert.Contains("another Secretariat user or an Administrator publishes it", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync(new Uri("/meetings?from=2015&to=2015", UriKind.Relative)), StringComparison.Ordinal);
        var (_, reviewer) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _r = reviewer;
        var published = await PostAsync(reviewer, $"/staff/meetings/{slug}", (IHtmlDocument)await Html.GetOkAsync(reviewer, $"/staff/meetings/{slug}"), "publish-meeting", []);
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        Assert.Contains("Published", Html.MainText(await Html.GetOkAsync(reviewer, published.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        var page = await Html.GetOkAsync(anonymous, $"/meetings/{slug}");
        Assert.Equal(MeetingTestData.Title(marker), page.QuerySelector("main h1")!.TextContent.Trim());
        var text = Html.MainText(page);
        Assert.Contains("25–26 March 2015", text, StringComparison.Ordinal);
        Assert.Contains("over 35 — member countries", text, StringComparison.Ordinal);
        Assert.Contains($"Atlantis {marker}", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main a[href='/sources/{source}']"));
        foreach (var url in new[] { "/meetings?from=2015&to=2015", "/timeline", "/members/thailand", "/members/indonesia", "/working-groups/" + MeetingTestData.Mechanism, "/api/v1/meetings?pageSize=100", "/api/v1/participants/thailand", "/download/meetings.csv", "/download/meetings.json", "/sitemap.xml" })
        {
            Assert.Contains(slug, await anonymous.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
        }

        Assert.Contains($"Thai-{marker}", await anonymous.GetStringAsync(new Uri("/api/v1/participants/thailand", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($"Atlantis {marker}", await anonymous.GetStringAsync(new Uri($"/api/v1/meetings/{slug}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(slug, await DataPackageTablesAsync(anonymous), StringComparison.Ordinal);
    }

    /// <summary>Adding and publishing refused to anonymous, token-less, role-less and disabled requests: nothing written.</summary>
    [Theory]
    [InlineData("anonymous")]
    [InlineData("token-less")]
    [InlineData("no role")]
    [InlineData("disabled")]
    public async Task Adding_and_publishing_a_meeting_are_refused_to_anonymous_token_less_role_less_and_disabled_requests(string caller)
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await MeetingTestData.SourceAsync(fixture, marker);
        var (_, owner) = await fixture.SecretariatAsync();
        var draft = await fixture.WithMeetingEditorAsync(e => e.AddAsync(owner, MeetingTestData.Request(source, marker), MeetingTestData.Decisions(marker)));
        Assert.True(draft.Succeeded);
        var client = await ClientAsync(caller == "token-less" ? "secretariat" : caller);
        using var _c = client;
        // The sign-in page gives any client a valid token; the staff pages would not open for these callers.
        var token = caller == "token-less" ? null : await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        if (caller == "disabled")
        {
            await DisableAsync(client);
        }

        var before = await MeetingTestData.StoredAsync(fixture);
        var requests = new (string Url, List<KeyValuePair<string, string>> Fields, string Refusal)[]
        {
            ($"/staff/sources/{source}/meetings/new",
            [
                .. Details(marker, "save"), new("_handler", "add-meeting"), new("Input.AttendanceHash", MeetingEditor.HashOf(MeetingTestData.Lists(marker))),
                new("decision", "is:thailand|Royal Thai Government"), new("decision", $"alias:thailand|Thai-{marker}"), new("decision", $"written|Atlantis {marker}"),
            ], "may not add meetings"),
            ($"/staff/meetings/{draft.CreatedKey}", [new("_handler", "publish-meeting")], "may not publish meetings"),
        };
        foreach (var (url, fields, refusal) in requests)
        {
            if (token is not null)
            {
                fields.Add(new("__RequestVerificationToken", token));
            }

            var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

            Assert.True((int)response.StatusCode is 200 or 302 or 400 or 403, $"{url} answered {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains(refusal, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await MeetingTestData.StoredAsync(fixture));
        Assert.True((await MeetingTestData.MeetingAsync(fixture, draft.CreatedKey!)).IsDraft);
    }

    [Fact]
    public async Task Staff_meeting_pages_send_anonymous_visitors_to_sign_in_and_refuse_an_account_without_an_editing_role()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await MeetingTestData.SourceAsync(fixture, marker);
        foreach (var url in new[] { $"/staff/sources/{source}/meetings/new", "/staff/meetings/regional-symposium-labour-exploitation-2015" })
        {
            using var anonymous = StaffAccounts.NewClient(fixture.Portal);
            var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(AccountsSetup.SignInPath, response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            using var noRole = await StaffAccounts.SignedInClientAsync(fixture.Portal, (await StaffAccounts.CreateUserAsync(fixture.Portal, "")).Email!);
            Assert.NotEqual(HttpStatusCode.OK, (await noRole.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);

            var (_, editor) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
            using var _e = editor;
            Assert.DoesNotContain("<script", await editor.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.OrdinalIgnoreCase);
        }

        using var signedIn = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync(new Uri("/staff/sources/no-such-document/meetings/new", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync(new Uri("/staff/meetings/no-such-meeting", UriKind.Relative))).StatusCode);
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
