using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Timeline;

public sealed record TimelineEntry(string Slug, string Title, MeetingKind Kind, PartialDate Start, PartialDate? End, string? Place, bool? IsVirtual);

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
        return rows
            .Select(m => new TimelineEntry(m.Slug, m.Title, m.Kind, new PartialDate(m.StartDate, m.StartPrecision), PartialDate.FromColumns(m.EndDate, m.EndPrecision), m.Place, m.IsVirtual))
            .GroupBy(e => e.Start.Year)
            .ToList();
    }
}
