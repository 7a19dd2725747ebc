using System.Linq.Expressions;
using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.People;

/// <summary>One role of one person, with the meeting, mechanism and participant it was held at or for.</summary>
public sealed record PersonLine(
    string PersonSlug, string PersonName, PersonRoleKind Kind, string AsWritten, string? Office, string? ParticipantSlug, string? ParticipantName,
    MembershipStatus? ParticipantStatus, string? MeetingSlug, string? MeetingTitle, string? MechanismSlug, string? MechanismName,
    PartialDate? When, IReadOnlyList<SourceReference> Sources);

public sealed record PersonDetail(string Slug, string Name, IReadOnlyList<PersonLine> Roles, IReadOnlyList<SourceReference> Sources);

/// <summary>The people the documents name in a role: the list and the page of one.</summary>
public sealed class PeopleReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public Task<IReadOnlyList<PersonDetail>> ListAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => ListFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<PersonDetail>> ListFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await Lines(db.PersonRoles, ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name, p.Sources }).ToListAsync(ct);
        return people.Select(p => new PersonDetail(p.Slug, p.Name, lines.Where(l => l.PersonSlug == p.Slug).ToList(), p.Sources)).ToList();
    }

    public Task<PersonDetail?> GetAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => GetFromDatabaseAsync(slug, token), ct);

    private async Task<PersonDetail?> GetFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Slug, p.Name, p.Sources }).FirstOrDefaultAsync(ct);
        return person is null ? null : new PersonDetail(person.Slug, person.Name, await Lines(db.PersonRoles.Where(r => r.Person!.Slug == slug), ct), person.Sources);
    }

    /// <summary>What the documents leave open about this person, and where they disagree on them.</summary>
    public Task<SourceNotes> NotesAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => SourceNotes.LoadAsync(dbFactory, $"person:{slug}", token), ct);

    /// <summary>
    /// The roles <paramref name="where"/> selects, by person, read in a context of their own. The meeting,
    /// working-group and participant pages list the people in their roles with it (and <see cref="PersonRoleItem"/>),
    /// so every page says the same.
    /// </summary>
    internal static async Task<IReadOnlyList<PersonLine>> LinesAsync(
        IDbContextFactory<BaliProcessDbContext> dbFactory, Expression<Func<PersonRole, bool>> where, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Lines(db.PersonRoles.Where(where), ct);
    }

    private static async Task<IReadOnlyList<PersonLine>> Lines(IQueryable<PersonRole> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(r => new
            {
                r.Person!.Slug,
                r.Person.Name,
                r.Kind,
                r.AsWritten,
                r.Office,
                ParticipantSlug = r.Participant == null ? null : r.Participant.Slug,
                ParticipantName = r.Participant == null ? null : r.Participant.Name,
                Status = r.Participant == null ? null : ParticipantStatus.Current.Invoke(r.Participant),
                MeetingSlug = r.Meeting == null ? null : r.Meeting.Slug,
                MeetingTitle = r.Meeting == null ? null : r.Meeting.Title,
                MechanismSlug = r.Mechanism == null ? null : r.Mechanism.Slug,
                MechanismName = r.Mechanism == null ? null : r.Mechanism.Name,
                r.Date,
                r.DatePrecision,
                r.Sources,
                r.Id,
            })
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .ToListAsync(ct);
        return rows.Select(r => new PersonLine(r.Slug, r.Name, r.Kind, r.AsWritten, r.Office, r.ParticipantSlug, r.ParticipantName, r.Status,
            r.MeetingSlug, r.MeetingTitle, r.MechanismSlug, r.MechanismName, PartialDate.FromColumns(r.Date, r.DatePrecision), r.Sources)).ToList();
    }
}
