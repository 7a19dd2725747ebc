using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Corrections;

/// <summary>A withdrawn record as its public address tells of it: what it was, when it was withdrawn and why.</summary>
public sealed record WithdrawnRecord(string What, string Title, DateTimeOffset WithdrawnAt, string Reason);

/// <summary>
/// Finds whether a public address that no longer shows a record belongs to a withdrawn one (decision 0030): the
/// record's page then answers 410 Gone with the reason, and its API item a 410 problem, instead of 404. Read only when
/// the filtered read found nothing, so a standing record costs nothing more.
/// </summary>
public sealed class Withdrawals(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<WithdrawnRecord?> MeetingAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.Slug == slug && m.WithdrawnAt != null)
            .Select(m => new WithdrawnRecord("meeting", m.Title, m.WithdrawnAt!.Value, m.WithdrawnReason ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task<WithdrawnRecord?> StatementAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => s.Slug == slug && s.WithdrawnAt != null && !s.IsDraft)
            .Select(s => new WithdrawnRecord("statement", s.Title, s.WithdrawnAt!.Value, s.WithdrawnReason ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task<WithdrawnRecord?> SourceAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SourceDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.Slug == slug && d.WithdrawnAt != null && !d.IsDraft)
            .Select(d => new WithdrawnRecord("source document", d.Title, d.WithdrawnAt!.Value, d.WithdrawnReason ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task<WithdrawnRecord?> WorkPlanItemAsync(string planSlug, string number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ActionItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.WorkPlan!.Slug == planSlug && i.Number == number && i.WithdrawnAt != null)
            .Select(i => new WithdrawnRecord("work-plan item", $"Item {i.Number} of {i.WorkPlan!.Title}", i.WithdrawnAt!.Value, i.WithdrawnReason ?? ""))
            .FirstOrDefaultAsync(ct);
    }
}
