using System.Globalization;
using System.Text.RegularExpressions;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BaliProcess.Web.Features.Search;

/// <summary>
/// Paragraph-level full-text search with facets, in PostgreSQL. The words go through websearch_to_tsquery
/// (quotes, "or" and -exclusion behave as in a search box and no input makes it throw) against the stored,
/// GIN-indexed <see cref="Paragraph.SearchVector"/>.
///
/// A search is done in two parts, because researchers page through the same search many times:
/// 1. the <em>summary</em> — the total, the facet counts, the first <see cref="RankedIdCap"/> paragraph ids
///    in rank order, the work-plan items and the help when nothing is found — depends only on the criteria,
///    not on the page, and is kept in <see cref="SearchCache"/>;
/// 2. the <em>page</em> — 20 rows with their highlighted snippets (ts_headline only runs on these) — is
///    read on every request.
/// A word found in half the corpus matches ~50,000 paragraphs in the benchmark: counting and ranking that
/// many takes PostgreSQL ~60 ms each time (see docs/benchmarks.md); the cache makes every later page and
/// every repeat of the search cost one small query.
/// </summary>
public sealed partial class SearchService(IDbContextFactory<BaliProcessDbContext> dbFactory, SearchCache cache)
{
    /// <summary>The text-search configuration of the generated column; any other one skips the GIN index.</summary>
    public const string Config = "english";

    public const int PageSize = 20;

    /// <summary>How many ranked ids the summary keeps: the first 50 pages. Later pages are ranked live.</summary>
    public const int RankedIdCap = 1000;

    /// <summary>How many values a facet lists (members can be many); counts are exact either way.</summary>
    public const int FacetValueLimit = 20;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        var (criteria, page, notes) = SearchInput.Parse(request);
        var requestedMode = criteria.HasQuery ? SearchMode.Query : criteria.HasFilters ? SearchMode.Browse : SearchMode.Empty;

        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One connection for the several statements of a search, not one per statement.
        await db.Database.OpenConnectionAsync(ct);
        var summary = await cache.GetOrCreateAsync(criteria, () => SummariseAsync(db, criteria, requestedMode, ct));
        var mode = summary.Mode;

        var allNotes = notes.Concat(summary.FilterNotes).ToList();
        var pageCount = Math.Max(1, (summary.Total + PageSize - 1) / PageSize);
        IReadOnlyList<ParagraphHit> hits = [];
        if (mode != SearchMode.Empty && summary.Total > 0 && page <= pageCount)
        {
            var ids = (page - 1) * PageSize + PageSize <= summary.RankedIds.Count
                ? summary.RankedIds.Skip((page - 1) * PageSize).Take(PageSize).ToList()
                : await Order(Filtered(db, criteria, summary.Filters, Facet.None), criteria)
                    .Select(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            hits = await ReadPageAsync(db, criteria, ids, ct);
        }

        return new SearchResults(
            criteria, mode, page, PageSize, summary.Total, hits, summary.Facets, summary.WorkPlanItems,
            AppliedFilters(criteria, summary.Filters), allNotes, summary.Help);
    }

    /// <summary>Everything about a search that does not depend on the page.</summary>
    private async Task<SearchSummary> SummariseAsync(BaliProcessDbContext db, SearchCriteria criteria, SearchMode mode, CancellationToken ct)
    {
        var (filters, filterNotes) = await ResolveFiltersAsync(db, criteria, ct);
        if (mode == SearchMode.Browse && !filters.Any && criteria.Year is null && criteria.Kind is null)
        {
            // Every filter asked for was unknown: show the notes and the empty form, not the whole corpus.
            mode = SearchMode.Empty;
        }

        if (mode == SearchMode.Empty)
        {
            return new SearchSummary(mode, 0, [], SearchFacets.None, [], filters, filterNotes, null);
        }

        // The ranking, the facets and the work-plan items do not depend on one another: they run at the
        // same time, each on its own connection, so a search waits for the slowest query, not for the sum.
        var rankedTask = InOwnContextAsync(other => Order(Filtered(other, criteria, filters, Facet.None), criteria)
            .Select(p => p.Id).Take(RankedIdCap).ToListAsync(ct));
        var facetsTask = FacetsAsync(criteria, filters, ct);
        var workPlanTask = InOwnContextAsync(other => WorkPlanItemsAsync(other, criteria, filters, ct));
        await Task.WhenAll(rankedTask, facetsTask, workPlanTask);
        var rankedIds = await rankedTask;
        var (facets, facetTotal) = await facetsTask;

        // Below the cap the ranked ids are all the results; above it the facet query counted them.
        var total = rankedIds.Count < RankedIdCap
            ? rankedIds.Count
            : facetTotal ?? await Filtered(db, criteria, filters, Facet.None).CountAsync(ct);

        // With no results, facets are still worth showing when filters are in force: they say which other
        // values would find something.
        if (total == 0 && !criteria.HasFilters)
        {
            facets = SearchFacets.None;
        }

        var help = total == 0 ? await HelpAsync(db, criteria, ct) : null;
        return new SearchSummary(mode, total, rankedIds, facets, await workPlanTask, filters, filterNotes, help);
    }

    /// <summary>The paragraphs the criteria select, leaving out one facet's own filter (see <see cref="FacetsAsync"/>).</summary>
    private static IQueryable<Paragraph> Filtered(BaliProcessDbContext db, SearchCriteria criteria, ResolvedFilters filters, Facet except)
    {
        var query = db.Paragraphs.AsNoTracking();
        if (criteria.HasQuery)
        {
            query = query.Where(p => p.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, criteria.Query)));
        }

        if (filters.ThemeId is { } themeId && except != Facet.Theme)
        {
            query = query.Where(p => p.Themes.Any(t => t.Id == themeId));
        }

        if (criteria.Year is { } year && except != Facet.Year)
        {
            query = query.Where(p => p.Year == year);
        }

        if (criteria.Kind is { } kind && except != Facet.Kind)
        {
            query = query.Where(p => p.Statement!.Meeting!.Kind == kind);
        }

        if (filters.GroupId is { } groupId && except != Facet.Group)
        {
            query = query.Where(p => p.Statement!.Meeting!.MechanismId == groupId);
        }

        if (filters.MemberId is { } memberId && except != Facet.Member)
        {
            query = query.Where(p => p.Mentions.Any(m => m.Id == memberId));
        }

        return query;
    }

    /// <summary>
    /// Words: by cover density (matches close together count more, which puts a paragraph that names the
    /// phrase first), divided by 1 + log(length) so long paragraphs do not win by size alone. No words:
    /// newest first, in document order.
    /// </summary>
    private static IQueryable<Paragraph> Order(IQueryable<Paragraph> query, SearchCriteria criteria) =>
        criteria.HasQuery
            ? query.OrderByDescending(p => p.SearchVector.RankCoverDensity(
                    EF.Functions.WebSearchToTsQuery(Config, criteria.Query), NpgsqlTsRankingNormalization.DivideBy1PlusLogLength))
                .ThenBy(p => p.Id)
            : query.OrderByDescending(p => p.Year).ThenByDescending(p => p.Statement!.Date)
                .ThenBy(p => p.StatementId).ThenBy(p => p.Sequence);

    /// <summary>The rows of one page, with ts_headline run on these rows only.</summary>
    private static async Task<IReadOnlyList<ParagraphHit>> ReadPageAsync(BaliProcessDbContext db, SearchCriteria criteria, List<int> ids, CancellationToken ct)
    {
        var rows = await db.Paragraphs.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new ParagraphHit(
                p.Id,
                p.Statement!.Slug,
                p.Statement.Title,
                p.Statement.Meeting != null ? p.Statement.Meeting.Title : null,
                p.Year,
                p.Label,
                criteria.HasQuery
                    ? EF.Functions.WebSearchToTsQuery(Config, criteria.Query).GetResultHeadline(Config, p.Text, Highlight.SnippetOptions)
                    : p.Text,
                p.Themes.OrderBy(t => t.Name).Select(t => new ThemeChip(t.Slug, t.Name)).ToList()))
            .ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    /// <summary>
    /// Counts per facet value. Each facet is counted with every filter except its own, because choosing
    /// a value replaces that facet's current value: so each count is exactly the number of results its
    /// link leads to. Year, meeting kind and working group are one row per paragraph, so one GROUP BY over
    /// the three serves all of them (and gives the total) whenever their own filters are not set.
    /// </summary>
    private async Task<(SearchFacets Facets, int? Total)> FacetsAsync(SearchCriteria criteria, ResolvedFilters filters, CancellationToken ct)
    {
        Task<List<FacetCell>> Cells(Facet except) => InOwnContextAsync(db => CellsAsync(Filtered(db, criteria, filters, except), ct));
        var sharedTask = criteria.Year is null || criteria.Kind is null || filters.GroupId is null ? Cells(Facet.None) : null;
        var yearTask = criteria.Year is null ? sharedTask! : Cells(Facet.Year);
        var kindTask = criteria.Kind is null ? sharedTask! : Cells(Facet.Kind);
        var groupTask = filters.GroupId is null ? sharedTask! : Cells(Facet.Group);

        var themesTask = InOwnContextAsync(db => Filtered(db, criteria, filters, Facet.Theme)
            .SelectMany(p => p.Themes)
            .GroupBy(t => new { t.Slug, t.Name })
            .Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Count() })
            .OrderByDescending(f => f.Count).ThenBy(f => f.Name).Take(FacetValueLimit)
            .Select(f => new FacetValue(f.Slug, f.Name, f.Count))
            .ToListAsync(ct));

        var membersTask = InOwnContextAsync(db => Filtered(db, criteria, filters, Facet.Member)
            .SelectMany(p => p.Mentions)
            .GroupBy(m => new { m.Slug, m.Name })
            .Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Count() })
            .OrderByDescending(f => f.Count).ThenBy(f => f.Name).Take(FacetValueLimit)
            .Select(f => new FacetValue(f.Slug, f.Name, f.Count))
            .ToListAsync(ct));

        var (yearCells, kindCells, groupCells) = (await yearTask, await kindTask, await groupTask);
        var (themes, members) = (await themesTask, await membersTask);
        var facets = new SearchFacets(
            themes,
            [.. yearCells.Where(c => c.Year is not null).GroupBy(c => c.Year!.Value).OrderByDescending(g => g.Key)
                .Select(g => new FacetValue(g.Key.ToString(CultureInfo.InvariantCulture), g.Key.ToString(CultureInfo.InvariantCulture), g.Sum(c => c.Count)))],
            [.. kindCells.Where(c => c.Kind is not null).GroupBy(c => c.Kind!.Value)
                .Select(g => new FacetValue(MeetingKinds.ToSlug(g.Key), MeetingKinds.Label(g.Key), g.Sum(c => c.Count)))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Label)],
            [.. groupCells.Where(c => c.GroupSlug is not null).GroupBy(c => (c.GroupSlug!, c.GroupName!))
                .Select(g => new FacetValue(g.Key.Item1, g.Key.Item2, g.Sum(c => c.Count)))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Label).Take(FacetValueLimit)],
            members);
        return (facets, sharedTask is null ? null : (await sharedTask).Sum(c => c.Count));
    }

    /// <summary>Runs one query on its own short-lived context, so that independent queries can run at the same time.</summary>
    private async Task<T> InOwnContextAsync<T>(Func<BaliProcessDbContext, Task<T>> query)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Paragraph counts per (year, meeting kind, working group): a few dozen rows however many paragraphs match.</summary>
    private static async Task<List<FacetCell>> CellsAsync(IQueryable<Paragraph> paragraphs, CancellationToken ct) =>
        await paragraphs
            .GroupBy(p => new
            {
                p.Year,
                Kind = (MeetingKind?)p.Statement!.Meeting!.Kind,
                p.Statement.Meeting.Mechanism!.Slug,
                p.Statement.Meeting.Mechanism.Name,
            })
            .Select(g => new FacetCell(g.Key.Year, g.Key.Kind, g.Key.Slug, g.Key.Name, g.Count()))
            .ToListAsync(ct);

    private sealed record FacetCell(int? Year, MeetingKind? Kind, string? GroupSlug, string? GroupName, int Count);

    /// <summary>
    /// Work-plan action items, the second result type. There are a few dozen at most, so the vector is
    /// computed on the fly rather than stored. Filters that do not apply to an item (meeting kind, member
    /// mentioned) leave the list empty rather than pretend.
    /// </summary>
    private static async Task<IReadOnlyList<WorkPlanHit>> WorkPlanItemsAsync(BaliProcessDbContext db, SearchCriteria criteria, ResolvedFilters filters, CancellationToken ct)
    {
        if (criteria.Kind is not null || filters.MemberId is not null)
        {
            return [];
        }

        var items = db.ActionItems.AsNoTracking();
        if (criteria.HasQuery)
        {
            items = items.Where(i => EF.Functions.ToTsVector(Config, i.Text).Matches(EF.Functions.WebSearchToTsQuery(Config, criteria.Query)));
        }

        if (filters.ThemeId is { } themeId)
        {
            items = items.Where(i => i.Themes.Any(t => t.Id == themeId));
        }

        if (filters.GroupId is { } groupId)
        {
            items = items.Where(i => i.WorkPlan!.MechanismId == groupId);
        }

        if (criteria.Year is { } year)
        {
            items = items.Where(i => i.WorkPlan!.StartYear <= year && i.WorkPlan.EndYear >= year);
        }

        var ordered = criteria.HasQuery
            ? items.OrderByDescending(i => EF.Functions.ToTsVector(Config, i.Text).RankCoverDensity(EF.Functions.WebSearchToTsQuery(Config, criteria.Query)))
            : items.OrderByDescending(i => i.WorkPlan!.StartYear).ThenBy(i => i.Sequence);
        return await ordered.Take(10)
            .Select(i => new WorkPlanHit(
                i.WorkPlan!.Slug,
                i.WorkPlan.Title,
                i.Number,
                criteria.HasQuery
                    ? EF.Functions.WebSearchToTsQuery(Config, criteria.Query).GetResultHeadline(Config, i.Text, Highlight.SnippetOptions)
                    : i.Text,
                i.Status))
            .ToListAsync(ct);
    }

    /// <summary>When nothing is found: stop words only, spelling slips (nearest corpus words), or too many words.</summary>
    private static async Task<SearchHelp?> HelpAsync(BaliProcessDbContext db, SearchCriteria criteria, CancellationToken ct)
    {
        if (!criteria.HasQuery)
        {
            return new SearchHelp(false, null, [], null);
        }

        // numnode() counts the operands PostgreSQL kept: 0 when every word was a stop word or punctuation.
        // EF Core has no translation for it; the query text is passed as a parameter.
        var nodes = await db.Database
            .SqlQuery<int>($"SELECT numnode(websearch_to_tsquery('english', {criteria.Query})) AS \"Value\"")
            .SingleAsync(ct);
        if (nodes == 0)
        {
            return new SearchHelp(true, null, [], null);
        }

        var words = Words().Matches(criteria.Query.ToLowerInvariant()).Select(m => m.Value).Distinct().Take(6).ToList();
        var known = await db.SearchTerms.Where(t => words.Contains(t.Word)).Select(t => t.Word).ToListAsync(ct);
        var corrected = criteria.Query;
        var close = new List<string>();
        // Three slips at most: beyond that a suggestion is guesswork, and each costs a lookup.
        foreach (var word in words.Where(w => w.Length >= 3 && !known.Contains(w)).Take(3))
        {
            // The % operator uses the trigram index; similarity orders what it finds, frequent words first on ties.
            var nearest = await db.SearchTerms
                .Where(t => EF.Functions.TrigramsAreSimilar(t.Word, word))
                .OrderByDescending(t => EF.Functions.TrigramsSimilarity(t.Word, word)).ThenByDescending(t => t.Documents)
                .Select(t => t.Word)
                .Take(3)
                .ToListAsync(ct);
            if (nearest.Count > 0)
            {
                corrected = Regex.Replace(corrected, $@"(?<![\p{{L}}]){Regex.Escape(word)}(?![\p{{L}}])", nearest[0], RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
                close.AddRange(nearest);
            }
        }

        var didYouMean = close.Count > 0 && !string.Equals(corrected, criteria.Query, StringComparison.OrdinalIgnoreCase) ? corrected : null;
        var anyWord = words.Count > 1 ? string.Join(" or ", words) : null;
        return new SearchHelp(false, didYouMean, close.Distinct().ToList(), anyWord);
    }

    /// <summary>Slugs in the URL to ids; an unknown slug is left out with a note rather than failing.</summary>
    private static async Task<(ResolvedFilters Filters, IReadOnlyList<string> Notes)> ResolveFiltersAsync(BaliProcessDbContext db, SearchCriteria criteria, CancellationToken ct)
    {
        var notes = new List<string>();
        var theme = criteria.Theme is { } themeSlug
            ? await db.Themes.Where(t => t.Slug == themeSlug).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (criteria.Theme is not null && theme is null)
        {
            notes.Add($"There is no theme “{criteria.Theme}”, so that filter was left out. See the list of themes.");
        }

        var group = criteria.Group is { } groupSlug
            ? await db.Mechanisms.Where(m => m.Slug == groupSlug).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (criteria.Group is not null && group is null)
        {
            notes.Add($"There is no working group “{criteria.Group}”, so that filter was left out.");
        }

        var member = criteria.Member is { } memberSlug
            ? await db.Participants.Where(p => p.Slug == memberSlug).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (criteria.Member is not null && member is null)
        {
            notes.Add($"There is no member or observer “{criteria.Member}”, so that filter was left out.");
        }

        return (new ResolvedFilters(theme?.Id, theme?.Name, group?.Id, group?.Name, member?.Id, member?.Name), notes);
    }

    private static List<AppliedFilter> AppliedFilters(SearchCriteria c, ResolvedFilters f)
    {
        var list = new List<AppliedFilter>();
        if (f.ThemeName is { } theme)
        {
            list.Add(new("Theme", theme, (c with { Theme = null }).Link()));
        }

        if (c.Year is { } year)
        {
            list.Add(new("Year", year.ToString(CultureInfo.InvariantCulture), (c with { Year = null }).Link()));
        }

        if (c.Kind is { } kind)
        {
            list.Add(new("Meeting kind", MeetingKinds.Label(kind), (c with { Kind = null }).Link()));
        }

        if (f.GroupName is { } group)
        {
            list.Add(new("Working group", group, (c with { Group = null }).Link()));
        }

        if (f.MemberName is { } member)
        {
            list.Add(new("Member mentioned", member, (c with { Member = null }).Link()));
        }

        return list;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    private enum Facet
    {
        None,
        Theme,
        Year,
        Kind,
        Group,
        Member,
    }
}

/// <summary>Filter slugs resolved to ids (null: not asked for, or unknown and left out).</summary>
public sealed record ResolvedFilters(int? ThemeId, string? ThemeName, int? GroupId, string? GroupName, int? MemberId, string? MemberName)
{
    public bool Any => ThemeId is not null || GroupId is not null || MemberId is not null;
}

/// <summary>The page-independent part of a search, as cached.</summary>
public sealed record SearchSummary(
    SearchMode Mode,
    int Total,
    IReadOnlyList<int> RankedIds,
    SearchFacets Facets,
    IReadOnlyList<WorkPlanHit> WorkPlanItems,
    ResolvedFilters Filters,
    IReadOnlyList<string> FilterNotes,
    SearchHelp? Help);

/// <summary>
/// Search summaries by criteria. Paragraphs change only when the seed loader runs (at start-up), so an
/// entry stays true for the life of the process; entries still expire after ten minutes so that a reload
/// by another instance shows up, and the size is bounded by the number of ids held.
/// </summary>
public sealed class SearchCache : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    /// <summary>Set false to measure the uncached path (the benchmark does).</summary>
    public bool Enabled { get; set; } = true;

    public async Task<SearchSummary> GetOrCreateAsync(SearchCriteria criteria, Func<Task<SearchSummary>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (Enabled && cache.TryGetValue(criteria, out SearchSummary? cached) && cached is not null)
        {
            return cached;
        }

        var summary = await create();
        if (Enabled)
        {
            cache.Set(criteria, summary, new MemoryCacheEntryOptions
            {
                Size = 50 + summary.RankedIds.Count,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10),
            });
        }

        return summary;
    }

    public void Clear() => cache.Clear();

    public void Dispose() => cache.Dispose();
}
