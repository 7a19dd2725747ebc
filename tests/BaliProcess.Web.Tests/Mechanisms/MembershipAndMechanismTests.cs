using System.Net;
using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Participants.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Features.WorkingGroups.Adding;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using BaliProcess.Web.Tests.Statements;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Mechanisms;

/// <summary>
/// Changes of membership, mechanisms and who belongs to them, from a staff-added document (decision 0034): seeded records
/// entered again through the services answer the API as the seed does; drafts are hidden from every public output until
/// a second person publishes them; every caller without the right is refused, over HTTP and at the service, writing nothing.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class MembershipAndMechanismTests(SourcesFixture fixture)
{
    private const string SeedDocument = "004_14e3ad4cbde5a5fa.txt";
    private const string Usa = "united-states-of-america";
    private const string Group1 = "ad-hoc-experts-group-1";

    [Fact]
    public async Task A_seeded_membership_change_and_a_seeded_mechanism_with_its_member_entered_through_the_services_answer_the_API_as_the_seed_does()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await SourceAsync(marker);
        var file = $"{source}.txt";
        using var anonymous = fixture.Portal.CreateClient();
        anonymous.Timeout = TimeSpan.FromMinutes(5); // a bound for a machine shared with other work, never expected to be reached
        var seededParticipant = await GetAsync(anonymous, $"/api/v1/participants/{Usa}");
        var seededMechanism = await GetAsync(anonymous, $"/api/v1/working-groups/{Group1}");

        // The seeded copies removed: the USA's membership since 2011, and Group 1 with its coordinator and relation.
        await fixture.WithPortalServiceAsync<RecordChanges, bool>(async changes =>
        {
            await using var db = fixture.Portal.Database.CreateContext();
            db.Memberships.Remove(await db.Memberships.SingleAsync(m => m.Participant!.Slug == Usa && m.Status == MembershipStatus.Member));
            db.Mechanisms.Remove(await db.Mechanisms.SingleAsync(m => m.Slug == Group1));
            await changes.SaveAsync(db);
            return true;
        });
        Assert.Contains("\"status\":\"Observer\"", await GetAsync(anonymous, $"/api/v1/participants/{Usa}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/working-groups/{Group1}", UriKind.Relative))).StatusCode);

        var (_, author) = await fixture.SecretariatAsync("Membership author");
        var (_, reviewer) = await fixture.SecretariatAsync("Membership reviewer");
        var membership = new AddMembershipRequest(source, Usa, null, null, null, null, null, null, "Member", "2011", "Individual Perspectives of Some Bali Process Members, USA");
        var check = await fixture.WithPortalServiceAsync<MembershipEditor, MembershipCheck>(e => e.CheckAsync(membership));
        Assert.True(check.Succeeded, string.Join("; ", check.Problems.Select(p => p.Message)));
        Assert.Equal(("United States of America", MembershipStatus.Observer, MembershipStatus.Member, "2011"), (check.Preview!.ParticipantName, check.Preview.StatusNow!.Value, check.Preview.Status, check.Preview.Since!.Value.ToIsoString()));
        var added = await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.AddAsync(author, membership));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        // The same change again is refused, as a draft already says so.
        Assert.Contains("already has this status", (await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.AddAsync(author, membership))).Problems.Single().Message, StringComparison.Ordinal);

        var mechanism = new AddMechanismRequest(
            source, null, "Ad Hoc Experts Group 1", true, "Group 1", "", nameof(MechanismKind.ExpertsGroup),
            "Group 1 established to promote regional and international cooperation", "2002-02", "first-ministerial-conference-2002", "",
            "Establishing the Bali Process\nHistory of the Bali Process, 2003\nHistory of the Bali Process, 2004\nDevelopments from 2003–2012",
            [new("new-zealand", nameof(MechanismRole.Coordinator), "two Ad Hoc Experts Groups to be coordinated by the Governments of New Zealand and Thailand respectively", "2002", "", "Establishing the Bali Process")],
            [new(nameof(MechanismRelationKind.BecamePartOf), "ad-hoc-group", "from", "the two Ad Hoc Experts Groups became a unified Ad Hoc Group", "Developments from 2003–2012")]);
        var mechanismCheck = await fixture.WithPortalServiceAsync<MechanismEditor, MechanismCheck>(e => e.CheckAsync(mechanism));
        Assert.True(mechanismCheck.Succeeded, string.Join("; ", mechanismCheck.Problems.Select(p => p.Message)));
        Assert.Equal(("New Zealand", MechanismRole.Coordinator), (mechanismCheck.Members.Single().ParticipantName, mechanismCheck.Members.Single().Role));
        var addedMechanism = await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.AddAsync(author, mechanism));
        Assert.True(addedMechanism.Succeeded, string.Join("; ", addedMechanism.Problems.Select(p => p.Message)));
        Assert.Equal(Group1, addedMechanism.CreatedKey);

        // Drafts: the public answers are those without them; the account that added them may not publish them.
        Assert.Contains("\"status\":\"Observer\"", await GetAsync(anonymous, $"/api/v1/participants/{Usa}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/working-groups/{Group1}", UriKind.Relative))).StatusCode);
        Assert.Contains("second pair of eyes", (await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.PublishAsync(author, Usa))).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("second pair of eyes", (await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.PublishAsync(author, Group1))).Problems.Single().Message, StringComparison.Ordinal);

        Assert.True((await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.PublishAsync(reviewer, Usa))).Succeeded);
        Assert.True((await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.PublishAsync(reviewer, Group1))).Succeeded);
        Assert.Contains("nothing", (await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.PublishAsync(reviewer, Group1))).Problems.Single().Message, StringComparison.Ordinal);

        // The public API answers as the seed did, but for the document the facts now cite.
        Assert.Equal(seededParticipant, (await GetAsync(anonymous, $"/api/v1/participants/{Usa}")).Replace(file, SeedDocument, StringComparison.Ordinal));
        Assert.Equal(seededMechanism, (await GetAsync(anonymous, $"/api/v1/working-groups/{Group1}")).Replace(file, SeedDocument, StringComparison.Ordinal));

        // A revision each, in the seed-data shape (as jsonb writes it back); the relation is back; every one of them can be corrected.
        await using var db = fixture.Portal.Database.CreateContext();
        var revisions = await db.RecordRevisions.Where(r => r.ChangedBy == "Membership reviewer").OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([RecordRevisionKinds.Membership, RecordRevisionKinds.Mechanism, RecordRevisionKinds.MechanismMembership], revisions.Select(r => r.RecordKind));
        Assert.All(revisions, r => Assert.Null(r.Before));
        Assert.Contains("\"since\": \"2011\"", revisions[0].After, StringComparison.Ordinal);
        Assert.Contains("\"establishedByMeeting\": \"first-ministerial-conference-2002\"", revisions[1].After, StringComparison.Ordinal);
        Assert.Contains("\"role\": \"Coordinator\"", revisions[2].After, StringComparison.Ordinal);
        Assert.True(await db.MechanismRelations.AnyAsync(r => r.FromMechanism!.Slug == Group1 && r.ToMechanism!.Slug == "ad-hoc-group" && r.Kind == MechanismRelationKind.BecamePartOf));
        foreach (var r in revisions)
        {
            var kind = BaliProcess.Data.Corrections.CorrectableRecords.Kind(r.RecordKind)!;
            Assert.NotNull(await kind.Find(db, r.RecordKey, default));
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/working-groups/{Group1}/history", UriKind.Relative))).StatusCode);

        // Named co-chairs are people with cited roles, not names on the mechanism (the seed has none there; decision 0040):
        // the mechanism form sends whoever looks for them to the person-role form of the same document.
        Assert.False(await db.Mechanisms.AnyAsync(m => m.CoChairPeople.Count > 0));
        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        Assert.Contains($"href=\"{PortalRoutes.NewPersonRole(source)}\"", await staff.GetStringAsync(new Uri(PortalRoutes.NewMechanism(source), UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_observer_a_new_mechanism_and_a_new_co_chair_are_hidden_from_every_public_output_until_a_second_person_publishes_them()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await SourceAsync(marker);
        using var anonymous = fixture.Portal.CreateClient();
        anonymous.Timeout = TimeSpan.FromMinutes(5); // a bound for a machine shared with other work, never expected to be reached
        string[] outputs =
        [
            "/observers", "/working-groups", "/working-groups/working-group-disruption", "/members/new-zealand",
            "/api/v1/observers?pageSize=100", "/api/v1/working-groups?pageSize=100",
            "/api/v1/working-groups/working-group-disruption", "/api/v1/participants/new-zealand", "/sitemap.xml", "/changes.atom",
        ];
        var before = new Dictionary<string, string>();
        foreach (var url in outputs)
        {
            before[url] = await GetAsync(anonymous, url);
        }

        var (_, author) = await fixture.SecretariatAsync("Draft author");
        var observer = await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.AddAsync(author, new AddMembershipRequest(
            source, null, $"Atlantis {marker}", null, $"Atlantida {marker}", nameof(ParticipantKind.Government), "Polynesia", "Observers", "Observer", "2024-04", "Observers")));
        Assert.True(observer.Succeeded, string.Join("; ", observer.Problems.Select(p => p.Message)));
        var group = await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.AddAsync(author, new AddMechanismRequest(
            source, null, $"Task Force {marker}", false, null, null, nameof(MechanismKind.TaskForce), null, "2024", null, nameof(MechanismStatus.Active), "History",
            [new("new-zealand", nameof(MechanismRole.CoChair), "co-chaired by New Zealand", "2024", null, "History")])));
        Assert.True(group.Succeeded, string.Join("; ", group.Problems.Select(p => p.Message)));
        var coChair = await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.AddAsync(author, new AddMechanismRequest(
            source, "working-group-disruption", null, false, null, null, null, null, null, null, null, null,
            [new("fiji", nameof(MechanismRole.CoChair), $"Fiji co-chairs {marker}", "2024", null, "History")])));
        Assert.True(coChair.Succeeded, string.Join("; ", coChair.Problems.Select(p => p.Message)));
        // Decision 0041: the same role in the same words is refused (the draft says so); in other words it is a row of its own.
        AddMechanismRequest FijiCoChairs(string words) => new(source, "working-group-disruption", null, false, null, null, null, null, null, null, null, null,
            [new("fiji", nameof(MechanismRole.CoChair), words, "2024", null, "History")]);
        Assert.Contains("in these words", (await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.AddAsync(author, FijiCoChairs($"Fiji co-chairs {marker}")))).Problems.Single().Message, StringComparison.Ordinal);
        var otherWords = await fixture.WithPortalServiceAsync<MechanismEditor, MechanismCheck>(e => e.CheckAsync(FijiCoChairs($"Fiji also co-chairs {marker}")));
        Assert.True(otherWords.Succeeded, string.Join("; ", otherWords.Problems.Select(p => p.Message)));

        // The data outputs are the same bytes; the pages (each with its own script nonce) do not name the drafts.
        foreach (var url in outputs)
        {
            var now = await GetAsync(anonymous, url);
            if (url.StartsWith("/api/", StringComparison.Ordinal) || url.StartsWith("/sitemap", StringComparison.Ordinal) || url.EndsWith(".atom", StringComparison.Ordinal))
            {
                Assert.Equal(before[url], now);
            }
            else
            {
                Assert.DoesNotContain(marker, now, StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/participants/{observer.CreatedKey}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/working-groups/{group.CreatedKey}", UriKind.Relative))).StatusCode);
        using (var db = fixture.Portal.Database.CreateContext())
        {
            Assert.False(await db.Participants.AnyAsync(p => p.Slug == observer.CreatedKey));
            Assert.False(await db.MechanismMemberships.AnyAsync(m => m.AsWritten!.Contains(marker)));
            Assert.True(await db.Participants.IgnoreQueryFilters().AnyAsync(p => p.Slug == observer.CreatedKey && p.IsDraft && p.Origin == RecordOrigin.Staff));
        }

        var (_, reviewer) = await fixture.SecretariatAsync("Draft reviewer");
        foreach (var (published, url) in new[]
        {
            (await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.PublishAsync(reviewer, observer.CreatedKey!)), $"/api/v1/observers?pageSize=100"),
            (await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.PublishAsync(reviewer, group.CreatedKey!)), "/api/v1/working-groups?pageSize=100"),
            (await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.PublishAsync(reviewer, "working-group-disruption")), "/api/v1/working-groups/working-group-disruption"),
        })
        {
            Assert.True(published.Succeeded, string.Join("; ", published.Problems.Select(p => p.Message)));
            Assert.NotEqual(before[url], await GetAsync(anonymous, url));
        }

        Assert.Contains($"Atlantis {marker}", await GetAsync(anonymous, "/observers"), StringComparison.Ordinal);
        Assert.Contains($"Task Force {marker}", await GetAsync(anonymous, "/working-groups"), StringComparison.Ordinal);
        Assert.Contains("Fiji", await GetAsync(anonymous, "/api/v1/working-groups/working-group-disruption"), StringComparison.Ordinal);
        Assert.Contains(observer.CreatedKey!, await GetAsync(anonymous, "/sitemap.xml"), StringComparison.Ordinal);
    }

    /// <summary>Adding and publishing refused to anonymous, token-less, role-less and disabled requests and callers: nothing written.</summary>
    [Theory]
    [InlineData("anonymous")]
    [InlineData("token-less")]
    [InlineData("no role")]
    [InlineData("disabled")]
    public async Task Adding_and_publishing_memberships_and_mechanisms_are_refused_to_anonymous_token_less_role_less_and_disabled_callers(string caller)
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await SourceAsync(marker);
        var (_, owner) = await fixture.SecretariatAsync();
        var draft = await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.AddAsync(owner, new AddMembershipRequest(
            source, null, $"Erewhon {marker}", null, null, nameof(ParticipantKind.Government), null, "Observers", "Observer", null, "Observers")));
        Assert.True(draft.Succeeded);
        var user = caller == "anonymous" ? null : await StaffAccounts.CreateUserAsync(fixture.Portal, caller == "no role" ? "" : PortalRoles.Secretariat);
        using var client = user is null ? StaffAccounts.NewClient(fixture.Portal) : await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        var token = caller == "token-less" ? null : await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        var principal = user is null ? null : await StaffAccounts.PrincipalAsync(fixture.Portal, user.Id);
        if (caller == "disabled")
        {
            await using var scope = fixture.Portal.Services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await manager.FindByIdAsync(user!.Id))!;
            account.IsDisabled = true;
            Assert.True((await manager.UpdateAsync(account)).Succeeded);
        }

        var stored = await StoredAsync();
        var requests = new (string Url, List<KeyValuePair<string, string>> Fields, string Refusal)[]
        {
            ($"/staff/sources/{source}/memberships/new",
                [new("_handler", "add-membership"), new("Input.Step", "save"), new("Input.Name", $"Utopia {marker}"), new("Input.Kind", "Government"),
                 new("Input.NameLocation", "Observers"), new("Input.Status", "Observer"), new("Input.Location", "Observers")], "may not add changes of membership"),
            ($"/staff/participants/{draft.CreatedKey}", [new("_handler", "publish-membership")], "may not publish changes of membership"),
            ($"/staff/sources/{source}/mechanisms/new",
                [new("_handler", "add-mechanism"), new("Input.Step", "save"), new("Input.Mechanism", "working-group-disruption"),
                 new("member-participant-0", "fiji"), new("member-role-0", "CoChair"), new("member-locations-0", "History")], "may not add mechanisms"),
            ("/staff/mechanisms/working-group-disruption", [new("_handler", "publish-mechanism")], "may not publish mechanisms"),
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

        // The same at the service, with the caller's principal (a forged one for the anonymous and token-less cases).
        var asCaller = caller is "anonymous" or "token-less" ? (caller == "anonymous" ? null : StatementTestData.Forged()) : principal;
        var refusals = new[]
        {
            await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.AddAsync(asCaller, new AddMembershipRequest(source, "fiji", null, null, null, null, null, null, "Member", "2024", "History"))),
            await fixture.WithPortalServiceAsync<MembershipEditor, EditResult>(e => e.PublishAsync(asCaller, draft.CreatedKey!)),
            await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.AddAsync(asCaller, new AddMechanismRequest(source, "working-group-disruption", null, false, null, null, null, null, null, null, null, null,
                [new("fiji", nameof(MechanismRole.CoChair), null, null, null, "History")]))),
            await fixture.WithPortalServiceAsync<MechanismEditor, EditResult>(e => e.PublishAsync(asCaller, "working-group-disruption")),
        };
        Assert.All(refusals, r => Assert.Equal(EditOutcome.Refused, r.Outcome));
        Assert.Equal(stored, await StoredAsync());
    }

    /// <summary>A published staff source document holding a few lines of 004 and the test's marker.</summary>
    private async Task<string> SourceAsync(string marker)
    {
        var (_, uploader) = await fixture.SecretariatAsync("Document uploader");
        var added = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request(
            $"20 years of the Bali Process, excerpt {marker}", pasted: $"Members of the Bali Process\nObservers\nEstablishing the Bali Process\n{marker}\n", date: "2024-04")));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var (_, reviewer) = await fixture.SecretariatAsync("Document reviewer");
        Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        return added.CreatedKey!;
    }

    private async Task<(int, int, int, int, int)> StoredAsync()
    {
        await using var db = fixture.Portal.Database.CreateContext();
        return (await db.Participants.IgnoreQueryFilters().CountAsync(), await db.Memberships.IgnoreQueryFilters().CountAsync(p => !p.IsDraft),
            await db.Memberships.IgnoreQueryFilters().CountAsync(), await db.MechanismMemberships.IgnoreQueryFilters().CountAsync(), await db.RecordRevisions.CountAsync());
    }

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
