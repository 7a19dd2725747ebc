using System.Linq.Expressions;
using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Programmes;

/// <summary>Who runs, funds, implements or delivers a programme, in the document's words (decision 0032).</summary>
public sealed record ProgrammePartLine(
    ProgrammePartRole Role, string AsWritten, string? ParticipantSlug, string? ParticipantName, MembershipStatus? ParticipantStatus,
    string? MechanismSlug, string? MechanismName, IReadOnlyList<SourceReference> Sources);

/// <summary>A programme, course, series of workshops, joint period of action, or a member's national plan or body.</summary>
public sealed record ProgrammeLine(
    string Slug, string Name, bool NameAddedByPortal, ProgrammeKind Kind, string? MechanismSlug, string? MechanismName,
    string? ParticipantSlug, string? ParticipantName, MembershipStatus? ParticipantStatus, PartialDate? Start, PartialDate? End,
    IReadOnlyList<Quote> Quotes, IReadOnlyList<ProgrammePartLine> Parts, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>A name no document gives is the portal's and shown in [brackets].</summary>
    public string ShownName => NameAddedByPortal ? $"[{Name}]" : Name;

    /// <summary>
    /// The page that lists it (programmes have no page of their own): its mechanism's, else its member's, else the
    /// first mechanism or participant among its parts; with the item's anchor. Null when it names none.
    /// </summary>
    public string? ListedOn =>
        ListedOnFor(
            Slug, MechanismSlug, ParticipantSlug, ParticipantStatus,
            Parts.FirstOrDefault(x => x.MechanismSlug is not null)?.MechanismSlug,
            Parts.FirstOrDefault(x => x.ParticipantSlug is not null)?.ParticipantSlug,
            Parts.FirstOrDefault(x => x.ParticipantSlug is not null)?.ParticipantStatus);

    /// <summary>
    /// <see cref="ListedOn"/> from its pieces: the programme's own mechanism and member, and the first mechanism and
    /// participant among its parts (search reads only these, decision 0040).
    /// </summary>
    public static string? ListedOnFor(
        string slug, string? mechanismSlug, string? participantSlug, MembershipStatus? participantStatus,
        string? partMechanismSlug, string? partParticipantSlug, MembershipStatus? partParticipantStatus) =>
        (mechanismSlug is { } m ? PortalRoutes.WorkingGroup(m)
            : participantSlug is { } p ? PortalRoutes.Participant(p, participantStatus)
            : partMechanismSlug is { } xm ? PortalRoutes.WorkingGroup(xm)
            : partParticipantSlug is { } xp ? PortalRoutes.Participant(xp, partParticipantStatus)
            : null) is { } page ? $"{page}#{Anchor(slug)}" : null;

    /// <summary>The id of its item on the pages that list it.</summary>
    public static string Anchor(string slug) => $"programme-{slug}";
}

/// <summary>The programmes a mechanism's page and a participant's profile list.</summary>
public sealed class ProgrammeReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    /// <summary>Those that belong to the mechanism and those a document says it takes part in.</summary>
    public Task<IReadOnlyList<ProgrammeLine>> OfMechanismAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => LinesAsync(p => p.Mechanism!.Slug == slug || p.Parts.Any(x => x.Mechanism!.Slug == slug), token), ct);

    /// <summary>A member's own national plans and bodies, and the programmes a document says it runs, funds or implements.</summary>
    public Task<IReadOnlyList<ProgrammeLine>> OfParticipantAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => LinesAsync(p => p.Participant!.Slug == slug || p.Parts.Any(x => x.Participant!.Slug == slug), token), ct);

    /// <summary>Every programme, for the API and the downloads (decision 0038), in slug order.</summary>
    public Task<IReadOnlyList<ProgrammeLine>> ListAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, async token =>
        {
            IReadOnlyList<ProgrammeLine> all = [.. (await LinesAsync(p => true, token)).OrderBy(p => p.Slug, StringComparer.Ordinal)];
            return all;
        }, ct);

    /// <summary>One programme by slug, or null.</summary>
    public async Task<ProgrammeLine?> GetAsync(string slug, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(p => p.Slug == slug);

    private async Task<IReadOnlyList<ProgrammeLine>> LinesAsync(Expression<Func<Programme, bool>> where, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Programmes.AsNoTracking().Where(where)
            .OrderBy(p => p.Kind).ThenBy(p => p.StartDate).ThenBy(p => p.Name)
            .Select(p => new
            {
                p.Slug, p.Name, p.NameAddedByPortal, p.Kind,
                MechanismSlug = p.Mechanism == null ? null : p.Mechanism.Slug,
                MechanismName = p.Mechanism == null ? null : p.Mechanism.Name,
                ParticipantSlug = p.Participant == null ? null : p.Participant.Slug,
                ParticipantName = p.Participant == null ? null : p.Participant.Name,
                ParticipantStatus = p.Participant == null ? null : ParticipantStatus.Current.Invoke(p.Participant),
                p.StartDate, p.StartPrecision, p.EndDate, p.EndPrecision, p.Quotes, p.Sources,
                Parts = p.Parts.OrderBy(x => x.Id).Select(x => new ProgrammePartLine(
                    x.Role, x.AsWritten,
                    x.Participant == null ? null : x.Participant.Slug,
                    x.Participant == null ? null : x.Participant.Name,
                    x.Participant == null ? null : ParticipantStatus.Current.Invoke(x.Participant),
                    x.Mechanism == null ? null : x.Mechanism.Slug,
                    x.Mechanism == null ? null : x.Mechanism.Name,
                    x.Sources)).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(p => new ProgrammeLine(
                p.Slug, p.Name, p.NameAddedByPortal, p.Kind, p.MechanismSlug, p.MechanismName, p.ParticipantSlug, p.ParticipantName, p.ParticipantStatus,
                PartialDate.FromColumns(p.StartDate, p.StartPrecision), PartialDate.FromColumns(p.EndDate, p.EndPrecision), p.Quotes, p.Parts, p.Sources))
            .ToList();
    }
}
