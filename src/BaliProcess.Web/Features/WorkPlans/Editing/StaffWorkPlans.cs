using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

public sealed record EditablePlan(int Id, string Slug, string Title, string Period, string? GroupName, RecordOrigin Origin, IReadOnlyDictionary<ActionItemStatus, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

public sealed record EditableItem(int Id, string Number, string Text, ActionItemStatus Status, uint Version);

public sealed record EditablePlanDetail(int Id, string Slug, string Title, string Period, string? GroupName, IReadOnlyList<EditableItem> Items);

public sealed record Choice(string Value, string Label);

/// <summary>What the staff pages read (the writes go through <see cref="WorkPlanEditor"/>).</summary>
public sealed class StaffWorkPlans(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<IReadOnlyList<EditablePlan>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.WorkPlans.AsNoTracking()
            .OrderByDescending(w => w.StartYear).ThenBy(w => w.Title)
            .Select(w => new
            {
                w.Id, w.Slug, w.Title, w.Period, GroupName = w.Mechanism != null ? w.Mechanism.Name : null, w.Origin,
                Statuses = w.Items.Select(i => i.Status).ToList(),
            })
            .ToListAsync(ct);
        return [.. plans.Select(p => new EditablePlan(p.Id, p.Slug, p.Title, p.Period, p.GroupName, p.Origin,
            p.Statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count())))];
    }

    public async Task<EditablePlanDetail?> PlanAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.WorkPlans.AsNoTracking()
            .Where(w => w.Slug == slug)
            .Select(w => new
            {
                w.Id, w.Slug, w.Title, w.Period, GroupName = w.Mechanism != null ? w.Mechanism.Name : null,
                Items = w.Items.OrderBy(i => i.Sequence).ThenBy(i => i.Id).Select(i => new EditableItem(i.Id, i.Number, i.Text, i.Status, i.Version)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return plan is null ? null : new EditablePlanDetail(plan.Id, plan.Slug, plan.Title, plan.Period, plan.GroupName, plan.Items);
    }

    /// <summary>Working groups and other mechanisms a plan can belong to, working groups first.</summary>
    public async Task<IReadOnlyList<Choice>> GroupsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Mechanisms.AsNoTracking().Select(m => new { m.Slug, m.Name, m.Kind }).ToListAsync(ct);
        return [.. rows.OrderBy(m => m.Kind == MechanismKind.WorkingGroup ? 0 : 1).ThenBy(m => m.Name).Select(m => new Choice(m.Slug, m.Name))];
    }

    /// <summary>Meetings that could adopt a plan, newest first.</summary>
    public async Task<IReadOnlyList<Choice>> MeetingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartDate).Select(m => new { m.Slug, m.Title, m.StartDate, m.StartPrecision }).ToListAsync(ct);
        return [.. rows.Select(m => new Choice(m.Slug, $"{m.Title} ({new PartialDate(m.StartDate, m.StartPrecision)})"))];
    }

    public async Task<IReadOnlyList<Choice>> ThemesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Slug, t.Name)).ToListAsync(ct);
    }

    /// <summary>The paragraph id behind a statement slug and label (the search picker's results link by them).</summary>
    public async Task<int?> ParagraphIdAsync(string statementSlug, string label, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Paragraphs.AsNoTracking().Where(p => p.Statement!.Slug == statementSlug && p.Label == label).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
    }
}
