using NpgsqlTypes;

namespace BaliProcess.Data.Model;

public enum StatementKind
{
    CoChairsStatement,
    CoChairsSummary,
    OutcomesSummary,
    Strategy,
    Perspective,
    Priorities,

    /// <summary>Words a named person signed (the GABF Business Co-Chairs' quoted statements in 004).</summary>
    SignedStatement,

    /// <summary>A framework's numbered principles (the Regional Cooperation Framework's eight, 004).</summary>
    Principles,
}

/// <summary>A statement, summary, strategy or member's perspective, split into its paragraphs.</summary>
public class Statement : ISourced, IWithdrawable
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public StatementKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>The meeting the statement's heading names.</summary>
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Further meetings the statement's own text says it comes from ("The Eighth Ministerial Conference and Third Government and Business Forum").</summary>
    public List<Meeting> AlsoMeetings { get; set; } = [];
    public DateOnly? Date { get; set; }
    public DatePrecision? DatePrecision { get; set; }

    /// <summary>The member whose perspective this is; null for other kinds.</summary>
    public int? AuthorId { get; set; }
    public Participant? Author { get; set; }
    public List<Paragraph> Paragraphs { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    /// <summary>Seed (seed-data/statements; a seed load keeps it) or Staff (added in the portal; a seed load never touches it).</summary>
    public RecordOrigin Origin { get; set; }

    /// <summary>
    /// Added by staff and not yet published: a query filter hides it (and its paragraphs, which carry the same flag)
    /// from every read that does not say <c>IgnoreQueryFilters</c>, as for source documents (decisions 0021, 0024).
    /// </summary>
    public bool IsDraft { get; set; }

    /// <summary>Who added it in the portal and when (UTC); null for seeded statements.</summary>
    public string? AddedBy { get; set; }
    public string? AddedByUserId { get; set; }
    public DateTimeOffset? AddedAt { get; set; }

    /// <summary>Who published it (a second person, unless Editing:AllowSelfPublish) and when; null for seeded statements and drafts.</summary>
    public string? PublishedBy { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decision 0030). Its paragraphs are then hidden as drafts are.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    public PartialDate? When => PartialDate.FromColumns(Date, DatePrecision);
}

/// <summary>One paragraph of a statement: the unit researchers search, tag and cite.</summary>
public class Paragraph
{
    public int Id { get; set; }
    public int StatementId { get; set; }
    public Statement? Statement { get; set; }
    public int Sequence { get; set; }

    /// <summary>The paragraph's own label: "4", "15a", "I", "preamble-1".</summary>
    public required string Label { get; set; }

    /// <summary>True when the document gives the item no number or letter and the label is the portal's own.</summary>
    public bool LabelAddedByPortal { get; set; }
    public string? Section { get; set; }
    public required string Text { get; set; }
    public required string Location { get; set; }

    /// <summary>
    /// The statement's <see cref="Statement.IsDraft"/>, copied here so the query filter and search's SQL leave a draft's
    /// paragraphs out without a join. Written with the statement's, in the same save. True too while the statement is
    /// withdrawn (decision 0030): the flag means "not public", so search and every read leave them out unchanged.
    /// </summary>
    public bool IsDraft { get; set; }

    /// <summary>Year of the statement, copied here so search can filter and facet without a join.</summary>
    public int? Year { get; set; }
    public List<Theme> Themes { get; set; } = [];
    public List<Participant> Mentions { get; set; } = [];

    // Search facets, copied onto the paragraph so that one pass over a search's matches yields the total
    // and every facet (docs/decisions/0008). Kept by triggers in the database (SearchFacetColumns), never
    // written by the application: EF Core neither inserts nor updates them.

    /// <summary>Ids of <see cref="Themes"/>, sorted (GIN-indexed).</summary>
    public int[] ThemeIds { get; private set; } = [];

    /// <summary>Ids of <see cref="Mentions"/>, sorted (GIN-indexed).</summary>
    public int[] MemberIds { get; private set; } = [];

    /// <summary>Kind of the statement's meeting; null when the statement has no meeting.</summary>
    public MeetingKind? MeetingKind { get; private set; }

    /// <summary>Working group (mechanism) of the statement's meeting, if any.</summary>
    public int? MechanismId { get; private set; }
    /// <summary>The work-plan action items this paragraph asked for.</summary>
    public List<ActionItemParagraphLink> ItemLinks { get; set; } = [];

    /// <summary>Stored generated full-text vector over <see cref="Text"/> (GIN-indexed).</summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;

    /// <summary>The anchor used in permanent links: "p-15a".</summary>
    public string Anchor => AnchorFor(Label);

    public static string AnchorFor(string label) =>
        "p-" + string.Concat(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
