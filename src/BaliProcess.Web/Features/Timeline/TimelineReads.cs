using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Timeline;

/// <summary>
/// A line of the timeline: a meeting, or a dated event that is not a meeting (<see cref="IsEvent"/>, decision 0035), which
/// the timeline shows with the kind <see cref="MeetingKind.Event"/> so its filter selects both.
/// </summary>
public sealed record TimelineEntry(string Slug, string Title, MeetingKind Kind, PartialDate Start, PartialDate? End, string? Place, bool? IsVirtual, bool IsEvent = false)
{
    public string Href => IsEvent ? PortalRoutes.TimelineEvent(Slug) : PortalRoutes.Meeting(Slug);
}

/// <summary>Meetings and events by year, oldest first, for the timeline.</summary>
public sealed class TimelineReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public Task<IReadOnlyList<IGrouping<int, TimelineEntry>>> ByYearAsync(IReadOnlyCollection<MeetingKind> kinds, CancellationToken ct = default) =>
        records.GetOrLoadAsync(string.Join(",", kinds.Order()), token => ByYearFromDatabaseAsync(kinds, token), ct);

    private async Task<IReadOnlyList<IGrouping<int, TimelineEntry>>> ByYearFromDatabaseAsync(IReadOnlyCollection<MeetingKind> kinds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Meetings.AsNoTracking();
        if (kinds.Count > 0)
        {
            query = query.Where(m => kinds.Contains(m.Kind));
        }

        var rows = await query
            .OrderBy(m => m.StartDate).ThenBy(m => m.StartPrecision).ThenBy(m => m.Title)
            .Select(m => new { m.Slug, m.Title, m.Kind, m.StartDate, m.StartPrecision, m.EndDate, m.EndPrecision, m.Place, m.IsVirtual })
            .ToListAsync(ct);
        var entries = rows
            .Select(m => new TimelineEntry(m.Slug, m.Title, m.Kind, new PartialDate(m.StartDate, m.StartPrecision), PartialDate.FromColumns(m.EndDate, m.EndPrecision), m.Place, m.IsVirtual))
            .ToList();

        // Events that are not meetings (decision 0035) are "Event"s: shown unfiltered and under the Event filter.
        if (kinds.Count == 0 || kinds.Contains(MeetingKind.Event))
        {
            var events = await db.TimelineEvents.AsNoTracking()
                .Select(e => new { e.Slug, e.Title, e.Date, e.DatePrecision, e.Place })
                .ToListAsync(ct);
            entries.AddRange(events.Select(e => new TimelineEntry(e.Slug, e.Title, MeetingKind.Event, new PartialDate(e.Date, e.DatePrecision), null, e.Place, null, IsEvent: true)));
        }

        // One order for both: by date (a year before its months' days, as the meetings query orders them), then title.
        return entries
            .OrderBy(e => e.Start.Value).ThenBy(e => e.Start.Precision).ThenBy(e => e.Title, StringComparer.Ordinal).ThenBy(e => e.IsEvent)
            .GroupBy(e => e.Start.Year)
            .ToList();
    }

    /// <summary>Every published timeline event, in slug order, for the API (decision 0040).</summary>
    public Task<IReadOnlyList<TimelineEvent>> EventsAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            IReadOnlyList<TimelineEvent> all = await db.TimelineEvents.AsNoTracking().Include(e => e.Mechanism).Include(e => e.Participant)
                .OrderBy(e => e.Slug).ToListAsync(token);
            return all;
        }, ct);

    /// <summary>A published timeline event, for its page; null for a draft or none.</summary>
    public Task<TimelineEvent?> EventAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            return await db.TimelineEvents.AsNoTracking().Include(e => e.Mechanism).Include(e => e.Participant).FirstOrDefaultAsync(e => e.Slug == slug, token);
        }, ct);
}
