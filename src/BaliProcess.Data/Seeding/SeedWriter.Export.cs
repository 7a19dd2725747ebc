using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Seeding;

// Loading an export (decision 0031): the staff records it holds are created as the secretariat's, with their marks
// (origin, drafts, who added and published them when), once; the append-only tables are restored verbatim. A record
// that already exists is never touched, as for every staff record (decision 0006), so loading an export twice, or
// seed-data/ over it, changes nothing.
internal sealed partial class SeedWriter
{
    private ILookup<(string Plan, string Item), (StatusChangeJson Json, int Index)>? history;

    /// <summary>History entries of the items this load created from an export, appended after the items are saved.</summary>
    private readonly List<(ActionItem Item, ActionItemStatusChange Change, int Index)> restoredHistory = [];

    private readonly List<RecordRevision> restoredRevisions = [];

    private readonly List<RecordCorrection> restoredCorrections = [];

    /// <summary>
    /// A record this load creates gets the withdrawal the export gives it (decision 0030); a record that exists keeps its
    /// own (a seed load never withdraws or restores anything).
    /// </summary>
    private static void Restored(IWithdrawable record, bool created, DateTimeOffset? withdrawnAt, string? reason)
    {
        if (withdrawnAt is not null && created)
        {
            record.WithdrawnAt = withdrawnAt;
            record.WithdrawnReason = reason;
        }
    }

    /// <summary>An export's staff aliases (decision 0029) the participant does not have yet; seed-data/ has none and removes none.</summary>
    private static void RestoreStaffAliases(Participant participant, List<StaffAliasJson>? aliases)
    {
        foreach (var alias in (aliases ?? []).Where(a => !participant.StaffAliases.Any(x => x.Alias == a.Alias)))
        {
            participant.StaffAliases.Add(new StaffAlias { Alias = alias.Alias!, Source = ToSource(alias.Source!), MeetingSlug = alias.Meeting });
        }
    }

    private static Meeting RestoredOrSeed(MeetingJson json) => new()
    {
        Slug = json.Slug!,
        Title = json.Title!,
        Origin = OriginOf(json.Origin),
        IsDraft = json.IsDraft ?? false,
        AddedBy = json.AddedBy,
        AddedByUserId = json.AddedByUserId,
        AddedAt = json.AddedAt,
        PublishedBy = json.PublishedBy,
        PublishedByUserId = json.PublishedByUserId,
        PublishedAt = json.PublishedAt,
        WithdrawnAt = json.WithdrawnAt,
        WithdrawnReason = json.WithdrawnReason,
        AttendanceAsWritten = [.. (json.AttendanceAsWritten ?? []).Select(a => new AttendanceAsWritten { Name = a.Name!, Role = Enum.Parse<AttendanceRole>(a.Role!), Source = ToSource(a.Source!) })],
        NewAliases = [.. (json.NewAliases ?? []).Select(a => new NewParticipantAlias { ParticipantSlug = a.Participant!, Alias = a.Alias!, Source = ToSource(a.Source!) })],
    };

    /// <summary>
    /// Adds the append-only rows an export holds (status history of the items just created, revisions not present), in
    /// the export's order, once everything they hang off is saved. Saved apart, they have nothing to be sorted after, so
    /// EF Core inserts them in the order given and their ids keep the original's order, which /changes uses to order
    /// entries recorded in the same instant. Returns how many rows it added.
    /// </summary>
    public int AddRestoredRows()
    {
        foreach (var (item, change, _) in restoredHistory.OrderBy(h => h.Index))
        {
            change.ActionItemId = item.Id;
            db.ActionItemStatusChanges.Add(change);
        }

        db.RecordRevisions.AddRange(restoredRevisions);
        db.RecordCorrections.AddRange(restoredCorrections);
        var added = restoredHistory.Count + restoredRevisions.Count + restoredCorrections.Count;
        restoredHistory.Clear();
        restoredRevisions.Clear();
        restoredCorrections.Clear();
        return added;
    }

    private static bool IsStaff(string? origin) => origin == nameof(RecordOrigin.Staff);

    private static RecordOrigin OriginOf(string? origin) => IsStaff(origin) ? RecordOrigin.Staff : RecordOrigin.Seed;

    private static SourceDocument RestoredDocument(SourceDocumentJson json, string folder)
    {
        var (date, precision) = Split(json.Date);
        var o = json.Original;
        return new SourceDocument
        {
            Slug = json.Slug!,
            FileName = json.File!,
            Title = json.Title!,
            Publisher = json.Publisher,
            Description = json.Description,
            PublishedOn = date,
            PublishedPrecision = precision,
            OriginalUrl = json.OriginalUrl,
            Origin = RecordOrigin.Staff,
            IsDraft = json.IsDraft ?? false,
            WithdrawnAt = json.WithdrawnAt,
            WithdrawnReason = json.WithdrawnReason,
            File = o is null ? null : new SourceDocumentFile
            {
                // The validator has checked both files exist inside the export and the original's SHA-256.
                Content = File.ReadAllBytes(Path.Combine(folder, o.File!)),
                Text = File.ReadAllText(Path.Combine(folder, o.TextFile!), System.Text.Encoding.UTF8),
                Sha256 = o.Sha256!,
                MediaType = o.MediaType!,
                OriginalFileName = o.OriginalFileName!,
                SizeBytes = o.SizeBytes ?? 0,
                PageCount = o.PageCount,
                AddedBy = o.AddedBy!,
                AddedByUserId = o.AddedByUserId!,
                AddedAt = o.AddedAt ?? default,
                PublishedBy = o.PublishedBy,
                PublishedByUserId = o.PublishedByUserId,
                PublishedAt = o.PublishedAt,
            },
        };
    }

    private static Statement RestoredOrSeed(StatementJson json) => new()
    {
        Slug = json.Slug!,
        Title = json.Title!,
        Origin = OriginOf(json.Origin),
        IsDraft = json.IsDraft ?? false,
        AddedBy = json.AddedBy,
        AddedByUserId = json.AddedByUserId,
        AddedAt = json.AddedAt,
        PublishedBy = json.PublishedBy,
        PublishedByUserId = json.PublishedByUserId,
        PublishedAt = json.PublishedAt,
        WithdrawnAt = json.WithdrawnAt,
        WithdrawnReason = json.WithdrawnReason,
    };

    private static OutcomeDocument RestoredOutcomeDocument(OutcomeDocumentJson json) => new()
    {
        Slug = json.Slug!,
        Title = json.Title!,
        Origin = RecordOrigin.Staff,
        IsDraft = json.IsDraft ?? false,
        AddedBy = json.AddedBy,
        AddedByUserId = json.AddedByUserId,
        AddedAt = json.AddedAt,
        PublishedBy = json.PublishedBy,
        PublishedByUserId = json.PublishedByUserId,
        PublishedAt = json.PublishedAt,
    };

    /// <summary>An item's status history as the export holds it (empty for seed-data/, which has none: the load writes the first entry).</summary>
    private List<(ActionItemStatusChange Change, int Index)> RestoredHistory(SeedSet set, string plan, string item)
    {
        history ??= set.StatusHistory.Select((h, i) => (h.Item, i)).ToLookup(h => (h.Item.WorkPlan!, h.Item.Item!));
        return [.. history[(plan, item)].Select(entry =>
        {
            var h = entry.Json;
            // Validated: every entry has its effective date.
            _ = PartialDate.TryParse(h.Effective, out var effective);
            return (new ActionItemStatusChange
            {
                FromStatus = h.FromStatus is null ? null : Enum.Parse<ActionItemStatus>(h.FromStatus),
                ToStatus = Enum.Parse<ActionItemStatus>(h.ToStatus!),
                Note = h.Note!,
                EffectiveDate = effective.Value,
                EffectivePrecision = effective.Precision,
                ChangedBy = h.ChangedBy!,
                ChangedByUserId = h.ChangedByUserId,
                ChangedAt = h.ChangedAt ?? now,
                FromSeed = h.FromSeed ?? false,
                SourceDocument = h.SourceDocument,
            }, entry.Index);
        })];
    }

    private void RestoreParagraphLinks(ActionItem item, ActionItemJson json, Dictionary<string, Statement> statements)
    {
        foreach (var link in json.AskedFor ?? [])
        {
            var restored = new ActionItemParagraphLink
            {
                Paragraph = statements[link.Statement!].Paragraphs.Single(p => p.Label == link.Paragraph),
                Origin = OriginOf(link.Origin),
                LinkedBy = link.LinkedBy ?? SeedLoader.SeedAuthor,
                LinkedAt = link.LinkedAt ?? now,
            };
            SetSources(restored.Sources, link.Source, null);
            item.ParagraphLinks.Add(restored);
        }
    }

    /// <summary>An export's corrections, appended verbatim unless the table already holds them (same kind, record and time proposed).</summary>
    private async Task WriteCorrectionsAsync(SeedSet set, CancellationToken ct)
    {
        if (set.Corrections.Count == 0)
        {
            return;
        }

        var present = (await db.RecordCorrections.Select(c => new { c.RecordKind, c.RecordKey, c.ProposedAt }).ToListAsync(ct))
            .Select(c => (c.RecordKind, c.RecordKey, c.ProposedAt)).ToHashSet();
        foreach (var c in set.Corrections.Select(c => c.Item).Where(c => !present.Contains((c.RecordKind!, c.RecordKey!, c.ProposedAt!.Value))))
        {
            restoredCorrections.Add(new RecordCorrection
            {
                RecordKind = c.RecordKind!,
                RecordKey = c.RecordKey!,
                Action = Enum.Parse<CorrectionAction>(c.Action!),
                Fields = c.Fields!.Value.GetRawText(),
                Replaces = c.Replaces!.Value.GetRawText(),
                Reason = c.Reason!,
                ProposedBy = c.ProposedBy!,
                ProposedByUserId = c.ProposedByUserId!,
                ProposedAt = c.ProposedAt!.Value,
                State = Enum.Parse<CorrectionState>(c.State!),
                DecidedBy = c.DecidedBy,
                DecidedByUserId = c.DecidedByUserId,
                DecidedAt = c.DecidedAt,
                DecisionNote = c.DecisionNote,
            });
        }
    }

    /// <summary>An export's revisions, appended verbatim unless the table already holds them (same kind, record and time).</summary>
    private async Task WriteRevisionsAsync(SeedSet set, CancellationToken ct)
    {
        if (set.Revisions.Count == 0)
        {
            return;
        }

        var present = (await db.RecordRevisions.Select(r => new { r.RecordKind, r.RecordKey, r.ChangedAt }).ToListAsync(ct))
            .Select(r => (r.RecordKind, r.RecordKey, r.ChangedAt)).ToHashSet();
        foreach (var r in set.Revisions.Select(r => r.Item).Where(r => !present.Contains((r.RecordKind!, r.RecordKey!, r.ChangedAt!.Value))))
        {
            restoredRevisions.Add(new RecordRevision
            {
                RecordKind = r.RecordKind!,
                RecordKey = r.RecordKey!,
                ChangedBy = r.ChangedBy!,
                ChangedByUserId = r.ChangedByUserId!,
                ChangedAt = r.ChangedAt!.Value,
                Reason = r.Reason!,
                Before = r.Before is { ValueKind: not System.Text.Json.JsonValueKind.Null } before ? before.GetRawText() : null,
                After = r.After!.Value.GetRawText(),
            });
        }
    }
}
