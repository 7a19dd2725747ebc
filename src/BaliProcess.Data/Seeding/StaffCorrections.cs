using System.Text.Json;
using BaliProcess.Data.Corrections;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Logging;

namespace BaliProcess.Data.Seeding;

/// <summary>
/// After the seed writer has set what seed-data/ says, puts back every field staff corrected (the published
/// corrections, decision 0030), before anything is saved: a seed load never undoes a correction. When seed-data/
/// itself changed such a field (its value is no longer the one the correction replaced), the staff value still
/// stays and the log says so, so that someone can look at both.
/// </summary>
internal static class StaffCorrections
{
    private sealed record Corrected(string Replaced, DateTimeOffset At);

    /// <summary>The keys of the records of <paramref name="kind"/> whose <paramref name="field"/> a published correction set.</summary>
    public static async Task<HashSet<string>> CorrectedKeysAsync(BaliProcessDbContext db, string kind, string field, CancellationToken ct) =>
        (await db.RecordCorrections.AsNoTracking()
            .Where(c => c.State == CorrectionState.Published && c.Action == CorrectionAction.Correct && c.RecordKind == kind)
            .Select(c => new { c.RecordKey, c.Fields })
            .ToListAsync(ct))
        .Where(c => JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Fields)?.ContainsKey(field) == true)
        .Select(c => c.RecordKey)
        .ToHashSet(StringComparer.Ordinal);

    public static async Task KeepAsync(BaliProcessDbContext db, ILogger logger, CancellationToken ct)
    {
        var published = await db.RecordCorrections.AsNoTracking()
            .Where(c => c.State == CorrectionState.Published && c.Action == CorrectionAction.Correct)
            .OrderBy(c => c.DecidedAt)
            .Select(c => new { c.RecordKind, c.RecordKey, c.Fields, c.Replaces, c.DecidedAt })
            .ToListAsync(ct);
        if (published.Count == 0)
        {
            return;
        }

        // Per record and field: what the first correction replaced (the seed's value then) and the latest correction's date.
        var corrected = new Dictionary<(string Kind, string Key), Dictionary<string, Corrected>>();
        foreach (var c in published)
        {
            var fields = corrected.TryGetValue((c.RecordKind, c.RecordKey), out var f) ? f : corrected[(c.RecordKind, c.RecordKey)] = new(StringComparer.Ordinal);
            var replaces = JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Replaces) ?? [];
            foreach (var name in (JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Fields) ?? []).Keys)
            {
                fields[name] = fields.TryGetValue(name, out var earlier)
                    ? earlier with { At = c.DecidedAt!.Value }
                    : new Corrected(replaces.GetValueOrDefault(name) ?? "", c.DecidedAt!.Value);
            }
        }

        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (CorrectableRecords.KindOf(entry.Metadata.ClrType) is not { } kind)
            {
                continue;
            }

            if (entry.State == EntityState.Modified && corrected.TryGetValue((kind.Name, kind.KeyOf(entry.Entity)), out var fields))
            {
                KeepFields(entry, kind, fields, logger);
            }
            else if (entry.Entity is MeetingAttendance line && entry.State == EntityState.Deleted
                     && (line.Meeting ?? db.ChangeTracker.Entries<Meeting>().Select(m => m.Entity).FirstOrDefault(m => m.Id == line.MeetingId)) is { } meeting
                     && corrected.TryGetValue((kind.Name, $"{meeting.Slug}/{line.Id}"), out var lineFields))
            {
                KeepAttendanceLine(db, entry, line, meeting, lineFields);
            }
        }
    }

    private static void KeepFields(EntityEntry entry, CorrectableKind kind, Dictionary<string, Corrected> fields, ILogger logger)
    {
        foreach (var (name, correction) in fields)
        {
            if (kind.Field(name) is not { } field)
            {
                continue;
            }

            var seedValue = field.Read(entry.Entity) ?? "";
            var reverted = false;
            foreach (var property in field.Properties.Select(entry.Property).Where(p => p.IsModified))
            {
                property.CurrentValue = property.OriginalValue;
                property.IsModified = false;
                reverted = true;
            }

            if (reverted && seedValue != correction.Replaced)
            {
                logger.LogWarning(
                    "seed-data changes {Kind} {Key} {Field}; the staff correction of {CorrectedAt:yyyy-MM-dd} stays (seed-data now says “{SeedValue}”, it said “{Replaced}” when staff corrected it)",
                    kind.Name, kind.KeyOf(entry.Entity), name, correction.At, seedValue, correction.Replaced);
            }
        }
    }

    /// <summary>
    /// The seed matches attendance lines by participant and role, so it sees a corrected line as one to remove and the
    /// line it replaced as one to add: keep the corrected line and drop the re-added one.
    /// </summary>
    private static void KeepAttendanceLine(BaliProcessDbContext db, EntityEntry entry, MeetingAttendance line, Meeting meeting, Dictionary<string, Corrected> fields)
    {
        // The line and its sources (owned, stored as JSON in its row) stay as they are.
        entry.State = EntityState.Unchanged;
        foreach (var source in line.Sources)
        {
            db.Entry(source).State = EntityState.Unchanged;
        }

        if (!meeting.Attendance.Contains(line))
        {
            meeting.Attendance.Add(line);
        }

        var replacedParticipant = fields.GetValueOrDefault("participant")?.Replaced ?? line.Participant?.Slug;
        var replacedRole = fields.GetValueOrDefault("role")?.Replaced ?? line.Role.ToString();
        foreach (var readded in db.ChangeTracker.Entries<MeetingAttendance>()
                     .Where(e => e.State == EntityState.Added && e.Entity.Meeting == meeting
                                 && e.Entity.Participant?.Slug == replacedParticipant && e.Entity.Role.ToString() == replacedRole)
                     .ToList())
        {
            meeting.Attendance.Remove(readded.Entity);
            foreach (var source in readded.Entity.Sources)
            {
                db.Entry(source).State = EntityState.Detached;
            }

            readded.State = EntityState.Detached;
        }
    }
}
