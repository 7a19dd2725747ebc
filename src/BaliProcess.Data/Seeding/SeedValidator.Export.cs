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
            Withdrawal(s, s.Item.WithdrawnAt, s.Item.WithdrawnReason);
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
                Withdrawal(w, item.WithdrawnAt, item.WithdrawnReason, $"items[{i}].");
                items.Add((w.Item.Slug ?? "", item.Number ?? ""));
            }
        }

        foreach (var s in set.Statements)
        {
            OriginValue(s, s.Item.Origin);
            Withdrawal(s, s.Item.WithdrawnAt, s.Item.WithdrawnReason);
        }

        var participantSlugs = set.Participants.Select(p => p.Item.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var m in set.Meetings)
        {
            OriginValue(m, m.Item.Origin);
            Withdrawal(m, m.Item.WithdrawnAt, m.Item.WithdrawnReason);
            foreach (var (a, i) in (m.Item.AttendanceAsWritten ?? []).Select((x, i) => (x, i)))
            {
                Required(m, $"attendanceAsWritten[{i}].name", a.Name);
                Enum<AttendanceRole>(m, $"attendanceAsWritten[{i}].role", a.Role, required: true);
                ExportSource(m, $"attendanceAsWritten[{i}].source", a.Source);
            }

            foreach (var (a, i) in (m.Item.NewAliases ?? []).Select((x, i) => (x, i)))
            {
                Required(m, $"newAliases[{i}].alias", a.Alias);
                if (Required(m, $"newAliases[{i}].participant", a.Participant) && !participantSlugs.Contains(a.Participant!))
                {
                    Problem(m, $"newAliases[{i}].participant '{a.Participant}' is no participant's slug");
                }

                ExportSource(m, $"newAliases[{i}].source", a.Source);
            }
        }

        foreach (var p in set.Participants)
        {
            foreach (var (a, i) in (p.Item.StaffAliases ?? []).Select((x, i) => (x, i)))
            {
                if (Required(p, $"staffAliases[{i}].alias", a.Alias) && !(p.Item.Aliases ?? []).Contains(a.Alias!, StringComparer.Ordinal))
                {
                    Problem(p, $"staffAliases[{i}].alias '{a.Alias}' is not among the participant's aliases");
                }

                ExportSource(p, $"staffAliases[{i}].source", a.Source);
            }
        }

        // Decision 0039: a withdrawal of every other kind says why too.
        foreach (var w in set.WorkPlans)
        {
            Withdrawal(w, w.Item.WithdrawnAt, w.Item.WithdrawnReason);
        }

        foreach (var m in set.Meetings)
        {
            foreach (var (a, i) in (m.Item.Attendance ?? []).Select((x, i) => (x, i)))
            {
                Withdrawal(m, a.WithdrawnAt, a.WithdrawnReason, $"attendance[{i}].");
            }
        }

        foreach (var p in set.Participants)
        {
            foreach (var (ms, i) in (p.Item.Memberships ?? []).Select((x, i) => (x, i)))
            {
                Withdrawal(p, ms.WithdrawnAt, ms.WithdrawnReason, $"memberships[{i}].");
            }
        }

        foreach (var p in set.People)
        {
            Withdrawal(p, p.Item.WithdrawnAt, p.Item.WithdrawnReason);
            foreach (var (r, i) in (p.Item.Roles ?? []).Select((x, i) => (x, i)))
            {
                Withdrawal(p, r.WithdrawnAt, r.WithdrawnReason, $"roles[{i}].");
            }
        }

        foreach (var x in set.Mechanisms)
        {
            Withdrawal(x, x.Item.WithdrawnAt, x.Item.WithdrawnReason);
        }

        foreach (var x in set.MechanismMemberships)
        {
            Withdrawal(x, x.Item.WithdrawnAt, x.Item.WithdrawnReason);
        }

        foreach (var x in set.OutcomeDocuments)
        {
            Withdrawal(x, x.Item.WithdrawnAt, x.Item.WithdrawnReason);
        }

        foreach (var x in set.TimelineEvents)
        {
            Withdrawal(x, x.Item.WithdrawnAt, x.Item.WithdrawnReason);
        }

        foreach (var x in set.Disagreements)
        {
            Withdrawal(x, x.Item.WithdrawnAt, x.Item.WithdrawnReason);
        }

        foreach (var x in set.OpenQuestions)
        {
            Withdrawal(x, x.Item.WithdrawnAt, x.Item.WithdrawnReason);
        }

        foreach (var c in set.Corrections)
        {
            Required(c, "recordKind", c.Item.RecordKind);
            Required(c, "recordKey", c.Item.RecordKey);
            Enum<CorrectionAction>(c, "action", c.Item.Action, required: true);
            Enum<CorrectionState>(c, "state", c.Item.State, required: true);
            Required(c, "reason", c.Item.Reason);
            Required(c, "proposedBy", c.Item.ProposedBy);
            Required(c, "proposedByUserId", c.Item.ProposedByUserId);
            if (c.Item.ProposedAt is null)
            {
                Problem(c, "proposedAt is missing");
            }

            if (c.Item.Fields is not { ValueKind: System.Text.Json.JsonValueKind.Object } || c.Item.Replaces is not { ValueKind: System.Text.Json.JsonValueKind.Object })
            {
                Problem(c, "fields and replaces are JSON objects: the values proposed and the values they replace");
            }

            if (c.Item.State == nameof(CorrectionState.Published) && c.Item.DecidedAt is null)
            {
                Problem(c, "decidedAt is missing: a published correction says when it was published");
            }
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

    /// <summary>A withdrawn record says why (decision 0030): its public page gives the reason.</summary>
    private void Withdrawal(ILocated at, DateTimeOffset? withdrawnAt, string? reason, string prefix = "")
    {
        if (withdrawnAt is not null && string.IsNullOrWhiteSpace(reason))
        {
            Problem(at, $"{prefix}withdrawnReason is missing: a withdrawn record says why");
        }
        else if (withdrawnAt is null && reason is not null)
        {
            Problem(at, $"{prefix}withdrawnAt is missing: withdrawnReason is given");
        }
    }

    /// <summary>A source an export adds to a record: a document of sources.json and a place in it.</summary>
    private void ExportSource(ILocated at, string field, SourceRefJson? source)
    {
        if (source is null)
        {
            Problem(at, $"{field} is missing");
        }
        else if (Required(at, $"{field}.document", source.Document) && !documents.Contains(source.Document!))
        {
            Problem(at, $"{field}.document '{source.Document}' is not in sources.json");
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
