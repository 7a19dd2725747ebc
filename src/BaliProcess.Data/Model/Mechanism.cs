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
public class Mechanism : ISourced
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
}
