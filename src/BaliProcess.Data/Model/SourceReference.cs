namespace BaliProcess.Data.Model;

/// <summary>Where a fact comes from: a source document (by file name) and a place in it.</summary>
public sealed class SourceReference
{
    /// <summary>The source document's file name, e.g. "004_14e3ad4cbde5a5fa.txt".</summary>
    public required string Document { get; set; }

    /// <summary>Paragraph, section or page heading, e.g. "paragraph 4" or "Attachment A, VI".</summary>
    public required string Location { get; set; }

    public override string ToString() => $"{Document}, {Location}";
}

/// <summary>A record that can show "Source: ..." beside itself.</summary>
public interface ISourced
{
    List<SourceReference> Sources { get; }
}
