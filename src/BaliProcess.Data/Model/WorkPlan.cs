namespace BaliProcess.Data.Model;

public enum ActionItemStatus
{
    ForAction,
    Ongoing,
    Continuing,
    Complete,

    /// <summary>Dropped by the working group; no document uses it yet, staff may set it.</summary>
    Discontinued,

    /// <summary>The document lists the item without a status (the priorities 003 gives for the Forward Work Plan 2017-19).</summary>
    NotStated,
}

/// <summary>
/// Who owns a record: the seed loader (drawn from a source document, brought in line with seed-data/ on every
/// load) or the secretariat (created in the portal; a seed load never touches it). Staff is the default, so a
/// record created anywhere but the seed loader is never mistaken for seed data.
/// </summary>
public enum RecordOrigin
{
    Staff,
    Seed,
}

/// <summary>A working group's forward work plan and its action items.</summary>
public class WorkPlan : ISourced, IWithdrawable
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

    /// <summary>Seed work plans are updated from seed-data/; staff work plans are left alone by every load.</summary>
    public RecordOrigin Origin { get; set; }

    /// <summary>
    /// Set out by a document staff added and not yet published (decision 0033): a query filter hides the plan, and its
    /// items and their links, from every read that does not say <c>IgnoreQueryFilters</c>. Work plans staff create
    /// empty on the work-plan pages (decision 0006) are never drafts.
    /// </summary>
    public bool IsDraft { get; set; }

    /// <summary>Who added it from a document and when (UTC); null for seeded plans and plans created on the work-plan pages.</summary>
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }

    /// <summary>Who published it (a second person, unless Editing:AllowSelfPublish) and when.</summary>
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}

/// <summary>
/// One action item of a work plan. Its status is kept current by secretariat staff; every change is
/// appended to <see cref="StatusChanges"/> (the seeded status is the first entry).
/// </summary>
public class ActionItem : ISourced, IWithdrawable
{
    public int Id { get; set; }
    public int WorkPlanId { get; set; }
    public WorkPlan? WorkPlan { get; set; }
    public required string Number { get; set; }

    /// <summary>True when the document gives the item no number and <see cref="Number"/> is the portal's; pages show it in [brackets].</summary>
    public bool NumberAddedByPortal { get; set; }
    public int Sequence { get; set; }
    public required string Text { get; set; }
    public ActionItemStatus Status { get; set; }

    /// <summary>
    /// The current status in words: the source document's status cell at first, then the note of the latest
    /// change staff made.
    /// </summary>
    public string? StatusText { get; set; }
    public List<Theme> Themes { get; set; } = [];
    public List<ActionItemStatusChange> StatusChanges { get; set; } = [];
    public List<ActionItemParagraphLink> ParagraphLinks { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    /// <summary>Seed items are updated from seed-data/ (text, sources); staff items are never touched by a load.</summary>
    public RecordOrigin Origin { get; set; }

    /// <summary>
    /// Set when staff first change this item's themes: from then on the list is theirs and a seed load neither
    /// adds nor removes a theme (a theme staff removed must not come back on the next start).
    /// </summary>
    public bool ThemesSetByStaff { get; set; }

    /// <summary>As <see cref="ThemesSetByStaff"/>, for the links to the paragraphs that asked for the item.</summary>
    public bool ParagraphLinksSetByStaff { get; set; }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decision 0030).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    /// <summary>Optimistic concurrency token, mapped to PostgreSQL's xmin.</summary>
    [System.ComponentModel.DataAnnotations.Timestamp]
    public uint Version { get; set; }
}

/// <summary>
/// An entry in an action item's status history: what changed, when it took effect, who recorded it and why.
/// Append-only: the database refuses UPDATE and DELETE on its table (a trigger), so no code path can rewrite it.
/// </summary>
public class ActionItemStatusChange
{
    /// <summary>The longest note a change may carry.</summary>
    public const int NoteMaxLength = 2000;

    public long Id { get; set; }
    public int ActionItemId { get; set; }
    public ActionItem? ActionItem { get; set; }

    /// <summary>Null for the first entry (the status the source document records).</summary>
    public ActionItemStatus? FromStatus { get; set; }
    public ActionItemStatus ToStatus { get; set; }

    /// <summary>What happened and why; it becomes the item's current <see cref="ActionItem.StatusText"/>.</summary>
    public required string Note { get; set; }

    /// <summary>When the change took effect, at the precision known (a document may give only the year).</summary>
    public DateOnly EffectiveDate { get; set; }
    public DatePrecision EffectivePrecision { get; set; }

    /// <summary>The display name of the account that recorded it, or the source document's title for the first entry.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>The account's id (ASP.NET Core Identity); null for an entry drawn from a source document.</summary>
    public string? ChangedByUserId { get; set; }

    /// <summary>When it was recorded in the portal (UTC).</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>True for the entry the seed loader wrote from the source document.</summary>
    public bool FromSeed { get; set; }

    /// <summary>The source document (file name) the entry was drawn from; null for staff changes.</summary>
    public string? SourceDocument { get; set; }

    public PartialDate Effective => new(EffectiveDate, EffectivePrecision);
}

/// <summary>
/// A statement paragraph that asked for an action item ("Asked for by"). Seed links cite the document that
/// makes the link explicit; staff links name who set them.
/// </summary>
public class ActionItemParagraphLink : ISourced
{
    public int ActionItemId { get; set; }
    public ActionItem? ActionItem { get; set; }
    public int ParagraphId { get; set; }
    public Paragraph? Paragraph { get; set; }
    public RecordOrigin Origin { get; set; }

    /// <summary>Display name of who set the link, or "seed data" for a link drawn from a document.</summary>
    public required string LinkedBy { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public List<SourceReference> Sources { get; set; } = [];
}
