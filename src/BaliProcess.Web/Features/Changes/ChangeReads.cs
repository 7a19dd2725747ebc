using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Changes;

/// <summary>A work-plan item's status change, as /changes and the feeds show it.</summary>
public sealed record StatusChangeFacts(
    string PlanSlug, string PlanTitle, string? GroupSlug, string? GroupName, string ItemNumber, string ItemText,
    ActionItemStatus? From, ActionItemStatus To, string Note, PartialDate Effective)
{
    public string ItemHref => PortalRoutes.WorkPlanItem(PlanSlug, ItemNumber);
}

/// <summary>
/// One published change of the record, of any kind: a work-plan item's status change (<see cref="Status"/>) or a revision
/// (<see cref="Fields"/>: the fields it changed; <see cref="NewRecord"/> when it added the record). <see cref="Why"/> is
/// the status change's note or the revision's reason. <see cref="Anchor"/> names it on /changes and in the feeds:
/// "change-42" for status changes (as before revisions were listed) and "revision-7" for revisions.
/// </summary>
public sealed record ChangeEntry(
    long Id, RecordRef Record, string ChangedBy, DateTimeOffset ChangedAt, string Why,
    StatusChangeFacts? Status, IReadOnlyList<FieldChange> Fields, bool NewRecord)
{
    public bool IsRevision => Status is null;

    public string Anchor => IsRevision ? PortalRoutes.RevisionAnchor(Id) : PortalRoutes.ChangeAnchor(Id);

    public string KindLabel => HistoryKinds.LabelOf(Record.Kind);

    /// <summary>What changed, in a few words: "For action → Complete, effective 2018-03", "new record", "changed title".</summary>
    public string WhatChanged => Status is { } s
        ? $"{(s.From is { } f ? $"{Labels.Of(f)} → " : "")}{Labels.Of(s.To)}, effective {s.Effective}"
        : FieldDiff.Summary(Fields, NewRecord);

    /// <summary>Where the change is shown in full: a status change on its item's page, a revision on its record's history.</summary>
    public string DetailHref => IsRevision ? $"{Record.HistoryHref}#{Anchor}" : Record.Href;
}

/// <summary>
/// Filters of /changes; dates are the UTC days the changes were recorded, both ends included. <see cref="Kind"/> is a
/// record kind (<see cref="RecordRevisionKinds"/>; status changes are of kind "work-plan-item"); a working group or a
/// work plan keeps only the changes of work plans (theirs) and their items.
/// </summary>
public sealed record ChangeFilter(string? GroupSlug = null, DateOnly? From = null, DateOnly? To = null, string? PlanSlug = null, int Limit = 100, string? Kind = null)
{
    /// <summary>
    /// The filter of /changes from its query string (kind, group, from, to), as the page reads it: a value it does not
    /// know is left out, dates the wrong way round are swapped; <paramref name="notes"/> gets a sentence for each.
    /// </summary>
    public static async Task<ChangeFilter> FromQueryAsync(ChangeReads reads, IQueryCollection query, CancellationToken ct, List<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(query);
        var kindText = query["kind"].ToString();
        var kind = HistoryKinds.Of(kindText.Trim())?.Kind;
        if (!string.IsNullOrWhiteSpace(kindText) && kind is null)
        {
            notes?.Add(ChangeWords.Text("There is no such kind of record here; showing every kind."));
        }

        var groupText = query["group"].ToString();
        var group = (await reads.GroupsAsync(ct)).FirstOrDefault(g => g.Slug == groupText)?.Slug;
        if (!string.IsNullOrWhiteSpace(groupText) && group is null)
        {
            notes?.Add(ChangeWords.Text("That working group has no work plan here; showing every working group."));
        }

        var from = Day(query["from"].ToString(), "from", notes);
        var to = Day(query["to"].ToString(), "to", notes);
        if (from > to)
        {
            (from, to) = (to, from);
            notes?.Add(ChangeWords.Text("The dates were the wrong way round; they have been swapped."));
        }

        return new ChangeFilter(group, from, to, Limit: ChangeReads.MaxLimit, Kind: kind);
    }

    /// <summary>The query string of this filter as /changes writes it ("?kind=statement&amp;from=2026-01-01"), or empty.</summary>
    public string ToQuery(bool forApi = false)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("kind", Kind);
        Add(forApi ? "workingGroup" : "group", GroupSlug);
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static DateOnly? Day(string text, string name, List<string>? notes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        notes?.Add(ChangeWords.Format("“{0}” is not a date of the form YYYY-MM-DD; the “{1}” filter is not applied.", text.Length > 40 ? text[..40] + "…" : text, ChangeWords.Text(name)));
        return null;
    }
}

public sealed record GroupOption(string Slug, string Name);

/// <summary>
/// Recent changes of the record for /changes, its API and downloads and the Atom feeds: the status changes staff recorded
/// on work-plan items and the revisions in <c>record_revisions</c>, newest first. Only what was published in the portal:
/// the first entry of a seeded item is the source document's record, not a change. A revision is listed only while its
/// record is public (found through the query filters by <see cref="HistoryKinds"/>), so a draft's never is.
/// </summary>
public sealed class ChangeReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public const int MaxLimit = 500;

    /// <summary>The kind the status changes are of.</summary>
    public const string StatusKind = RecordRevisionKinds.WorkPlanItem;

    public Task<IReadOnlyList<ChangeEntry>> RecentAsync(ChangeFilter filter, CancellationToken ct = default) =>
        records.GetOrLoadAsync(filter, token => RecentFromDatabaseAsync(filter, token), ct);

    private async Task<IReadOnlyList<ChangeEntry>> RecentFromDatabaseAsync(ChangeFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = new List<ChangeEntry>();
        if (filter.Kind is null or StatusKind)
        {
            entries.AddRange(await StatusChangesAsync(db, filter, limit, ct));
        }

        if (filter.Kind is null || HistoryKinds.Of(filter.Kind) is not null)
        {
            entries.AddRange(await RevisionsAsync(db, filter, limit, ct));
        }

        return [.. entries.OrderByDescending(e => e.ChangedAt).ThenByDescending(e => e.IsRevision).ThenByDescending(e => e.Id).Take(limit)];
    }

    private static async Task<List<ChangeEntry>> StatusChangesAsync(BaliProcessDbContext db, ChangeFilter filter, int limit, CancellationToken ct)
    {
        var query = db.ActionItemStatusChanges.AsNoTracking().Where(c => !c.FromSeed);
        if (!string.IsNullOrEmpty(filter.GroupSlug))
        {
            query = query.Where(c => c.ActionItem!.WorkPlan!.Mechanism!.Slug == filter.GroupSlug);
        }

        if (!string.IsNullOrEmpty(filter.PlanSlug))
        {
            query = query.Where(c => c.ActionItem!.WorkPlan!.Slug == filter.PlanSlug);
        }

        if (Start(filter) is { } start)
        {
            query = query.Where(c => c.ChangedAt >= start);
        }

        if (End(filter) is { } end)
        {
            query = query.Where(c => c.ChangedAt < end);
        }

        var rows = await query
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(limit)
            .Select(c => new
            {
                c.Id, PlanSlug = c.ActionItem!.WorkPlan!.Slug, PlanTitle = c.ActionItem.WorkPlan.Title,
                GroupSlug = c.ActionItem.WorkPlan.Mechanism != null ? c.ActionItem.WorkPlan.Mechanism.Slug : null,
                GroupName = c.ActionItem.WorkPlan.Mechanism != null ? c.ActionItem.WorkPlan.Mechanism.Name : null,
                c.ActionItem.Number, c.ActionItem.Text, c.ActionItem.Sources, c.FromStatus, c.ToStatus, c.Note, c.EffectiveDate, c.EffectivePrecision,
                c.ChangedBy, c.ChangedAt,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ChangeEntry(
            r.Id,
            RecordRef.Built(StatusKind, HistoryKinds.ItemKey(r.PlanSlug, r.Number), new Phrase("Item {0} of {1}", r.Number, r.PlanTitle), PortalRoutes.WorkPlanItem(r.PlanSlug, r.Number), r.Sources),
            r.ChangedBy, r.ChangedAt, r.Note,
            new StatusChangeFacts(r.PlanSlug, r.PlanTitle, r.GroupSlug, r.GroupName, r.Number, r.Text, r.FromStatus, r.ToStatus, r.Note,
                new PartialDate(r.EffectiveDate, r.EffectivePrecision)),
            [], false))];
    }

    private static async Task<List<ChangeEntry>> RevisionsAsync(BaliProcessDbContext db, ChangeFilter filter, int limit, CancellationToken ct)
    {
        var query = db.RecordRevisions.AsNoTracking();
        if (filter.Kind is not null)
        {
            query = query.Where(r => r.RecordKind == filter.Kind);
        }

        if (!string.IsNullOrEmpty(filter.GroupSlug) || !string.IsNullOrEmpty(filter.PlanSlug))
        {
            // Only the plans' own revisions and their items'.
            var plans = await db.WorkPlans.AsNoTracking()
                .Where(w => string.IsNullOrEmpty(filter.PlanSlug) || w.Slug == filter.PlanSlug)
                .Where(w => string.IsNullOrEmpty(filter.GroupSlug) || w.Mechanism!.Slug == filter.GroupSlug)
                .Select(w => w.Slug).ToListAsync(ct);
            var items = await db.ActionItems.AsNoTracking().Where(i => plans.Contains(i.WorkPlan!.Slug))
                .Select(i => i.WorkPlan!.Slug + "/" + i.Number).ToListAsync(ct);
            query = query.Where(r => (r.RecordKind == RecordRevisionKinds.WorkPlan && plans.Contains(r.RecordKey))
                || (r.RecordKind == RecordRevisionKinds.WorkPlanItem && items.Contains(r.RecordKey)));
        }

        if (Start(filter) is { } start)
        {
            query = query.Where(r => r.ChangedAt >= start);
        }

        if (End(filter) is { } end)
        {
            query = query.Where(r => r.ChangedAt < end);
        }

        // Revisions whose record is not public (a draft's) are dropped after reading; read on until the page is full.
        var entries = new List<ChangeEntry>();
        for (var skip = 0; entries.Count < limit; skip += limit)
        {
            var batch = await query.OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id).Skip(skip).Take(limit).ToListAsync(ct);
            var visible = await PublicRecordsAsync(db, batch.Select(r => (r.RecordKind, r.RecordKey)), ct);
            entries.AddRange(batch.Where(r => visible.ContainsKey((r.RecordKind, r.RecordKey))).Select(r => Entry(r, visible[(r.RecordKind, r.RecordKey)])).Take(limit - entries.Count));
            if (batch.Count < limit)
            {
                break;
            }
        }

        return entries;
    }

    internal static ChangeEntry Entry(RecordRevision r, RecordRef record) =>
        new(r.Id, record, r.ChangedBy, r.ChangedAt, r.Reason, null, FieldDiff.Between(r.Before, r.After), r.Before is null);

    /// <summary>The public records among these kinds and keys; kinds <see cref="HistoryKinds"/> does not know are left out.</summary>
    internal static async Task<Dictionary<(string Kind, string Key), RecordRef>> PublicRecordsAsync(
        BaliProcessDbContext db, IEnumerable<(string Kind, string Key)> wanted, CancellationToken ct)
    {
        var found = new Dictionary<(string, string), RecordRef>();
        foreach (var group in wanted.Distinct().GroupBy(w => w.Kind, StringComparer.Ordinal))
        {
            if (HistoryKinds.Of(group.Key) is not { } kind)
            {
                continue;
            }

            foreach (var record in await kind.FindAsync(db, [.. group.Select(g => g.Key)], ct))
            {
                found[(record.Kind, record.Key)] = record;
            }
        }

        return found;
    }

    private static DateTimeOffset? Start(ChangeFilter filter) =>
        filter.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private static DateTimeOffset? End(ChangeFilter filter) =>
        filter.To is { } to && to < DateOnly.MaxValue ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

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
