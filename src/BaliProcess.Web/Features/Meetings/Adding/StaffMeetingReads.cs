using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Meetings.Adding;

/// <summary>What the add-a-meeting form starts from: the document, and the mechanisms and participants to choose.</summary>
public sealed record MeetingFormStart(
    string SourceSlug, string SourceTitle, string FileName, bool SourceIsDraft, PartialDate? SourceDate, string Text,
    IReadOnlyList<Choice> Mechanisms, IReadOnlyList<Choice> Participants);

/// <summary>A slug and the name a select shows for it.</summary>
public sealed record Choice(string Slug, string Name);

/// <summary>An attendance row as the staff page shows it.</summary>
public sealed record StaffAttendee(string Slug, string Name, AttendanceRole Role, IReadOnlyList<SourceReference> Sources);

/// <summary>A meeting as its staff page shows it (drafts included), as it will be public.</summary>
public sealed record StaffMeeting(
    string Slug, string Title, MeetingKind Kind, int? Ordinal, PartialDate Start, PartialDate? End, string? Place, bool? IsVirtual,
    string? MechanismName, string? Summary, bool IsDraft, RecordOrigin Origin, string? AddedBy, DateTimeOffset? AddedAt, string? PublishedBy,
    DateTimeOffset? PublishedAt, IReadOnlyList<SourceReference> Sources, IReadOnlyList<ReportedParticipation> ParticipantsReported,
    IReadOnlyList<StaffAttendee> Attendance, IReadOnlyList<AttendanceAsWritten> AttendanceAsWritten, IReadOnlyList<(string Participant, NewParticipantAlias Alias)> NewAliases);

/// <summary>A meeting drawn from a document, as the document's staff page lists it.</summary>
public sealed record StaffMeetingLine(string Slug, string Title, bool IsDraft, string? AddedBy);

/// <summary>
/// What the staff meeting pages read, drafts included (IgnoreQueryFilters), straight from the database (not cached:
/// staff see their own change at once; decision 0016).
/// </summary>
public sealed class StaffMeetingReads(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<MeetingFormStart?> FormStartAsync(string sourceSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.SourceDocumentFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Document!.Slug == sourceSlug)
            .Select(f => new { f.Document!.Slug, f.Document.Title, f.Document.FileName, f.Document.IsDraft, f.Document.PublishedOn, f.Document.PublishedPrecision, f.Text })
            .FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        var mechanisms = await db.Mechanisms.AsNoTracking().OrderBy(m => m.Name).Select(m => new Choice(m.Slug, m.Name)).ToListAsync(ct);
        var participants = await db.Participants.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice(p.Slug, p.Name)).ToListAsync(ct);
        return new MeetingFormStart(
            source.Slug, source.Title, source.FileName, source.IsDraft, PartialDate.FromColumns(source.PublishedOn, source.PublishedPrecision),
            source.Text, mechanisms, participants);
    }

    public async Task<StaffMeeting?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.Meetings.IgnoreQueryFilters().AsNoTracking()
            .Include(x => x.Mechanism)
            .Include(x => x.Attendance).ThenInclude(a => a.Participant)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (m is null)
        {
            return null;
        }

        var aliasSlugs = m.NewAliases.Select(a => a.ParticipantSlug).ToList();
        var names = await db.Participants.AsNoTracking().Where(p => aliasSlugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, p => p.Name, StringComparer.Ordinal, ct);
        return new StaffMeeting(
            m.Slug, m.Title, m.Kind, m.Ordinal, m.Start, m.End, m.Place, m.IsVirtual, m.Mechanism?.Name, m.Summary, m.IsDraft, m.Origin,
            m.AddedBy, m.AddedAt, m.PublishedBy, m.PublishedAt, m.Sources, m.ParticipantsReported,
            [.. m.Attendance.OrderBy(a => a.Role).ThenBy(a => a.Participant!.Name, StringComparer.CurrentCulture)
                .Select(a => new StaffAttendee(a.Participant!.Slug, a.Participant.Name, a.Role, a.Sources))],
            m.AttendanceAsWritten,
            [.. m.NewAliases.Select(a => (names.GetValueOrDefault(a.ParticipantSlug, a.ParticipantSlug), a))]);
    }

    /// <summary>The meetings staff drew from a document (cited by its file name), drafts first.</summary>
    public async Task<IReadOnlyList<StaffMeetingLine>> FromDocumentAsync(string fileName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.Origin == RecordOrigin.Staff).ToListAsync(ct);
        return [.. staff.Where(m => m.Sources.Any(r => r.Document == fileName))
            .OrderByDescending(m => m.IsDraft).ThenByDescending(m => m.AddedAt)
            .Select(m => new StaffMeetingLine(m.Slug, m.Title, m.IsDraft, m.AddedBy))];
    }
}
