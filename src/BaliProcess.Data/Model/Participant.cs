namespace BaliProcess.Data.Model;

public enum ParticipantKind
{
    Government,
    SpecialAdministrativeRegion,
    InternationalOrganisation,
    OtherBody,
}

public enum MembershipStatus
{
    Member,
    Observer,
}

/// <summary>A member, an observer or another body the documents name.</summary>
public class Participant : ISourced
{
    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>The name as the member list of 004 spells it ("Viet Nam", "Türkiye").</summary>
    public required string Name { get; set; }
    public string? FullName { get; set; }

    /// <summary>Other spellings the documents use ("Vietnam", "Lao PDR"), so that text links to the right record.</summary>
    public List<string> Aliases { get; set; } = [];
    public ParticipantKind Kind { get; set; }
    public string? Region { get; set; }
    public List<Membership> Memberships { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<Paragraph> MentionedIn { get; set; } = [];
    public List<MechanismMembership> MechanismMemberships { get; set; } = [];

    /// <summary>The newest membership status, or null for a body that is neither member nor observer.</summary>
    public MembershipStatus? CurrentStatus => ParticipantStatus.Of(this);
}

/// <summary>One entry of a participant's membership history.</summary>
public class Membership : ISourced
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public MembershipStatus Status { get; set; }
    public DateOnly? SinceDate { get; set; }
    public DatePrecision? SincePrecision { get; set; }
    public List<SourceReference> Sources { get; set; } = [];

    public PartialDate? Since => PartialDate.FromColumns(SinceDate, SincePrecision);
}
