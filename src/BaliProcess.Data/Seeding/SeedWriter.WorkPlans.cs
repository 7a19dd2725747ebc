using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Seeding;

// Work plans, their items and the items' links. What the seed owns is told from what staff own by
// RecordOrigin (work plans, items, paragraph links) and by the per-item "set by staff" flags (theme and
// paragraph lists): a load updates only seed records and seed-owned lists, and never writes a status after
// the item's first load, so staff edits survive every start. See docs/decisions/0006.
internal sealed partial class SeedWriter
{
    private Dictionary<string, WorkPlan> workPlans = [];

    /// <summary>Items created by this load: their lists are written whole, whoever set them.</summary>
    private readonly HashSet<ActionItem> newItems = [];

    private async Task WriteWorkPlansAsync(SeedSet set, CancellationToken ct)
    {
        // Withdrawn items included (decision 0030), or the seed would add their numbers again.
        workPlans = await db.WorkPlans.IgnoreQueryFilters()
            .Include(w => w.Items).ThenInclude(i => i.Themes)
            .Include(w => w.Items).ThenInclude(i => i.ParagraphLinks)
            .AsSplitQuery()
            .ToDictionaryAsync(w => w.Slug, ct);
        var documentDates = new Dictionary<string, PartialDate>(StringComparer.Ordinal);
        foreach (var source in set.Sources.Select(s => s.Item))
        {
            if (source.File is not null && PartialDate.TryParse(source.Date, out var date))
            {
                documentDates[source.File] = date;
            }
        }

        foreach (var json in set.WorkPlans.Select(w => w.Item))
        {
            if (workPlans.TryGetValue(json.Slug!, out var existing) && existing.Origin == RecordOrigin.Staff)
            {
                // Staff created a plan under this slug before the seed data had it: the plan is theirs.
                continue;
            }

            var plan = GetOrAdd(workPlans, json.Slug!, () => new WorkPlan
            {
                Slug = json.Slug!, Title = json.Title!, Period = json.Period!, Origin = OriginOf(json.Origin),
                // An export's plan staff set out from a document (decision 0033): a draft or published, with who did each when.
                IsDraft = json.IsDraft ?? false,
                AddedBy = json.AddedBy, AddedByUserId = json.AddedByUserId, AddedAt = json.AddedAt,
                PublishedBy = json.PublishedBy, PublishedByUserId = json.PublishedByUserId, PublishedAt = json.PublishedAt,
            }, db.WorkPlans);
            Restored(plan, db.Entry(plan).State == EntityState.Added, json.WithdrawnAt, json.WithdrawnReason); // decision 0039
            plan.Title = json.Title!;
            plan.Period = json.Period!;
            plan.StartYear = json.StartYear ?? 0;
            plan.EndYear = json.EndYear ?? 0;
            SetReference(plan.Mechanism, json.Mechanism is null ? null : mechanisms[json.Mechanism], v => plan.Mechanism = v);
            SetReference(plan.AdoptedAtMeeting, json.AdoptedAtMeeting is null ? null : meetings[json.AdoptedAtMeeting], v => plan.AdoptedAtMeeting = v);
            SetReference(plan.UpdatedAtMeeting, json.UpdatedAtMeeting is null ? null : meetings[json.UpdatedAtMeeting], v => plan.UpdatedAtMeeting = v);
            SetSources(plan.Sources, json.Source, json.Sources);

            var items = json.Items ?? [];
            foreach (var (itemJson, index) in items.Select((x, i) => (x, i)))
            {
                var item = plan.Items.FirstOrDefault(i => i.Number == itemJson.Number);
                if (item is { Origin: RecordOrigin.Staff })
                {
                    // Staff added an item with this number before the seed data had it: theirs, untouched.
                    continue;
                }

                var isNew = item is null;
                if (item is null)
                {
                    item = NewSeedItem(json, itemJson, documentDates, set);
                    plan.Items.Add(item);
                    newItems.Add(item);
                }

                Restored(item, isNew, itemJson.WithdrawnAt, itemJson.WithdrawnReason);
                item.Sequence = index + 1;
                item.Text = itemJson.Text!;
                item.NumberAddedByPortal = itemJson.NumberAddedByPortal ?? false;
                SetSources(item.Sources, itemJson.Source, null);
                if (!item.ThemesSetByStaff || isNew)
                {
                    SetThemes(item.Themes, itemJson.Themes);
                }
            }
        }
    }

    /// <summary>
    /// A new item from the seed: its status and status text are written this once and become the first
    /// history entry, dated and attributed as the source document records them (not to the load).
    /// </summary>
    private ActionItem NewSeedItem(WorkPlanJson plan, ActionItemJson itemJson, Dictionary<string, PartialDate> documentDates, SeedSet set)
    {
        var status = Enum.Parse<ActionItemStatus>(itemJson.Status!);
        if (RestoredHistory(set, plan.Slug!, itemJson.Number!) is { Count: > 0 } history)
        {
            // An export's item (decision 0031): its current status and marks as exported, its history verbatim.
            var restored = new ActionItem
            {
                Number = itemJson.Number!,
                Text = itemJson.Text!,
                Status = status,
                StatusText = itemJson.StatusText,
                Origin = OriginOf(itemJson.Origin),
                ThemesSetByStaff = itemJson.ThemesSetByStaff ?? false,
                ParagraphLinksSetByStaff = itemJson.ParagraphLinksSetByStaff ?? false,
            };
            restoredHistory.AddRange(history.Select(h => (restored, h.Change, h.Index)));
            return restored;
        }

        var source = itemJson.Source ?? plan.Source ?? plan.Sources?.FirstOrDefault();
        var document = source?.Document;

        // The document's own date, at its precision (001 is undated beyond "updated following the meeting of
        // 18 May 2016": sources.json gives it as 2016); a plan without a dated document falls back to its first year.
        var effective = document is not null && documentDates.TryGetValue(document, out var d)
            ? d
            : new PartialDate(new DateOnly(Math.Max(plan.StartYear ?? 1, 1), 1, 1), DatePrecision.Year);
        var note = string.IsNullOrWhiteSpace(itemJson.StatusText)
            ? $"Status as recorded in {document ?? "the source document"}{(source?.Location is { } l ? ", " + l : "")}"
            : itemJson.StatusText;

        var item = new ActionItem
        {
            Number = itemJson.Number!,
            Text = itemJson.Text!,
            Status = status,
            StatusText = itemJson.StatusText,
            Origin = OriginOf(itemJson.Origin),
        };
        if (plan.IsDraft == true)
        {
            // An export's draft plan (decision 0033): its items get their first entry when it is published.
            return item;
        }

        item.StatusChanges.Add(new ActionItemStatusChange
        {
            ToStatus = status,
            Note = note.Length > ActionItemStatusChange.NoteMaxLength ? note[..ActionItemStatusChange.NoteMaxLength] : note,
            EffectiveDate = effective.Value,
            EffectivePrecision = effective.Precision,
            ChangedBy = plan.Title!,
            ChangedAt = now,
            FromSeed = true,
            SourceDocument = document,
        });
        return item;
    }

    /// <summary>
    /// The "asked for by" links the documents make explicit, after the statements are written (a link may
    /// point at a paragraph added by this load). Only seed links of items whose list staff never changed.
    /// </summary>
    private void WriteParagraphLinks(SeedSet set)
    {
        var statements = db.Statements.Local.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        foreach (var json in set.WorkPlans.Select(w => w.Item))
        {
            if (!workPlans.TryGetValue(json.Slug!, out var plan))
            {
                continue;
            }

            foreach (var itemJson in json.Items ?? [])
            {
                var item = plan.Items.FirstOrDefault(i => i.Number == itemJson.Number);
                if (item is not null && newItems.Contains(item))
                {
                    // An item this load created: its links as the file has them, staff links with who set them when.
                    RestoreParagraphLinks(item, itemJson, statements);
                    continue;
                }

                if (plan.Origin != RecordOrigin.Seed || item is not { Origin: RecordOrigin.Seed } || item.ParagraphLinksSetByStaff)
                {
                    continue;
                }

                var wanted = (itemJson.AskedFor ?? [])
                    .Select(l => (Paragraph: statements[l.Statement!].Paragraphs.Single(p => p.Label == l.Paragraph), Json: l))
                    .ToList();
                foreach (var (paragraph, linkJson) in wanted)
                {
                    var link = item.ParagraphLinks.FirstOrDefault(l => ReferenceEquals(l.Paragraph, paragraph) || (paragraph.Id != 0 && l.ParagraphId == paragraph.Id));
                    if (link is null)
                    {
                        link = new ActionItemParagraphLink { Paragraph = paragraph, Origin = RecordOrigin.Seed, LinkedBy = SeedLoader.SeedAuthor, LinkedAt = now };
                        item.ParagraphLinks.Add(link);
                    }

                    SetSources(link.Sources, linkJson.Source, null);
                }

                item.ParagraphLinks.RemoveAll(l => l.Origin == RecordOrigin.Seed
                    && !wanted.Any(w => ReferenceEquals(l.Paragraph, w.Paragraph) || (w.Paragraph.Id != 0 && l.ParagraphId == w.Paragraph.Id)));
            }
        }
    }
}
