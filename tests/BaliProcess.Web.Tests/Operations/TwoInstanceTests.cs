using System.Diagnostics;
using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.Accounts;
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
        Database = await TestDatabase.CreateAsync("twoinst");
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
    /// /changes, both served from A's output cache before the edit, show the change within a second of the
    /// save (B's save evicts A's pages through PostgreSQL NOTIFY).
    /// </summary>
    [Fact]
    public async Task Signed_in_through_A_a_status_change_saved_in_Bs_editor_shows_on_As_cached_item_page_and_changes_within_a_second()
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
        var clock = Stopwatch.StartNew();
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        await Assertions.Expect(pageB.Locator(".form-message.success")).ToContainTextAsync(Labels.Of(target));
        var saved = clock.Elapsed;

        // Poll A (anonymous, as a visitor) until both pages show the note.
        var seenAfterSave = new Dictionary<string, TimeSpan>();
        while (seenAfterSave.Count < watched.Length && clock.Elapsed - saved < TimeSpan.FromSeconds(5))
        {
            foreach (var url in watched.Where(u => !seenAfterSave.ContainsKey(u)))
            {
                if ((await anonymousOnA.GetStringAsync(new Uri(url, UriKind.Relative))).Contains(note, StringComparison.Ordinal))
                {
                    seenAfterSave[url] = clock.Elapsed - saved;
                }
            }
        }

        var report = string.Join(", ", watched.Select(u => seenAfterSave.TryGetValue(u, out var t) ? $"{u} after {t.TotalMilliseconds:0} ms" : $"{u} never (5 s)"));
        Console.WriteLine($"two instances: click to saved {saved.TotalMilliseconds:0} ms; A showed the change: {report}");
        Assert.True(seenAfterSave.Count == watched.Length && seenAfterSave.Values.All(t => t < TimeSpan.FromSeconds(1)), $"A's cached pages after B's save: {report}");

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
    public async Task A_change_announced_by_instance_B_clears_the_search_summaries_and_pages_of_instance_A_within_a_second()
    {
        const string url = "/members/palau";
        const string word = "zyxwvutsrq";
        using var a = new HttpClient { BaseAddress = instances.A.ServerAddress };
        var searchUrl = $"/search?q={word}";

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

        var clock = Stopwatch.StartNew();
        await instances.B.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();

        string page;
        do
        {
            page = await a.GetStringAsync(new Uri(url, UriKind.Relative));
        }
        while (!page.Contains("Palau (renamed by a test)", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(5));
        var seenAfter = clock.Elapsed;
        Assert.True(seenAfter < TimeSpan.FromSeconds(1), $"A showed the change after {seenAfter.TotalMilliseconds:0} ms");

        // The search summary cache on A was cleared too: the new word is found.
        Assert.Contains("search-hit", await a.GetStringAsync(new Uri(searchUrl, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_protected_by_one_instance_is_readable_by_the_other()
    {
        var fromA = instances.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instance-test").Protect("signed in on A");
        var onB = instances.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instance-test").Unprotect(fromA);
        Assert.Equal("signed in on A", onB);
    }
}
