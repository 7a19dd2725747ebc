using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Sources;

/// <summary>
/// Source documents over HTTP, as a browser without script sends them: the multipart form with its antiforgery
/// token, the draft that the public never sees, the second person who publishes it, and every refused request.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class SourceHttpTests(SourcesFixture fixture)
{
    private const string NewSource = "/staff/sources/new";
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the form named <paramref name="formName"/> with its hidden fields (the
    /// antiforgery token unless <paramref name="withToken"/> is false) and posts it as multipart/form-data with the file.
    /// </summary>
    private static async Task<HttpResponseMessage> PostMultipartAsync(
        HttpClient client, string pageUrl, string formName, Dictionary<string, string> fields, (string Name, byte[] Bytes)? file, bool withToken = true)
    {
        var html = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var form = (await Parser.ParseDocumentAsync(html)).QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null);
        using var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (withToken || input.Name != "__RequestVerificationToken")
            {
                content.Add(new StringContent(input.Value), input.Name!);
            }
        }

        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", f.Name);
        }

        return await client.PostAsync(new Uri(pageUrl, UriKind.Relative), content);
    }

    private static Dictionary<string, string> Details(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Publisher"] = "Bali Process Regional Support Office",
        ["Input.Date"] = "2024-04",
        ["Input.OriginalUrl"] = "https://www.baliprocess.net/",
    };

    [Fact]
    public async Task A_draft_is_never_public_until_a_second_user_publishes_it_then_its_page_and_original_are()
    {
        var marker = Guid.NewGuid().ToString("N");
        var title = $"Regional Support Office annual report {marker}";
        var pdf = SourceTestFiles.Pdf($"Annual report {marker}", "Page two of the report.");
        var (_, uploader) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _u = uploader;

        var added = await PostMultipartAsync(uploader, NewSource, "add-source", Details(title), ("annual report.pdf", pdf));

        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var staffUrl = added.Headers.Location!.OriginalString;
        var slug = $"regional-support-office-annual-report-{marker}-2024";
        Assert.Equal($"/staff/sources/{slug}?done=added", staffUrl);
        var staffPage = Html.MainText(await Html.GetOkAsync(uploader, staffUrl));
        Assert.Contains("Added as a draft", staffPage, StringComparison.Ordinal);
        Assert.Contains($"Annual report {marker}", staffPage, StringComparison.Ordinal);
        Assert.Contains(SourcesFixture.Sha256(pdf), staffPage, StringComparison.Ordinal);
        var staffDownload = await uploader.GetAsync(new Uri($"/staff/sources/{slug}/original", UriKind.Relative));
        Assert.Equal(pdf, await staffDownload.Content.ReadAsByteArrayAsync());

        // Nowhere public: page, original, list, API, sitemap, data package (pages straight from the database too).
        using var anonymous = fixture.Portal.CreateClient();
        await AssertNotPublicAsync(anonymous, slug, marker);

        // The uploader's own publish is refused, and it stays a draft.
        var own = await PostMultipartAsync(uploader, $"/staff/sources/{slug}", "publish-source", [], null);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("another Secretariat user or an Administrator publishes it", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await fixture.DocumentAsync(slug)).IsDraft);
        await AssertNotPublicAsync(anonymous, slug, marker);

        // A second Secretariat user publishes it: public at once, with its original.
        var (_, reviewer) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _r = reviewer;
        var published = await PostMultipartAsync(reviewer, $"/staff/sources/{slug}", "publish-source", [], null);
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        Assert.Contains("Published", Html.MainText(await Html.GetOkAsync(reviewer, published.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        var page = await Html.GetOkAsync(anonymous, $"/sources/{slug}");
        Assert.Equal(title, page.QuerySelector("main h1")!.TextContent);
        var download = page.QuerySelector($"a[href='/sources/{slug}/original']");
        Assert.NotNull(download);
        Assert.Contains("annual report.pdf", download!.TextContent, StringComparison.Ordinal);
        Assert.Contains("April 2024", Html.MainText(page), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='https://www.baliprocess.net/']"));
        var original = await anonymous.GetAsync(new Uri($"/sources/{slug}/original", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("application/pdf", original.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await original.Content.ReadAsByteArrayAsync());
        Assert.Contains("annual report.pdf", original.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Contains(slug, await anonymous.GetStringAsync(new Uri("/api/v1/sources?pageSize=100", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($"/sources/{slug}<", await anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(title, Html.MainText(await Html.GetOkAsync(anonymous, "/sources")), StringComparison.Ordinal);
    }

    private async Task AssertNotPublicAsync(HttpClient anonymous, string slug, string marker)
    {
        // The reviewers' download sends a visitor to sign in (a client that does not follow the redirect sees it).
        using var notFollowing = StaffAccounts.NewClient(fixture.Portal);
        var staffOriginal = await notFollowing.GetAsync(new Uri($"/staff/sources/{slug}/original", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, staffOriginal.StatusCode);
        Assert.StartsWith(AccountsSetup.SignInPath, staffOriginal.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/sources/{slug}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/sources/{slug}/original", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(marker, Html.MainText(await Html.GetOkAsync(anonymous, "/sources")), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync(new Uri("/api/v1/sources?pageSize=100", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        // Search shows the words asked for; what it must not show is the document or its text.
        var search = await anonymous.GetStringAsync(new Uri($"/search?q={marker}", UriKind.Relative));
        Assert.DoesNotContain($"/sources/{slug}", search, StringComparison.Ordinal);
        Assert.DoesNotContain($"Annual report {marker}", search, StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(await anonymous.GetByteArrayAsync(new Uri("/download/datapackage.zip", UriKind.Relative))));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            Assert.DoesNotContain(marker, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bad_file_over_HTTP_shows_its_message_beside_the_form_keeps_the_details_and_stores_nothing()
    {
        var (_, client) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        using var _c = client;
        var before = await fixture.StoredAsync();
        var title = $"Scanned report {Guid.NewGuid():N}";

        var response = await PostMultipartAsync(client, NewSource, "add-source", Details(title), ("scan.pdf", SourceTestFiles.PdfWithoutText()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("scan.pdf has no text layer", document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#source-file")!.GetAttribute("aria-invalid"));
        Assert.Equal(title, document.QuerySelector("#source-title")!.GetAttribute("value"));
        Assert.Equal(before, await fixture.StoredAsync());

        var empty = await PostMultipartAsync(client, NewSource, "add-source", Details(title), ("empty.txt", []));
        Assert.Contains("empty.txt is empty (0 bytes)", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nothing = await PostMultipartAsync(client, NewSource, "add-source", Details(title), null);
        Assert.Contains("Upload the document", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLarge = await PostMultipartAsync(client, NewSource, "add-source", Details(title), ("big.txt", new byte[SourcesFixture.MaxFileBytes + 10]));
        Assert.Contains("big.txt is 293 KB; at most 293 KB can be added", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Theory]
    [InlineData("anonymous", true)]
    [InlineData("anonymous", false)]
    [InlineData("secretariat", false)]
    [InlineData("no role", true)]
    [InlineData("disabled", true)]
    public async Task Adding_is_refused_to_anonymous_role_less_disabled_and_token_less_requests_and_writes_nothing(string caller, bool withToken)
    {
        var before = await fixture.StoredAsync();
        var marker = Guid.NewGuid().ToString("N");
        HttpClient client;
        PortalUser? user = null;
        if (caller == "anonymous")
        {
            client = StaffAccounts.NewClient(fixture.Portal);
        }
        else
        {
            user = await StaffAccounts.CreateUserAsync(fixture.Portal, caller == "no role" ? "" : PortalRoles.Secretariat);
            client = await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        }

        using var _c = client;
        var fields = Details($"Refused {marker}");
        fields["_handler"] = "add-source";
        if (withToken)
        {
            // The sign-in page gives any client a valid token; the add page would not open for these callers.
            fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        }

        if (caller == "disabled")
        {
            // Disabled after signing in: the cookie is still valid for up to a minute, the write service is not fooled.
            await using var scope = fixture.Portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await users.FindByIdAsync(user!.Id))!;
            account.IsDisabled = true;
            Assert.True((await users.UpdateAsync(account)).Succeeded);
        }

        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent(SourceTestFiles.Pdf($"Refused {marker}")), "file", "refused.pdf");
        var response = await client.PostAsync(new Uri(NewSource, UriKind.Relative), content);

        Assert.True((int)response.StatusCode is 200 or 302 or 400 or 403, $"answered {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.SeeOther, response.StatusCode);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("may not add source documents", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("token-less")]
    [InlineData("no role")]
    public async Task Publishing_is_refused_to_anonymous_token_less_and_role_less_requests_and_changes_nothing(string caller)
    {
        var (_, owner) = await fixture.SecretariatAsync();
        var draft = await fixture.WithEditorAsync(e => e.AddAsync(owner, SourcesFixture.Request($"Unpublished {Guid.NewGuid():N}", pasted: $"Text {Guid.NewGuid():N}")));
        Assert.True(draft.Succeeded);
        var client = caller switch
        {
            "anonymous" => StaffAccounts.NewClient(fixture.Portal),
            "token-less" => (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Administrator)).Client,
            _ => await StaffAccounts.SignedInClientAsync(fixture.Portal, (await StaffAccounts.CreateUserAsync(fixture.Portal, "")).Email!),
        };
        using var _c = client;
        var fields = new Dictionary<string, string> { ["_handler"] = "publish-source" };
        if (caller != "token-less")
        {
            fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        }

        var response = await client.PostAsync(new Uri($"/staff/sources/{draft.CreatedKey}", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.True((int)response.StatusCode is 302 or 400 or 403, $"answered {(int)response.StatusCode}");
        Assert.True((await fixture.DocumentAsync(draft.CreatedKey!)).IsDraft);
    }

    [Fact]
    public async Task Staff_source_pages_send_anonymous_visitors_to_sign_in_and_refuse_an_account_without_an_editing_role()
    {
        foreach (var url in new[] { "/staff/sources", NewSource })
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
            Assert.DoesNotContain("<script", html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
    }
}
