using System.Diagnostics;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>Two instances of the portal (A and B) on one database, as behind the proxy.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public PortalFactory A { get; private set; } = null!;

    public PortalFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("twoinst");
        A = new PortalFactory { SharedDatabase = Database };
        await A.InitializeAsync();
        // B starts on the database A prepared, like a second replica.
        B = new PortalFactory
        {
            SharedDatabase = Database,
            Settings = { ["Database:MigrateOnStartup"] = "false", ["Database:SeedOnStartup"] = "false" },
        };
        await B.InitializeAsync();
        await A.Services.GetRequiredService<CacheInvalidationListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        await B.Services.GetRequiredService<CacheInvalidationListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class TwoInstanceTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    /// <summary>
    /// A change made on B shows on A's cached pages within a second: the output cache and the search summary
    /// cache on A are both cleared by B's notification. Until staff editing exists, the "edit through B" is a
    /// direct database write followed by B's invalidation hook, exactly the call the editing code makes.
    /// </summary>
    [Fact]
    public async Task A_change_made_through_instance_B_shows_on_instance_A_within_a_second()
    {
        const string url = "/members/palau";
        const string word = "zyxwvutsrq";
        using var a = instances.A.CreateClient();
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
        await instances.B.Services.GetRequiredService<PublicCache>().InvalidateAsync(PublicCacheTags.Participants, PublicCacheTags.Statements);

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
