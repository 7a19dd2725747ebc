namespace BaliProcess.Data.Model;

public enum MechanismKind
{
    WorkingGroup,
    AdHocGroup,
    SteeringGroup,
    SupportOffice,
    BusinessForum,
    ConsultationMechanism,
    ExpertsGroup,
    TaskForce,
    Network,
    Other,
}

public enum MechanismStatus
{
    Active,
    Concluded,
}

/// <summary>Which mechanism kinds the documents count among the "working groups".</summary>
public static class MechanismKinds
{
    /// <summary>
    /// 004 ("What the Bali Process Does") counts four working groups: two Working Groups, the Technical
    /// Experts Group on Returns and Reintegration and the Task Force on Planning and Preparedness.
    /// </summary>
    public static readonly IReadOnlyList<MechanismKind> WorkingGroups = [MechanismKind.WorkingGroup, MechanismKind.ExpertsGroup, MechanismKind.TaskForce];
}

/// <summary>A working group or other mechanism of the Bali Process (Ad Hoc Group, RSO, GABF, ...).</summary>
public class Mechanism : ISourced, IWithdrawable
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>True when no document names the mechanism so and the portal built the name from its words ("Group 1"); pages show it in [brackets].</summary>
    public bool NameAddedByPortal { get; set; }
    public string? ShortName { get; set; }
    public List<string> Aliases { get; set; } = [];

    /// <summary>Search names no document spells: the portal's own, shown apart from <see cref="Aliases"/>.</summary>
    public List<string> PortalAliases { get; set; } = [];
    public MechanismKind Kind { get; set; }
    public string? Mandate { get; set; }
    public DateOnly? EstablishedDate { get; set; }
    public DatePrecision? EstablishedPrecision { get; set; }
    public int? EstablishedByMeetingId { get; set; }
    public Meeting? EstablishedByMeeting { get; set; }
    /// <summary>Null where no document states whether the mechanism is active or has ended.</summary>
    public MechanismStatus? Status { get; set; }
    public List<string> CoChairPeople { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    public List<Meeting> Meetings { get; set; } = [];

    /// <summary>Meetings a document says this mechanism facilitated together with others.</summary>
    public List<Meeting> FacilitatedMeetings { get; set; } = [];
    public List<WorkPlan> WorkPlans { get; set; } = [];
    public List<MechanismMembership> Memberships { get; set; } = [];

    public PartialDate? Established => PartialDate.FromColumns(EstablishedDate, EstablishedPrecision);

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
