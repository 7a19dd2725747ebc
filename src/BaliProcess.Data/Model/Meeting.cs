namespace BaliProcess.Data.Model;

public enum MeetingKind
{
    MinisterialConference,
    AdHocGroupSeniorOfficialsMeeting,
    SteeringGroupMeeting,
    WorkingGroupMeeting,
    ExpertsGroupMeeting,
    Workshop,
    Forum,
    Symposium,
    GovernmentAndBusinessForum,
    ForeignMinistersMeeting,

    /// <summary>A meeting of senior officials not attributed to a named body (e.g. Brisbane, 2004, before the Ad Hoc Group existed).</summary>
    SeniorOfficialsMeeting,

    /// <summary>A gathering the documents name only by what officials did there (a photo caption), without saying what kind of meeting it was.</summary>
    Unspecified,
    Event,
}

public enum AttendanceRole
{
    Attended,
    Observer,
    CoChair,
    Host,

    /// <summary>Logistical, administrative or technical support for the meeting ("IOM for providing logistical and administrative arrangements").</summary>
    Support,

    /// <summary>Thanked for a contribution to the meeting, without the document saying it attended ("Walk Free Foundation and Adaro for their contribution").</summary>
    Contributor,
}

/// <summary>A meeting, conference, workshop, forum or symposium, or a dated event on the timeline.</summary>
public class Meeting : ISourced, IWithdrawable
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public MeetingKind Kind { get; set; }
    public int? Ordinal { get; set; }
    public required string Title { get; set; }
    public DateOnly StartDate { get; set; }
    public DatePrecision StartPrecision { get; set; }
    public DateOnly? EndDate { get; set; }
    public DatePrecision? EndPrecision { get; set; }
    public string? Place { get; set; }
    /// <summary>True or false only where a document states the format; null where none does.</summary>
    public bool? IsVirtual { get; set; }

    /// <summary>The one body whose meeting this is; null when none is named, or when several facilitated it (<see cref="FacilitatedBy"/>).</summary>
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }

    /// <summary>Mechanisms a document names together as facilitating the meeting ("facilitated by the TFPP and Working Group on Disruptions").</summary>
    public List<Mechanism> FacilitatedBy { get; set; } = [];
    public string? Summary { get; set; }

    /// <summary>Named people who co-chaired, as the documents describe them.</summary>
    public List<string> CoChairPeople { get; set; } = [];
    public List<ReportedParticipation> ParticipantsReported { get; set; } = [];
    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    public List<Statement> Statements { get; set; } = [];

    /// <summary>Statements whose own text links them to this meeting as well as to their <see cref="Statement.Meeting"/>.</summary>
    public List<Statement> AlsoStatements { get; set; } = [];

    /// <summary>
    /// Names an attendance list gives that resolve to no participant and that staff chose to keep as the document writes
    /// them (decision 0029): shown on the meeting's page in the document's words, linked to nothing.
    /// </summary>
    public List<AttendanceAsWritten> AttendanceAsWritten { get; set; } = [];

    /// <summary>
    /// Spellings of this meeting's document that staff decided are another name of an existing participant: added to
    /// that participant's aliases when the meeting is published (not before: a draft changes nothing public).
    /// </summary>
    public List<NewParticipantAlias> NewAliases { get; set; } = [];

    /// <summary>Seed (seed-data/meetings.json; a seed load keeps it) or Staff (added in the portal; a seed load never touches it).</summary>
    public RecordOrigin Origin { get; set; }

    /// <summary>
    /// Added by staff and not yet published: a query filter hides it, and its attendance rows, from every read that does
    /// not say <c>IgnoreQueryFilters</c>, as for statements and source documents (decisions 0021, 0024, 0029).
    /// </summary>
    public bool IsDraft { get; set; }

    /// <summary>Who added it in the portal and when (UTC); null for seeded meetings.</summary>
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }

    /// <summary>Who published it (a second person, unless Editing:AllowSelfPublish) and when; null for seeded meetings and drafts.</summary>
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decision 0030).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    public PartialDate Start => new(StartDate, StartPrecision);
    public PartialDate? End => PartialDate.FromColumns(EndDate, EndPrecision);
}

/// <summary>A name of an attendance list kept as the document writes it: it is no participant the portal knows.</summary>
public class AttendanceAsWritten
{
    public required string Name { get; set; }
    public AttendanceRole Role { get; set; }
    public required SourceReference Source { get; set; }
}

/// <summary>A document's spelling of an existing participant, added to its aliases when the meeting citing it is published.</summary>
public class NewParticipantAlias
{
    public required string ParticipantSlug { get; set; }
    public required string Alias { get; set; }
    public required SourceReference Source { get; set; }
}

/// <summary>A participant number as a document reports it ("Eighty officials and experts").</summary>
public class ReportedParticipation
{
    public int? Count { get; set; }

    /// <summary>The document's qualifier of the count ("over", "more than"); null for an exact count.</summary>
    public string? Qualifier { get; set; }
    public required string Description { get; set; }
    public required SourceReference Source { get; set; }
}

/// <summary>One participant's part in a meeting: attended, observer, co-chair or host.</summary>
public class MeetingAttendance : ISourced, IWithdrawable
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public AttendanceRole Role { get; set; }
    public List<SourceReference> Sources { get; set; } = [];

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}
