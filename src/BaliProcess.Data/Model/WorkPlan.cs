namespace BaliProcess.Data.Model;

public enum ActionItemStatus
{
    ForAction,
    Ongoing,
    Continuing,
    Complete,
}

/// <summary>A working group's forward work plan and its action items.</summary>
public class WorkPlan : ISourced
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }
    public required string Period { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public int? AdoptedAtMeetingId { get; set; }
    public Meeting? AdoptedAtMeeting { get; set; }
    public int? UpdatedAtMeetingId { get; set; }
    public Meeting? UpdatedAtMeeting { get; set; }
    public List<ActionItem> Items { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];
}

/// <summary>
/// One action item of a work plan. Its status is kept current by secretariat staff; every change is
/// appended to <see cref="StatusChanges"/> (the seeded status is the first entry).
/// </summary>
public class ActionItem : ISourced
{
    public int Id { get; set; }
    public int WorkPlanId { get; set; }
    public WorkPlan? WorkPlan { get; set; }
    public required string Number { get; set; }
    public int Sequence { get; set; }
    public required string Text { get; set; }
    public ActionItemStatus Status { get; set; }

    /// <summary>The status cell as the source document words it.</summary>
    public string? StatusText { get; set; }
    public List<Theme> Themes { get; set; } = [];
    public List<ActionItemStatusChange> StatusChanges { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    [System.ComponentModel.DataAnnotations.Timestamp]
    public uint Version { get; set; }
}

/// <summary>An entry in an action item's status history: what changed, when, by whom and why.</summary>
public class ActionItemStatusChange
{
    public long Id { get; set; }
    public int ActionItemId { get; set; }
    public ActionItem? ActionItem { get; set; }
    public ActionItemStatus? FromStatus { get; set; }
    public ActionItemStatus ToStatus { get; set; }
    public string? StatusText { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string Reason { get; set; }

    /// <summary>True for the entry the seed loader wrote from the source document.</summary>
    public bool FromSeed { get; set; }
}
