using BaliProcess.Data.Model;
using BaliProcess.Data.Seeding;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BaliProcess.Data.Tests;

/// <summary>
/// A withdrawn seeded record of every kind decision 0039 made withdrawable stays withdrawn through a seed load: the
/// loader reads every table unfiltered, so it neither re-adds the record beside the withdrawn one nor clears the
/// withdrawal, and an unchanged reload changes nothing.
/// </summary>
public sealed class SeedWithdrawalTests
{
    [Fact]
    public async Task A_reload_keeps_a_withdrawn_seeded_record_of_each_kind_withdrawn_and_adds_nothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync("withdrawals");
        var at = new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
        await using (var db = database.CreateContext())
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

            Assert.Equal(10, await db.SaveChangesAsync());
        }

        var before = await StoredAsync(database);
        Assert.Equal(10, before.Withdrawn.Count);
        Assert.Contains(before.Withdrawn, w => w.StartsWith("Withdrawn WorkPlan", StringComparison.Ordinal));

        SeedReport report;
        await using (var db = database.CreateContext())
        {
            report = await new SeedLoader(db, TimeProvider.System, NullLogger<SeedLoader>.Instance).LoadAsync(TestPaths.SeedDirectory);
        }

        Assert.True(report.ChangedNothing, $"the reload changed {report}");
        var after = await StoredAsync(database);
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(before.Withdrawn, after.Withdrawn);
    }

    /// <summary>Rows of each kind, drafts and withdrawn ones included, and every withdrawal (reason and time) stored.</summary>
    private static async Task<(string Counts, List<string> Withdrawn)> StoredAsync(TestDatabase database)
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
