using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.Documents;
using BaliProcess.Web.Features.People;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Meetings;

/// <summary>The filters of the meetings list, as they appear in the query string.</summary>
public sealed record MeetingFilter(MeetingKind? Kind, int? FromYear, int? ToYear, string? Group, string? Place, int Page, int PageSize = MeetingFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 20;

    /// <summary>
    /// The filter the meetings page (and its download) reads from its query string: a bad value in a
    /// hand-edited URL is ignored, never an error. The API checks the same values strictly instead.
    /// </summary>
    public static MeetingFilter FromQuery(string? kind, string? from, string? to, string? group, string? place, string? page) => new(
        UrlWords.Parse<MeetingKind>(kind),
        ParseYear(from), ParseYear(to), QueryText.Clean(group), QueryText.Clean(place),
        int.TryParse(page, out var p) ? p : 1);

    public bool IsFiltered => Kind is not null || FromYear is not null || ToYear is not null || !string.IsNullOrEmpty(Group) || !string.IsNullOrEmpty(Place);

    /// <summary>The query string of these filters, without the page (what the download links carry).</summary>
    public string ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["kind"] = Kind is { } k ? UrlWords.Of(k) : null,
        ["from"] = FromYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = ToYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["group"] = Group,
        ["place"] = Place,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    private static int? ParseYear(string? text) => int.TryParse(text, out var year) && year is >= 1900 and <= 2100 ? year : null;
}

/// <summary>A row of the meetings list (also the API's and the downloads' record).</summary>
public sealed record MeetingRow(
    string Slug, string Title, MeetingKind Kind, PartialDate Start, PartialDate? End, string? Place, bool? IsVirtual, string? GroupName,
    string? GroupSlug = null, int? Ordinal = null, IReadOnlyList<SourceReference>? Sources = null);

public sealed record MeetingListPage(IReadOnlyList<MeetingRow> Rows, int Total, int Page, int TotalPages);

public sealed record Attendee(string Slug, string Name, MembershipStatus? Status, AttendanceRole Role);

public sealed record LinkedRecord(string Title, string Url, string Note);

public sealed record MeetingDetail(
    string Slug, string Title, MeetingKind Kind, int? Ordinal, PartialDate Start, PartialDate? End, string? Place, bool? IsVirtual,
    string? GroupSlug, string? GroupName, string? Summary, IReadOnlyList<string> CoChairPeople,
    IReadOnlyList<ReportedParticipation> ParticipantsReported, IReadOnlyList<Attendee> Attendance,
    IReadOnlyList<LinkedRecord> Outcomes, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>Mechanisms a document names together as facilitating the meeting (it then has no one working group).</summary>
    public IReadOnlyList<LinkedRecord> FacilitatedBy { get; init; } = [];

    /// <summary>Names of an attendance list kept in the document's words: no participant the portal knows (decision 0029).</summary>
    public IReadOnlyList<AttendanceAsWritten> AttendanceAsWritten { get; init; } = [];
}

/// <summary>Meetings: the filtered, paged list, and everything the page of one shows.</summary>
public sealed class MeetingReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public Task<MeetingListPage> ListAsync(MeetingFilter filter, CancellationToken ct = default) =>
        records.GetOrLoadAsync(filter, token => ListFromDatabaseAsync(filter, token), ct);

    private async Task<MeetingListPage> ListFromDatabaseAsync(MeetingFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Meetings.AsNoTracking().AsQueryable();

        // Events (a crisis, a pandemic) belong on the timeline; the meetings list shows them only when asked.
        query = filter.Kind is { } kind ? query.Where(m => m.Kind == kind) : query.Where(m => m.Kind != MeetingKind.Event);
        if (filter.FromYear is { } from)
        {
            query = query.Where(m => m.StartDate >= new DateOnly(from, 1, 1));
        }

        if (filter.ToYear is { } to)
        {
            query = query.Where(m => m.StartDate <= new DateOnly(to, 12, 31));
        }

        if (filter.Group is { Length: > 0 } group)
        {
            query = query.Where(m => m.Mechanism!.Slug == group);
        }

        if (filter.Place is { Length: > 0 } place)
        {
            var pattern = "%" + EscapeLike(place.Trim()) + "%";
            query = query.Where(m => EF.Functions.ILike(m.Place ?? (m.IsVirtual == true ? "virtual" : ""), pattern, "\\"));
        }

        var total = await query.CountAsync(ct);
        var pageSize = Math.Max(1, filter.PageSize);
        var totalPages = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var page = Math.Clamp(filter.Page, 1, totalPages);
        var rows = await query
            .OrderByDescending(m => m.StartDate).ThenByDescending(m => m.StartPrecision).ThenBy(m => m.Title)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new { m.Slug, m.Title, m.Kind, m.StartDate, m.StartPrecision, m.EndDate, m.EndPrecision, m.Place, m.IsVirtual, Group = m.Mechanism!.Name, GroupSlug = m.Mechanism.Slug, m.Ordinal, m.Sources })
            .ToListAsync(ct);
        return new MeetingListPage(
            rows.Select(m => new MeetingRow(m.Slug, m.Title, m.Kind, new PartialDate(m.StartDate, m.StartPrecision), PartialDate.FromColumns(m.EndDate, m.EndPrecision), m.Place, m.IsVirtual, m.Group, m.GroupSlug, m.Ordinal, m.Sources)).ToList(),
            total, page, totalPages);
    }

    /// <summary>The working groups and mechanisms that have meetings, for the filter's choices.</summary>
    public Task<IReadOnlyList<(string Slug, string Name)>> GroupsAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => GroupsFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<(string Slug, string Name)>> GroupsFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.Mechanisms.AsNoTracking().Where(m => m.Meetings.Any()).OrderBy(m => m.Name).Select(m => new { m.Slug, m.Name }).ToListAsync(ct);
        return groups.Select(g => (g.Slug, g.Name)).ToList();
    }

    public Task<MeetingDetail?> GetAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => GetFromDatabaseAsync(slug, token), ct);

    private async Task<MeetingDetail?> GetFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.Meetings.AsNoTracking()
            .Include(x => x.Mechanism)
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (m is null)
        {
            return null;
        }

        var attendance = await db.MeetingAttendance.AsNoTracking()
            .Where(a => a.MeetingId == m.Id)
            .Select(a => new
            {
                a.Participant!.Slug,
                a.Participant.Name,
                a.Role,
                Status = ParticipantStatus.Current.Invoke(a.Participant),
            })
            .ToListAsync(ct);

        // A statement whose own text names this meeting beside the one its heading names (decision 0025) is listed too.
        var statements = await db.Statements.AsNoTracking().Where(s => s.MeetingId == m.Id || s.AlsoMeetings.Any(x => x.Id == m.Id))
            .Select(s => new { s.Slug, s.Title, s.Kind }).ToListAsync(ct);
        var plans = await db.WorkPlans.AsNoTracking().Where(w => w.AdoptedAtMeetingId == m.Id || w.UpdatedAtMeetingId == m.Id)
            .Select(w => new { w.Slug, w.Title, Adopted = w.AdoptedAtMeetingId == m.Id }).ToListAsync(ct);
        var established = await db.Mechanisms.AsNoTracking().Where(x => x.EstablishedByMeetingId == m.Id)
            .Select(x => new { x.Slug, x.Name }).ToListAsync(ct);
        var facilitators = await db.Mechanisms.AsNoTracking().Where(x => x.FacilitatedMeetings.Any(f => f.Id == m.Id))
            .OrderBy(x => x.Name).Select(x => new { x.Slug, x.Name }).ToListAsync(ct);

        var outcomes = statements.Select(s => new LinkedRecord(s.Title, PortalRoutes.Statement(s.Slug), Labels.Of(s.Kind)))
            .Concat(plans.Select(p => new LinkedRecord(p.Title, PortalRoutes.WorkPlan(p.Slug), p.Adopted ? "Work plan adopted" : "Work plan updated")))
            .Concat(established.Select(x => new LinkedRecord(x.Name, PortalRoutes.WorkingGroup(x.Slug), "Established")))
            .ToList();

        return new MeetingDetail(
            m.Slug, m.Title, m.Kind, m.Ordinal, m.Start, m.End, m.Place, m.IsVirtual, m.Mechanism?.Slug, m.Mechanism?.Name, m.Summary,
            m.CoChairPeople, m.ParticipantsReported,
            attendance.Select(a => new Attendee(a.Slug, a.Name, a.Status, a.Role)).OrderBy(a => a.Role).ThenBy(a => a.Name, StringComparer.CurrentCulture).ToList(),
            outcomes, m.Sources)
        {
            FacilitatedBy = facilitators.Select(x => new LinkedRecord(x.Name, PortalRoutes.WorkingGroup(x.Slug), "Facilitated")).ToList(),
            AttendanceAsWritten = m.AttendanceAsWritten,
        };
    }

    /// <summary>The people the documents name in a role at this meeting.</summary>
    public Task<IReadOnlyList<PersonLine>> PeopleAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => PeopleReads.LinesAsync(dbFactory, r => r.Meeting!.Slug == slug, token), ct);

    /// <summary>Documents the meeting adopted, endorsed or otherwise acted on, and those mentioned in connection with it.</summary>
    public Task<(IReadOnlyList<DocumentRow> Adopted, IReadOnlyList<DocumentRow> Mentioned)> DocumentsAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => DocumentsFromDatabaseAsync(slug, token), ct);

    private async Task<(IReadOnlyList<DocumentRow> Adopted, IReadOnlyList<DocumentRow> Mentioned)> DocumentsFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var adopted = await DocumentReads.Rows(db.OutcomeDocuments.Where(d => d.Meeting!.Slug == slug), ct);
        var mentioned = await DocumentReads.Rows(db.OutcomeDocuments.Where(d => d.MentionedAtMeetings.Any(m => m.Slug == slug)), ct);
        return (adopted, mentioned);
    }

    /// <summary>What the documents leave open about this meeting, and where they disagree on it.</summary>
    public Task<SourceNotes> NotesAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => SourceNotes.LoadAsync(dbFactory, $"meeting:{slug}", token), ct);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
