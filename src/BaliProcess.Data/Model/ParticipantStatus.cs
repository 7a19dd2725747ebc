using System.Linq.Expressions;

namespace BaliProcess.Data.Model;

/// <summary>
/// The one rule for a participant's current status, usable inside EF Core queries (expanded by LinqKit,
/// see <see cref="BaliProcessDbContext.Configure"/>) and in memory.
/// </summary>
public static class ParticipantStatus
{
    /// <summary>
    /// The status of the newest membership entry: a dated entry (a change the documents date) wins over an
    /// undated one (the member lists), and among dated entries the latest wins. Null for a body that is
    /// neither member nor observer.
    /// </summary>
    public static readonly Expression<Func<Participant, MembershipStatus?>> Current = p => p.Memberships
        .OrderByDescending(m => m.SinceDate != null)
        .ThenByDescending(m => m.SinceDate)
        .Select(m => (MembershipStatus?)m.Status)
        .FirstOrDefault();

    private static readonly Func<Participant, MembershipStatus?> CurrentCompiled = Current.Compile();

    /// <summary>The current status of a participant loaded with its memberships.</summary>
    public static MembershipStatus? Of(Participant participant) => CurrentCompiled(participant);
}
