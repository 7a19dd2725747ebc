using System.Text.Json.Serialization;

namespace BaliProcess.Data.Seeding;

// Shapes of the record files added in the record's second pass (seed-data/README.md): mechanism
// memberships and relations, outcome documents, people and open questions.

public sealed record MechanismMembershipJson(
    string? Mechanism, string? Participant, string? Role, string? AsWritten, string? From, string? To,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, List<SourceRefJson>? Sources,
    // Export: added by staff from a document (decision 0034), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

public sealed record MechanismRelationJson(
    string? From, string? To, string? Kind, string? AsWritten, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, List<SourceRefJson>? Sources);

public sealed record QuoteJson(string? Text, SourceRefJson? Source);

public sealed record ParagraphRefJson(string? Statement, string? Label);

public sealed record OutcomeDocumentJson(
    string? Slug, string? Kind, string? Title, string? Meeting, string? Action, string? Date, List<QuoteJson>? Quotes,
    List<string>? MentionedAtMeetings, List<ParagraphRefJson>? MentionedIn, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, List<SourceRefJson>? Sources,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? TitleAddedByPortal = null,
    // Export: an outcome document staff added from a document (decision 0033), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null,
    // Decision 0041: who developed or produced it, where a document says so (absent when none does).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<OutcomeDeveloperJson>? DevelopedBy = null);

/// <summary>Who developed an outcome document, in the document's words; a participant by slug (as programmes' parts) or a mechanism only where the words name one (decision 0041).</summary>
public sealed record OutcomeDeveloperJson(string? AsWritten, string? Participant, string? Mechanism, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<SourceRefJson>? Sources);

public sealed record PersonRoleJson(
    string? Kind, string? AsWritten, string? Office, string? Participant, string? Meeting, string? Mechanism, string? Date,
    SourceRefJson? Source, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<SourceRefJson>? Sources,
    // Export: a record staff added from a document (decision 0035), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

public sealed record PersonJson(
    string? Slug, string? Name, List<PersonRoleJson>? Roles, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, List<SourceRefJson>? Sources,
    // Export: a record staff added from a document (decision 0035), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

public sealed record OpenQuestionJson(
    string? Subject, string? Field, string? Description, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, List<SourceRefJson>? Sources,
    // Export: a record staff added from a document (decision 0035), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

/// <summary>A dated event that is not a meeting (timeline-events.json; decision 0035). seed-data/ has none yet: staff add them.</summary>
public sealed record TimelineEventJson(
    string? Slug, string? Title, string? Date, string? Summary, string? Place, string? Mechanism, string? Participant, List<SourceRefJson>? Sources,
    // Export: a record staff added from a document (decision 0035), a draft or published, and who did each when.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDraft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AddedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedBy = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserId = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt = null,
    // Export: a withdrawn record (decision 0039), seeded or staff-made.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? WithdrawnAt = null, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WithdrawnReason = null);

// Decision 0032: programmes, courses, workshops, joint periods of action and members' national plans and bodies.
public sealed record ProgrammePartJson(string? Role, string? AsWritten, string? Participant, string? Mechanism, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<SourceRefJson>? Sources);

public sealed record ProgrammeJson(
    string? Slug, string? Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? NameAddedByPortal, string? Kind, string? Mechanism, string? Participant, string? Start, string? End,
    List<QuoteJson>? Quotes, List<ProgrammePartJson>? Parts, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceRefJson? Source, List<SourceRefJson>? Sources);
