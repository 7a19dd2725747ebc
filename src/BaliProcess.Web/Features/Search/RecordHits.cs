using System.Globalization;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.Programmes;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Search;

/// <summary>The kinds of search result, as the page labels them and the API names them (decision 0040).</summary>
public static class SearchHitKinds
{
    public const string Paragraph = "paragraph";
    public const string WorkPlanItem = "work-plan-item";
    public const string TimelineEvent = "timeline-event";
    public const string Programme = "programme";

    public static string Label(string kind) => kind switch
    {
        Paragraph => "Statement paragraph",
        WorkPlanItem => "Work-plan item",
        TimelineEvent => "Timeline event",
        Programme => "Programme",
        _ => kind,
    };
}

/// <summary>
/// A timeline event or a programme found by search: what it is (<see cref="SearchHitKinds"/>; a programme's own kind,
/// "National law", in <see cref="KindLabel"/>), its title, the page that shows it (a programme's is the page that lists
/// it, with its anchor) and the matched words.
/// </summary>
public sealed record RecordHit(string Kind, string KindLabel, string Slug, string Title, string Url, string Snippet, string? Date);

/// <summary>
/// Timeline events (decision 0035) and programmes (0032, 0038) for a search: the third result type, beside paragraphs and
/// work-plan items. They are records of a few fields, a few dozen to a few hundred rows, so, as for work-plan items, the
/// text vector is computed in the query rather than stored or held in the paragraph index (decision 0040 says why): the
/// query costs about a millisecond, runs in the search summary (cached per record generation, 0018), and reads what is
/// committed, so a published event is found on every instance as soon as that instance hears of the commit, and a draft
/// never (<c>NOT e.is_draft</c>: raw SQL does not pass through EF Core's query filter).
/// Filters that do not apply to a kind (a theme, a meeting kind other than "Event") leave that kind out rather than pretend.
/// </summary>
internal static class RecordHits
{
    /// <summary>As many as the work-plan items: the best few, with a link to the rest of the record.</summary>
    public const int Limit = 10;

    public static async Task<IReadOnlyList<RecordHit>> FindAsync(BaliProcessDbContext db, SearchCriteria criteria, ResolvedFilters filters, CancellationToken ct)
    {
        var events = await EventsAsync(db, criteria, filters, ct);
        var programmes = await ProgrammesAsync(db, criteria, filters, ct);
        return [.. events, .. programmes];
    }

    private static async Task<IReadOnlyList<RecordHit>> EventsAsync(BaliProcessDbContext db, SearchCriteria criteria, ResolvedFilters filters, CancellationToken ct)
    {
        if (filters.ThemeId is not null || criteria.Kind is { } kind && kind != MeetingKind.Event)
        {
            return [];
        }

        var p = new List<object>();
        string Add(object value)
        {
            p.Add(value);
            return "{" + (p.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        const string body = "e.title || ' ' || coalesce(e.summary, '') || ' ' || coalesce(e.place, '')";
        var where = new List<string> { "NOT e.is_draft" };
        var query = criteria.HasQuery ? $"websearch_to_tsquery('{SearchService.Config}', {Add(criteria.Query)})" : null;
        if (query is not null)
        {
            where.Add($"to_tsvector('{SearchService.Config}', {body}) @@ {query}");
        }

        if (criteria.Year is { } year)
        {
            where.Add($"extract(year FROM e.date)::int = {Add(year)}");
        }

        if (filters.GroupId is { } groupId)
        {
            where.Add($"e.mechanism_id = {Add(groupId)}");
        }

        if (filters.MemberId is { } memberId)
        {
            where.Add($"e.participant_id = {Add(memberId)}");
        }

        var sql = $"""
            SELECT e.slug AS "Slug", e.title AS "Title", e.date AS "Date", e.date_precision AS "Precision",
                   {(query is null ? $"coalesce(e.summary, e.title)" : $"ts_headline('{SearchService.Config}', {body}, {query}, '{Highlight.SnippetOptions.Replace("'", "''", StringComparison.Ordinal)}')")} AS "Snippet"
            FROM timeline_events AS e
            WHERE {string.Join(" AND ", where)}
            ORDER BY {(query is null ? "" : $"ts_rank_cd(to_tsvector('{SearchService.Config}', {body}), {query}, 1) DESC, ")}e.date DESC, e.slug
            LIMIT {Limit}
            """;
        var rows = await db.Database.SqlQueryRaw<EventRow>(sql, [.. p]).ToListAsync(ct);
        return [.. rows.Select(r => new RecordHit(
            SearchHitKinds.TimelineEvent, SearchHitKinds.Label(SearchHitKinds.TimelineEvent), r.Slug, r.Title, PortalRoutes.TimelineEvent(r.Slug), r.Snippet,
            new PartialDate(r.Date, Enum.Parse<DatePrecision>(r.Precision)).ToString()))];
    }

    private static async Task<IReadOnlyList<RecordHit>> ProgrammesAsync(BaliProcessDbContext db, SearchCriteria criteria, ResolvedFilters filters, CancellationToken ct)
    {
        if (filters.ThemeId is not null || criteria.Kind is not null)
        {
            return [];
        }

        var p = new List<object>();
        string Add(object value)
        {
            p.Add(value);
            return "{" + (p.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        // The name and the documents' words about it (its quotes), as one text.
        const string body = "(pr.name || coalesce(' … ' || (SELECT string_agg(q ->> 'Text', ' … ') FROM jsonb_array_elements(pr.quotes) AS q), ''))";
        var where = new List<string> { "TRUE" };
        var query = criteria.HasQuery ? $"websearch_to_tsquery('{SearchService.Config}', {Add(criteria.Query)})" : null;
        if (query is not null)
        {
            where.Add($"to_tsvector('{SearchService.Config}', {body}) @@ {query}");
        }

        if (criteria.Year is { } year)
        {
            var y = Add(year);
            where.Add($"pr.start_date IS NOT NULL AND extract(year FROM pr.start_date)::int <= {y} AND extract(year FROM coalesce(pr.end_date, pr.start_date))::int >= {y}");
        }

        if (filters.GroupId is { } groupId)
        {
            var g = Add(groupId);
            where.Add($"(pr.mechanism_id = {g} OR EXISTS (SELECT 1 FROM programme_parts AS x WHERE x.programme_id = pr.id AND x.mechanism_id = {g}))");
        }

        if (filters.MemberId is { } memberId)
        {
            var m = Add(memberId);
            where.Add($"(pr.participant_id = {m} OR EXISTS (SELECT 1 FROM programme_parts AS x WHERE x.programme_id = pr.id AND x.participant_id = {m}))");
        }

        var sql = $"""
            SELECT pr.slug AS "Slug",
                   {(query is null ? body : $"ts_headline('{SearchService.Config}', {body}, {query}, '{Highlight.SnippetOptions.Replace("'", "''", StringComparison.Ordinal)}')")} AS "Snippet"
            FROM programmes AS pr
            WHERE {string.Join(" AND ", where)}
            ORDER BY {(query is null ? "" : $"ts_rank_cd(to_tsvector('{SearchService.Config}', {body}), {query}, 1) DESC, ")}pr.start_date DESC NULLS LAST, pr.slug
            LIMIT {Limit}
            """;
        var found = await db.Database.SqlQueryRaw<ProgrammeRow>(sql, [.. p]).ToListAsync(ct);
        if (found.Count == 0)
        {
            return [];
        }

        // Where each is listed (its anchor on its mechanism's or member's page), as the API's url (decision 0038).
        var slugs = found.Select(f => f.Slug).ToList();
        var places = await db.Programmes.AsNoTracking().Where(x => slugs.Contains(x.Slug))
            .Select(x => new
            {
                x.Slug, x.Name, x.NameAddedByPortal, x.Kind, x.StartDate, x.StartPrecision, x.EndDate, x.EndPrecision,
                Mechanism = x.Mechanism == null ? null : x.Mechanism.Slug,
                Participant = x.Participant == null ? null : x.Participant.Slug,
                ParticipantStatus = x.Participant == null ? null : ParticipantStatus.Current.Invoke(x.Participant),
                PartMechanism = x.Parts.OrderBy(r => r.Id).Where(r => r.Mechanism != null).Select(r => r.Mechanism!.Slug).FirstOrDefault(),
                PartParticipant = x.Parts.OrderBy(r => r.Id).Where(r => r.Participant != null).Select(r => new { r.Participant!.Slug, Status = ParticipantStatus.Current.Invoke(r.Participant) }).FirstOrDefault(),
            })
            .ToDictionaryAsync(x => x.Slug, ct);
        return [.. found.Where(f => places.ContainsKey(f.Slug)).Select(f =>
        {
            var x = places[f.Slug];
            var url = ProgrammeLine.ListedOnFor(f.Slug, x.Mechanism, x.Participant, x.ParticipantStatus, x.PartMechanism, x.PartParticipant?.Slug, x.PartParticipant?.Status);
            var start = PartialDate.FromColumns(x.StartDate, x.StartPrecision);
            var end = PartialDate.FromColumns(x.EndDate, x.EndPrecision);
            return new RecordHit(
                SearchHitKinds.Programme, Labels.Of(x.Kind), f.Slug, x.NameAddedByPortal ? $"[{x.Name}]" : x.Name, url ?? PortalRoutes.Api(PortalRoutes.ProgrammeData(f.Slug)), f.Snippet,
                start is { } s ? PartialDate.FormatRange(s, end) : null);
        })];
    }

    private sealed record EventRow(string Slug, string Title, DateOnly Date, string Precision, string Snippet);

    private sealed record ProgrammeRow(string Slug, string Snippet);
}
