using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Search.Index;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Browser;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>
/// Two instances of the portal (A and B) on real ports and one database, as behind the proxy (each with its
/// own output cache, sharing Data Protection keys and cache invalidations), and Debian's Chromium.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public TestDatabase Database { get; private set; } = null!;

    public PortalFactory A { get; private set; } = null!;

    public PortalFactory B { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateSeededAsync("twoinst");
        A = new PortalFactory { SharedDatabase = Database, UseRealServer = true };
        await A.InitializeAsync();
        // B starts on the database A prepared, like a second replica.
        B = new PortalFactory
        {
            SharedDatabase = Database,
            UseRealServer = true,
            Settings = { ["Database:MigrateOnStartup"] = "false", ["Database:SeedOnStartup"] = "false" },
        };
        await B.InitializeAsync();
        await A.Services.GetRequiredService<RecordChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        await B.Services.GetRequiredService<RecordChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public static string Origin(PortalFactory instance) => instance.ServerAddress.ToString().TrimEnd('/');

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class TwoInstanceTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    private const string Plan = "tip-working-group-forward-work-plan-2015-17";

    /// <summary>
    /// The test, end to end: a Secretariat account signs in through A in Chromium; its cookies are
    /// carried to a browser context of B's origin (B accepts them only because the Data Protection keys are
    /// shared); the status of item 7 is changed and saved in B's interactive editor; A's public item page and
    /// /changes, both served from A's output cache before the edit, show the change as soon as the
    /// save reaches A (B's save notifies A through PostgreSQL NOTIFY; the lag is measured in docs/benchmarks.md, not here).
    /// </summary>
    [Fact]
    public async Task Signed_in_through_A_a_status_change_saved_in_Bs_editor_shows_on_As_cached_item_page_and_changes_once_A_hears_of_it()
    {
        var itemPage = $"/work-plans/{Plan}/items/7";
        string[] watched = [itemPage, "/changes"];
        var user = await StaffAccounts.CreateUserAsync(instances.A, PortalRoles.Secretariat, displayName: "Editor On B");
        var note = $"Delivered and reported through instance B {Guid.NewGuid():N}";
        ActionItemStatus current;
        await using (var db = instances.Database.CreateContext())
        {
            current = await db.ActionItems.Where(i => i.WorkPlan!.Slug == Plan && i.Number == "7").Select(i => i.Status).SingleAsync();
        }

        var target = current == ActionItemStatus.Complete ? ActionItemStatus.Ongoing : ActionItemStatus.Complete;

        // A's public pages are in A's output cache before the edit: the second request is a cache hit (Age).
        using var anonymousOnA = new HttpClient { BaseAddress = instances.A.ServerAddress };
        foreach (var url in watched)
        {
            Assert.DoesNotContain(note, await anonymousOnA.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
            using var again = await anonymousOnA.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(again.Headers.Age is not null, $"{url} on A was not served from A's output cache before the edit");
        }

        // Sign in through A.
        await using var contextA = await instances.Browser.NewContextAsync(new() { BaseURL = TwoInstancesFixture.Origin(instances.A) });
        var pageA = await contextA.NewPageAsync();
        await StaffAccounts.SignInAsync(pageA, user.Email!, StaffAccounts.Password);
        var cookiesFromA = await contextA.CookiesAsync();
        Assert.Contains(cookiesFromA, c => c.Name == AccountsSetup.SessionCookieName);

        // A context of its own for B, holding only what A issued (cookies ignore ports, but contexts do not share them).
        await using var contextB = await instances.Browser.NewContextAsync(new() { BaseURL = TwoInstancesFixture.Origin(instances.B) });
        await contextB.AddCookiesAsync(cookiesFromA.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = TwoInstancesFixture.Origin(instances.B),
            HttpOnly = c.HttpOnly,
            SameSite = c.SameSite,
        }));
        var pageB = await contextB.NewPageAsync();
        await pageB.GotoAsync($"/staff/work-plans/{Plan}/items/7");
        Assert.True(
            pageB.Url.StartsWith(TwoInstancesFixture.Origin(instances.B) + "/staff/", StringComparison.Ordinal),
            $"B did not accept the sign-in cookie A issued: it sent the browser to {pageB.Url}");
        await pageB.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(pageB.Locator("#status-note")).ToBeVisibleAsync();

        await StaffEditor.ChooseStatusAsync(pageB, Labels.Of(target));
        await pageB.Locator("#status-note").FillAsync(note);
        var heardFromOthers = instances.A.Services.GetRequiredService<RecordChangeListener>().ChangesFromOtherInstances;
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        await Assertions.Expect(pageB.Locator(".form-message.success")).ToContainTextAsync(Labels.Of(target));

        // Once A has taken in B's change (its notification arrived), A's cached pages show it on the next request.
        await WaitUntilAsync(() => instances.A.Services.GetRequiredService<RecordChangeListener>().ChangesFromOtherInstances > heardFromOthers);
        foreach (var url in watched)
        {
            Assert.Contains(note, await anonymousOnA.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
        }

        // The change landed once, by the account that signed in on A.
        await using (var db = instances.Database.CreateContext())
        {
            var entries = await db.ActionItemStatusChanges.Where(c => c.Note == note).ToListAsync();
            Assert.Single(entries);
            Assert.Equal(user.Id, entries[0].ChangedByUserId);
            Assert.Equal(target, entries[0].ToStatus);
        }
    }

    /// <summary>
    /// The search summary cache is per instance too: a change announced by B empties A's, so a search on A
    /// finds a word that was written meanwhile (here straight into the database, then B's invalidation hook).
    /// </summary>
    [Fact]
    public async Task A_change_announced_by_instance_B_reaches_the_pages_and_search_of_instance_A()
    {
        const string url = "/members/palau";
        const string word = "zyxwvutsrq";
        using var a = new HttpClient { BaseAddress = instances.A.ServerAddress };
        var searchUrl = $"/search?q={word}";

        var holder = instances.A.Services.GetRequiredService<ParagraphIndexHolder>();
        await WaitUntilAsync(() => holder.Current is not null);
        var indexBefore = holder.Current!;

        // Warm A's caches: the page, and a search that finds nothing yet.
        var before = await a.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.DoesNotContain("Palau (renamed by a test)", before, StringComparison.Ordinal);
        Assert.DoesNotContain("search-hit", await a.GetStringAsync(new Uri(searchUrl, UriKind.Relative)), StringComparison.Ordinal);
        using (var cached = await a.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        await using (var db = instances.Database.CreateContext())
        {
            await db.Participants.Where(p => p.Slug == "palau").ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Palau (renamed by a test)"));
            var paragraph = await db.Paragraphs.OrderBy(p => p.Id).FirstAsync();
            await db.Paragraphs.Where(p => p.Id == paragraph.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Text, paragraph.Text + " " + word));
        }

        var heardFromOthers = instances.A.Services.GetRequiredService<RecordChangeListener>().ChangesFromOtherInstances;
        await instances.B.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();
        await WaitUntilAsync(() => instances.A.Services.GetRequiredService<RecordChangeListener>().ChangesFromOtherInstances > heardFromOthers);
        Assert.Contains("Palau (renamed by a test)", await a.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);

        // The search summary cache on A was cleared too: the new word is found (in SQL, until A's index is current again).
        Assert.Contains("search-hit", await a.GetStringAsync(new Uri(searchUrl, UriKind.Relative)), StringComparison.Ordinal);

        // A's in-memory index comes back for the new generation updated with the changed paragraph, not rebuilt
        // (its earlier version is a tombstone; decision 0027), and finds the word itself.
        await WaitUntilAsync(() => holder.Current is not null);
        var index = holder.Current!;
        Assert.Equal(indexBefore.RemovedCount + 1, index.RemovedCount);
        Assert.Equal(indexBefore.ParagraphCount, index.ParagraphCount);
        Assert.Equal(1, index.Answer(TextQuery.TryParse($"'{word}'"), new IndexFilters(null, null, null, null, null), 10).Total);
    }

    /// <summary>
    /// The stress test of docs/decisions/0018: four editors save status changes at the same time, two through each
    /// instance, while readers on both instances fetch every kind of output that shows them (the item pages, the
    /// work plan in the API, its CSV, /changes and its Atom feed, search). Once each instance has taken in the other's
    /// commits, neither serves anything older than the last commit, whatever its caches held while the saves ran.
    /// The notification lag seen here is printed; docs/benchmarks.md records it.
    /// </summary>
    [Fact]
    public async Task Concurrent_saves_on_both_instances_with_readers_on_both_leave_neither_serving_anything_older_than_the_last_commit()
    {
        const int rounds = 8;
        var user = await StaffAccounts.CreateUserAsync(instances.A, PortalRoles.Secretariat, displayName: "Stress Editor");
        PortalFactory[] both = [instances.A, instances.B];
        var principals = new[] { await StaffAccounts.PrincipalAsync(instances.A, user.Id), await StaffAccounts.PrincipalAsync(instances.B, user.Id) };
        List<(int Id, string Number)> items;
        int planId;
        await using (var db = instances.Database.CreateContext())
        {
            planId = await db.WorkPlans.Where(w => w.Slug == Plan).Select(w => w.Id).SingleAsync();
            items = [.. (await db.ActionItems.Where(i => i.WorkPlanId == planId && i.Number != "7").OrderBy(i => i.Sequence).Take(4)
                .Select(i => new { i.Id, i.Number }).ToListAsync()).Select(i => (i.Id, i.Number))];
        }

        var lags = new System.Collections.Concurrent.ConcurrentBag<double>();
        using var lagListener = new System.Diagnostics.Metrics.MeterListener();
        lagListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CacheMetrics.MeterName && instrument.Name == "portal.record.notification.lag")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        lagListener.SetMeasurementEventCallback<double>((_, value, _, _) => lags.Add(value));
        lagListener.Start();

        var heardBefore = both.Select(p => p.Services.GetRequiredService<RecordChangeListener>().ChangesFromOtherInstances).ToArray();
        var run = $"{Guid.NewGuid():N}"[..10];
        using var stopReading = new CancellationTokenSource();
        var readerFailures = new System.Collections.Concurrent.ConcurrentBag<string>();
        string[] outputs =
        [
            $"/work-plans/{Plan}/items/{items[0].Number}", "/changes", "/changes.atom", $"/api/v1/work-plans/{Plan}",
            $"/download/work-plans/{Plan}/items.csv", $"/search?q=stress{run}",
        ];
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = both[r % 2].ServerAddress };
            for (var n = 0; !stopReading.IsCancellationRequested; n++)
            {
                using var response = await client.GetAsync(new Uri(outputs[n % outputs.Length], UriKind.Relative), CancellationToken.None);
                if ((int)response.StatusCode >= 500)
                {
                    readerFailures.Add($"{outputs[n % outputs.Length]}: {(int)response.StatusCode}");
                }
            }
        })).ToList();

        var writers = items.Select((item, w) => Task.Run(async () =>
        {
            var instance = both[w % 2];
            var last = "";
            for (var round = 0; round < rounds; round++)
            {
                uint version;
                ActionItemStatus status;
                await using (var db = instances.Database.CreateContext())
                {
                    var current = await db.ActionItems.Where(i => i.Id == item.Id).Select(i => new { i.Version, i.Status }).SingleAsync();
                    (version, status) = (current.Version, current.Status);
                }

                last = $"Stress {run} editor {w} round {round}";
                var target = status == ActionItemStatus.Complete ? ActionItemStatus.Ongoing : ActionItemStatus.Complete;
                await using var scope = instance.Services.CreateAsyncScope();
                var saved = await scope.ServiceProvider.GetRequiredService<WorkPlanEditor>().ChangeStatusAsync(
                    principals[w % 2], new StatusChangeRequest(item.Id, version, target, last, new DateOnly(2024, 1, 1)));
                Assert.Equal(EditOutcome.Saved, saved.Outcome);
            }

            return (item.Number, Note: last);
        })).ToList();

        var finals = await Task.WhenAll(writers);
        // The last commit of all: an item whose text has a word of its own, so that search must show it too.
        string addedNumber;
        await using (var scope = instances.B.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<WorkPlanEditor>().AddItemAsync(
                principals[1], new AddItemRequest(planId, null, $"Follow up stress{run} on both instances", ActionItemStatus.ForAction, "Added last", new DateOnly(2024, 1, 2)));
            Assert.Equal(EditOutcome.Saved, added.Outcome);
            addedNumber = added.CreatedKey!;
        }

        await stopReading.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Empty(readerFailures);

        // Each instance has taken in every commit of the other (2 editors x rounds each; B also added the item).
        int[] commitsByOthers = [(rounds * 2) + 1, rounds * 2];
        for (var i = 0; i < both.Length; i++)
        {
            var listener = both[i].Services.GetRequiredService<RecordChangeListener>();
            var expected = heardBefore[i] + commitsByOthers[i];
            await WaitUntilAsync(() => listener.ChangesFromOtherInstances >= expected);
        }

        foreach (var instance in both)
        {
            using var client = new HttpClient { BaseAddress = instance.ServerAddress };
            async Task<string> Get(string url) => System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
            var api = await Get($"/api/v1/work-plans/{Plan}");
            var csv = await Get($"/download/work-plans/{Plan}/items.csv");
            var changes = await Get("/changes");
            var feed = await Get("/changes.atom");
            foreach (var (number, note) in finals)
            {
                Assert.Contains(note, await Get($"/work-plans/{Plan}/items/{number}"), StringComparison.Ordinal);
                Assert.Contains(note, api, StringComparison.Ordinal);
                Assert.Contains(note, csv, StringComparison.Ordinal);
                Assert.Contains(note, changes, StringComparison.Ordinal);
                Assert.Contains(note, feed, StringComparison.Ordinal);
            }

            Assert.Contains($"/work-plans/{Plan}#item-{addedNumber}\"", await Get($"/search?q=stress{run}"), StringComparison.Ordinal);
            Assert.Contains($"/work-plans/{Plan}#item-{addedNumber}\"", await Get($"/api/v1/search?q=stress{run}"), StringComparison.Ordinal);
        }

        var sorted = lags.Order().ToArray();
        Console.WriteLine(sorted.Length == 0 ? "notification lag: none measured" : FormattableString.Invariant(
            $"notification lag over {sorted.Length} changes: p50 {sorted[sorted.Length / 2]:0.0} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:0.0} ms, max {sorted[^1]:0.0} ms"));
    }

    /// <summary>
    /// A meeting added from a document and published through B (decision 0029) is on A's meetings list as soon as A hears
    /// of the commit, although A had that list in its output cache without it.
    /// </summary>
    [Fact]
    public async Task A_meeting_published_through_B_is_on_As_cached_meetings_list_once_A_hears_of_it()
    {
        var marker = Guid.NewGuid().ToString("N");
        const string list = "/meetings?from=2015&to=2015";
        using var a = new HttpClient { BaseAddress = instances.A.ServerAddress };
        Assert.DoesNotContain(marker, await a.GetStringAsync(new Uri(list, UriKind.Relative)), StringComparison.Ordinal);
        using (var cached = await a.GetAsync(new Uri(list, UriKind.Relative)))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        var author = await StaffAccounts.PrincipalAsync(instances.B, (await StaffAccounts.CreateUserAsync(instances.B, PortalRoles.Secretariat)).Id);
        var reviewer = await StaffAccounts.PrincipalAsync(instances.B, (await StaffAccounts.CreateUserAsync(instances.B, PortalRoles.Secretariat)).Id);
        await using var scope = instances.B.Services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<Features.Sources.SourceDocumentEditor>();
        var meetings = scope.ServiceProvider.GetRequiredService<Features.Meetings.Adding.MeetingEditor>();
        var document = await documents.AddAsync(author, new(
            $"Symposium outcomes {marker}", "Bali Process", "2015", null, null, null, null, $"On 25-26 March 2015 ({marker}) Thailand and Australia co-chaired a symposium."));
        Assert.True(document.Succeeded, string.Join("; ", document.Problems.Select(p => p.Message)));
        Assert.True((await documents.PublishAsync(reviewer, document.CreatedKey!)).Succeeded);
        IReadOnlyList<Features.Meetings.Adding.AttendanceListInput> lists = [new(AttendanceRole.CoChair, "Thailand, Australia", "paragraph 1")];
        var added = await meetings.AddAsync(author, new(
            document.CreatedKey!, nameof(MeetingKind.Symposium), null, $"Symposium {marker}", "2015-03-25", "2015-03-26", null, null, null, null, "paragraph 1",
            [], lists, Features.Meetings.Adding.MeetingEditor.HashOf(lists)), new Dictionary<string, Features.Meetings.Adding.NameDecision>());
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var heardFromOthers = instances.A.Services.GetRequiredService<RecordChangeListener>().ChangesFromOtherInstances;

        Assert.True((await meetings.PublishAsync(reviewer, added.CreatedKey!)).Succeeded);

        await WaitUntilAsync(() => instances.A.Services.GetRequiredService<RecordChangeListener>().ChangesFromOtherInstances > heardFromOthers);
        Assert.Contains($"/meetings/{added.CreatedKey}", await a.GetStringAsync(new Uri(list, UriKind.Relative)), StringComparison.Ordinal);
    }

    /// <summary>
    /// The kinds staff add from a document since meetings (decisions 0033-0035, 0040): an outcome document, a change of
    /// membership (a new observer), a mechanism and a timeline event, each published through A while a reader fetches B's
    /// lists, pages, API and search all along. B serves each on its page and in the API (and the event in search, page and
    /// API) once it has heard of A's commit, although it had those lists in its caches without them; the reader never gets
    /// an error.
    /// </summary>
    [Fact]
    public async Task Outcome_documents_memberships_mechanisms_and_timeline_events_published_on_A_show_on_B_with_a_reader_running()
    {
        var marker = $"kinds{Guid.NewGuid():N}"[..20];
        var author = await StaffAccounts.PrincipalAsync(instances.A, (await StaffAccounts.CreateUserAsync(instances.A, PortalRoles.Secretariat)).Id);
        var reviewer = await StaffAccounts.PrincipalAsync(instances.A, (await StaffAccounts.CreateUserAsync(instances.A, PortalRoles.Secretariat)).Id);
        using var b = new HttpClient { BaseAddress = instances.B.ServerAddress };
        async Task<string> OnB(string url)
        {
            using var response = await b.GetAsync(new Uri(url, UriKind.Relative));
            return response.IsSuccessStatusCode ? System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()) : $"({(int)response.StatusCode})";
        }

        // B's lists and search, in its caches before anything is published.
        string[] lists = [PortalRoutes.Documents, PortalRoutes.Observers, PortalRoutes.WorkingGroups, PortalRoutes.Timeline, "/api/v1/observers?pageSize=100", "/api/v1/timeline-events", $"/api/v1/search?q={marker}"];
        foreach (var url in lists)
        {
            var body = await OnB(url);
            Assert.DoesNotContain($"Atlantis {marker}", body, StringComparison.Ordinal);
            Assert.DoesNotContain($"/timeline/launch-of-guide-{marker}", body, StringComparison.Ordinal);
        }

        using var stopReading = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = instances.B.ServerAddress };
            for (var n = 0; !stopReading.IsCancellationRequested; n++)
            {
                using var response = await client.GetAsync(new Uri(lists[n % lists.Length], UriKind.Relative), CancellationToken.None);
                Interlocked.Increment(ref reads);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{lists[n % lists.Length]}: {(int)response.StatusCode}");
                }
            }
        });

        await using var scope = instances.A.Services.CreateAsyncScope();
        var kinds = new RecordsFromDocuments.NewKindsTestData(scope.ServiceProvider, author, reviewer, marker);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var source = await kinds.SourceAsync();
        Console.WriteLine($"source document added and published on A in {started.ElapsedMilliseconds} ms");
        var listener = instances.B.Services.GetRequiredService<RecordChangeListener>();

        // Each published on A, then read on B: the page first (waiting for B to take the change in), then the rest at once.
        async Task SeenOnBAsync(Func<Task<string>> publish, Func<string, string[]> outputs, string expected)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var heard = listener.ChangesFromOtherInstances;
            var key = await publish();
            var published = watch.ElapsedMilliseconds;
            var urls = outputs(key);
            await WaitUntilAsync(() => listener.ChangesFromOtherInstances > heard);
            await WaitUntilAsync(async () => (await OnB(urls[0])).Contains(expected, StringComparison.Ordinal));
            var seen = watch.ElapsedMilliseconds;
            foreach (var url in urls.Skip(1))
            {
                Assert.Contains(expected, await OnB(url), StringComparison.Ordinal);
            }

            Console.WriteLine(FormattableString.Invariant($"{key}: added and published on A in {published} ms, on B's page {seen - published} ms later, {urls.Length - 1} more outputs read in {watch.ElapsedMilliseconds - seen} ms"));
        }

        await SeenOnBAsync(() => kinds.OutcomeDocumentAsync(source), key => [PortalRoutes.Document(key), $"/api/v1/documents/{key}", PortalRoutes.Documents], $"Guide {marker}");
        await SeenOnBAsync(() => kinds.MembershipAsync(source), key => [PortalRoutes.Participant(key, MembershipStatus.Observer), $"/api/v1/participants/{key}", PortalRoutes.Observers, "/api/v1/observers?pageSize=100"], $"Atlantis {marker}");
        await SeenOnBAsync(() => kinds.MechanismAsync(source), key => [PortalRoutes.WorkingGroup(key), $"/api/v1/working-groups/{key}", PortalRoutes.WorkingGroups], $"Task Force {marker}");
        await SeenOnBAsync(() => kinds.TimelineEventAsync(source), key => [PortalRoutes.TimelineEvent(key), $"/api/v1/timeline-events/{key}", "/api/v1/timeline-events", PortalRoutes.Timeline, $"/api/v1/search?q={marker}", $"/search?q={marker}"], $"/timeline/launch-of-guide-{marker}");

        await stopReading.CancelAsync();
        await reader;
        Assert.Empty(failures);
        Assert.True(reads > lists.Length, $"the reader made {reads} requests");
    }

    /// <summary>Polls an asynchronous condition (fails after a minute: a bound for a broken portal, not a speed target).</summary>
    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!await condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    /// <summary>Polls a condition (fails after a minute: a bound for a broken portal, not a speed target).</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    [Fact]
    public void Data_protected_by_one_instance_is_readable_by_the_other()
    {
        var fromA = instances.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instance-test").Protect("signed in on A");
        var onB = instances.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instance-test").Unprotect(fromA);
        Assert.Equal("signed in on A", onB);
    }
}
