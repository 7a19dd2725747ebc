using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Meetings.Adding;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkingGroups.Adding;

/// <summary>What the membership and mechanism forms start from: the document, and the participants, mechanisms and meetings to choose.</summary>
public sealed record RecordFormStart(
    string SourceSlug, string SourceTitle, string FileName, string Text,
    IReadOnlyList<Choice> Participants, IReadOnlyList<Choice> Mechanisms, IReadOnlyList<Choice> Meetings);

/// <summary>A participant and every membership entry, drafts included, as its staff page shows them.</summary>
public sealed record StaffParticipant(Participant Participant, IReadOnlyList<Membership> Memberships);

/// <summary>A mechanism, its members (drafts included) and relations, as its staff page shows them.</summary>
public sealed record StaffMechanism(Mechanism Mechanism, IReadOnlyList<MechanismMembership> Members, IReadOnlyList<MechanismRelation> Relations);

/// <summary>
/// What the staff pages of decision 0034 read, drafts included (IgnoreQueryFilters), straight from the database (not
/// cached: staff see their own change at once).
/// </summary>
public sealed class StaffMechanismReads(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<RecordFormStart?> FormStartAsync(string sourceSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.SourceDocumentFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Document!.Slug == sourceSlug)
            .Select(f => new { f.Document!.Slug, f.Document.Title, f.Document.FileName, f.Text })
            .FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        return new RecordFormStart(
            source.Slug, source.Title, source.FileName, source.Text,
            await db.Participants.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice(p.Slug, p.Name)).ToListAsync(ct),
            await db.Mechanisms.AsNoTracking().OrderBy(m => m.Name).Select(m => new Choice(m.Slug, m.Name)).ToListAsync(ct),
            await db.Meetings.AsNoTracking().OrderBy(m => m.StartDate).Select(m => new Choice(m.Slug, m.Title)).ToListAsync(ct));
    }

    public async Task<StaffParticipant?> ParticipantAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Participants.IgnoreQueryFilters().AsNoTracking().Include(x => x.Memberships).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        return p is null ? null : new StaffParticipant(p, [.. p.Memberships.OrderBy(m => m.SinceDate == null).ThenBy(m => m.SinceDate).ThenBy(m => m.Id)]);
    }

    public async Task<StaffMechanism?> MechanismAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.Mechanisms.IgnoreQueryFilters().AsNoTracking()
            .Include(x => x.EstablishedByMeeting)
            .Include(x => x.Memberships).ThenInclude(x => x.Participant)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (m is null)
        {
            return null;
        }

        var relations = await db.MechanismRelations.IgnoreQueryFilters().AsNoTracking().Include(r => r.FromMechanism).Include(r => r.ToMechanism)
            .Where(r => r.FromMechanismId == m.Id || r.ToMechanismId == m.Id).OrderBy(r => r.Id).ToListAsync(ct);
        return new StaffMechanism(m, [.. m.Memberships.OrderByDescending(x => x.IsDraft).ThenBy(x => x.Role).ThenBy(x => x.Participant!.Name, StringComparer.CurrentCulture)], relations);
    }
}
