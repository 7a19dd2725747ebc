using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Tests.Search;

/// <summary>
/// Search reads its facets from columns the database copies onto each paragraph (docs/decisions/0008).
/// Changes made the ordinary way (EF Core, as the seed loader and staff editing do) must show in the
/// facets. Each change is undone at the end, so the shared database is as seeded for the other tests.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class SearchFacetUpkeepTests(SearchFixture fixture)
{
    [Fact]
    public async Task A_change_to_themes_mentions_or_a_meeting_shows_in_the_facets()
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var paragraph = await db.Paragraphs.Include(p => p.Themes).Include(p => p.Mentions)
            .Where(p => p.Mentions.Any() && p.Statement!.Meeting!.Kind == MeetingKind.MinisterialConference && p.Statement.Meeting.MechanismId == null)
            .OrderBy(p => p.Id).FirstAsync();
        var meeting = await db.Meetings.Include(m => m.Statements).ThenInclude(s => s.Paragraphs)
            .SingleAsync(m => m.Statements.Any(s => s.Id == paragraph.StatementId));
        var meetingParagraphs = meeting.Statements.Sum(s => s.Paragraphs.Count);
        var newTheme = await db.Themes.Where(t => !t.Paragraphs.Any(p => p.Id == paragraph.Id)).OrderBy(t => t.Id).FirstAsync();
        var mentioned = paragraph.Mentions[0];
        var group = await db.Mechanisms.OrderBy(m => m.Id).FirstAsync();
        var everything = new SearchRequest(Kind: "ministerial-conference");

        var before = await SearchAfterChangeAsync(everything);
        try
        {
            paragraph.Themes.Add(newTheme);
            paragraph.Mentions.Remove(mentioned);
            meeting.Kind = MeetingKind.Symposium;
            meeting.MechanismId = group.Id;
            await db.SaveChangesAsync();

            // The kind filter is a facet of its own: its counts ignore it, the others follow it.
            var after = await SearchAfterChangeAsync(everything);
            Assert.Equal(Count(before.Facets.Kinds, "symposium") + meetingParagraphs, Count(after.Facets.Kinds, "symposium"));
            Assert.Equal(Count(before.Facets.Kinds, "ministerial-conference") - meetingParagraphs, Count(after.Facets.Kinds, "ministerial-conference"));
            Assert.Equal(before.Total - meetingParagraphs, after.Total);

            var symposia = await SearchAfterChangeAsync(new SearchRequest(Kind: "symposium", Group: group.Slug));
            Assert.Equal(meetingParagraphs, symposia.Total);
            Assert.Equal(meetingParagraphs, Count(symposia.Facets.Groups, group.Slug));

            var onTheme = await SearchAfterChangeAsync(new SearchRequest(Theme: newTheme.Slug, Kind: "symposium", Group: group.Slug));
            Assert.Equal(1, onTheme.Total);
            Assert.Equal(paragraph.Id, onTheme.Hits.Single().Id);
            Assert.DoesNotContain(onTheme.Facets.Members, f => f.Value == mentioned.Slug);
        }
        finally
        {
            paragraph.Themes.Remove(newTheme);
            paragraph.Mentions.Add(mentioned);
            meeting.Kind = MeetingKind.MinisterialConference;
            meeting.MechanismId = null;
            await db.SaveChangesAsync();
        }

        var restored = await SearchAfterChangeAsync(everything);
        Assert.Equal(before.Total, restored.Total);
        Assert.Equal(before.Facets, restored.Facets, new FacetsComparer());
    }

    [Fact]
    public async Task A_change_of_the_record_forgets_summaries_and_a_summary_is_reused_until_then()
    {
        var request = new SearchRequest("trafficking");
        var calls = 0;
        var generation = new RecordGeneration();
        using var records = new RecordCache(generation, new CacheMetrics(), new PublicCacheOptions());
        var cache = new SearchCache(records);
        var criteria = SearchInput.Parse(request).Criteria;
        Task<SearchSummary> Create(CancellationToken _)
        {
            calls++;
            return Task.FromResult(new SearchSummary(SearchMode.Query, calls, [], SearchFacets.None, [], [], new ResolvedFilters(null, null, null, null, null, null), [], null));
        }

        Assert.Equal(1, (await cache.GetOrCreateAsync(criteria, Create, default)).Total);
        Assert.Equal(1, (await cache.GetOrCreateAsync(criteria, Create, default)).Total);
        generation.Advance();
        Assert.Equal(2, (await cache.GetOrCreateAsync(criteria, Create, default)).Total);
    }

    private async Task<SearchResults> SearchAfterChangeAsync(SearchRequest request)
    {
        await fixture.RecordChangedAsync();
        return await fixture.Search.SearchAsync(request);
    }

    private static int Count(IReadOnlyList<FacetValue> facet, string value) => facet.SingleOrDefault(f => f.Value == value)?.Count ?? 0;

    private sealed class FacetsComparer : IEqualityComparer<SearchFacets>
    {
        public bool Equals(SearchFacets? x, SearchFacets? y) =>
            x is not null && y is not null
            && x.Themes.SequenceEqual(y.Themes) && x.Years.SequenceEqual(y.Years) && x.Kinds.SequenceEqual(y.Kinds)
            && x.Groups.SequenceEqual(y.Groups) && x.Members.SequenceEqual(y.Members);

        public int GetHashCode(SearchFacets obj) => 0;
    }
}
