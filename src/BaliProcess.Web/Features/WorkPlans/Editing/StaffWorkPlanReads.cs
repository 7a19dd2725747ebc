using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

public sealed record EditablePlan(int Id, string Slug, string Title, string Period, string? GroupName, RecordOrigin Origin, IReadOnlyDictionary<ActionItemStatus, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

public sealed record EditableItem(int Id, string Number, string Text, ActionItemStatus Status, uint Version);

public sealed record EditablePlanDetail(int Id, string Slug, string Title, string Period, string? GroupName, IReadOnlyList<EditableItem> Items);

public sealed record Choice(string Value, string Label);

/// <summary>A statement paragraph linked to an item, as the editor lists it: its id is enough to unlink it.</summary>
public sealed record LinkedParagraph(int ParagraphId, string StatementTitle, string Label, string Href);

/// <summary>
/// What the item editor shows and keeps while it is open: no paragraph texts or sources (the public item page
/// has those), only what the editor renders and the ids and version a write needs.
/// </summary>
public sealed record EditorItem(
    int Id, string PlanSlug, string Number, ActionItemStatus Status, string? StatusText, uint Version,
    IReadOnlyList<ThemeLink> Themes, IReadOnlyList<LinkedParagraph> AskedFor, IReadOnlyList<StatusChangeView> History);

/// <summary>The static part of the item editor's page: where the item is and what it says.</summary>
public sealed record EditorItemHeading(string PlanSlug, string PlanTitle, string Number, string Text);

/// <summary>What the staff pages read (the writes go through <see cref="WorkPlanEditor"/>).</summary>
public sealed class StaffWorkPlanReads(IDbContextFactory<BaliProcessDbContext> dbFactory)
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

    /// <summary>The item's heading (null: no such item in that plan).</summary>
    public async Task<EditorItemHeading?> ItemHeadingAsync(string planSlug, string number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ActionItems.AsNoTracking()
            .Where(i => i.WorkPlan!.Slug == planSlug && i.Number == number)
            .Select(i => new EditorItemHeading(i.WorkPlan!.Slug, i.WorkPlan.Title, i.Number, i.Text))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The item as its editor needs it (null: no such item in that plan).</summary>
    public async Task<EditorItem?> ItemAsync(string planSlug, string number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ActionItems.AsNoTracking()
            .Where(i => i.WorkPlan!.Slug == planSlug && i.Number == number)
            .Select(i => new
            {
                i.Id, i.Number, i.Status, i.StatusText, i.Version,
                Themes = i.Themes.OrderBy(t => t.Name).Select(t => new ThemeLink(t.Slug, t.Name)).ToList(),
                Links = i.ParagraphLinks
                    .OrderBy(l => l.Paragraph!.Statement!.Title).ThenBy(l => l.Paragraph!.Sequence)
                    .Select(l => new { l.ParagraphId, l.Paragraph!.Statement!.Slug, l.Paragraph.Statement.Title, l.Paragraph.Label })
                    .ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var changes = await db.ActionItemStatusChanges.AsNoTracking().Where(c => c.ActionItemId == item.Id).OrderByDescending(c => c.Id).ToListAsync(ct);
        var sourceSlugs = await WorkPlanReads.SourceSlugsAsync(db, ct);
        return new EditorItem(
            item.Id, planSlug, item.Number, item.Status, item.StatusText, item.Version, item.Themes,
            [.. item.Links.Select(l => new LinkedParagraph(l.ParagraphId, l.Title, l.Label, PortalRoutes.Statement(l.Slug, l.Label)))],
            [.. changes.Select(c => WorkPlanReads.ToView(c, sourceSlugs))]);
    }
}
