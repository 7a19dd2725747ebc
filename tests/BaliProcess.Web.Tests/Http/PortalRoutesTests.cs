using System.Net;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Home;
using BaliProcess.Web.Features.Meetings;
using BaliProcess.Web.Features.Participants;
using BaliProcess.Web.Features.Documents;
using BaliProcess.Web.Features.People;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Features.Timeline;
using BaliProcess.Web.Features.WorkingGroups;
using BaliProcess.Web.Features.WorkPlans;
using BaliProcess.Web.Features.Changes;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using LinqKit;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Http;

/// <summary>
/// <see cref="PortalRoutes"/>, the one place that owns the portal's addresses: every link builder, given a
/// real record of its kind from the seeded database, makes a URL that the router sends to the right page,
/// and that page answers it (200 with the record's name as its heading; staff pages ask to sign in first).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalRoutesTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// A link, the page component the router should choose for it, and the heading that page shows (null: any);
    /// a visitor is sent to sign in first on a staff page.
    /// </summary>
    private sealed record PageLink(string Url, Type Page, string? Heading = null, bool SignInFirst = false);

    private async Task<List<PageLink>> PageLinksAsync()
    {
        await using var db = portal.Database.CreateContext();
        var participants = await db.Participants.AsNoTracking().AsExpandable()
            .Select(p => new { p.Slug, p.Name, Status = ParticipantStatus.Current.Invoke(p) }).ToListAsync();
        var member = participants.First(p => p.Status == MembershipStatus.Member);
        var observer = participants.First(p => p.Status == MembershipStatus.Observer);
        var other = participants.First(p => p.Status == null);
        var meeting = await db.Meetings.AsNoTracking().OrderBy(m => m.Slug).FirstAsync();
        var mechanism = await db.Mechanisms.AsNoTracking().OrderBy(m => m.Slug).FirstAsync();
        var item = await db.ActionItems.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Number, i.WorkPlan!.Slug, i.WorkPlan.Title }).FirstAsync();
        var paragraph = await db.Paragraphs.AsNoTracking().Where(p => p.Label == "15a")
            .Select(p => new { p.Label, p.Statement!.Slug, p.Statement.Title }).FirstAsync();
        var theme = await db.Themes.AsNoTracking().OrderBy(t => t.Slug).FirstAsync();
        var source = await db.SourceDocuments.AsNoTracking().OrderBy(s => s.Slug).FirstAsync();
        var document = await db.OutcomeDocuments.AsNoTracking().OrderBy(d => d.Slug).FirstAsync();
        var person = await db.People.AsNoTracking().OrderBy(p => p.Slug).FirstAsync();
        var change = await db.ActionItemStatusChanges.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        var account = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();

        return
        [
            new(PortalRoutes.Home, typeof(HomePage)),
            new(PortalRoutes.Members, typeof(MembersPage), "Members"),
            new(PortalRoutes.Observers, typeof(ObserversPage), "Observers"),
            new(PortalRoutes.OtherBodies, typeof(OtherBodiesPage), "Other bodies"),
            new(PortalRoutes.Participant(member.Slug, member.Status), typeof(ParticipantPage), member.Name),
            new(PortalRoutes.Participant(observer.Slug, observer.Status), typeof(ParticipantPage), observer.Name),
            new(PortalRoutes.Participant(other.Slug, other.Status), typeof(ParticipantPage), other.Name),
            new(PortalRoutes.MembersOf("working-group-trafficking-in-persons"), typeof(MembersPage), "Members"),
            new(PortalRoutes.Meetings, typeof(MeetingsPage)),
            new(PortalRoutes.Meeting(meeting.Slug), typeof(MeetingPage), meeting.Title),
            new(PortalRoutes.WorkingGroups, typeof(WorkingGroupsPage)),
            new(PortalRoutes.WorkingGroup(mechanism.Slug), typeof(WorkingGroupPage), mechanism.Name),
            new(PortalRoutes.WorkPlan(item.Slug), typeof(WorkPlanPage), item.Title),
            new(PortalRoutes.WorkPlanItemInPlan(item.Slug, item.Number), typeof(WorkPlanPage), item.Title),
            new(PortalRoutes.WorkPlanItem(item.Slug, item.Number), typeof(ActionItemPage), $"Item {item.Number}"),
            new(PortalRoutes.WorkPlanItemHistory(item.Slug, item.Number), typeof(ActionItemPage), $"Item {item.Number}"),
            new(PortalRoutes.Statements, typeof(StatementsPage)),
            new(PortalRoutes.Statement(paragraph.Slug), typeof(StatementPage), paragraph.Title),
            new(PortalRoutes.Statement(paragraph.Slug, paragraph.Label), typeof(StatementPage), paragraph.Title),
            new(PortalRoutes.Statement(paragraph.Slug, paragraph.Label, "trafficking in persons"), typeof(StatementPage), paragraph.Title),
            new(PortalRoutes.Themes, typeof(ThemesPage)),
            new(PortalRoutes.Theme(theme.Slug), typeof(ThemePage), theme.Name),
            new(PortalRoutes.Sources, typeof(SourcesPage)),
            new(PortalRoutes.Source(source.Slug), typeof(SourcePage), source.Title),
            new(PortalRoutes.Documents, typeof(DocumentsPage)),
            new(PortalRoutes.Document(document.Slug), typeof(DocumentPage), document.Title),
            new(PortalRoutes.People, typeof(PeoplePage)),
            new(PortalRoutes.Person(person.Slug), typeof(PersonPage), person.Name),
            new(PortalRoutes.Timeline, typeof(TimelinePage)),
            new(PortalRoutes.Search, typeof(SearchPage)),
            new(PortalRoutes.SearchFor("follow the money", theme.Slug, 2016, MeetingKinds.ToSlug(MeetingKind.Forum), mechanism.Slug, member.Slug, 2), typeof(SearchPage)),
            new(PortalRoutes.Changes, typeof(ChangesPage)),
            new(PortalRoutes.Change(change.Id), typeof(ChangesPage)),
            // Every kind of record's history: its page's address and "/history" (decision 0028).
            new(PortalRoutes.History(PortalRoutes.Participant(member.Slug, member.Status)), typeof(HistoryPage), $"History of {member.Name}"),
            new(PortalRoutes.History(PortalRoutes.Participant(observer.Slug, observer.Status)), typeof(HistoryPage), $"History of {observer.Name}"),
            new(PortalRoutes.History(PortalRoutes.Participant(other.Slug, other.Status)), typeof(HistoryPage), $"History of {other.Name}"),
            new(PortalRoutes.History(PortalRoutes.Meeting(meeting.Slug)), typeof(HistoryPage), $"History of {meeting.Title}"),
            new(PortalRoutes.History(PortalRoutes.WorkingGroup(mechanism.Slug)), typeof(HistoryPage), $"History of {mechanism.Name}"),
            new(PortalRoutes.History(PortalRoutes.WorkPlan(item.Slug)), typeof(HistoryPage), $"History of {item.Title}"),
            new(PortalRoutes.History(PortalRoutes.WorkPlanItem(item.Slug, item.Number)), typeof(HistoryPage), $"History of Item {item.Number} of {item.Title}"),
            new(PortalRoutes.History(PortalRoutes.Statement(paragraph.Slug)), typeof(HistoryPage), $"History of {paragraph.Title}"),
            new(PortalRoutes.History(PortalRoutes.Theme(theme.Slug)), typeof(HistoryPage), $"History of {theme.Name}"),
            new(PortalRoutes.History(PortalRoutes.Source(source.Slug)), typeof(HistoryPage), $"History of {source.Title}"),
            new(PortalRoutes.History(PortalRoutes.Document(document.Slug)), typeof(HistoryPage), $"History of {document.Title}"),
            new(PortalRoutes.History(PortalRoutes.Person(person.Slug)), typeof(HistoryPage), $"History of {person.Name}"),
            new(PortalRoutes.ChangesOfKind(RecordRevisionKinds.Statement), typeof(ChangesPage)),
            new(PortalRoutes.NotFound, typeof(BaliProcess.Web.Components.Pages.NotFound)),
            new(PortalRoutes.Staff, typeof(StaffHomePage), SignInFirst: true),
            new(PortalRoutes.NewWorkPlan, typeof(NewWorkPlanPage), SignInFirst: true),
            new(PortalRoutes.StaffWorkPlan(item.Slug), typeof(WorkPlanEditorPage), SignInFirst: true),
            new(PortalRoutes.StaffWorkPlan(item.Slug, added: item.Number), typeof(WorkPlanEditorPage), SignInFirst: true),
            new(PortalRoutes.StaffWorkPlanItem(item.Slug, item.Number), typeof(ItemEditorPage), SignInFirst: true),
            new(PortalRoutes.StaffSources, typeof(BaliProcess.Web.Features.Sources.Publishing.StaffSourcesPage), SignInFirst: true),
            new(PortalRoutes.NewSource, typeof(BaliProcess.Web.Features.Sources.Adding.AddSourcePage), SignInFirst: true),
            new(PortalRoutes.StaffSource(source.Slug, "added"), typeof(BaliProcess.Web.Features.Sources.Publishing.StaffSourcePage), SignInFirst: true),
            new(PortalRoutes.SignIn, typeof(SignInPage), "Staff sign-in"),
            new(PortalRoutes.SignInThen(PortalRoutes.StaffWorkPlan(item.Slug)), typeof(SignInPage), "Staff sign-in"),
            new(PortalRoutes.SignInWithCodeThen(PortalRoutes.Staff), typeof(TwoFactorSignInPage), "authenticator"),
            new(PortalRoutes.SignInWithRecoveryCodeThen(PortalRoutes.Staff), typeof(RecoveryCodeSignInPage), "recovery code"),
            new(PortalRoutes.SignOut, typeof(SignOutPage), "Sign out"),
            new(PortalRoutes.AccessDenied, typeof(AccessDeniedPage)),
            new(PortalRoutes.ChangePassword, typeof(ChangePasswordPage), SignInFirst: true),
            new(PortalRoutes.Authenticator, typeof(AuthenticatorPage), SignInFirst: true),
            new(PortalRoutes.AuthenticatorRequired, typeof(AuthenticatorPage), SignInFirst: true),
            new(PortalRoutes.Accounts, typeof(AccountsPage), SignInFirst: true),
            new(PortalRoutes.Account(account), typeof(AccountPage), SignInFirst: true),
            new(PortalRoutes.AccountActivity, typeof(ActivityPage), SignInFirst: true),
        ];
    }

    [Fact]
    public async Task Every_page_link_is_routed_to_its_page_and_the_page_answers_it()
    {
        foreach (var link in await PageLinksAsync())
        {
            Assert.Equal(link.Page, RoutedComponent(link.Url));
            if (link.SignInFirst)
            {
                // To a visitor a staff page is a way to sign in (a page that did not exist would be a 404).
                var response = await client.GetAsync(new Uri(link.Url, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{link.Url} answered {(int)response.StatusCode}");
                Assert.Equal("/account/sign-in", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
                continue;
            }

            var (status, document) = await Html.GetAsync(client, link.Url);
            Assert.True(status == HttpStatusCode.OK, $"{link.Url} answered {(int)status}");
            if (link.Heading is not null)
            {
                Assert.Contains(link.Heading, document.QuerySelector("h1")?.TextContent ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Every_file_link_is_answered()
    {
        await using var db = portal.Database.CreateContext();
        var plan = await db.WorkPlans.AsNoTracking().OrderBy(w => w.Slug).Select(w => w.Slug).FirstAsync();
        var statement = await db.Paragraphs.AsNoTracking().Where(p => p.Label == "15a").Select(p => p.Statement!.Slug).FirstAsync();
        var files = new (string Url, string MediaType)[]
        {
            (PortalRoutes.ChangesFeed, "application/atom+xml"),
            (PortalRoutes.WorkPlanChangesFeed(plan), "application/atom+xml"),
            (PortalRoutes.StatementCitation(statement, "ris"), "application/x-research-info-systems"),
            (PortalRoutes.StatementCitation(statement, "bib", "15a"), "application/x-bibtex"),
            (PortalRoutes.StatementCitation(statement, "json", "15a"), "application/vnd.citationstyles.csl+json"),
            (PortalRoutes.Download("members", "csv", "?kind=government"), "text/csv"),
            (PortalRoutes.Download("meetings", "json"), "application/json"),
            (PortalRoutes.Download(PortalRoutes.WorkPlanItemsData(plan), "csv", "?status=complete"), "text/csv"),
            (PortalRoutes.Download(PortalRoutes.ThemeParagraphsData("follow-the-money"), "json"), "application/json"),
            (PortalRoutes.Api("members", "?kind=Government"), "application/json"),
            (PortalRoutes.Api(PortalRoutes.WorkPlanData(plan)), "application/json"),
            (PortalRoutes.Api(PortalRoutes.ThemeParagraphsData("follow-the-money")), "application/json"),
            (PortalRoutes.Sitemap, "application/xml"),
            (PortalRoutes.ApiReference, "text/html"),
        };

        // Following redirects: the reference page answers from /api/reference/ (Scalar's own address).
        var following = portal.CreateClient();
        foreach (var (url, mediaType) in files)
        {
            var response = await following.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("a slug/with?odd#characters", "a%20slug%2Fwith%3Fodd%23characters")]
    [InlineData("tip-working-group", "tip-working-group")]
    public void Builders_escape_what_they_are_given_once(string slug, string escaped)
    {
        Assert.Equal("/meetings/" + escaped, PortalRoutes.Meeting(slug));
        Assert.Equal($"/work-plans/{escaped}/items/{escaped}", PortalRoutes.WorkPlanItem(slug, slug));
        Assert.Equal($"/statements/{escaped}/cite.ris?paragraph={escaped}", PortalRoutes.StatementCitation(slug, "ris", slug));
        Assert.Equal($"/search?q={escaped}&theme={escaped}", PortalRoutes.SearchFor(slug, slug));
    }

    /// <summary>
    /// The page component the router chooses for a URL (its path, without query or fragment): among the
    /// portal's GET endpoints whose template matches, the most specific one, as routing ranks them.
    /// </summary>
    private Type? RoutedComponent(string url)
    {
        var path = url.Split('?', '#')[0];
        var matches = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => (Endpoint: e, Template: new RouteTemplate(e.RoutePattern)))
            .Where(e => new TemplateMatcher(e.Template, new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .OrderBy(e => RoutePrecedence.ComputeInbound(e.Template))
            .ThenBy(e => e.Endpoint.Order)
            .ToList();
        Assert.True(matches.Count > 0, $"no route matches {url}");
        return matches[0].Endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
    }
}
