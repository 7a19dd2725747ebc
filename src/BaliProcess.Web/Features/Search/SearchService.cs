using System.Globalization;
using System.Text.RegularExpressions;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Search.Index;
using Microsoft.EntityFrameworkCore;

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
public sealed partial class SearchService(IDbContextFactory<BaliProcessDbContext> dbFactory, SearchCache cache, ParagraphIndexHolder? index = null)
{
    /// <summary>The text-search configuration of the generated column; any other one skips the GIN index.</summary>
    public const string Config = "english";

    public const int PageSize = 20;

    /// <summary>How many ranked ids the summary keeps: the first 50 pages. Later pages are ranked live.</summary>
    public const int RankedIdCap = 1000;

    /// <summary>How many values a facet lists (members can be many); counts are exact either way.</summary>
    public const int FacetValueLimit = 20;

    /// <summary>
    /// A page of results. The whole page (summary, hits and snippets) is kept in <see cref="SearchCache"/> too,
    /// so a repeated search (the links of a press release, a researcher's back button) costs no query.
    /// </summary>
    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct = default) =>
        cache.GetOrCreatePageAsync(request, token => RunSearchAsync(request, token), ct);

    private async Task<SearchResults> RunSearchAsync(SearchRequest request, CancellationToken ct)
    {
        var (criteria, page, notes) = SearchInput.Parse(request);
        var requestedMode = criteria.HasQuery ? SearchMode.Query : criteria.HasFilters ? SearchMode.Browse : SearchMode.Empty;

        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One connection for the several statements of a search, not one per statement.
        await db.Database.OpenConnectionAsync(ct);
        var summary = await cache.GetOrCreateAsync(criteria, token => SummariseInItsOwnContextAsync(criteria, requestedMode, token), ct);
        var mode = summary.Mode;

        var allNotes = notes.Concat(summary.FilterNotes).ToList();
        var pageCount = Math.Max(1, (summary.Total + PageSize - 1) / PageSize);
        IReadOnlyList<ParagraphHit> hits = [];
        if (mode != SearchMode.Empty && summary.Total > 0 && page <= pageCount)
        {
            var ids = (page - 1) * PageSize + PageSize <= summary.RankedIds.Count
                ? summary.RankedIds.Skip((page - 1) * PageSize).Take(PageSize).ToList()
                : await RankedIdsAsync(db, criteria, summary.Filters, (page - 1) * PageSize, PageSize, ct);
            hits = await ReadPageAsync(db, criteria, ids, ct);
        }

        return new SearchResults(
            criteria, mode, page, PageSize, summary.Total, hits, summary.Facets, summary.WorkPlanItems, summary.Records,
            AppliedFilters(criteria, summary.Filters), allNotes, summary.Help);
    }

    /// <summary>The summary's load is shared by every search of the same criteria, so it reads through a context of its own.</summary>
    private async Task<SearchSummary> SummariseInItsOwnContextAsync(SearchCriteria criteria, SearchMode mode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return await SummariseAsync(db, criteria, mode, ct);
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
            return new SearchSummary(mode, 0, [], SearchFacets.None, [], [], filters, filterNotes, null);
        }

        // The ranking, the facets and the work-plan items do not depend on one another: they run at the
        // same time, each on its own connection, so a search waits for the slowest query, not for the sum.
        var namesTask = InOwnContextAsync(other => FacetNamesAsync(other, ct));
        var workPlanTask = InOwnContextAsync(other => WorkPlanItemsAsync(other, criteria, filters, ct));
        var recordsTask = InOwnContextAsync(other => RecordHits.FindAsync(other, criteria, filters, ct));
        var (rankedIds, cells) = await FromIndexAsync(db, criteria, filters, ct) ?? await FromSqlAsync(criteria, filters, ct);
        var (facets, total) = Facets(cells, await namesTask);
        await workPlanTask;
        await recordsTask;

        // With no results, facets are still worth showing when filters are in force: they say which other
        // values would find something.
        if (total == 0 && !criteria.HasFilters)
        {
            facets = SearchFacets.None;
        }

        var help = total == 0 ? await HelpAsync(db, criteria, ct) : null;
        return new SearchSummary(mode, total, rankedIds, facets, await workPlanTask, await recordsTask, filters, filterNotes, help);
    }

    /// <summary>
    /// The search's conditions as SQL over the paragraph's own columns: the stored tsvector and the facet
    /// columns the database keeps on each paragraph (theme and member id arrays, meeting kind, working
    /// group, year; see docs/decisions/0008), so no condition needs a join. Values are parameters.
    /// </summary>
    private sealed class Conditions
    {
        public string? Match { get; }

        /// <summary>The filters in force, each with the facet it belongs to.</summary>
        public List<(FacetBits Facet, string Sql)> Filters { get; } = [];

        public List<object> Parameters { get; } = [];

        public Conditions(SearchCriteria criteria, ResolvedFilters filters)
        {
            if (criteria.HasQuery)
            {
                Match = $"p.search_vector @@ websearch_to_tsquery('{Config}', {Add(criteria.Query)})";
            }

            if (filters.ThemeId is { } themeId)
            {
                Filters.Add((FacetBits.Theme, $"p.theme_ids @> ARRAY[{Add(themeId)}]::integer[]"));
            }

            if (criteria.Year is { } year)
            {
                Filters.Add((FacetBits.Year, $"p.year = {Add(year)}"));
            }

            if (criteria.Kind is { } kind)
            {
                Filters.Add((FacetBits.Kind, $"p.meeting_kind = {Add(kind.ToString())}"));
            }

            if (filters.GroupId is { } groupId)
            {
                Filters.Add((FacetBits.Group, $"p.mechanism_id = {Add(groupId)}"));
            }

            if (filters.MemberId is { } memberId)
            {
                Filters.Add((FacetBits.Member, $"p.member_ids @> ARRAY[{Add(memberId)}]::integer[]"));
            }
        }

        /// <summary>The text match (if any) and every filter: the results.</summary>
        public string AllWhere() =>
            string.Join(" AND ", new[] { NotDraft, Match ?? "TRUE" }.Concat(Filters.Select(f => f.Sql)));

        /// <summary>
        /// A draft statement's paragraphs are in the table but never in a search (decision 0024): raw SQL does not
        /// pass through EF Core's query filter, so it says so itself.
        /// </summary>
        private const string NotDraft = "NOT p.is_draft";

        /// <summary>
        /// The text match and "at most one filter fails": every row some facet counts (a facet is counted
        /// without its own filter). Written as "of every two filters one holds", which the planner can
        /// answer from the indexes.
        /// </summary>
        public string FacetWhere()
        {
            var parts = new List<string> { NotDraft, Match ?? "TRUE" };
            for (var i = 0; i < Filters.Count; i++)
            {
                for (var j = i + 1; j < Filters.Count; j++)
                {
                    parts.Add($"({Filters[i].Sql} OR {Filters[j].Sql})");
                }
            }

            return string.Join(" AND ", parts);
        }

        public string Add(object value)
        {
            Parameters.Add(value);
            return "{" + (Parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }
    }

    /// <summary>
    /// Paragraph ids of the results in order, from <paramref name="offset"/>. Words: by cover density
    /// (matches close together count more, which puts a paragraph that names the phrase first), divided by
    /// 1 + log(length) so long paragraphs do not win by size alone (normalisation 1), ties by id. No words:
    /// newest first, in document order.
    /// </summary>
    private const string QueryPlaceholder = "{0}"; // Conditions adds the query words first

    private static Task<List<int>> RankedIdsAsync(BaliProcessDbContext db, SearchCriteria criteria, ResolvedFilters filters, int offset, int count, CancellationToken ct)
    {
        var c = new Conditions(criteria, filters);
        var sql = criteria.HasQuery
            ? $"""
               SELECT p.id AS "Value" FROM paragraphs AS p
               WHERE {c.AllWhere()}
               ORDER BY ts_rank_cd(p.search_vector, websearch_to_tsquery('{Config}', {QueryPlaceholder}), 1) DESC, p.id
               """
            : $"""
               SELECT p.id AS "Value" FROM paragraphs AS p JOIN statements AS s ON s.id = p.statement_id
               WHERE {c.AllWhere()}
               ORDER BY p.year DESC, s.date DESC, p.statement_id, p.sequence, p.id
               """;
        sql += $" LIMIT {c.Add(count)} OFFSET {c.Add(offset)}";
        return db.Database.SqlQueryRaw<int>(sql, [.. c.Parameters]).ToListAsync(ct);
    }

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
                p.Themes.OrderBy(t => t.Name).Select(t => new ThemeChip(t.Slug, t.Name)).ToList(),
                p.LabelAddedByPortal))
            .ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    /// <summary>
    /// The ranked ids and the facet cells from the in-memory index (decision 0013), or null when it cannot
    /// answer: not built yet, being rebuilt after a change, or a query shape it does not take (negation).
    /// </summary>
    private async Task<(IReadOnlyList<int> RankedIds, IReadOnlyList<FacetCell> Cells)?> FromIndexAsync(
        BaliProcessDbContext db, SearchCriteria criteria, ResolvedFilters filters, CancellationToken ct)
    {
        if (index?.Current is not { } snapshot)
        {
            return null;
        }

        TextQuery? query = null;
        if (criteria.HasQuery)
        {
            // PostgreSQL parses the words (stemming, stop words, quotes, "or", "-") exactly as the SQL path does.
            var printed = await db.Database
                .SqlQuery<string>($"SELECT websearch_to_tsquery('english', {criteria.Query})::text AS \"Value\"")
                .SingleAsync(ct);
            query = TextQuery.TryParse(printed);
            if (query is null)
            {
                return null;
            }
        }

        var answer = snapshot.Answer(query, new IndexFilters(filters.ThemeId, criteria.Year, criteria.Kind?.ToString(), filters.GroupId, filters.MemberId), RankedIdCap);
        return (answer.RankedIds, answer.Cells);
    }

    /// <summary>The ranking and the grouped facet pass in PostgreSQL, side by side on two connections.</summary>
    private async Task<(IReadOnlyList<int> RankedIds, IReadOnlyList<FacetCell> Cells)> FromSqlAsync(
        SearchCriteria criteria, ResolvedFilters filters, CancellationToken ct)
    {
        var rankedTask = InOwnContextAsync(other => RankedIdsAsync(other, criteria, filters, 0, RankedIdCap, ct));
        var cellsTask = FacetCellsAsync(criteria, filters, ct);
        await Task.WhenAll(rankedTask, cellsTask);
        return (await rankedTask, await cellsTask);
    }

    /// <summary>
    /// One pass over the matching paragraphs, grouped by their facet values and by which filters they miss
    /// (a few thousand cells however many paragraphs match). Only rows that miss at most one filter are
    /// read: a facet is counted with every filter except its own.
    /// </summary>
    private Task<List<FacetCell>> FacetCellsAsync(SearchCriteria criteria, ResolvedFilters filters, CancellationToken ct)
    {
        var c = new Conditions(criteria, filters);
        var misses = c.Filters.Count == 0
            ? "0"
            : string.Join(" + ", c.Filters.Select(f => $"(CASE WHEN {f.Sql} THEN 0 ELSE {(int)f.Facet} END)"));
        var sql = $"""
            SELECT p.year, p.meeting_kind AS kind, p.mechanism_id AS group_id, p.theme_ids, p.member_ids,
                   {misses} AS misses, count(*)::int AS count
            FROM paragraphs AS p
            WHERE {c.FacetWhere()}
            GROUP BY 1, 2, 3, 4, 5, 6
            """;
        return InOwnContextAsync(db => db.Database.SqlQueryRaw<FacetCell>(sql, [.. c.Parameters]).ToListAsync(ct));
    }

    private static Task<List<FacetName>> FacetNamesAsync(BaliProcessDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<FacetName>("""
            SELECT 'theme' AS type, id, slug, name FROM themes
            UNION ALL SELECT 'group', id, slug, name FROM mechanisms WHERE withdrawn_at IS NULL AND NOT is_draft
            UNION ALL SELECT 'member', id, slug, name FROM participants
            """).ToListAsync(ct);

    /// <summary>
    /// The total and the counts per facet value, summed from the cells. Each facet is counted with every
    /// filter except its own, because choosing a value replaces that facet's current value: so each count
    /// is exactly the number of results its link leads to.
    /// </summary>
    private static (SearchFacets Facets, int Total) Facets(IReadOnlyList<FacetCell> cells, List<FacetName> facetNames)
    {
        var names = facetNames.ToDictionary(n => (n.Type, n.Id));

        // A cell counts for a facet when it misses no filter but (perhaps) that facet's own.
        IEnumerable<FacetCell> For(FacetBits facet) => cells.Where(cell => (cell.Misses & ~(int)facet) == 0);
        // Ties in order of name: in the database's order for themes and members (C collation), as before.
        List<FacetValue> Named(string type, IEnumerable<(int Id, int Count)> counts, IComparer<string> byName) =>
            [.. counts.GroupBy(x => x.Id)
                .Select(g => (Name: names.GetValueOrDefault((type, g.Key)), Count: g.Sum(x => x.Count)))
                .Where(x => x.Name is not null)
                .Select(x => new FacetValue(x.Name!.Slug, x.Name.Name, x.Count))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Label, byName).Take(FacetValueLimit)];

        var facets = new SearchFacets(
            Named("theme", For(FacetBits.Theme).SelectMany(cell => cell.ThemeIds.Select(id => (id, cell.Count))), StringComparer.Ordinal),
            [.. For(FacetBits.Year).Where(cell => cell.Year is not null).GroupBy(cell => cell.Year!.Value).OrderByDescending(g => g.Key)
                .Select(g => new FacetValue(g.Key.ToString(CultureInfo.InvariantCulture), g.Key.ToString(CultureInfo.InvariantCulture), g.Sum(cell => cell.Count)))],
            [.. For(FacetBits.Kind).Where(cell => cell.Kind is not null).GroupBy(cell => Enum.Parse<MeetingKind>(cell.Kind!))
                .Select(g => new FacetValue(MeetingKinds.ToSlug(g.Key), MeetingKinds.Label(g.Key), g.Sum(cell => cell.Count)))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.CurrentCulture)],
            Named("group", For(FacetBits.Group).Where(cell => cell.GroupId is not null).Select(cell => (cell.GroupId!.Value, cell.Count)), StringComparer.CurrentCulture),
            Named("member", For(FacetBits.Member).SelectMany(cell => cell.MemberIds.Select(id => (id, cell.Count))), StringComparer.Ordinal));
        return (facets, cells.Where(cell => cell.Misses == 0).Sum(cell => cell.Count));
    }

    /// <summary>Runs one query on its own short-lived context, so that independent queries can run at the same time.</summary>
    private async Task<T> InOwnContextAsync<T>(Func<BaliProcessDbContext, Task<T>> query)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await query(db);
    }

    // Columns are read by snake-case name (the model's naming convention).


    private sealed record FacetName(string Type, int Id, string Slug, string Name);

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
            notes.Add(SearchWords.Format("There is no theme “{0}”, so that filter was left out. See the list of themes.", criteria.Theme));
        }

        var group = criteria.Group is { } groupSlug
            ? await db.Mechanisms.Where(m => m.Slug == groupSlug).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (criteria.Group is not null && group is null)
        {
            notes.Add(SearchWords.Format("There is no working group “{0}”, so that filter was left out.", criteria.Group));
        }

        var member = criteria.Member is { } memberSlug
            ? await db.Participants.Where(p => p.Slug == memberSlug).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (criteria.Member is not null && member is null)
        {
            notes.Add(SearchWords.Format("There is no member or observer “{0}”, so that filter was left out.", criteria.Member));
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
    IReadOnlyList<RecordHit> Records,
    ResolvedFilters Filters,
    IReadOnlyList<string> FilterNotes,
    SearchHelp? Help);

/// <summary>Paragraphs sharing their facet values and the filters they miss (<see cref="FacetBits"/>), with how many there are.</summary>
internal sealed record FacetCell(int? Year, string? Kind, int? GroupId, int[] ThemeIds, int[] MemberIds, int Misses, int Count);

/// <summary>The five facets, as bits: a facet cell's misses are the sum of the filters it fails.</summary>
[Flags]
internal enum FacetBits
{
    None = 0,
    Theme = 1,
    Year = 2,
    Kind = 4,
    Group = 8,
    Member = 16,
}
