using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkPlans;

public sealed record ThemeLink(string Slug, string Name);

public sealed record WorkPlanSummary(
    string Slug, string Title, string Period, int StartYear, int EndYear, string? GroupSlug, string? GroupName, int Items,
    IReadOnlyList<SourceReference> Sources);

public sealed record StatusChangeView(ActionItemStatus? From, ActionItemStatus To, string? StatusText, string ChangedBy, DateTimeOffset ChangedAt, string Reason, bool FromSeed);

public sealed record ActionItemView(
    int Id, string Number, string Text, ActionItemStatus Status, string? StatusText, IReadOnlyList<ThemeLink> Themes,
    IReadOnlyList<StatusChangeView> History, IReadOnlyList<SourceReference> Sources);

public sealed record WorkPlanView(
    string Slug, string Title, string Period, string? GroupSlug, string? GroupName,
    string? AdoptedAtSlug, string? AdoptedAtTitle, string? UpdatedAtSlug, string? UpdatedAtTitle,
    IReadOnlyList<ActionItemView> Items, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>Every item's status, for the progress summary (the filter does not change it).</summary>
    public IReadOnlyList<ActionItemStatus> AllStatuses { get; init; } = [];
}

/// <summary>A work plan with its action items, their status and the history of each status.</summary>
public sealed class WorkPlanService(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    /// <summary>Every work plan, newest first.</summary>
    public async Task<IReadOnlyList<WorkPlanSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkPlans.AsNoTracking()
            .OrderByDescending(w => w.StartYear).ThenBy(w => w.Title)
            .Select(w => new WorkPlanSummary(
                w.Slug, w.Title, w.Period, w.StartYear, w.EndYear,
                w.Mechanism != null ? w.Mechanism.Slug : null, w.Mechanism != null ? w.Mechanism.Name : null, w.Items.Count, w.Sources))
            .ToListAsync(ct);
    }

    public async Task<WorkPlanView?> GetAsync(string slug, ActionItemStatus? status, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.WorkPlans.AsNoTracking()
            .Include(w => w.Mechanism)
            .Include(w => w.AdoptedAtMeeting)
            .Include(w => w.UpdatedAtMeeting)
            .Include(w => w.Items).ThenInclude(i => i.Themes)
            .Include(w => w.Items).ThenInclude(i => i.StatusChanges)
            .FirstOrDefaultAsync(w => w.Slug == slug, ct);
        if (plan is null)
        {
            return null;
        }

        var items = plan.Items.OrderBy(i => i.Sequence)
            .Where(i => status is null || i.Status == status)
            .Select(i => new ActionItemView(
                i.Id, i.Number, i.Text, i.Status, i.StatusText,
                i.Themes.OrderBy(t => t.Name).Select(t => new ThemeLink(t.Slug, t.Name)).ToList(),
                i.StatusChanges.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
                    .Select(c => new StatusChangeView(c.FromStatus, c.ToStatus, c.StatusText, c.ChangedBy, c.ChangedAt, c.Reason, c.FromSeed)).ToList(),
                i.Sources))
            .ToList();

        return new WorkPlanView(
            plan.Slug, plan.Title, plan.Period, plan.Mechanism?.Slug, plan.Mechanism?.Name,
            plan.AdoptedAtMeeting?.Slug, plan.AdoptedAtMeeting?.Title, plan.UpdatedAtMeeting?.Slug, plan.UpdatedAtMeeting?.Title,
            items, plan.Sources)
        {
            AllStatuses = plan.Items.Select(i => i.Status).ToList(),
        };
    }
}
