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
}

/// <summary>A statement, summary, strategy or member's perspective, split into its paragraphs.</summary>
public class Statement : ISourced
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public StatementKind Kind { get; set; }
    public required string Title { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public DateOnly? Date { get; set; }
    public DatePrecision? DatePrecision { get; set; }

    /// <summary>The member whose perspective this is; null for other kinds.</summary>
    public int? AuthorId { get; set; }
    public Participant? Author { get; set; }
    public List<Paragraph> Paragraphs { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

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
    public string? Section { get; set; }
    public required string Text { get; set; }
    public required string Location { get; set; }

    /// <summary>Year of the statement, copied here so search can filter and facet without a join.</summary>
    public int? Year { get; set; }
    public List<Theme> Themes { get; set; } = [];
    public List<Participant> Mentions { get; set; } = [];

    /// <summary>The work-plan action items this paragraph asked for.</summary>
    public List<ActionItemParagraphLink> ItemLinks { get; set; } = [];

    /// <summary>Stored generated full-text vector over <see cref="Text"/> (GIN-indexed).</summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;

    /// <summary>The anchor used in permanent links: "p-15a".</summary>
    public string Anchor => AnchorFor(Label);

    public static string AnchorFor(string label) =>
        "p-" + string.Concat(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
