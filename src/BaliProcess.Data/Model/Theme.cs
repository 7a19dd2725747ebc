namespace BaliProcess.Data.Model;

/// <summary>
/// A theme of the taxonomy: the Adelaide Strategy's eight areas of cooperation (the official vocabulary)
/// and the cross-cutting themes, each under a parent grouping.
/// </summary>
public class Theme
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int? ParentId { get; set; }
    public Theme? Parent { get; set; }
    public List<Theme> Children { get; set; } = [];

    /// <summary>1–8 for the Adelaide Strategy's areas of cooperation, otherwise null.</summary>
    public int? AdelaideArea { get; set; }

    public List<Paragraph> Paragraphs { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];
}
