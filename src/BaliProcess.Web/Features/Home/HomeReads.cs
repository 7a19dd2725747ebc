using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Home;

/// <summary>The counts the home page shows, read from the database.</summary>
public sealed record PortalFigures(
    int Members, int MemberGovernments, int MemberOrganisations, int Observers, int Meetings,
    int WorkingGroups, int WorkPlanItems, int Statements, int Paragraphs, int AllWorkingGroups = 0);

public sealed record RecentMeeting(string Slug, string Title, PartialDate Start, PartialDate? End, string? Place);

public sealed class HomeReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public Task<PortalFigures> GetAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => GetFromDatabaseAsync(token), ct);

    private async Task<PortalFigures> GetFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Status per participant is the newest membership entry; there are a few hundred rows at most.
        var statuses = await db.Participants.AsNoTracking()
            .Select(p => new
            {
                p.Kind,
                Status = ParticipantStatus.Current.Invoke(p),
            })
            .ToListAsync(ct);
        var members = statuses.Where(s => s.Status == MembershipStatus.Member).ToList();

        return new PortalFigures(
            Members: members.Count,
            MemberGovernments: members.Count(m => m.Kind is ParticipantKind.Government or ParticipantKind.SpecialAdministrativeRegion),
            MemberOrganisations: members.Count(m => m.Kind == ParticipantKind.InternationalOrganisation),
            Observers: statuses.Count(s => s.Status == MembershipStatus.Observer),
            Meetings: await db.Meetings.CountAsync(m => m.Kind != MeetingKind.Event, ct),
            WorkingGroups: await db.Mechanisms.CountAsync(m => MechanismKinds.WorkingGroups.Contains(m.Kind) && m.Status == MechanismStatus.Active, ct),
            WorkPlanItems: await db.ActionItems.CountAsync(ct),
            Statements: await db.Statements.CountAsync(ct),
            Paragraphs: await db.Paragraphs.CountAsync(ct),
            // /working-groups lists the concluded ones too: the home page says both numbers, so they never seem to disagree.
            AllWorkingGroups: await db.Mechanisms.CountAsync(m => MechanismKinds.WorkingGroups.Contains(m.Kind), ct));
    }

    public Task<IReadOnlyList<RecentMeeting>> RecentMeetingsAsync(int count, CancellationToken ct = default) =>
        records.GetOrLoadAsync(count, token => RecentMeetingsFromDatabaseAsync(count, token), ct);

    private async Task<IReadOnlyList<RecentMeeting>> RecentMeetingsFromDatabaseAsync(int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => m.Kind != MeetingKind.Event)
            // Meetings held on the same day (the 2023 Ministerial Conference and Forum) come in one order on every instance
            // and after a restore from an export (decision 0031), not in the order the database happens to return.
            .OrderByDescending(m => m.StartDate).ThenByDescending(m => m.StartPrecision).ThenBy(m => m.Slug)
            .Take(count)
            .Select(m => new { m.Slug, m.Title, m.StartDate, m.StartPrecision, m.EndDate, m.EndPrecision, m.Place })
            .ToListAsync(ct);
        return rows.Select(m => new RecentMeeting(m.Slug, m.Title, new PartialDate(m.StartDate, m.StartPrecision), PartialDate.FromColumns(m.EndDate, m.EndPrecision), m.Place)).ToList();
    }
}
