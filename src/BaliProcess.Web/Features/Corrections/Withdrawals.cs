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

    /// <summary>An item withdrawn itself, or one whose plan was withdrawn (decision 0039): the plan's withdrawal then answers.</summary>
    public async Task<WithdrawnRecord?> WorkPlanItemAsync(string planSlug, string number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ActionItems.IgnoreQueryFilters().AsNoTracking()
                .Where(i => i.WorkPlan!.Slug == planSlug && i.Number == number && i.WithdrawnAt != null && !i.WorkPlan.IsDraft)
                .Select(i => new WithdrawnRecord("work-plan item", $"Item {i.Number} of {i.WorkPlan!.Title}", i.WithdrawnAt!.Value, i.WithdrawnReason ?? ""))
                .FirstOrDefaultAsync(ct)
            ?? await db.ActionItems.IgnoreQueryFilters().AsNoTracking().AnyAsync(i => i.WorkPlan!.Slug == planSlug && i.Number == number, ct) switch
            {
                true => await WorkPlanAsync(planSlug, ct),
                false => null,
            };
    }

    // Decision 0039: the other kinds with a page of their own.
    public async Task<WithdrawnRecord?> WorkPlanAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkPlans.IgnoreQueryFilters().AsNoTracking().Where(w => w.Slug == slug && w.WithdrawnAt != null && !w.IsDraft)
            .Select(w => new WithdrawnRecord("work plan", w.Title, w.WithdrawnAt!.Value, w.WithdrawnReason ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task<WithdrawnRecord?> DocumentAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutcomeDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.Slug == slug && d.WithdrawnAt != null && !d.IsDraft)
            .Select(d => new WithdrawnRecord("outcome document", d.Title, d.WithdrawnAt!.Value, d.WithdrawnReason ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task<WithdrawnRecord?> MechanismAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Mechanisms.IgnoreQueryFilters().AsNoTracking().Where(m => m.Slug == slug && m.WithdrawnAt != null && !m.IsDraft)
            .Select(m => new WithdrawnRecord("working group or mechanism", m.Name, m.WithdrawnAt!.Value, m.WithdrawnReason ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task<WithdrawnRecord?> PersonAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.Slug == slug && p.WithdrawnAt != null && !p.IsDraft)
            .Select(p => new WithdrawnRecord("person", p.Name, p.WithdrawnAt!.Value, p.WithdrawnReason ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task<WithdrawnRecord?> TimelineEventAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TimelineEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Slug == slug && e.WithdrawnAt != null && !e.IsDraft)
            .Select(e => new WithdrawnRecord("timeline event", e.Title, e.WithdrawnAt!.Value, e.WithdrawnReason ?? "")).FirstOrDefaultAsync(ct);
    }
}
