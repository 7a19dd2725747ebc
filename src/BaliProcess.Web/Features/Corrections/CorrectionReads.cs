using System.Globalization;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Corrections;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Corrections;

/// <summary>One correctable field as the form shows it: its value now.</summary>
public sealed record FieldNow(string Name, string Label, string? Value, bool Required, bool Multiline, string? Hint);

/// <summary>A part of the record that is corrected on its own (a meeting's attendance line, a plan's item).</summary>
public sealed record RecordPart(string Kind, string Key, string Label, string? Name = null);

/// <summary>A choice for a field that names another record (an attendance line's participant).</summary>
public sealed record Choice(string Value, string Label);

/// <summary>Everything the "Correct this record" page shows.</summary>
public sealed record RecordToCorrect(
    string Kind, string KindLabel, string Key, string Title, string? PublicUrl, IReadOnlyList<FieldNow> Fields,
    bool Withdrawable, DateTimeOffset? WithdrawnAt, string? WithdrawnReason,
    IReadOnlyList<RecordPart> Parts, IReadOnlyList<Choice> Participants, IReadOnlyList<CorrectionRow> Pending);

/// <summary>A correction in the staff list.</summary>
public sealed record CorrectionRow(
    long Id, string Kind, string KindLabel, string Key, CorrectionAction Action, CorrectionState State,
    string ProposedBy, DateTimeOffset ProposedAt, string Reason, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>One field of a correction: the value it replaces, the value it proposes, and the record's value now.</summary>
public sealed record CorrectedField(string Name, string Label, string? Replaces, string? Proposed, string? Now);

/// <summary>A correction's page: the row, the record's title and address, and each field.</summary>
public sealed record CorrectionDetail(CorrectionRow Row, string RecordTitle, string? PublicUrl, IReadOnlyList<CorrectedField> Fields, string ProposedByUserId);

/// <summary>What the staff correction pages read (decision 0030): every record, drafts and withdrawn ones included.</summary>
public sealed class CorrectionReads(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<RecordToCorrect?> RecordAsync(string? kindName, string? key, CancellationToken ct = default)
    {
        if (CorrectableRecords.Kind(kindName) is not { } kind || string.IsNullOrEmpty(key))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await kind.Find(db, key, ct) is not { } record)
        {
            return null;
        }

        var parts = await PartsAsync(db, record, ct);
        IReadOnlyList<Choice> participants = kind.Name == RecordRevisionKinds.AttendanceLine
            ? await db.Participants.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice(p.Slug, p.Name)).ToListAsync(ct)
            : [];
        var pending = await RowsAsync(db.RecordCorrections.Where(c => c.RecordKind == kind.Name && c.RecordKey == key && c.State == CorrectionState.Draft), ct);
        var withdrawable = record as IWithdrawable;
        return new RecordToCorrect(
            kind.Name, kind.Label, key, kind.Describe(record), PublicUrl(kind.Name, record),
            [.. kind.Fields.Select(f => new FieldNow(f.Name, f.Label, f.Read(record), f.Required, f.Multiline, f.Hint))],
            kind.Withdrawable, withdrawable?.WithdrawnAt, withdrawable?.WithdrawnReason, parts, participants, pending);
    }

    /// <summary>Drafts first (oldest first: they wait longest), then the latest decided ones.</summary>
    public async Task<IReadOnlyList<CorrectionRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drafts = await RowsAsync(db.RecordCorrections.Where(c => c.State == CorrectionState.Draft).OrderBy(c => c.ProposedAt), ct);
        var decided = await RowsAsync(db.RecordCorrections.Where(c => c.State != CorrectionState.Draft).OrderByDescending(c => c.DecidedAt).Take(50), ct);
        return [.. drafts, .. decided];
    }

    public async Task<CorrectionDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.RecordCorrections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || CorrectableRecords.Kind(c.RecordKind) is not { } kind)
        {
            return null;
        }

        var record = await kind.Find(db, c.RecordKey, ct);
        var proposed = JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Fields) ?? [];
        var replaces = JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Replaces) ?? [];
        var fields = proposed.Select(p => kind.Field(p.Key) is { } f
            ? new CorrectedField(f.Name, f.Label, replaces.GetValueOrDefault(f.Name), p.Value, record is null ? null : f.Read(record))
            : null).OfType<CorrectedField>().ToList();
        return new CorrectionDetail(Row(c, kind), record is null ? c.RecordKey : kind.Describe(record), record is null ? null : PublicUrl(kind.Name, record), fields, c.ProposedByUserId);
    }

    /// <summary>The public address of a record, for the staff pages' links.</summary>
    public static string? PublicUrl(string kind, object record) => record switch
    {
        Meeting m => PortalRoutes.Meeting(m.Slug),
        MeetingAttendance a => a.Meeting is null ? null : PortalRoutes.Meeting(a.Meeting.Slug),
        WorkPlan w => PortalRoutes.WorkPlan(w.Slug),
        ActionItem i => i.WorkPlan is null ? null : PortalRoutes.WorkPlanItem(i.WorkPlan.Slug, i.Number),
        Statement s => PortalRoutes.Statement(s.Slug),
        Paragraph p => p.Statement is null ? null : PortalRoutes.Statement(p.Statement.Slug, p.Label),
        Participant p => PortalRoutes.Participant(p.Slug, p.CurrentStatus),
        SourceDocument d => PortalRoutes.Source(d.Slug),
        _ => null,
    };

    private static async Task<IReadOnlyList<RecordPart>> PartsAsync(BaliProcessDbContext db, object record, CancellationToken ct) => record switch
    {
        Meeting m => [.. m.Attendance.OrderBy(a => a.Role).ThenBy(a => a.Participant?.Name)
            .Select(a => new RecordPart(RecordRevisionKinds.AttendanceLine, CorrectableRecords.AttendanceKey(a), Words.Of(a.Role), a.Participant?.Name))],
        WorkPlan w => await db.ActionItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.WorkPlanId == w.Id).OrderBy(i => i.Sequence)
            .Select(i => new RecordPart(RecordRevisionKinds.WorkPlanItem, w.Slug + "/" + i.Number, "" + i.Number)).ToListAsync(ct),
        Statement s => [.. s.Paragraphs.OrderBy(p => p.Sequence)
            .Select(p => new RecordPart(RecordRevisionKinds.Paragraph, $"{s.Slug}/{p.Label}", p.Label))],
        _ => [],
    };

    private static async Task<List<CorrectionRow>> RowsAsync(IQueryable<RecordCorrection> query, CancellationToken ct) =>
        [.. (await query.AsNoTracking().ToListAsync(ct)).Select(c => Row(c, CorrectableRecords.Kind(c.RecordKind)))];

    private static CorrectionRow Row(RecordCorrection c, CorrectableKind? kind) =>
        new(c.Id, c.RecordKind, kind?.Label ?? c.RecordKind, c.RecordKey, c.Action, c.State, c.ProposedBy, c.ProposedAt, c.Reason, c.DecidedBy, c.DecidedAt);

    /// <summary>A moment as the staff pages show it, in the page's language: "7 Desember 2026 03:20 UTC".</summary>
    public static string When(DateTimeOffset at) => at.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) + " UTC";
}
