using BaliProcess.Web.Features.WorkPlans;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>The record kept in memory under the record generation (docs/decisions/0016, 0018): what it shares, and when it lets go.</summary>
public sealed class RecordCacheTests
{
    private readonly RecordGeneration generation = new();

    private RecordCache NewCache(PublicCacheOptions? options = null) => new(generation, new CacheMetrics(), options ?? new PublicCacheOptions());

    [Fact]
    public async Task Concurrent_readers_share_one_load_and_later_readers_get_it_without_loading()
    {
        using var cache = NewCache();
        var loads = 0;
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string> Load(CancellationToken _)
        {
            Interlocked.Increment(ref loads);
            return release.Task;
        }

        var readers = Enumerable.Range(0, 50).Select(_ => cache.GetOrLoadAsync("palau", Load)).ToList();
        release.SetResult("Palau");
        Assert.All(await Task.WhenAll(readers), value => Assert.Equal("Palau", value));
        Assert.Equal("Palau", await cache.GetOrLoadAsync("palau", Load));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task Other_arguments_and_other_methods_are_kept_apart()
    {
        using var cache = NewCache();
        Assert.Equal("a", await cache.GetOrLoadAsync(("members", 1), _ => Task.FromResult("a")));
        Assert.Equal("b", await cache.GetOrLoadAsync(("members", 2), _ => Task.FromResult("b")));
        Assert.Equal("c", await ReadFromAnotherMethodAsync(cache, ("members", 1)));
        Assert.Equal("a", await cache.GetOrLoadAsync(("members", 1), _ => Task.FromResult("not loaded again")));
    }

    private static Task<string> ReadFromAnotherMethodAsync(RecordCache cache, object arguments) =>
        cache.GetOrLoadAsync(arguments, _ => Task.FromResult("c"));

    [Fact]
    public async Task After_a_change_the_next_reader_loads_again()
    {
        using var cache = NewCache();
        Assert.Equal("old", await cache.GetOrLoadAsync("palau", _ => Task.FromResult("old")));
        generation.Advance();
        Assert.Equal("new", await cache.GetOrLoadAsync("palau", _ => Task.FromResult("new")));
    }

    [Fact]
    public async Task A_value_read_while_the_record_changed_is_not_served_after_the_change()
    {
        using var cache = NewCache();
        var slowRead = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = cache.GetOrLoadAsync("palau", _ => slowRead.Task);

        generation.Advance();                // the change commits while the old read is still running
        slowRead.SetResult("before the change");
        Assert.Equal("before the change", await inFlight);

        Assert.Equal("after the change", await cache.GetOrLoadAsync("palau", _ => Task.FromResult("after the change")));
        Assert.Equal(1, cache.Kept.Entries);   // the old generation's value was not kept: nobody can ask for it
    }

    [Fact]
    public async Task Ten_thousand_distinct_arguments_stay_within_the_byte_budget_and_the_cache_keeps_serving()
    {
        using var cache = NewCache(new PublicCacheOptions { RecordCacheMegabytes = 1 });
        var page = new string('x', 2_000);   // about 4 KB each in memory: 10,000 of them would be 40 MB
        for (var i = 0; i < 10_000; i++)
        {
            await cache.GetOrLoadAsync(("made-up filter", i), _ => Task.FromResult(page));
            Assert.InRange(cache.Kept.Bytes, 0, 1024 * 1024);
        }

        // Full, it drops the oldest and goes on keeping (a budget of 1 MiB holds about 240 of these).
        Assert.InRange(cache.Kept.Entries, 50, 260);
    }

    [Fact]
    public void The_estimated_weight_grows_with_the_value()
    {
        var small = RecordCache.EstimatedBytes(new List<string> { "Palau" });
        var large = RecordCache.EstimatedBytes(Enumerable.Range(0, 1_000).Select(i => $"Paragraph {i} of a long statement").ToArray());
        Assert.True(large > small * 100, $"{large} against {small}");
        Assert.Equal(1_000 + 256, RecordCache.EstimatedBytes(new byte[1_000]));
    }

    [Fact]
    public async Task A_failed_load_is_not_kept()
    {
        using var cache = NewCache();
        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetOrLoadAsync<string>("palau", _ => throw new TimeoutException("the database went away")));
        Assert.Equal("Palau", await cache.GetOrLoadAsync("palau", _ => Task.FromResult("Palau")));
    }

    [Fact]
    public async Task A_reader_that_gives_up_does_not_cancel_the_load_others_wait_for()
    {
        using var cache = NewCache();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var impatient = new CancellationTokenSource();
        var first = cache.GetOrLoadAsync("palau", _ => release.Task, impatient.Token);
        var second = cache.GetOrLoadAsync("palau", _ => Task.FromResult("loaded twice"));

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult("Palau");
        Assert.Equal("Palau", await second);
    }

    [Fact]
    public async Task Switched_off_every_read_loads()
    {
        using var cache = NewCache(new PublicCacheOptions { RecordInMemory = false });
        var loads = 0;
        for (var i = 0; i < 3; i++)
        {
            await cache.GetOrLoadAsync("palau", _ => Task.FromResult(Interlocked.Increment(ref loads)));
        }

        Assert.Equal(3, loads);
    }
}

/// <summary>The portal with its output cache off, on its own database.</summary>
public sealed class OutputCacheOffPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new() { Settings = new Dictionary<string, string> { ["PublicCache:Enabled"] = "false" } };

    public Task InitializeAsync() => ((IAsyncLifetime)Portal).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Portal).DisposeAsync();
}

/// <summary>The portal with its output cache off: pages are rendered for every request, from the record in memory.</summary>
public sealed class RecordCachePortalTests(OutputCacheOffPortal fixture) : IClassFixture<OutputCacheOffPortal>
{
    private const string ParticipantUrl = "/members/palau";
    private const string PlanSlug = "tip-working-group-forward-work-plan-2015-17";

    private PortalFactory portal => fixture.Portal;

    [Fact]
    public async Task A_page_shows_the_record_held_in_memory_until_a_change_is_announced_on_this_instance()
    {
        using var client = portal.CreateClient();
        const string changed = "Palau (name changed by a test)";
        var before = await client.GetStringAsync(new Uri(ParticipantUrl, UriKind.Relative));
        Assert.DoesNotContain(changed, before, StringComparison.Ordinal);

        await using (var db = portal.Database.CreateContext())
        {
            await db.Participants.Where(p => p.Slug == "palau").ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, changed));
        }

        using var uncached = await client.GetAsync(new Uri(ParticipantUrl, UriKind.Relative));
        Assert.Null(uncached.Headers.Age);   // rendered now, not served by the output cache
        Assert.DoesNotContain(changed, await uncached.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await portal.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();
        Assert.Contains(changed, await client.GetStringAsync(new Uri(ParticipantUrl, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(changed, await client.GetStringAsync(new Uri("/members", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_reads_an_item_and_its_concurrency_token_from_the_database_never_from_memory()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var workPlans = scope.ServiceProvider.GetRequiredService<WorkPlanReads>();
        var staff = scope.ServiceProvider.GetRequiredService<StaffWorkPlanReads>();
        var published = await workPlans.GetItemAsync(PlanSlug, "7");
        var opened = await staff.ItemAsync(PlanSlug, "7");
        Assert.NotNull(published);
        Assert.NotNull(opened);
        const string changed = "Item text changed by a test";

        await using (var db = portal.Database.CreateContext())
        {
            await db.ActionItems.Where(i => i.Id == published.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Text, changed));
        }

        Assert.Equal(changed, (await staff.ItemHeadingAsync(PlanSlug, "7"))!.Text);
        Assert.NotEqual(opened.Version, (await staff.ItemAsync(PlanSlug, "7"))!.Version);
        Assert.Equal(published.Text, (await workPlans.GetItemAsync(PlanSlug, "7"))!.Text);   // the public page, until announced
    }
}
