using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkPlans.Changes;

/// <summary>A status change made in the portal, with the item and work plan it belongs to.</summary>
public sealed record ChangeEntry(
    long Id, string PlanSlug, string PlanTitle, string? GroupSlug, string? GroupName, string ItemNumber, string ItemText,
    ActionItemStatus? From, ActionItemStatus To, string Note, PartialDate Effective, string ChangedBy, DateTimeOffset ChangedAt)
{
    public string ItemHref => PortalRoutes.WorkPlanItem(PlanSlug, ItemNumber);
}

/// <summary>Filters of /changes; dates are the UTC days the changes were recorded, both ends included.</summary>
public sealed record ChangeFilter(string? GroupSlug = null, DateOnly? From = null, DateOnly? To = null, string? PlanSlug = null, int Limit = 100);

public sealed record GroupOption(string Slug, string Name);

/// <summary>
/// Recent changes across work plans, for /changes and the Atom feeds. Only what staff recorded in the portal:
/// the first entry of a seeded item is the source document's record, not a change.
/// </summary>
public sealed class ChangeReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public const int MaxLimit = 500;

    public Task<IReadOnlyList<ChangeEntry>> RecentAsync(ChangeFilter filter, CancellationToken ct = default) =>
        records.GetOrLoadAsync(filter, token => RecentFromDatabaseAsync(filter, token), ct);

    private async Task<IReadOnlyList<ChangeEntry>> RecentFromDatabaseAsync(ChangeFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ActionItemStatusChanges.AsNoTracking().Where(c => !c.FromSeed);
        if (!string.IsNullOrEmpty(filter.GroupSlug))
        {
            query = query.Where(c => c.ActionItem!.WorkPlan!.Mechanism!.Slug == filter.GroupSlug);
        }

        if (!string.IsNullOrEmpty(filter.PlanSlug))
        {
            query = query.Where(c => c.ActionItem!.WorkPlan!.Slug == filter.PlanSlug);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(c => c.ChangedAt >= start);
        }

        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(c => c.ChangedAt < end);
        }

        var rows = await query
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(Math.Clamp(filter.Limit, 1, MaxLimit))
            .Select(c => new
            {
                c.Id, PlanSlug = c.ActionItem!.WorkPlan!.Slug, PlanTitle = c.ActionItem.WorkPlan.Title,
                GroupSlug = c.ActionItem.WorkPlan.Mechanism != null ? c.ActionItem.WorkPlan.Mechanism.Slug : null,
                GroupName = c.ActionItem.WorkPlan.Mechanism != null ? c.ActionItem.WorkPlan.Mechanism.Name : null,
                c.ActionItem.Number, c.ActionItem.Text, c.FromStatus, c.ToStatus, c.Note, c.EffectiveDate, c.EffectivePrecision,
                c.ChangedBy, c.ChangedAt,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ChangeEntry(
            r.Id, r.PlanSlug, r.PlanTitle, r.GroupSlug, r.GroupName, r.Number, r.Text, r.FromStatus, r.ToStatus, r.Note,
            new PartialDate(r.EffectiveDate, r.EffectivePrecision), r.ChangedBy, r.ChangedAt))];
    }

    /// <summary>The working groups that have a work plan, for the filter.</summary>
    public Task<IReadOnlyList<GroupOption>> GroupsAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => GroupsFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<GroupOption>> GroupsFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Mechanisms.AsNoTracking()
            .Where(m => m.WorkPlans.Any())
            .OrderBy(m => m.Name)
            .Select(m => new GroupOption(m.Slug, m.Name))
            .ToListAsync(ct);
    }

    /// <summary>A work plan's title, or null when there is none with this slug.</summary>
    public Task<string?> PlanTitleAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => PlanTitleFromDatabaseAsync(slug, token), ct);

    private async Task<string?> PlanTitleFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkPlans.AsNoTracking().Where(w => w.Slug == slug).Select(w => w.Title).FirstOrDefaultAsync(ct);
    }
}
