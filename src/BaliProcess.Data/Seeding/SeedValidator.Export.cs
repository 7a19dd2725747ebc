using System.Security.Cryptography;
using BaliProcess.Data.Model;

namespace BaliProcess.Data.Seeding;

// Checks of what only an export holds (decision 0031): staff marks, the source files next to the JSON, the status
// history and the revisions. Nothing is written unless all of it is sound, as for seed-data/.
public sealed partial class SeedValidator
{
    private void RunExport()
    {
        foreach (var s in set.Sources)
        {
            OriginValue(s, s.Item.Origin);
            if (s.Item.Original is { } o)
            {
                Required(s, "original.sha256", o.Sha256);
                Required(s, "original.mediaType", o.MediaType);
                Required(s, "original.originalFileName", o.OriginalFileName);
                Required(s, "original.addedBy", o.AddedBy);
                Required(s, "original.addedByUserId", o.AddedByUserId);
                if (ExportFile(s, "original.file", o.File) is { } original
                    && !string.Equals(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(original))), o.Sha256, StringComparison.Ordinal))
                {
                    Problem(s, $"original.file '{o.File}' does not have the SHA-256 the export gives it (the file was changed or replaced)");
                }

                ExportFile(s, "original.textFile", o.TextFile);
            }
            else if (s.Item.Origin is not null)
            {
                Problem(s, "original is missing: a document added in the portal has its original file");
            }
        }

        var items = new HashSet<(string, string)>();
        foreach (var w in set.WorkPlans)
        {
            OriginValue(w, w.Item.Origin);
            foreach (var (item, i) in (w.Item.Items ?? []).Select((x, i) => (x, i)))
            {
                OriginValue(w, item.Origin, $"items[{i}].origin");
                items.Add((w.Item.Slug ?? "", item.Number ?? ""));
            }
        }

        foreach (var s in set.Statements)
        {
            OriginValue(s, s.Item.Origin);
        }

        foreach (var h in set.StatusHistory)
        {
            if (Required(h, "workPlan", h.Item.WorkPlan) && Required(h, "item", h.Item.Item) && !items.Contains((h.Item.WorkPlan!, h.Item.Item!)))
            {
                Problem(h, $"item {h.Item.Item} of work plan '{h.Item.WorkPlan}' is not in work-plans.json");
            }

            Enum<ActionItemStatus>(h, "fromStatus", h.Item.FromStatus, required: false);
            Enum<ActionItemStatus>(h, "toStatus", h.Item.ToStatus, required: true);
            Required(h, "note", h.Item.Note);
            Required(h, "changedBy", h.Item.ChangedBy);
            if (Required(h, "effective", h.Item.Effective))
            {
                OptionalDate(h, "effective", h.Item.Effective);
            }

            if (h.Item.ChangedAt is null)
            {
                Problem(h, "changedAt is missing");
            }
        }

        foreach (var r in set.Revisions)
        {
            Required(r, "recordKind", r.Item.RecordKind);
            Required(r, "recordKey", r.Item.RecordKey);
            Required(r, "changedBy", r.Item.ChangedBy);
            Required(r, "changedByUserId", r.Item.ChangedByUserId);
            Required(r, "reason", r.Item.Reason);
            if (r.Item.ChangedAt is null)
            {
                Problem(r, "changedAt is missing");
            }

            if (r.Item.After is not { ValueKind: System.Text.Json.JsonValueKind.Object })
            {
                Problem(r, "after is missing: a revision keeps the record's fields after the change");
            }
        }
    }

    private void OriginValue(ILocated at, string? origin, string field = "origin")
    {
        if (origin is not null && origin != nameof(RecordOrigin.Staff))
        {
            Problem(at, $"{field} '{origin}' is not Staff (seed records name no origin)");
        }
    }

    /// <summary>A file an export names: a relative path inside the export folder, which must exist. Returns its full path.</summary>
    private string? ExportFile(ILocated at, string field, string? path)
    {
        if (!Required(at, field, path))
        {
            return null;
        }

        var root = Path.GetFullPath(set.Folder);
        var full = Path.GetFullPath(Path.Combine(root, path!));
        if (Path.IsPathRooted(path) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Problem(at, $"{field} '{path}' is not a path inside the export folder");
            return null;
        }

        if (!File.Exists(full))
        {
            Problem(at, $"{field} '{path}' is missing from the export folder");
            return null;
        }

        return full;
    }
}
