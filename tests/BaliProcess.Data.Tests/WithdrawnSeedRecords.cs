using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>
/// One withdrawn seeded record of every kind decision 0039 made withdrawable, for <see cref="SeedCorrectionTests"/>'
/// unchanged reload (one reload serves both): the loader reads every table unfiltered, so it neither re-adds such a
/// record beside the withdrawn one nor clears the withdrawal.
/// </summary>
internal static class WithdrawnSeedRecords
{
    /// <summary>Withdraws them (tracked by <paramref name="db"/>; the caller saves).</summary>
    public static async Task WithdrawAsync(BaliProcessDbContext db, DateTimeOffset at)
    {
        // A host line comes from meetings.json's "hosts" (no source of its own); the others are one of each kind.
        IEnumerable<IWithdrawable> records =
        [
            await db.MeetingAttendance.SingleAsync(a => a.Meeting!.Slug == "steering-group-meeting-2019-da-nang" && a.Role == AttendanceRole.Host),
            await db.WorkPlans.SingleAsync(w => w.Slug == "tip-working-group-forward-work-plan-2017-19"),
            await db.OutcomeDocuments.SingleAsync(d => d.Slug == "guide-information-campaigns"),
            await db.Mechanisms.SingleAsync(m => m.Slug == "steering-group"),
            await db.Memberships.SingleAsync(m => m.Participant!.Slug == "samoa"),
            await db.MechanismMemberships.SingleAsync(m => m.Mechanism!.Slug == "regional-support-office" && m.Role == MechanismRole.Support),
            await db.People.SingleAsync(p => p.Slug == "sukmo-yuwono"),
            await db.PersonRoles.SingleAsync(r => r.Person!.Slug == "intranee-sumawong"),
            await db.Disagreements.SingleAsync(d => d.Subject == "general" && d.Field == "number of observers"),
            await db.OpenQuestions.SingleAsync(q => q.Subject == "general" && q.Field == "region"),
        ];
        foreach (var record in records)
        {
            (record.WithdrawnAt, record.WithdrawnReason) = (at, $"Withdrawn {record.GetType().Name}");
        }
    }

    /// <summary>Rows of each kind, drafts and withdrawn ones included, and every withdrawal (reason and time) stored.</summary>
    public static async Task<(string Counts, List<string> Withdrawn)> StoredAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var counts = string.Join(",",
            await db.MeetingAttendance.IgnoreQueryFilters().CountAsync(), await db.WorkPlans.IgnoreQueryFilters().CountAsync(),
            await db.OutcomeDocuments.IgnoreQueryFilters().CountAsync(), await db.Mechanisms.IgnoreQueryFilters().CountAsync(),
            await db.Memberships.IgnoreQueryFilters().CountAsync(), await db.MechanismMemberships.IgnoreQueryFilters().CountAsync(),
            await db.People.IgnoreQueryFilters().CountAsync(), await db.PersonRoles.IgnoreQueryFilters().CountAsync(),
            await db.Disagreements.IgnoreQueryFilters().CountAsync(), await db.OpenQuestions.IgnoreQueryFilters().CountAsync());
        static string Line(string? reason, DateTimeOffset? at) => $"{reason} {at:O}";
        List<string> withdrawn =
        [
            .. (await db.MeetingAttendance.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.WorkPlans.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.OutcomeDocuments.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.Mechanisms.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.Memberships.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.MechanismMemberships.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.People.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.PersonRoles.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.Disagreements.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
            .. (await db.OpenQuestions.IgnoreQueryFilters().Where(x => x.WithdrawnAt != null).Select(x => new { x.WithdrawnReason, x.WithdrawnAt }).ToListAsync()).Select(x => Line(x.WithdrawnReason, x.WithdrawnAt)),
        ];
        return (counts, withdrawn);
    }
}
