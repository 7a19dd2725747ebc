using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkPlans;

public sealed record ThemeLink(string Slug, string Name);

public sealed record WorkPlanSummary(
    string Slug, string Title, string Period, int StartYear, int EndYear, string? GroupSlug, string? GroupName, int Items,
    IReadOnlyList<SourceReference> Sources);

/// <summary>One entry of an item's history; <see cref="SourceSlug"/> links an entry drawn from a document to its page.</summary>
public sealed record StatusChangeView(
    long Id, ActionItemStatus? From, ActionItemStatus To, string Note, PartialDate Effective, string ChangedBy,
    DateTimeOffset ChangedAt, bool FromSeed, string? SourceDocument, string? SourceSlug);

/// <summary>A statement paragraph that asked for an item.</summary>
public sealed record AskedForView(string StatementSlug, string StatementTitle, string Label, string Text, RecordOrigin Origin, IReadOnlyList<SourceReference> Sources)
{
    public string Href => PortalRoutes.Statement(StatementSlug, Label);
}

public sealed record ActionItemView(
    int Id, string Number, string Text, ActionItemStatus Status, string? StatusText, IReadOnlyList<ThemeLink> Themes,
    StatusChangeView? LastChange, int HistoryCount, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>True when the document gives the item no number: pages show the portal's in [brackets].</summary>
    public bool NumberAddedByPortal { get; init; }

    /// <summary>The number as pages show it.</summary>
    public string ShownNumber => NumberAddedByPortal ? $"[{Number}]" : Number;
}

public sealed record WorkPlanView(
    string Slug, string Title, string Period, string? GroupSlug, string? GroupName,
    string? AdoptedAtSlug, string? AdoptedAtTitle, string? UpdatedAtSlug, string? UpdatedAtTitle,
    IReadOnlyList<ActionItemView> Items, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>Every item's status, for the progress summary (the filter does not change it).</summary>
    public IReadOnlyList<ActionItemStatus> AllStatuses { get; init; } = [];
}

/// <summary>An item's own page: status, the paragraphs that asked for it, and its whole history (newest first).</summary>
public sealed record ActionItemDetail(
    int Id, string PlanSlug, string PlanTitle, string PlanPeriod, string? GroupSlug, string? GroupName,
    string Number, string Text, ActionItemStatus Status, string? StatusText, RecordOrigin Origin, uint Version,
    IReadOnlyList<ThemeLink> Themes, IReadOnlyList<AskedForView> AskedFor, IReadOnlyList<StatusChangeView> History,
    IReadOnlyList<SourceReference> Sources);

/// <summary>A work plan with its action items, their status and the history of each status.</summary>
public sealed class WorkPlanReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    /// <summary>Every work plan, newest first.</summary>
    public Task<IReadOnlyList<WorkPlanSummary>> ListAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => ListFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<WorkPlanSummary>> ListFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkPlans.AsNoTracking()
            .OrderByDescending(w => w.StartYear).ThenBy(w => w.Title)
            .Select(w => new WorkPlanSummary(
                w.Slug, w.Title, w.Period, w.StartYear, w.EndYear,
                w.Mechanism != null ? w.Mechanism.Slug : null, w.Mechanism != null ? w.Mechanism.Name : null, w.Items.Count, w.Sources))
            .ToListAsync(ct);
    }

    public Task<WorkPlanView?> GetAsync(string slug, ActionItemStatus? status, CancellationToken ct = default) =>
        records.GetOrLoadAsync((slug, status), token => GetFromDatabaseAsync(slug, status, token), ct);

    private async Task<WorkPlanView?> GetFromDatabaseAsync(string slug, ActionItemStatus? status, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.WorkPlans.AsNoTracking()
            .Include(w => w.Mechanism)
            .Include(w => w.AdoptedAtMeeting)
            .Include(w => w.UpdatedAtMeeting)
            .Include(w => w.Items).ThenInclude(i => i.Themes)
            .FirstOrDefaultAsync(w => w.Slug == slug, ct);
        if (plan is null)
        {
            return null;
        }

        // The latest entry of each item (one query; history is append-only, so the highest id is the latest).
        var itemIds = plan.Items.Select(i => i.Id).ToList();
        var latest = await db.ActionItemStatusChanges.AsNoTracking()
            .Where(c => itemIds.Contains(c.ActionItemId))
            .GroupBy(c => c.ActionItemId)
            .Select(g => new { ItemId = g.Key, Count = g.Count(), Last = g.OrderByDescending(c => c.Id).First() })
            .ToListAsync(ct);
        var sourceSlugs = await SourceSlugsAsync(db, ct);
        var byItem = latest.ToDictionary(l => l.ItemId);

        var items = plan.Items.OrderBy(i => i.Sequence).ThenBy(i => i.Id)
            .Where(i => status is null || i.Status == status)
            .Select(i => new ActionItemView(
                i.Id, i.Number, i.Text, i.Status, i.StatusText,
                i.Themes.OrderBy(t => t.Name).Select(t => new ThemeLink(t.Slug, t.Name)).ToList(),
                byItem.TryGetValue(i.Id, out var l) ? ToView(l.Last, sourceSlugs) : null,
                byItem.TryGetValue(i.Id, out var c) ? c.Count : 0,
                i.Sources) { NumberAddedByPortal = i.NumberAddedByPortal })
            .ToList();

        return new WorkPlanView(
            plan.Slug, plan.Title, plan.Period, plan.Mechanism?.Slug, plan.Mechanism?.Name,
            plan.AdoptedAtMeeting?.Slug, plan.AdoptedAtMeeting?.Title, plan.UpdatedAtMeeting?.Slug, plan.UpdatedAtMeeting?.Title,
            items, plan.Sources)
        {
            AllStatuses = plan.Items.Select(i => i.Status).ToList(),
        };
    }

    public Task<ActionItemDetail?> GetItemAsync(string planSlug, string number, CancellationToken ct = default) =>
        records.GetOrLoadAsync((planSlug, number), token => GetItemFromDatabaseAsync(planSlug, number, token), ct);

    private async Task<ActionItemDetail?> GetItemFromDatabaseAsync(string planSlug, string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ActionItems.AsNoTracking()
            .Include(i => i.WorkPlan!).ThenInclude(w => w.Mechanism)
            .Include(i => i.Themes)
            .Include(i => i.StatusChanges)
            .Include(i => i.ParagraphLinks).ThenInclude(l => l.Paragraph!).ThenInclude(p => p.Statement)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.WorkPlan!.Slug == planSlug && i.Number == number, ct);
        if (item is null)
        {
            return null;
        }

        var sourceSlugs = await SourceSlugsAsync(db, ct);
        var plan = item.WorkPlan!;
        return new ActionItemDetail(
            item.Id, plan.Slug, plan.Title, plan.Period, plan.Mechanism?.Slug, plan.Mechanism?.Name,
            item.Number, item.Text, item.Status, item.StatusText, item.Origin, item.Version,
            [.. item.Themes.OrderBy(t => t.Name).Select(t => new ThemeLink(t.Slug, t.Name))],
            [.. item.ParagraphLinks
                .OrderBy(l => l.Paragraph!.Statement!.Title).ThenBy(l => l.Paragraph!.Sequence)
                .Select(l => new AskedForView(l.Paragraph!.Statement!.Slug, l.Paragraph.Statement.Title, l.Paragraph.Label, l.Paragraph.Text, l.Origin, l.Sources))],
            [.. item.StatusChanges.OrderByDescending(c => c.Id).Select(c => ToView(c, sourceSlugs))],
            item.Sources);
    }

    /// <summary>The whole history of each of these items, newest first (the API's and the downloads' view).</summary>
    public Task<IReadOnlyDictionary<int, IReadOnlyList<StatusChangeView>>> HistoriesAsync(IReadOnlyCollection<int> itemIds, CancellationToken ct = default) =>
        records.GetOrLoadAsync(string.Join(",", itemIds), token => HistoriesFromDatabaseAsync(itemIds, token), ct);

    private async Task<IReadOnlyDictionary<int, IReadOnlyList<StatusChangeView>>> HistoriesFromDatabaseAsync(IReadOnlyCollection<int> itemIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sourceSlugs = await SourceSlugsAsync(db, ct);
        var changes = await db.ActionItemStatusChanges.AsNoTracking()
            .Where(c => itemIds.Contains(c.ActionItemId))
            .OrderByDescending(c => c.Id)
            .ToListAsync(ct);
        return itemIds.ToDictionary(
            id => id,
            id => (IReadOnlyList<StatusChangeView>)[.. changes.Where(c => c.ActionItemId == id).Select(c => ToView(c, sourceSlugs))]);
    }

    internal static async Task<Dictionary<string, string>> SourceSlugsAsync(BaliProcessDbContext db, CancellationToken ct) =>
        await db.SourceDocuments.AsNoTracking().ToDictionaryAsync(s => s.FileName, s => s.Slug, ct);

    internal static StatusChangeView ToView(ActionItemStatusChange c, IReadOnlyDictionary<string, string> sourceSlugs) =>
        new(c.Id, c.FromStatus, c.ToStatus, c.Note, c.Effective, c.ChangedBy, c.ChangedAt, c.FromSeed, c.SourceDocument,
            c.SourceDocument is not null && sourceSlugs.TryGetValue(c.SourceDocument, out var slug) ? slug : null);
}
