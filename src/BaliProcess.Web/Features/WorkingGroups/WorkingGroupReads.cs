using System.Linq.Expressions;
using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.People;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkingGroups;

/// <summary>A row of the working groups list (also the API's and the downloads' record).</summary>
public sealed record MechanismRow(
    string Slug, string Name, string? ShortName, MechanismKind Kind, MechanismStatus? Status, PartialDate? Established, int MeetingCount,
    IReadOnlyList<SourceReference>? Sources = null)
{
    /// <summary>One of the four groups 004 counts as working groups (see <see cref="MechanismKinds.WorkingGroups"/>).</summary>
    public bool IsWorkingGroup => MechanismKinds.WorkingGroups.Contains(Kind);

    /// <summary>No document names it so: the portal built the name (decision 0032) and shows it in [brackets].</summary>
    public bool NameAddedByPortal { get; init; }

    public string ShownName => NameAddedByPortal ? $"[{Name}]" : Name;
}

public sealed record CoChairTerm(string Slug, string Name, MembershipStatus? Status, PartialDate? From, PartialDate? To);

public sealed record GroupMeeting(string Slug, string Title, PartialDate Start, PartialDate? End, string? Place);

public sealed record GroupWorkPlan(string Slug, string Title, string Period, IReadOnlyList<ActionItemStatus> Statuses);

public sealed record MechanismDetail(
    string Slug, string Name, string? ShortName, IReadOnlyList<string> Aliases, MechanismKind Kind, MechanismStatus? Status,
    string? Mandate, PartialDate? Established, string? EstablishedBySlug, string? EstablishedByTitle,
    IReadOnlyList<CoChairTerm> CoChairs, IReadOnlyList<string> CoChairPeople, IReadOnlyList<GroupMeeting> Meetings,
    IReadOnlyList<GroupWorkPlan> WorkPlans, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>Search names no document spells, shown apart from <see cref="Aliases"/> as the portal's.</summary>
    public IReadOnlyList<string> PortalAliases { get; init; } = [];

    /// <summary>No document names it so: the portal built the name (decision 0032) and shows it in [brackets].</summary>
    public bool NameAddedByPortal { get; init; }

    public string ShownName => NameAddedByPortal ? $"[{Name}]" : Name;
}

/// <summary>A participant's part in a mechanism, for the mechanism's page and the participant's profile.</summary>
public sealed record MembershipLine(
    string? MechanismSlug, string MechanismName, string ParticipantSlug, string ParticipantName, MembershipStatus? ParticipantStatus,
    MechanismRole Role, string? AsWritten, PartialDate? From, PartialDate? To, IReadOnlyList<SourceReference> Sources);

/// <summary>How this mechanism relates to another, as a document states it; <see cref="Outgoing"/>: this mechanism is the relation's subject.</summary>
public sealed record RelationLine(string OtherSlug, string OtherName, MechanismRelationKind Kind, bool Outgoing, string AsWritten, IReadOnlyList<SourceReference> Sources);

/// <summary>Working groups and the other mechanisms of the Bali Process: the list, and everything the page of one shows.</summary>
public sealed class WorkingGroupReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public Task<IReadOnlyList<MechanismRow>> ListAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => ListFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<MechanismRow>> ListFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Mechanisms.AsNoTracking()
            .OrderBy(m => m.Status).ThenBy(m => m.Name)
            .Select(m => new { m.Slug, m.Name, m.ShortName, m.Kind, m.Status, m.EstablishedDate, m.EstablishedPrecision, Meetings = m.Meetings.Count, m.Sources, m.NameAddedByPortal })
            .ToListAsync(ct);
        return rows.Select(m => new MechanismRow(m.Slug, m.Name, m.ShortName, m.Kind, m.Status, PartialDate.FromColumns(m.EstablishedDate, m.EstablishedPrecision), m.Meetings, m.Sources) { NameAddedByPortal = m.NameAddedByPortal }).ToList();
    }

    public Task<MechanismDetail?> GetAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => GetFromDatabaseAsync(slug, token), ct);

    private async Task<MechanismDetail?> GetFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.Mechanisms.AsNoTracking()
            .Include(x => x.EstablishedByMeeting)
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (m is null)
        {
            return null;
        }

        // The co-chairs are the memberships with that role (the API's co-chair list keeps its shape).
        var coChairs = (await MembershipLines(db.MechanismMemberships.Where(c => c.MechanismId == m.Id && c.Role == MechanismRole.CoChair), ct))
            .Select(c => new CoChairTerm(c.ParticipantSlug, c.ParticipantName, c.ParticipantStatus, c.From, c.To))
            .ToList();
        // Its own meetings and those a document says it facilitated with other mechanisms (decision 0025).
        var meetings = await db.Meetings.AsNoTracking().Where(x => x.MechanismId == m.Id || x.FacilitatedBy.Any(f => f.Id == m.Id))
            .OrderByDescending(x => x.StartDate)
            .Select(x => new { x.Slug, x.Title, x.StartDate, x.StartPrecision, x.EndDate, x.EndPrecision, x.Place })
            .ToListAsync(ct);
        var plans = await db.WorkPlans.AsNoTracking().Where(w => w.MechanismId == m.Id)
            .OrderByDescending(w => w.StartYear)
            .Select(w => new { w.Slug, w.Title, w.Period, Statuses = w.Items.Select(i => i.Status).ToList() })
            .ToListAsync(ct);

        return new MechanismDetail(
            m.Slug, m.Name, m.ShortName, m.Aliases, m.Kind, m.Status, m.Mandate, m.Established,
            m.EstablishedByMeeting?.Slug, m.EstablishedByMeeting?.Title,
            coChairs,
            m.CoChairPeople,
            meetings.Select(x => new GroupMeeting(x.Slug, x.Title, new PartialDate(x.StartDate, x.StartPrecision), PartialDate.FromColumns(x.EndDate, x.EndPrecision), x.Place)).ToList(),
            plans.Select(p => new GroupWorkPlan(p.Slug, p.Title, p.Period, p.Statuses)).ToList(),
            m.Sources)
        {
            PortalAliases = m.PortalAliases,
            NameAddedByPortal = m.NameAddedByPortal,
        };
    }

    /// <summary>Everyone with a part in this mechanism (members first).</summary>
    public Task<IReadOnlyList<MembershipLine>> MembershipsAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => MembershipLinesAsync(dbFactory, m => m.Mechanism!.Slug == slug, token), ct);

    /// <summary>The people the documents name in a role in this mechanism.</summary>
    public Task<IReadOnlyList<PersonLine>> PeopleAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => PeopleReads.LinesAsync(dbFactory, r => r.Mechanism!.Slug == slug, token), ct);

    public Task<IReadOnlyList<RelationLine>> RelationsAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => RelationsFromDatabaseAsync(slug, token), ct);

    private async Task<IReadOnlyList<RelationLine>> RelationsFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.MechanismRelations.AsNoTracking()
            .Where(r => r.FromMechanism!.Slug == slug || r.ToMechanism!.Slug == slug)
            .Select(r => new { From = r.FromMechanism!.Slug, FromName = r.FromMechanism.Name, To = r.ToMechanism!.Slug, ToName = r.ToMechanism.Name, r.Kind, r.AsWritten, r.Sources })
            .ToListAsync(ct);
        return rows.Select(r => r.From == slug
                ? new RelationLine(r.To, r.ToName, r.Kind, true, r.AsWritten, r.Sources)
                : new RelationLine(r.From, r.FromName, r.Kind, false, r.AsWritten, r.Sources))
            .ToList();
    }

    /// <summary>What the documents leave open about this mechanism, and where they disagree on it.</summary>
    public Task<SourceNotes> NotesAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => SourceNotes.LoadAsync(dbFactory, $"mechanism:{slug}", token), ct);

    /// <summary>
    /// The memberships <paramref name="where"/> selects, by role, then mechanism, then participant, read in a
    /// context of their own. A participant's profile lists its own with it, so the mechanism's page and the
    /// profile say the same.
    /// </summary>
    internal static async Task<IReadOnlyList<MembershipLine>> MembershipLinesAsync(
        IDbContextFactory<BaliProcessDbContext> dbFactory, Expression<Func<MechanismMembership, bool>> where, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MembershipLines(db.MechanismMemberships.Where(where), ct);
    }

    private static async Task<IReadOnlyList<MembershipLine>> MembershipLines(IQueryable<MechanismMembership> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(m => new
            {
                MechanismSlug = m.Mechanism == null ? null : m.Mechanism.Slug,
                MechanismName = m.Mechanism == null ? null : m.Mechanism.Name,
                m.Participant!.Slug,
                m.Participant.Name,
                Status = ParticipantStatus.Current.Invoke(m.Participant),
                m.Role,
                m.AsWritten,
                m.FromDate,
                m.FromPrecision,
                m.ToDate,
                m.ToPrecision,
                m.Sources,
            })
            .ToListAsync(ct);
        return rows
            .Select(m => new MembershipLine(m.MechanismSlug, m.MechanismName ?? "the Bali Process", m.Slug, m.Name, m.Status, m.Role, m.AsWritten,
                PartialDate.FromColumns(m.FromDate, m.FromPrecision), PartialDate.FromColumns(m.ToDate, m.ToPrecision), m.Sources))
            .OrderBy(m => m.Role).ThenBy(m => m.MechanismName, StringComparer.Ordinal).ThenBy(m => m.ParticipantName, StringComparer.Ordinal)
            .ToList();
    }
}
