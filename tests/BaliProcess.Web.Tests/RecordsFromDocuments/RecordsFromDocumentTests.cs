using System.Net;
using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Notes.Adding;
using BaliProcess.Web.Features.People;
using BaliProcess.Web.Features.People.Adding;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Sources.FromDocument;
using BaliProcess.Web.Features.Timeline.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using BaliProcess.Web.Tests.Statements;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.RecordsFromDocuments;

/// <summary>
/// People's roles, timeline events, disagreements and open questions drawn from a staff-added document (decision 0035):
/// the forms can enter what the seed carries, a draft shows nowhere public, a second person publishes it everywhere with
/// a revision, and every refused caller writes nothing.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class RecordsFromDocumentTests(SourcesFixture fixture)
{
    private const string Seed000 = "000_c8949f303a282e20.txt";
    private const string Seed003 = "003_f496830a861f9ea6.txt";

    /// <summary>A published staff document holding a seed document's text (with a marker, so its hash is new); returns its slug and file name.</summary>
    private async Task<(string Slug, string FileName)> SourceAsync(string seedFile, string marker, bool publish = true)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.SourceDocumentsDirectory, seedFile)) + $"\n\n({marker})\n";
        var (_, uploader) = await fixture.SecretariatAsync("Document uploader");
        var added = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request($"{seedFile} copy {marker}", pasted: text, date: "2017")));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        if (publish)
        {
            var (_, reviewer) = await fixture.SecretariatAsync("Document reviewer");
            Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        }

        return (added.CreatedKey!, (await fixture.DocumentAsync(added.CreatedKey!)).FileName);
    }

    /// <summary>One table of the data package (its CSV), after checking that datapackage.json describes it with a schema.</summary>
    private static async Task<string> PackageTableAsync(HttpClient client, string table)
    {
        using var zip = new System.IO.Compression.ZipArchive(await client.GetStreamAsync(new Uri(PortalRoutes.DataPackage, UriKind.Relative)));
        using (var descriptor = System.Text.Json.JsonDocument.Parse(zip.GetEntry("datapackage.json")!.Open()))
        {
            var resource = descriptor.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == table);
            Assert.Equal($"data/{table}.csv", resource.GetProperty("path").GetString());
            Assert.Equal(["slug"], resource.GetProperty("schema").GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()));
        }

        using var reader = new StreamReader(zip.GetEntry($"data/{table}.csv")!.Open());
        return await reader.ReadToEndAsync();
    }

    private Task<T> With<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull => fixture.WithPortalServiceAsync(action);

    /// <summary>People, roles, events, disagreements, questions (drafts included) and revisions stored: what a refused request leaves unchanged.</summary>
    private async Task<(int, int, int, int, int, int)> StoredAsync()
    {
        await using var db = fixture.Portal.Database.CreateContext();
        return (await db.People.IgnoreQueryFilters().CountAsync(), await db.PersonRoles.IgnoreQueryFilters().CountAsync(), await db.TimelineEvents.IgnoreQueryFilters().CountAsync(),
            await db.Disagreements.IgnoreQueryFilters().CountAsync(), await db.OpenQuestions.IgnoreQueryFilters().CountAsync(), await db.RecordRevisions.CountAsync());
    }

    /// <summary>What the public reads give for a person and two notes, ids and times aside, the staff copy's file name read as the seed's.</summary>
    private async Task<string> PublicJsonAsync(Dictionary<string, string> fileNames)
    {
        var person = await With<PeopleReads, PersonDetail?>(r => r.GetAsync("hasan-kleib"));
        await using var db = fixture.Portal.Database.CreateContext();
        var disagreement = await db.Disagreements.AsNoTracking().Where(d => d.Subject == "meeting:tip-working-group-third-meeting-2017" && d.Field == "date")
            .Select(d => new { d.Subject, d.Field, d.Description, d.Values }).SingleOrDefaultAsync();
        var question = await db.OpenQuestions.AsNoTracking().Where(q => q.Subject == "meeting:technical-experts-workshop-trafficking-in-persons-2012" && q.Field == "co-chair's participant")
            .Select(q => new { q.Subject, q.Field, q.Description, q.Sources }).SingleOrDefaultAsync();
        var json = JsonSerializer.Serialize(new { person, disagreement, question });
        return fileNames.Aggregate(json, (text, f) => text.Replace(f.Key, f.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_seeded_role_disagreement_and_open_question_entered_through_the_forms_services_read_as_the_seeded_ones()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (doc000, file000) = await SourceAsync(Seed000, marker);
        var (doc003, file003) = await SourceAsync(Seed003, marker);
        var names = new Dictionary<string, string> { [file000] = Seed000, [file003] = Seed003 };
        var seeded = await PublicJsonAsync(names);
        Assert.Contains("H.E. Hasan Kleib", seeded, StringComparison.Ordinal);
        Assert.Contains("26 May 2017", seeded, StringComparison.Ordinal);

        // The seeded copies removed, as if seed-data/ had never held them.
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            db.People.RemoveRange(await db.People.Include(p => p.Roles).Where(p => p.Slug == "hasan-kleib").ToListAsync());
            db.Disagreements.RemoveRange(await db.Disagreements.Where(d => d.Subject == "meeting:tip-working-group-third-meeting-2017" && d.Field == "date").ToListAsync());
            db.OpenQuestions.RemoveRange(await db.OpenQuestions.Where(q => q.Subject == "meeting:technical-experts-workshop-trafficking-in-persons-2012" && q.Field == "co-chair's participant").ToListAsync());
            Assert.Equal(4, await db.SaveChangesAsync());
        }

        var (_, author) = await fixture.SecretariatAsync("Records author");
        var (_, reviewer) = await fixture.SecretariatAsync("Records reviewer");
        var role = await With<PersonRoleEditor, EditResult>(e => e.AddAsync(author, new AddPersonRoleRequest(
            doc000, null, "H.E. Hasan Kleib", nameof(PersonRoleKind.OpenedMeeting), "The workshop was opened by H.E. Hasan Kleib",
            "Director General for Multilateral Affairs, Ministry of Foreign Affairs of Indonesia", "indonesia", "technical-experts-workshop-trafficking-in-persons-2012",
            null, null, "paragraph 2")));
        Assert.True(role.Succeeded, string.Join("; ", role.Problems.Select(p => p.Message)));
        var seededDisagreement = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, "disagreements.json")))
            .EnumerateArray().Single(d => d.GetProperty("subject").GetString() == "meeting:tip-working-group-third-meeting-2017" && d.GetProperty("field").GetString() == "date");
        var disagreement = await With<NoteEditor, EditResult>(e => e.AddDisagreementAsync(author, new AddDisagreementRequest(
            doc003, "meeting:tip-working-group-third-meeting-2017", "date", seededDisagreement.GetProperty("description").GetString(),
            [.. seededDisagreement.GetProperty("values").EnumerateArray().Select(v => new DisagreeingValueInput(
                v.GetProperty("value").GetString(), "", v.GetProperty("source").GetProperty("location").GetString())), new(null, null, null)])));
        Assert.True(disagreement.Succeeded, string.Join("; ", disagreement.Problems.Select(p => p.Message)));
        var seededQuestion = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, "open-questions.json")))
            .EnumerateArray().Single(q => q.GetProperty("field").GetString() == "co-chair's participant");
        var question = await With<NoteEditor, EditResult>(e => e.AddOpenQuestionAsync(author, new AddOpenQuestionRequest(
            doc000, "meeting:technical-experts-workshop-trafficking-in-persons-2012", "co-chair's participant", seededQuestion.GetProperty("description").GetString(),
            [.. seededQuestion.GetProperty("sources").EnumerateArray().Select(s => new CitationInput(null, s.GetProperty("location").GetString()))])));
        Assert.True(question.Succeeded, string.Join("; ", question.Problems.Select(p => p.Message)));

        // Drafts: nothing public yet, and the author may not publish their own.
        Assert.DoesNotContain("Hasan Kleib", await PublicJsonAsync(names), StringComparison.Ordinal);
        var roleId = int.Parse(role.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("second pair of eyes", (await With<PersonRoleEditor, EditResult>(e => e.PublishAsync(author, roleId))).Problems.Single().Message, StringComparison.Ordinal);

        Assert.True((await With<PersonRoleEditor, EditResult>(e => e.PublishAsync(reviewer, roleId))).Succeeded);
        Assert.True((await With<NoteEditor, EditResult>(e => e.PublishDisagreementAsync(reviewer, int.Parse(disagreement.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture)))).Succeeded);
        Assert.True((await With<NoteEditor, EditResult>(e => e.PublishOpenQuestionAsync(reviewer, int.Parse(question.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture)))).Succeeded);

        Assert.Equal(seeded, await PublicJsonAsync(names));

        // Each publication appended its revision, in the seed-data shape; the new person has one of their own.
        await using var check = fixture.Portal.Database.CreateContext();
        var revisions = await check.RecordRevisions.AsNoTracking().OrderByDescending(r => r.Id).Take(4).ToListAsync();
        Assert.Equal(
            [RecordRevisionKinds.OpenQuestion, RecordRevisionKinds.Disagreement, RecordRevisionKinds.PersonRole, RecordRevisionKinds.Person],
            revisions.Select(r => r.RecordKind));
        Assert.Equal(["meeting:technical-experts-workshop-trafficking-in-persons-2012/co-chair's participant", "meeting:tip-working-group-third-meeting-2017/date", $"hasan-kleib/{roleId}", "hasan-kleib"],
            revisions.Select(r => r.RecordKey));
        Assert.All(revisions, r => Assert.Null(r.Before));
        Assert.Equal("OpenedMeeting", JsonDocument.Parse(revisions[2].After).RootElement.GetProperty("kind").GetString());
        var person = await check.People.AsNoTracking().SingleAsync(p => p.Slug == "hasan-kleib");
        Assert.Equal((RecordOrigin.Staff, false, "Records author", "Records reviewer"), (person.Origin, person.IsDraft, person.AddedBy, person.PublishedBy));

        // Published once: a second publication says by whom.
        Assert.Contains("already published by Records reviewer", (await With<PersonRoleEditor, EditResult>(e => e.PublishAsync(reviewer, roleId))).Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_show_nowhere_public_bad_requests_write_nothing_and_a_second_user_publishes_them_everywhere()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (doc, _) = await SourceAsync(Seed003, Guid.NewGuid().ToString("N")); // the document's own marker: it is public
        var (_, author) = await fixture.SecretariatAsync("Event author");
        var before = await StoredAsync();

        // Bad requests: each refused with its field, nothing written.
        var goodEvent = new AddTimelineEventRequest(doc, $"Launch of the Regional Support Office {marker}", "2012-09", "The RSO was launched", "Bangkok", "regional-support-office", null, "paragraph 3");
        Assert.Equal("date", (await With<TimelineEventEditor, EditResult>(e => e.AddAsync(author, goodEvent with { Date = "September 2012" }))).Problems.Single().Field);
        Assert.Equal("locations", (await With<TimelineEventEditor, EditResult>(e => e.AddAsync(author, goodEvent with { Locations = " \n " }))).Problems.Single().Field);
        Assert.Contains("U+0007", (await With<TimelineEventEditor, EditResult>(e => e.AddAsync(author, goodEvent with { Title = "Launch\u0007" }))).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal("mechanism", (await With<TimelineEventEditor, EditResult>(e => e.AddAsync(author, goodEvent with { Mechanism = "no-such-group" }))).Problems.Single().Field);
        Assert.Equal("source", (await With<TimelineEventEditor, EditResult>(e => e.AddAsync(author, goodEvent with { SourceSlug = "003-tip-working-group-2017" }))).Problems.Single().Field);
        var goodRole = new AddPersonRoleRequest(doc, null, $"Ms Ada {marker}", nameof(PersonRoleKind.CoChair), "co-chaired by Ms Ada", null, null, null, "regional-support-office", "2017-05", "paragraph 2");
        Assert.Equal("person", (await With<PersonRoleEditor, EditResult>(e => e.AddAsync(author, goodRole with { Person = "hasan-kleib" }))).Problems.Single().Field);
        Assert.Equal("kind", (await With<PersonRoleEditor, EditResult>(e => e.AddAsync(author, goodRole with { Kind = "Emperor" }))).Problems.Single().Field);
        var goodNote = new AddDisagreementRequest(doc, "meeting:tip-working-group-third-meeting-2017", $"place {marker}", $"The documents disagree {marker}.",
            [new("Bali", null, "paragraph 1"), new("Jakarta", Seed003, "heading")]);
        Assert.Equal("values", (await With<NoteEditor, EditResult>(e => e.AddDisagreementAsync(author, goodNote with { Values = [goodNote.Values[0]] }))).Problems.Single().Field);
        Assert.Equal("values", (await With<NoteEditor, EditResult>(e => e.AddDisagreementAsync(author, goodNote with { Values = [goodNote.Values[0], new("X", "no-such-file.txt", "p. 1")] }))).Problems.Single().Field);
        Assert.Equal("subject", (await With<NoteEditor, EditResult>(e => e.AddDisagreementAsync(author, goodNote with { Subject = "meeting:no-such-meeting" }))).Problems.Single().Field);
        Assert.Contains("correct that one instead", (await With<NoteEditor, EditResult>(e => e.AddDisagreementAsync(author, goodNote with { Field = "date" }))).Problems.Single().Message, StringComparison.Ordinal);
        var check = await With<TimelineEventEditor, RecordCheck>(e => e.CheckAsync(goodEvent));
        Assert.Equal(("When", "September 2012"), (check.Preview[1].Label, check.Preview[1].Value));
        Assert.Equal(before, await StoredAsync());

        var e1 = await With<TimelineEventEditor, EditResult>(e => e.AddAsync(author, goodEvent));
        var r1 = await With<PersonRoleEditor, EditResult>(e => e.AddAsync(author, goodRole));
        var d1 = await With<NoteEditor, EditResult>(e => e.AddDisagreementAsync(author, goodNote));
        var q1 = await With<NoteEditor, EditResult>(e => e.AddOpenQuestionAsync(author, new AddOpenQuestionRequest(doc, "general", $"question {marker}", $"None says {marker}.", [new(null, "paragraph 4")])));
        Assert.All(new[] { e1, r1, d1, q1 }, r => Assert.True(r.Succeeded, string.Join("; ", r.Problems.Select(p => p.Message))));
        Assert.Equal($"launch-of-the-regional-support-office-{marker}-2012", e1.CreatedKey);
        var personSlug = $"ada-{marker}";

        // A draft is in no public output: pages, the timeline (filtered or not), the sitemap, /changes and its feed.
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        var outputs = new[]
        {
            "/timeline", $"/timeline?kind={UrlWords.Of(MeetingKind.Event)}", "/people", "/sources", "/meetings/tip-working-group-third-meeting-2017",
            "/working-groups/regional-support-office", "/sitemap.xml", "/changes", "/changes.atom",
        };
        foreach (var url in outputs)
        {
            Assert.DoesNotContain(marker, await anonymous.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/timeline/{e1.CreatedKey}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/people/{personSlug}", UriKind.Relative))).StatusCode);
        // Nor in the API, its downloads, search or the data package (decision 0040).
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/timeline-events/{e1.CreatedKey}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync(new Uri("/api/v1/timeline-events", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync(new Uri("/download/timeline-events.csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain($"/timeline/{e1.CreatedKey}", await anonymous.GetStringAsync(new Uri($"/search?q={marker}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(0, (await OpenData.OpenDataHttp.GetJsonAsync(anonymous, $"/api/v1/search?q={marker}")).GetProperty("records").GetArrayLength());
        Assert.DoesNotContain(marker, await PackageTableAsync(anonymous, "timeline_events"), StringComparison.Ordinal);

        // The staff page of the document lists the four drafts and links the four forms.
        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        var staffPage = await staff.GetStringAsync(new Uri(PortalRoutes.StaffSource(doc), UriKind.Relative));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(staffPage, @"\(draft, added by (<span lang=""en"">)?Event author(</span>)?\)"));
        foreach (var form in new[] { PortalRoutes.NewPersonRole(doc), PortalRoutes.NewTimelineEvent(doc), PortalRoutes.NewDisagreement(doc), PortalRoutes.NewOpenQuestion(doc) })
        {
            Assert.Contains($"href=\"{form}\"", staffPage, StringComparison.Ordinal);
            Assert.Contains("Check", await staff.GetStringAsync(new Uri(form, UriKind.Relative)), StringComparison.Ordinal);
        }

        Assert.Contains("Draft: only staff see it", await staff.GetStringAsync(new Uri(PortalRoutes.StaffTimelineEvent(e1.CreatedKey!), UriKind.Relative)), StringComparison.Ordinal);

        // A second user publishes them: at once on every page that shows their kind.
        var (_, reviewer) = await fixture.SecretariatAsync("Event reviewer");
        static int Id(EditResult r) => int.Parse(r.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await With<TimelineEventEditor, EditResult>(e => e.PublishAsync(reviewer, e1.CreatedKey!))).Succeeded);
        Assert.True((await With<PersonRoleEditor, EditResult>(e => e.PublishAsync(reviewer, Id(r1)))).Succeeded);
        Assert.True((await With<NoteEditor, EditResult>(e => e.PublishDisagreementAsync(reviewer, Id(d1)))).Succeeded);
        Assert.True((await With<NoteEditor, EditResult>(e => e.PublishOpenQuestionAsync(reviewer, Id(q1)))).Succeeded);

        var timeline = await anonymous.GetStringAsync(new Uri($"/timeline?kind={UrlWords.Of(MeetingKind.Event)}", UriKind.Relative));
        Assert.Contains($"href=\"/timeline/{e1.CreatedKey}\"", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync(new Uri($"/timeline?kind={UrlWords.Of(MeetingKind.Workshop)}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("The RSO was launched", await anonymous.GetStringAsync(new Uri($"/timeline/{e1.CreatedKey}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Launch of the Regional Support Office", await anonymous.GetStringAsync(new Uri($"/timeline/{e1.CreatedKey}/history", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(marker, await anonymous.GetStringAsync(new Uri($"/people/{personSlug}", UriKind.Relative)), StringComparison.Ordinal);
        var meeting = await anonymous.GetStringAsync(new Uri("/meetings/tip-working-group-third-meeting-2017", UriKind.Relative));
        Assert.Contains($"The documents disagree {marker}.", meeting, StringComparison.Ordinal);
        Assert.Contains($"The documents disagree {marker}.", await anonymous.GetStringAsync(new Uri("/sources", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($"/timeline/{e1.CreatedKey}", await anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        var api = await OpenData.OpenDataHttp.GetJsonAsync(anonymous, $"/api/v1/timeline-events/{e1.CreatedKey}");
        Assert.Equal(("2012-09", "regional-support-office", $"/timeline/{e1.CreatedKey}"), (api.GetProperty("date").GetString(), api.GetProperty("mechanism").GetProperty("slug").GetString(), api.GetProperty("url").GetString()));
        Assert.Contains(marker, await anonymous.GetStringAsync(new Uri("/download/timeline-events.csv", UriKind.Relative)), StringComparison.Ordinal);
        var found = Assert.Single((await OpenData.OpenDataHttp.GetJsonAsync(anonymous, $"/api/v1/search?q={marker}")).GetProperty("records").EnumerateArray());
        Assert.Equal(("timeline-event", "Timeline event", $"/timeline/{e1.CreatedKey}"), (found.GetProperty("kind").GetString(), found.GetProperty("kindLabel").GetString(), found.GetProperty("url").GetString()));
        var searchPage = await anonymous.GetStringAsync(new Uri($"/search?q={marker}", UriKind.Relative));
        Assert.Contains($"href=\"/timeline/{e1.CreatedKey}\"", searchPage, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hit-kind\">Timeline event</span>", searchPage, StringComparison.Ordinal);
        Assert.Contains("No statement paragraph has these words, but a timeline event or programme does", searchPage, StringComparison.Ordinal);
        Assert.Contains($"Launch of the Regional Support Office {marker}", await PackageTableAsync(anonymous, "timeline_events"), StringComparison.Ordinal);
        var changes = await anonymous.GetStringAsync(new Uri("/changes", UriKind.Relative));
        Assert.Contains($"Launch of the Regional Support Office {marker}", changes, StringComparison.Ordinal);
        Assert.Contains($"Ms Ada {marker}", changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("token-less")]
    [InlineData("no role")]
    [InlineData("disabled")]
    public async Task Adding_and_publishing_are_refused_to_anonymous_token_less_role_less_and_disabled_callers_over_HTTP_and_at_the_service(string caller)
    {
        var marker = Guid.NewGuid().ToString("N");
        var (doc, _) = await SourceAsync(Seed003, marker);
        var (_, owner) = await fixture.SecretariatAsync();
        var eventRequest = new AddTimelineEventRequest(doc, $"Event {marker}", "2017", null, null, null, null, "paragraph 1");
        var roleRequest = new AddPersonRoleRequest(doc, null, $"Mr Bo {marker}", nameof(PersonRoleKind.CoChair), "co-chaired", null, null, null, null, null, "paragraph 1");
        var noteRequest = new AddDisagreementRequest(doc, "general", $"f {marker}", "d", [new("a", null, "p 1"), new("b", null, "p 2")]);
        var questionRequest = new AddOpenQuestionRequest(doc, "general", $"q {marker}", "d", [new(null, "p 1")]);
        var ev = await With<TimelineEventEditor, EditResult>(e => e.AddAsync(owner, eventRequest));
        var role = await With<PersonRoleEditor, EditResult>(e => e.AddAsync(owner, roleRequest));
        var note = await With<NoteEditor, EditResult>(e => e.AddDisagreementAsync(owner, noteRequest));
        var question = await With<NoteEditor, EditResult>(e => e.AddOpenQuestionAsync(owner, questionRequest));
        Assert.All(new[] { ev, role, note, question }, r => Assert.True(r.Succeeded));

        // At the service: the principal each caller stands for.
        ClaimsPrincipal? principal = caller switch
        {
            "anonymous" => null,
            "token-less" => StatementTestData.Forged(), // the service's counterpart: a principal no account backs
            "no role" => (await fixture.AccountAsync("")).Principal,
            _ => (await fixture.AccountAsync(PortalRoles.Secretariat, disabled: true)).Principal,
        };
        var before = await StoredAsync();
        static int Id(EditResult r) => int.Parse(r.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture);
        var results = new[]
        {
            await With<TimelineEventEditor, EditResult>(e => e.AddAsync(principal, eventRequest)),
            await With<TimelineEventEditor, EditResult>(e => e.PublishAsync(principal, ev.CreatedKey!)),
            await With<PersonRoleEditor, EditResult>(e => e.AddAsync(principal, roleRequest)),
            await With<PersonRoleEditor, EditResult>(e => e.PublishAsync(principal, Id(role))),
            await With<NoteEditor, EditResult>(e => e.AddDisagreementAsync(principal, noteRequest with { Field = "other" })),
            await With<NoteEditor, EditResult>(e => e.PublishDisagreementAsync(principal, Id(note))),
            await With<NoteEditor, EditResult>(e => e.AddOpenQuestionAsync(principal, questionRequest with { Field = "other" })),
            await With<NoteEditor, EditResult>(e => e.PublishOpenQuestionAsync(principal, Id(question))),
        };
        Assert.All(results, r => Assert.Equal(EditOutcome.Refused, r.Outcome));

        // Over HTTP, as a browser without script posts each form.
        var user = caller == "anonymous" ? null : await StaffAccounts.CreateUserAsync(fixture.Portal, caller == "no role" ? "" : PortalRoles.Secretariat);
        using var client = user is null ? StaffAccounts.NewClient(fixture.Portal) : await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        var token = caller == "token-less" ? null : await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        if (caller == "disabled")
        {
            // Disabled after signing in: the cookie is still valid for a while, the write service is not fooled.
            await using var scope = fixture.Portal.Services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await manager.FindByIdAsync(user!.Id))!;
            account.IsDisabled = true;
            Assert.True((await manager.UpdateAsync(account)).Succeeded);
        }

        var posts = new (string Url, List<KeyValuePair<string, string>> Fields)[]
        {
            (PortalRoutes.NewTimelineEvent(doc), [new("_handler", "add-timeline-event"), new("Input.Title", $"Event 2 {marker}"), new("Input.Date", "2017"), new("Input.Locations", "p 1"), new("Input.Step", "save")]),
            (PortalRoutes.StaffTimelineEvent(ev.CreatedKey!), [new("_handler", "publish-timeline-event")]),
            (PortalRoutes.NewPersonRole(doc), [new("_handler", "add-person-role"), new("Input.NewName", $"Ms Cy {marker}"), new("Input.Kind", "CoChair"), new("Input.AsWritten", "x"), new("Input.Location", "p 1"), new("Input.Step", "save")]),
            (PortalRoutes.StaffPersonRole(Id(role)), [new("_handler", "publish-person-role")]),
            (PortalRoutes.NewDisagreement(doc), [new("_handler", "add-disagreement"), new("Input.Subject", "general"), new("Input.Field", $"g {marker}"), new("Input.Description", "d"), new("value-0", "a"), new("value-location-0", "p"), new("value-1", "b"), new("value-location-1", "q"), new("Input.Step", "save")]),
            (PortalRoutes.StaffDisagreement(Id(note)), [new("_handler", "publish-note")]),
            (PortalRoutes.NewOpenQuestion(doc), [new("_handler", "add-open-question"), new("Input.Subject", "general"), new("Input.Field", $"h {marker}"), new("Input.Description", "d"), new("source-location-0", "p"), new("Input.Step", "save")]),
            (PortalRoutes.StaffOpenQuestion(Id(question)), [new("_handler", "publish-note")]),
        };
        foreach (var (url, fields) in posts)
        {
            if (token is not null)
            {
                fields.Add(new("__RequestVerificationToken", token));
            }

            var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
            Assert.True((int)response.StatusCode is 200 or 302 or 400 or 403, $"{url} answered {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains("may not", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await StoredAsync());
    }
}
