namespace BaliProcess.Data.Model;

/// <summary>One of the five documents the knowledge base is drawn from.</summary>
public class SourceDocument
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string FileName { get; set; }
    public required string Title { get; set; }
    public string? Publisher { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DatePrecision? PublishedPrecision { get; set; }
    public string? Description { get; set; }

    public PartialDate? Published => PartialDate.FromColumns(PublishedOn, PublishedPrecision);
}

/// <summary>A place where the documents disagree; every value is kept with its source.</summary>
public class Disagreement : ISourced
{
    public int Id { get; set; }

    /// <summary>What it is about: "meeting:&lt;slug&gt;", "mechanism:&lt;slug&gt;", ... or "general".</summary>
    public required string Subject { get; set; }
    public required string Field { get; set; }
    public required string Description { get; set; }
    public List<DisagreeingValue> Values { get; set; } = [];

    public List<SourceReference> Sources => [.. Values.Select(v => v.Source)];

    /// <summary>The subject's kind ("meeting") and slug, so pages can show the note beside the record.</summary>
    public (string Kind, string? Slug) SubjectParts()
    {
        var colon = Subject.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (Subject, null) : (Subject[..colon], Subject[(colon + 1)..]);
    }
}

public class DisagreeingValue
{
    public required string Value { get; set; }
    public required SourceReference Source { get; set; }
}
