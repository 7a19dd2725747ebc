namespace BaliProcess.Data.Model;

/// <summary>
/// A record staff may add from a source document, as meetings and statements are (decisions 0024, 0029, 0035): where it
/// comes from, whether it is still a draft (a query filter hides drafts from every read that does not say
/// <c>IgnoreQueryFilters</c>), and who added and published it when (UTC). People, their roles, timeline events,
/// disagreements and open questions carry it; one shape lets their editors share the publish rules.
/// </summary>
public interface IStaffAddedRecord
{
    /// <summary>Seed (seed-data/; a seed load keeps it) or Staff (added in the portal; a seed load never touches it).</summary>
    RecordOrigin Origin { get; set; }

    bool IsDraft { get; set; }
    string? AddedBy { get; set; }
    string? AddedByUserId { get; set; }
    DateTimeOffset? AddedAt { get; set; }
    string? PublishedBy { get; set; }
    string? PublishedByUserId { get; set; }
    DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>
/// A dated event that is not a meeting: an establishment, a launch, a declaration's adoption (decision 0035). Its title
/// as the document writes it, its date at the precision the document gives, a summary in the document's words, the
/// mechanism or participant it concerns, and where. Shown on the timeline beside the meetings, under the kind "Event".
/// </summary>
public class TimelineEvent : ISourced, IStaffAddedRecord, IWithdrawable
{
    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>The title as the document writes it ("Launch of the Regional Support Office").</summary>
    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }

    /// <summary>What the document says of it, in its words.</summary>
    public string? Summary { get; set; }
    public string? Place { get; set; }
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }
    public int? ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public List<SourceReference> Sources { get; set; } = [];

    public RecordOrigin Origin { get; set; } = RecordOrigin.Seed;
    public bool IsDraft { get; set; }
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public PartialDate When => new(Date, DatePrecision);

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}
