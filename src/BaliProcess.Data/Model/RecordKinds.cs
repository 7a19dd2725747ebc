namespace BaliProcess.Data.Model;

/// <summary>The part a participant plays in a mechanism (or in the Bali Process as a whole).</summary>
public enum MechanismRole
{
    Member,
    CoChair,
    Host,
    Participant,

    /// <summary>"coordinated by" (the Ad Hoc Experts Groups of 2002).</summary>
    Coordinator,

    /// <summary>Administrative, secretariat or technical support ("supports its administration").</summary>
    Support,

    /// <summary>An outside body the documents say the Bali Process or a mechanism partners, links or cooperates with ("would partner with", "strong links with"); the words are in AsWritten (decision 0032).</summary>
    Partner,
}

/// <summary>
/// A participant's part in a mechanism, as a document states it: role, dates at their precision, the
/// document's own words and sources. A null mechanism means the Bali Process as a whole (its permanent
/// co-chairs). The one model of who co-chairs what: a mechanism's co-chairs are its memberships with the
/// role <see cref="MechanismRole.CoChair"/> (docs/decisions/0019).
/// </summary>
public class MechanismMembership : ISourced, IWithdrawable
{
    public int Id { get; set; }
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public MechanismRole Role { get; set; }

    /// <summary>
    /// The document's words for the role ("permanent Co-Chairs", "host country for the RSO"). Part of what makes a
    /// role distinct (the unique index is mechanism, participant, role and these words, decision 0041): one participant
    /// can hold several roles of one kind where the documents state each in its own words (IOM's technical expertise
    /// and its secretariat functions are both support).
    /// </summary>
    public string? AsWritten { get; set; }
    public DateOnly? FromDate { get; set; }
    public DatePrecision? FromPrecision { get; set; }
    public DateOnly? ToDate { get; set; }
    public DatePrecision? ToPrecision { get; set; }
    public List<SourceReference> Sources { get; set; } = [];

    public PartialDate? From => PartialDate.FromColumns(FromDate, FromPrecision);
    public PartialDate? To => PartialDate.FromColumns(ToDate, ToPrecision);

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

public enum MechanismRelationKind
{
    /// <summary>"led by the Bali Process Ad Hoc Group" (001).</summary>
    LedBy,

    /// <summary>"oversee the work of the Ad Hoc Group, in conjunction with the Bali Process Steering Group" (004).</summary>
    OverseesWith,

    /// <summary>"created to support the Consultation Mechanism" (004).</summary>
    Supports,

    /// <summary>"the two Ad Hoc Experts Groups became a unified Ad Hoc Group" (004).</summary>
    BecamePartOf,

    /// <summary>"to operationalise the Regional Cooperative Framework" (004).</summary>
    Implements,

    /// <summary>"continuing collaboration with the Disruption Working Group" (003).</summary>
    CollaboratesWith,

    /// <summary>"Oversight the RSO in developing a 'Regional Strategic Roadmap'" (001 item 10).</summary>
    Oversees,
}

/// <summary>A relation between two mechanisms that a document states, in its own words.</summary>
public class MechanismRelation : ISourced
{
    public int Id { get; set; }
    public int FromMechanismId { get; set; }
    public Mechanism? FromMechanism { get; set; }
    public int ToMechanismId { get; set; }
    public Mechanism? ToMechanism { get; set; }
    public MechanismRelationKind Kind { get; set; }
    public required string AsWritten { get; set; }
    public List<SourceReference> Sources { get; set; } = [];
}

public enum OutcomeDocumentKind
{
    Declaration,
    Strategy,
    PolicyGuide,
    TrainingModule,
    Report,
    Recommendations,
    Framework,
    TermsOfReference,
    Statement,

    /// <summary>"A Screening and Referral Tool Kit" (004, UNHCR's perspective).</summary>
    Toolkit,

    /// <summary>"Regional Strategic Roadmap", "online Regional Roadmap tool" (001, 003).</summary>
    Roadmap,

    /// <summary>"model legislation had been drafted" (004, 2003).</summary>
    ModelLegislation,

    /// <summary>"Both Groups provided details of their forward work plans" (004, 2003): stated, but with no title, period or items, so not a work plan record (decision 0032).</summary>
    WorkPlan,
}

/// <summary>What the meeting did with the outcome document, in the documents' verb.</summary>
public enum OutcomeAction
{
    Adopted,
    Endorsed,
    Agreed,
    Developed,
    ResultedIn,
    Updated,
    RecommendedForEndorsement,

    /// <summary>"Ministers also noted reports by the two Ad Hoc Experts Groups" (004, 2003).</summary>
    Noted,
}

/// <summary>
/// A declaration, strategy, policy guide, set of recommendations or framework: its title as written, the
/// meeting that adopted or endorsed it, its date at the stated precision, what the documents say of it.
/// </summary>
public class OutcomeDocument : ISourced, IWithdrawable
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public OutcomeDocumentKind Kind { get; set; }

    /// <summary>The title as the document writes it, unless <see cref="TitleAddedByPortal"/>.</summary>
    public required string Title { get; set; }

    /// <summary>True when no document gives the item a title and the portal built one from its words; pages show it in [brackets].</summary>
    public bool TitleAddedByPortal { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public OutcomeAction? Action { get; set; }
    public DateOnly? Date { get; set; }
    public DatePrecision? DatePrecision { get; set; }

    /// <summary>What the documents say of it, verbatim, each with its source (checked by the faithfulness test).</summary>
    public List<Quote> Quotes { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    /// <summary>Other meetings that mention it (besides the one that adopted it).</summary>
    public List<Meeting> MentionedAtMeetings { get; set; } = [];

    /// <summary>Statement paragraphs that mention it.</summary>
    public List<Paragraph> MentionedIn { get; set; } = [];

    /// <summary>Who developed or produced it, where a document says so, in the document's words (decision 0041).</summary>
    public List<OutcomeDocumentDeveloper> DevelopedBy { get; set; } = [];

    /// <summary>Seed (seed-data/outcome-documents.json) or Staff (added in the portal from a document; a seed load never touches it; decision 0033).</summary>
    public RecordOrigin Origin { get; set; }

    /// <summary>Added by staff and not yet published: a query filter hides it from every read that does not say <c>IgnoreQueryFilters</c> (decision 0033).</summary>
    public bool IsDraft { get; set; }

    /// <summary>Who added it in the portal and when (UTC); null for seeded documents.</summary>
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }

    /// <summary>Who published it (a second person, unless Editing:AllowSelfPublish) and when; null for seeded documents and drafts.</summary>
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public PartialDate? When => PartialDate.FromColumns(Date, DatePrecision);

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}

/// <summary>
/// Who developed or produced an outcome document, as a document states it ("UNHCR also developed", "developed in
/// partnership with the Bali Process RSO"): the words verbatim, linked to a participant or mechanism only where the
/// words name one, with its source (decision 0041). The words are the key: one row per document and words.
/// </summary>
public class OutcomeDocumentDeveloper : ISourced
{
    public int Id { get; set; }
    public int OutcomeDocumentId { get; set; }
    public OutcomeDocument? OutcomeDocument { get; set; }

    /// <summary>The document's words naming who developed it, verbatim.</summary>
    public required string AsWritten { get; set; }
    public int? ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }
    public List<SourceReference> Sources { get; set; } = [];
}

public enum PersonRoleKind
{
    CoChair,
    Chair,
    BusinessCoChair,
    SeniorOfficialCoChair,
    MinisterialCoChair,
    OpenedMeeting,
    KeynoteSpeaker,
    DeliveredStatement,
    Coordinator,
    CoManager,
    Pictured,
}

/// <summary>A person a document names in a role. People are never merged on a guess: one record per name as written.</summary>
public class Person : ISourced, IStaffAddedRecord, IWithdrawable
{
    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>The name as the document writes it ("H.E. Hasan Kleib", "Ms Margaret Close").</summary>
    public required string Name { get; set; }
    public List<PersonRole> Roles { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    /// <summary>Seed, or Staff when added in the portal from a document (decision 0035); a seed load never touches a staff row.</summary>
    public RecordOrigin Origin { get; set; } = RecordOrigin.Seed;

    /// <summary>Added by staff and not yet published: the query filter hides it until a second person publishes it.</summary>
    public bool IsDraft { get; set; }
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}

/// <summary>One role of a person: at a meeting or in a mechanism, with the office the document gives at that time.</summary>
public class PersonRole : ISourced, IStaffAddedRecord, IWithdrawable
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public PersonRoleKind Kind { get; set; }

    /// <summary>The document's words for the role ("co-chaired the workshop").</summary>
    public required string AsWritten { get; set; }

    /// <summary>Title or office as the document gives it at that time.</summary>
    public string? Office { get; set; }
    public int? ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }
    public DateOnly? Date { get; set; }
    public DatePrecision? DatePrecision { get; set; }
    public List<SourceReference> Sources { get; set; } = [];

    /// <summary>Seed, or Staff when added in the portal from a document (decision 0035); a seed load never touches a staff row.</summary>
    public RecordOrigin Origin { get; set; } = RecordOrigin.Seed;

    /// <summary>Added by staff and not yet published: the query filter hides it until a second person publishes it.</summary>
    public bool IsDraft { get; set; }
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public PartialDate? When => PartialDate.FromColumns(Date, DatePrecision);

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}

/// <summary>
/// A question the documents leave open about a record (a field the record therefore leaves empty, or a
/// value only one document gives ambiguously). Shown beside the record and printed by the review report.
/// </summary>
public class OpenQuestion : ISourced, IStaffAddedRecord, IWithdrawable
{
    public int Id { get; set; }

    /// <summary>"meeting:&lt;slug&gt;", "mechanism:&lt;slug&gt;", ... as for disagreements.</summary>
    public required string Subject { get; set; }
    public required string Field { get; set; }
    public required string Description { get; set; }
    public List<SourceReference> Sources { get; set; } = [];

    /// <summary>Seed, or Staff when added in the portal from a document (decision 0035); a seed load never touches a staff row.</summary>
    public RecordOrigin Origin { get; set; } = RecordOrigin.Seed;

    /// <summary>Added by staff and not yet published: the query filter hides it until a second person publishes it.</summary>
    public bool IsDraft { get; set; }
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public (string Kind, string? Slug) SubjectParts()
    {
        var colon = Subject.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (Subject, null) : (Subject[..colon], Subject[(colon + 1)..]);
    }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}

/// <summary>A passage quoted verbatim from a source document.</summary>
public class Quote
{
    public required string Text { get; set; }
    public required SourceReference Source { get; set; }
}
