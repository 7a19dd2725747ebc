using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>The current-status rule gives the same answer in PostgreSQL and in memory.</summary>
public sealed class ParticipantStatusTests
{
    private static Participant With(params (MembershipStatus Status, int? Year)[] memberships) => new()
    {
        Slug = "p-" + Guid.NewGuid().ToString("N")[..8],
        Name = "Test participant",
        Memberships = [.. memberships.Select(m => new Membership
        {
            Status = m.Status,
            SinceDate = m.Year is { } y ? new DateOnly(y, 1, 1) : null,
            SincePrecision = m.Year is null ? null : DatePrecision.Year,
        })],
    };

    public static TheoryData<(MembershipStatus, int?)[], MembershipStatus?> Cases => new()
    {
        { [(MembershipStatus.Member, null)], MembershipStatus.Member },
        { [(MembershipStatus.Observer, null), (MembershipStatus.Member, 2011)], MembershipStatus.Member },
        { [(MembershipStatus.Observer, 2002), (MembershipStatus.Member, 2011)], MembershipStatus.Member },
        { [(MembershipStatus.Member, 2011), (MembershipStatus.Observer, 2002)], MembershipStatus.Member },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_newest_dated_entry_wins_in_SQL_and_in_memory((MembershipStatus, int?)[] memberships, MembershipStatus? expected)
    {
        var participant = With(memberships);
        Assert.Equal(expected, participant.CurrentStatus);

        await using var database = await TestDatabase.CreateMigratedAsync("status");
        await using (var db = database.CreateContext())
        {
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var fromSql = await check.Participants.Where(p => p.Slug == participant.Slug).Select(p => ParticipantStatus.Current.Invoke(p)).SingleAsync();
        Assert.Equal(expected, fromSql);
    }
}
