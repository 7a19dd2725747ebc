using System.Text.Json.Serialization;

namespace BaliProcess.Data.Seeding;

// The shapes of the JSON files in seed-data/ (described in seed-data/README.md). Everything is nullable
// here on purpose: the validator, not the JSON parser, reports a missing field, so that the message can
// name the file and the place in it.
//
// The exporter (SeedExporter) writes the same records back. Fields marked "omitted when null" are left out of a file
// when empty, as seed-data/ leaves them out; the fields after "Export:" are the staff record's (origin, drafts, who
// added and published it when), written only for staff records, so a seed record exports in exactly the seed's shape.
// A new field of a kind is one parameter here (omitted when null if seed-data/ leaves it out), one line in the
// exporter and one in SeedWriter.

public sealed record SourceRefJson(string? Document, string? Location);

public sealed record SourceDocumentJson(
    string? Slug, string? File, string? Title, string? Publisher, string? Date, string? Description,
    // Export: a document added in the portal, its public address and its original file with the extracted text.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OriginalUrl = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceOriginalJson? Original = null,
    // Export: a withdrawn document (decision 0030), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

/// <summary>
/// The original file of a document added in the portal: both files sit next to the JSON (<see cref="File"/> and
/// <see cref="TextFile"/>, paths relative to the export folder, named by the document's slug), the original checked
/// against <see cref="Sha256"/> on loading.
/// </summary>
public sealed record SourceOriginalJson(
    string? File, string? Sha256, string? MediaType, string? OriginalFileName, long? SizeBytes, int? PageCount, string? TextFile,
    string? AddedBy, string? AddedByUserId, DateTimeOffset? AddedAt, string? PublishedBy, string? PublishedByUserId, DateTimeOffset? PublishedAt);

public sealed record ThemeJson(string? Slug, string? Name, string? Description, string? Parent, int? AdelaideArea);

public sealed record MembershipJson(string? Status, string? Since, SourceRefJson? Source,
    // Export: added by staff from a document (decision 0034), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

public sealed record ParticipantJson(
    string? Slug, string? Name, string? FullName, List<string>? Aliases, string? Kind, string? Region,
    List<MembershipJson>? Memberships, SourceRefJson? Source, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<SourceRefJson>? Sources, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? PortalAliases = null,
    // Export: the aliases (also in Aliases) that a published staff meeting added, each with the place that spells it (decision 0029).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<StaffAliasJson>? StaffAliases = null,
    // Export: added by staff from a document (decision 0034), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null);

/// <summary>An alias staff added from a meeting's attendance list: the spelling, where the document writes it, and the meeting.</summary>
public sealed record StaffAliasJson(string? Alias, SourceRefJson? Source, string? Meeting);

public sealed record MechanismJson(
    string? Slug, string? Name, string? ShortName, List<string>? Aliases, string? Kind, string? Mandate,
    string? Established, string? EstablishedByMeeting, string? Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? CoChairPeople, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source,
    List<SourceRefJson>? Sources, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? PortalAliases = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? NameAddedByPortal = null,
    // Export: added by staff from a document (decision 0034), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

public sealed record ReportedParticipationJson(int? Count, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Qualifier, string? Description, SourceRefJson? Source);

public sealed record AttendanceJson(string? Participant, string? Role, SourceRefJson? Source,
    // Export: a withdrawn line (decision 0039).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

public sealed record MeetingJson(
    string? Slug, string? Kind, int? Ordinal, string? Title, string? Start, string? End, string? Place,
    bool? IsVirtual, string? Mechanism, List<string>? Hosts, List<string>? CoChairs, List<string>? CoChairPeople,
    List<ReportedParticipationJson>? ParticipantsReported, List<AttendanceJson>? Attendance, string? Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, List<SourceRefJson>? Sources, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? FacilitatedBy = null,
    // Export: a meeting staff added from a document (decision 0029), its names kept as written and the aliases it adds
    // when published, a draft or published and who did each when; and a withdrawn meeting (decision 0030).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<AttendanceAsWrittenJson>? AttendanceAsWritten = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<NewAliasJson>? NewAliases = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

/// <summary>A name of an attendance list kept as the document writes it (no participant), with its role and place.</summary>
public sealed record AttendanceAsWrittenJson(string? Name, string? Role, SourceRefJson? Source);

/// <summary>A document's spelling that becomes an alias of the participant when the meeting is published.</summary>
public sealed record NewAliasJson(string? Participant, string? Alias, SourceRefJson? Source);

public sealed record ActionItemJson(
    string? Number, string? Text, string? Status, string? StatusText, List<string>? Themes, SourceRefJson? Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<AskedForJson>? AskedFor = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? NumberAddedByPortal = null,
    // Export: an item staff added, and an item whose theme or paragraph list staff set (a seed load leaves those lists alone).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? ThemesSetByStaff = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? ParagraphLinksSetByStaff = null,
    // Export: a withdrawn item (decision 0030).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

/// <summary>A statement paragraph that asked for an action item, with the place that makes the link explicit.</summary>
public sealed record AskedForJson(
    string? Statement, string? Paragraph, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source,
    // Export: a link staff set (no source: the person who set it answers for it).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LinkedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LinkedAt = null);

public sealed record WorkPlanJson(
    string? Slug, string? Title, string? Mechanism, string? Period, int? StartYear, int? EndYear,
    string? AdoptedAtMeeting, string? UpdatedAtMeeting, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<SourceRefJson>? Sources,
    List<ActionItemJson>? Items,
    // Export: a work plan staff created, or set out from a document (decision 0033): a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

public sealed record ParagraphJson(
    string? Label, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Section, string? Text, List<string>? Themes, string? Location, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? LabelAddedByPortal = null);

public sealed record StatementJson(
    string? Slug, string? Kind, string? Title, string? Meeting, string? Date, string? Author,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<SourceRefJson>? Sources, List<ParagraphJson>? Paragraphs, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? AlsoMeetings = null,
    // Export: a statement staff added from a document (decision 0024), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn statement (decision 0030); its paragraphs are then hidden as a draft's are.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

public sealed record DisagreeingValueJson(string? Value, SourceRefJson? Source);

public sealed record DisagreementJson(
    string? Subject, string? Field, string? Description, List<DisagreeingValueJson>? Values,
    // Export: a disagreement staff added from a document (decision 0035), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

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
