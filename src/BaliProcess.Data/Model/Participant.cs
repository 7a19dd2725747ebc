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
    /// <summary>The public standard <see cref="Region"/> follows (no document places a participant in a region).</summary>
    public const string RegionScheme = "UN M49 geographic regions (United Nations Statistics Division, Standard country or area codes for statistical use)";

    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>The name as the member list of 004 spells it ("Viet Nam", "Türkiye").</summary>
    public required string Name { get; set; }
    public string? FullName { get; set; }

    /// <summary>Other spellings the documents use ("Vietnam", "Lao PDR"), so that text links to the right record.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>
    /// Search names no document spells ("UK", "North Korea"): the portal's own, kept apart from
    /// <see cref="Aliases"/>, never used to read a document's text, and shown as the portal's.
    /// </summary>
    public List<string> PortalAliases { get; set; } = [];

    /// <summary>
    /// The <see cref="Aliases"/> staff added from a document (a meeting's attendance list, decision 0029), each with the
    /// place that spells it: a seed load keeps them in <see cref="Aliases"/> while it rewrites the seed's own.
    /// </summary>
    public List<StaffAlias> StaffAliases { get; set; } = [];
    public ParticipantKind Kind { get; set; }

    /// <summary>
    /// The portal's own grouping, never a document's: the UN M49 geographic sub-region (<see cref="RegionScheme"/>)
    /// of a state or territory; null for organisations and other bodies, which M49 does not place.
    /// </summary>
    public string? Region { get; set; }
    public List<Membership> Memberships { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<Paragraph> MentionedIn { get; set; } = [];
    public List<MechanismMembership> MechanismMemberships { get; set; } = [];

    /// <summary>The newest membership status, or null for a body that is neither member nor observer.</summary>
    public MembershipStatus? CurrentStatus => ParticipantStatus.Of(this);

    /// <summary>Seed (seed-data/; a seed load keeps it) or Staff (added in the portal from a document; a seed load never touches it; decision 0034).</summary>
    public RecordOrigin Origin { get; set; }

    /// <summary>Added by staff and not yet published: a query filter hides it from every read that does not say <c>IgnoreQueryFilters</c> (decision 0034).</summary>
    public bool IsDraft { get; set; }

    /// <summary>Who added it in the portal and when (UTC); null for seeded rows.</summary>
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }

    /// <summary>Who published it (a second person, unless Editing:AllowSelfPublish) and when; null for seeded rows and drafts.</summary>
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A spelling of a participant that a staff-added document uses, added when the record citing it was published.</summary>
public class StaffAlias
{
    public required string Alias { get; set; }
    public required SourceReference Source { get; set; }

    /// <summary>The meeting whose publication added it.</summary>
    public string? MeetingSlug { get; set; }
}

/// <summary>One entry of a participant's membership history.</summary>
public class Membership : ISourced, IWithdrawable
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public MembershipStatus Status { get; set; }
    public DateOnly? SinceDate { get; set; }
    public DatePrecision? SincePrecision { get; set; }
    public List<SourceReference> Sources { get; set; } = [];

    public PartialDate? Since => PartialDate.FromColumns(SinceDate, SincePrecision);

    /// <summary>Seed (seed-data/; a seed load keeps it) or Staff (added in the portal from a document; a seed load never touches it; decision 0034).</summary>
    public RecordOrigin Origin { get; set; }

    /// <summary>Added by staff and not yet published: a query filter hides it from every read that does not say <c>IgnoreQueryFilters</c> (decision 0034).</summary>
    public bool IsDraft { get; set; }

    /// <summary>Who added it in the portal and when (UTC); null for seeded rows.</summary>
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }

    /// <summary>Who published it (a second person, unless Editing:AllowSelfPublish) and when; null for seeded rows and drafts.</summary>
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}
