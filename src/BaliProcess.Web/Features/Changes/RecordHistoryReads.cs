using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.WorkPlans;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Changes;

/// <summary>One revision of a record as its history shows it: who, when (UTC), why, and the fields it changed.</summary>
public sealed record RevisionView(long Id, string ChangedBy, DateTimeOffset ChangedAt, string Reason, bool NewRecord, IReadOnlyList<FieldChange> Fields)
{
    public string Anchor => Components.PortalRoutes.RevisionAnchor(Id);
}

/// <summary>
/// A record's history: the record, its revisions newest first, and for work-plan items their whole status history
/// (<see cref="ItemHistory"/>, the seeded entry included) or for work plans their items' status changes.
/// </summary>
public sealed record RecordHistory(
    RecordRef Record, IReadOnlyList<RevisionView> Revisions, IReadOnlyList<StatusChangeView> ItemHistory, IReadOnlyList<ChangeEntry> ItemStatusChanges)
{
    public string KindLabel => HistoryKinds.LabelOf(Record.Kind);

    /// <summary>True when a revision added the record in the portal (its first one, with nothing before).</summary>
    public bool AddedInPortal => Revisions.Any(r => r.NewRecord);
}

/// <summary>
/// The history pages' one read (decision 0028): a public record's revisions and status changes, kept in the record cache
/// until the record changes, like every public read. Null when there is no public record of that kind and key, so a
/// draft's history answers 404 like its page.
/// </summary>
public sealed class RecordHistoryReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records, WorkPlanReads workPlans, ChangeReads changes)
{
    public Task<RecordHistory?> GetAsync(string kind, string key, CancellationToken ct = default) =>
        records.GetOrLoadAsync((kind, key), token => GetFromDatabaseAsync(kind, key, token), ct);

    private async Task<RecordHistory?> GetFromDatabaseAsync(string kind, string key, CancellationToken ct)
    {
        if (HistoryKinds.Of(kind) is not { } historyKind)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((await historyKind.FindAsync(db, [key], ct)).FirstOrDefault() is not { } record)
        {
            return null;
        }

        // A statement's history includes its paragraphs' corrections, a meeting's its attendance lines' (decision 0030).
        var partKind = HistoryKinds.PartKindOf(kind);
        var partPrefix = key + "/";
        var revisions = await db.RecordRevisions.AsNoTracking()
            .Where(r => (r.RecordKind == kind && r.RecordKey == key) || (partKind != null && r.RecordKind == partKind && r.RecordKey.StartsWith(partPrefix)))
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        IReadOnlyList<StatusChangeView> itemHistory = [];
        IReadOnlyList<ChangeEntry> itemChanges = [];
        if (kind == RecordRevisionKinds.WorkPlanItem && key.LastIndexOf('/') is > 0 and var slash
            && await workPlans.GetItemAsync(key[..slash], key[(slash + 1)..], ct) is { } item)
        {
            itemHistory = item.History;
        }
        else if (kind == RecordRevisionKinds.WorkPlan)
        {
            itemChanges = await changes.RecentAsync(new ChangeFilter(PlanSlug: key, Limit: ChangeReads.MaxLimit, Kind: ChangeReads.StatusKind), ct);
        }

        return new RecordHistory(
            record,
            [.. revisions.Select(r => new RevisionView(r.Id, r.ChangedBy, r.ChangedAt,
                r.RecordKind == kind ? r.Reason : $"{HistoryKinds.PartLabel(r.RecordKind, r.RecordKey)}: {r.Reason}",
                r.Before is null, FieldDiff.Between(r.Before, r.After)))],
            itemHistory, itemChanges);
    }
}
