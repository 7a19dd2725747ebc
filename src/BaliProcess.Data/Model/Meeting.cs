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
}

/// <summary>A meeting, conference, workshop, forum or symposium, or a dated event on the timeline.</summary>
public class Meeting : ISourced
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
    public bool IsVirtual { get; set; }
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }
    public string? Summary { get; set; }

    /// <summary>Named people who co-chaired, as the documents describe them.</summary>
    public List<string> CoChairPeople { get; set; } = [];
    public List<ReportedParticipation> ParticipantsReported { get; set; } = [];
    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    public List<Statement> Statements { get; set; } = [];

    public PartialDate Start => new(StartDate, StartPrecision);
    public PartialDate? End => PartialDate.FromColumns(EndDate, EndPrecision);
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
public class MeetingAttendance : ISourced
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public AttendanceRole Role { get; set; }
    public List<SourceReference> Sources { get; set; } = [];
}
