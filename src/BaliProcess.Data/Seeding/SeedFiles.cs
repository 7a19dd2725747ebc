namespace BaliProcess.Data.Seeding;

// The shapes of the JSON files in seed-data/ (described in seed-data/README.md). Everything is nullable
// here on purpose: the validator, not the JSON parser, reports a missing field, so that the message can
// name the file and the place in it.

public sealed record SourceRefJson(string? Document, string? Location);

public sealed record SourceDocumentJson(string? Slug, string? File, string? Title, string? Publisher, string? Date, string? Description);

public sealed record ThemeJson(string? Slug, string? Name, string? Description, string? Parent, int? AdelaideArea);

public sealed record MembershipJson(string? Status, string? Since, SourceRefJson? Source);

public sealed record ParticipantJson(
    string? Slug, string? Name, string? FullName, List<string>? Aliases, string? Kind, string? Region,
    List<MembershipJson>? Memberships, SourceRefJson? Source, List<SourceRefJson>? Sources, List<string>? PortalAliases = null);

public sealed record MechanismJson(
    string? Slug, string? Name, string? ShortName, List<string>? Aliases, string? Kind, string? Mandate,
    string? Established, string? EstablishedByMeeting, string? Status, List<string>? CoChairPeople, SourceRefJson? Source, List<SourceRefJson>? Sources,
    List<string>? PortalAliases = null, bool? NameAddedByPortal = null);

public sealed record ReportedParticipationJson(int? Count, string? Qualifier, string? Description, SourceRefJson? Source);

public sealed record AttendanceJson(string? Participant, string? Role, SourceRefJson? Source);

public sealed record MeetingJson(
    string? Slug, string? Kind, int? Ordinal, string? Title, string? Start, string? End, string? Place,
    bool? IsVirtual, string? Mechanism, List<string>? Hosts, List<string>? CoChairs, List<string>? CoChairPeople,
    List<ReportedParticipationJson>? ParticipantsReported, List<AttendanceJson>? Attendance, string? Summary,
    SourceRefJson? Source, List<SourceRefJson>? Sources, List<string>? FacilitatedBy = null);

public sealed record ActionItemJson(
    string? Number, string? Text, string? Status, string? StatusText, List<string>? Themes, SourceRefJson? Source,
    List<AskedForJson>? AskedFor = null, bool? NumberAddedByPortal = null);

/// <summary>A statement paragraph that asked for an action item, with the place that makes the link explicit.</summary>
public sealed record AskedForJson(string? Statement, string? Paragraph, SourceRefJson? Source);

public sealed record WorkPlanJson(
    string? Slug, string? Title, string? Mechanism, string? Period, int? StartYear, int? EndYear,
    string? AdoptedAtMeeting, string? UpdatedAtMeeting, SourceRefJson? Source, List<SourceRefJson>? Sources,
    List<ActionItemJson>? Items);

public sealed record ParagraphJson(string? Label, string? Section, string? Text, List<string>? Themes, string? Location, bool? LabelAddedByPortal = null);

public sealed record StatementJson(
    string? Slug, string? Kind, string? Title, string? Meeting, string? Date, string? Author,
    SourceRefJson? Source, List<SourceRefJson>? Sources, List<ParagraphJson>? Paragraphs, List<string>? AlsoMeetings = null);

public sealed record DisagreeingValueJson(string? Value, SourceRefJson? Source);

public sealed record DisagreementJson(string? Subject, string? Field, string? Description, List<DisagreeingValueJson>? Values);

/// <summary>Somewhere in a seed file, for error messages: "meetings.json [12] (\"fifth-ministerial-conference-2013\")".</summary>
public interface ILocated
{
    string Place { get; }
}

/// <summary>An item read from a seed file, with the place it came from.</summary>
public sealed record Located<T>(T Item, string File, string Path) : ILocated
{
    public string Place => Item?.GetType().GetProperty("Slug")?.GetValue(Item) is string slug && Path.StartsWith('[')
        ? $"{File} {Path} (\"{slug}\")"
        : $"{File} {Path}";
}
