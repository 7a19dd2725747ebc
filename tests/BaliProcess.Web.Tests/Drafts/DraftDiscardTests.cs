using System.Net;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Drafts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Meetings;
using BaliProcess.Web.Tests.Sources;
using BaliProcess.Web.Tests.Statements;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Drafts;

/// <summary>
/// Discarding a draft nobody should publish (decision 0030): only drafts, only by the person who added it or an
/// Administrator, with a reason, never while another record cites it; refused callers write nothing. Saving and
/// discarding drafts never moves the data package's version (only published changes do).
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class DraftDiscardTests(SourcesFixture fixture)
{
    [Fact]
    public async Task A_draft_is_discarded_by_its_author_or_an_administrator_with_a_reason_once_nothing_cites_it()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        var version = await PackageVersionAsync(anonymous);

        // A draft document and a draft statement citing it, both by one author.
        var document = await StatementTestData.PublishedSourceAsync(fixture, marker, publish: false);
        var authorId = (await fixture.DocumentAsync(document)).File!.AddedByUserId;
        var author = await StaffAccounts.PrincipalAsync(fixture.Portal, authorId);
        var statement = await fixture.WithStatementEditorAsync(e => e.AddAsync(author, StatementTestData.Request(document, marker), new Dictionary<string, IReadOnlyList<string>>()));
        Assert.True(statement.Succeeded, string.Join("; ", statement.Problems.Select(p => p.Message)));
        Assert.Equal(version, await PackageVersionAsync(anonymous)); // drafts move nothing public, the version neither

        var (_, colleague) = await fixture.SecretariatAsync();
        var (_, administrator) = await fixture.AccountAsync(PortalRoles.Administrator);
        Assert.Contains("cites this draft", (await DiscardAsync(author, DraftKind.Source, document, "A mistaken upload.")).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("Only Document uploader, who added this draft, or an Administrator", (await DiscardAsync(colleague, DraftKind.Statement, statement.CreatedKey!, "Not mine.")).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal("reason", (await DiscardAsync(author, DraftKind.Statement, statement.CreatedKey!, "  ")).Problems.Single().Field);
        Assert.Equal("reason", (await DiscardAsync(author, DraftKind.Statement, statement.CreatedKey!, "bad\u0007text")).Problems.Single().Field);
        Assert.Equal(EditOutcome.NotFound, (await DiscardAsync(author, DraftKind.Statement, "eighth-ministerial-conference-2023-co-chairs-statement", "Seeded.")).Outcome);
        Assert.True((await StatementTestData.StatementAsync(fixture, statement.CreatedKey!)).IsDraft);

        // The author discards the statement from its staff page (a plain form); then an Administrator the document.
        using var authorClient = await StaffAccounts.SignedInClientAsync(fixture.Portal, (await UserAsync(authorId)).Email!);
        var posted = await StaffAccounts.PostFormAsync(authorClient, PortalRoutes.StaffStatement(statement.CreatedKey!), "discard-draft", new() { ["reason"] = $"Split wrongly ({marker})." });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.StartsWith(PortalRoutes.StaffSources + "?discarded=", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Discarded the draft", await authorClient.GetStringAsync(posted.Headers.Location), StringComparison.Ordinal);
        Assert.True((await DiscardAsync(administrator, DraftKind.Source, document, "A mistaken upload.")).Succeeded);
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            Assert.False(await db.Statements.IgnoreQueryFilters().AnyAsync(s => s.Slug == statement.CreatedKey));
            Assert.False(await db.Paragraphs.IgnoreQueryFilters().AnyAsync(p => p.Statement!.Slug == statement.CreatedKey));
            Assert.False(await db.SourceDocuments.IgnoreQueryFilters().AnyAsync(d => d.Slug == document));
        }

        // The same file can be added again, correctly this time; a published document is withdrawn, never discarded.
        var again = await StatementTestData.PublishedSourceAsync(fixture, marker);
        Assert.Contains("is published", (await DiscardAsync(administrator, DraftKind.Source, again, "Changed my mind.")).Problems.Single().Message, StringComparison.Ordinal);

        // A draft meeting, by its author; a statement of it would have refused this as above.
        var meetingSource = await MeetingTestData.SourceAsync(fixture, marker);
        var meeting = await fixture.WithMeetingEditorAsync(e => e.AddAsync(author, MeetingTestData.Request(meetingSource, marker), MeetingTestData.Decisions(marker)));
        Assert.True(meeting.Succeeded);
        Assert.True((await DiscardAsync(author, DraftKind.Meeting, meeting.CreatedKey!, "Entered twice.")).Succeeded);
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            Assert.False(await db.Meetings.IgnoreQueryFilters().AnyAsync(m => m.Slug == meeting.CreatedKey));
        }
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("token-less")]
    [InlineData("no role")]
    [InlineData("disabled")]
    public async Task Discarding_is_refused_to_anonymous_token_less_role_less_and_disabled_callers_and_writes_nothing(string caller)
    {
        var marker = Guid.NewGuid().ToString("N");
        var document = await StatementTestData.PublishedSourceAsync(fixture, marker, publish: false);
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, caller == "no role" ? "" : PortalRoles.Administrator);
        using var client = caller == "anonymous" ? StaffAccounts.NewClient(fixture.Portal) : await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        var principal = await StaffAccounts.PrincipalAsync(fixture.Portal, user.Id);
        var fields = new Dictionary<string, string> { ["_handler"] = "discard-draft", ["reason"] = "A mistaken upload." };
        if (caller != "token-less")
        {
            fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        }

        if (caller == "disabled")
        {
            await using var scope = fixture.Portal.Services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await manager.FindByIdAsync(user.Id))!;
            account.IsDisabled = true;
            Assert.True((await manager.UpdateAsync(account)).Succeeded);
        }

        var before = await fixture.StoredAsync();
        var response = await client.PostAsync(new Uri(PortalRoutes.StaffSource(document), UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.True((int)response.StatusCode is 200 or 302 or 400 or 403, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("may not discard drafts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // At the service too: the caller's principal (anonymous: none; forged: a role no account store has).
        var direct = await DiscardAsync(caller switch { "anonymous" => null, "token-less" => StatementTestData.Forged(), _ => principal }, DraftKind.Source, document, "A mistaken upload.");
        Assert.Equal(EditOutcome.Refused, direct.Outcome);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    private Task<EditResult> DiscardAsync(System.Security.Claims.ClaimsPrincipal? user, DraftKind kind, string slug, string reason) =>
        fixture.WithPortalServiceAsync<DraftDiscarder, EditResult>(d => d.DiscardAsync(user, kind, slug, reason));

    private async Task<PortalUser> UserAsync(string id)
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(id))!;
    }

    private static async Task<string> PackageVersionAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(PortalRoutes.DataPackage, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }
}
