using System.Threading.Channels;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>
/// The ways the caches used to serve something older than the last change (docs/decisions/0018), each reproduced
/// against the real portal and PostgreSQL. Pages are made to wait at a chosen point by holding a table lock in
/// PostgreSQL, and the tests wait for the page's query to be seen waiting (an event), never for a time.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CacheRaceTests(PortalFactory portal)
{
    private const string Statement = "following-the-money-forum-2016-co-chairs-statement";

    /// <summary>
    /// A statement page reads the statement, then its paragraphs, then its disagreements. The page is held at the
    /// third read while the statement's title changes and the change is announced; then it finishes with the old
    /// title. Under the old design it was stored in the output cache after the eviction and served to every later
    /// visitor for ten minutes; now it is kept under the generation it began in, which nobody asks for again.
    /// </summary>
    [Fact]
    public async Task A_page_whose_render_began_before_a_change_is_never_served_after_the_change()
    {
        var changes = portal.Services.GetRequiredService<RecordChanges>();
        using var client = portal.CreateClient();
        string original;
        await using (var db = portal.Database.CreateContext())
        {
            original = await db.Statements.Where(s => s.Slug == Statement).Select(s => s.Title).SingleAsync();
        }

        const string changed = "Co-Chairs Statement (title changed while a page was rendering)";
        await changes.AnnounceCommittedAsync();   // nothing of this statement is held in memory now
        try
        {
            await using var locker = new NpgsqlConnection(portal.Database.ConnectionString);
            await locker.OpenAsync();
            await using var holding = await locker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE disagreements IN ACCESS EXCLUSIVE MODE", locker, holding))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            var rendering = client.GetStringAsync(new Uri($"/statements/{Statement}", UriKind.Relative));
            await WaitForAQueryBlockedOnALockAsync();

            // The change lands and is announced while that render holds the old title.
            await using (var db = portal.Database.CreateContext())
            {
                await db.Statements.Where(s => s.Slug == Statement).ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, changed));
            }

            await changes.AnnounceCommittedAsync();
            await holding.RollbackAsync();
            Assert.Contains(original, System.Net.WebUtility.HtmlDecode(await rendering), StringComparison.Ordinal);   // it rendered what it had read

            using var next = await client.GetAsync(new Uri($"/statements/{Statement}", UriKind.Relative));
            var page = System.Net.WebUtility.HtmlDecode(await next.Content.ReadAsStringAsync());
            Assert.Contains(changed, page, StringComparison.Ordinal);
            Assert.DoesNotContain(original, page, StringComparison.Ordinal);
        }
        finally
        {
            await using var db = portal.Database.CreateContext();
            await db.Statements.Where(s => s.Slug == Statement).ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, original));
            await changes.AnnounceCommittedAsync();
        }
    }

    /// <summary>Made-up query parameters get the page as it is: one cache entry, not one per value.</summary>
    [Fact]
    public async Task A_page_varies_only_by_the_query_parameters_it_reads()
    {
        using var client = portal.CreateClient();
        using (await client.GetAsync(new Uri("/observers?utm_source=1", UriKind.Relative)))
        {
        }

        using var other = await client.GetAsync(new Uri("/observers?utm_source=2&x=y", UriKind.Relative));
        Assert.NotNull(other.Headers.Age);   // served from the entry the first request stored

        using (await client.GetAsync(new Uri("/meetings?kind=ministerial-conference", UriKind.Relative)))
        {
        }

        using var filtered = await client.GetAsync(new Uri("/meetings?kind=senior-officials-meeting", UriKind.Relative));
        Assert.Null(filtered.Headers.Age);   // a parameter the page reads: its own entry
    }

    /// <summary>
    /// The words a visitor asks to be marked on a statement (?hl=, from search results) are marked per request and
    /// never key a kept copy of the statement: 9,000 different words once grew one instance to 1.15 GB.
    /// </summary>
    [Fact]
    public async Task Search_words_marked_on_a_statement_add_nothing_to_the_record_cache()
    {
        using var records = new RecordCache(new RecordGeneration(), new CacheMetrics(), new PublicCacheOptions());
        var statements = new StatementReads(portal.Services.GetRequiredService<IDbContextFactory<BaliProcess.Data.BaliProcessDbContext>>(), records);
        for (var i = 0; i < 200; i++)
        {
            var statement = await statements.GetAsync(Statement, $"money or word{i}");
            Assert.Contains(statement!.Paragraphs, p => p.Highlighted?.Contains("money", StringComparison.OrdinalIgnoreCase) == true);
        }

        Assert.Equal(1, records.Kept.Entries);
        Assert.All((await statements.GetAsync(Statement))!.Paragraphs, p => Assert.Null(p.Highlighted));   // the kept copy carries no marks
    }

    /// <summary>
    /// A notification queued in a write's transaction goes out when, and only if, that transaction commits: held
    /// back while the transaction is open (so other instances never hear of a change they cannot read yet), and
    /// never sent for a rollback. PostgreSQL delivers notifications in commit order, which the test reads.
    /// </summary>
    [Fact]
    public async Task A_change_notification_is_delivered_on_commit_and_never_for_a_rollback()
    {
        await using var dataSource = NpgsqlDataSource.Create(portal.Database.ConnectionString);
        await using var listener = await dataSource.OpenConnectionAsync();
        var received = Channel.CreateUnbounded<string>();
        listener.Notification += (_, e) => received.Writer.TryWrite(e.Payload.Split('|')[1]);
        await using (var listen = new NpgsqlCommand($"LISTEN {RecordChangeNotifications.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        RecordChangeNotifications SentAt(long unixMilliseconds) =>
            new(dataSource, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds)));

        await using var first = portal.Database.CreateContext();
        await using var firstWrite = await first.Database.BeginTransactionAsync();
        await SentAt(1_000).NotifyOnCommitAsync(first, default);          // stays open for now

        await using (var rolledBack = portal.Database.CreateContext())
        {
            await using var write = await rolledBack.Database.BeginTransactionAsync();
            await SentAt(3_000).NotifyOnCommitAsync(rolledBack, default);
            await write.RollbackAsync();
        }

        await using (var second = portal.Database.CreateContext())
        {
            await using var write = await second.Database.BeginTransactionAsync();
            await SentAt(2_000).NotifyOnCommitAsync(second, default);
            await write.CommitAsync();
        }

        await firstWrite.CommitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var order = new List<string>();
        while (order.Count < 2)
        {
            await listener.WaitAsync(limit.Token);
            while (received.Reader.TryRead(out var sent))
            {
                order.Add(sent);
            }
        }

        Assert.Equal(["2000", "1000"], order);
    }

    [Fact]
    public async Task Notifying_outside_a_transaction_is_refused_as_a_programming_error()
    {
        await using var dataSource = NpgsqlDataSource.Create(portal.Database.ConnectionString);
        await using var db = portal.Database.CreateContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() => new RecordChangeNotifications(dataSource, TimeProvider.System).NotifyOnCommitAsync(db, default));
    }

    [Fact]
    public async Task The_counters_are_exported_for_a_scraper_on_this_machine()
    {
        using var client = portal.CreateClient();
        await client.GetStringAsync(new Uri("/themes", UriKind.Relative));
        await client.GetStringAsync(new Uri("/themes", UriKind.Relative));
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches("(?m)^portal_cache_hits_total\\{[^}]*cache=\"output\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("(?m)^portal_cache_misses_total\\{[^}]*cache=\"record\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("(?m)^portal_cache_size_bytes\\{[^}]*cache=\"record\"[^}]*\\} [1-9]", metrics);
    }

    [Fact]
    public async Task The_counters_are_not_shown_to_a_visitor_from_elsewhere()
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");   // a visitor, as the proxy forwards them
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("portal_cache", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Waits until a query on the test database waits for a lock (polls pg_stat_activity; fails after a minute).</summary>
    private async Task WaitForAQueryBlockedOnALockAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        // As the portal's role: pg_stat_activity shows a session's query and wait only to its own role.
        await using var watcher = new NpgsqlConnection(portal.Database.PortalConnectionString);
        await watcher.OpenAsync(limit.Token);
        await using var blocked = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%disagreements%'", watcher);
        while ((long)(await blocked.ExecuteScalarAsync(limit.Token))! == 0)
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
