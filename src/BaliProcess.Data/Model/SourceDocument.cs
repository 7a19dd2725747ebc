namespace BaliProcess.Data.Model;

/// <summary>
/// A document the knowledge base is drawn from: one of the five seeded files, or one the secretariat added in the
/// portal (with its original file, <see cref="File"/>). <see cref="FileName"/> is what every record's sources cite.
/// </summary>
public class SourceDocument : IWithdrawable
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string FileName { get; set; }
    public required string Title { get; set; }

    /// <summary>The issuing body, as the document names it.</summary>
    public string? Publisher { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DatePrecision? PublishedPrecision { get; set; }
    public string? Description { get; set; }

    /// <summary>The public address of the original (http or https), when there is one.</summary>
    public string? OriginalUrl { get; set; }

    /// <summary>Seed (sources.json) or Staff (added in the portal; a seed load never touches it).</summary>
    public RecordOrigin Origin { get; set; }

    /// <summary>
    /// Added by staff and not yet published: a query filter hides it from every read that does not ask for drafts
    /// (<c>IgnoreQueryFilters</c>), so no public page, API, download or sitemap can show it by forgetting to check.
    /// </summary>
    public bool IsDraft { get; set; }

    /// <summary>The original file and its text, for documents added in the portal (null for seeded ones).</summary>
    public SourceDocumentFile? File { get; set; }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decision 0030).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    public PartialDate? Published => PartialDate.FromColumns(PublishedOn, PublishedPrecision);
}

/// <summary>
/// The original file of a source document added in the portal, kept in PostgreSQL (so every instance and every
/// backup has it), with the text extracted from it, its SHA-256 (one document per file: the same bytes twice are
/// refused) and who added and published it when.
/// </summary>
public class SourceDocumentFile
{
    public int SourceDocumentId { get; set; }
    public SourceDocument? Document { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>application/pdf, the DOCX type, or text/plain, decided from the bytes (never the name or the browser's word).</summary>
    public required string MediaType { get; set; }

    /// <summary>The name the file had when it was uploaded (the download's name).</summary>
    public required string OriginalFileName { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex of the SHA-256 of <see cref="Content"/>; unique.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The text extracted from the file (pages of a PDF separated by form feeds).</summary>
    public required string Text { get; set; }

    /// <summary>Pages of a PDF; null for DOCX and text.</summary>
    public int? PageCount { get; set; }

    public required string AddedByUserId { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? PublishedByUserId { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A place where the documents disagree; every value is kept with its source.</summary>
public class Disagreement : ISourced, IStaffAddedRecord, IWithdrawable
{
    public int Id { get; set; }

    /// <summary>What it is about: "meeting:&lt;slug&gt;", "mechanism:&lt;slug&gt;", ... or "general".</summary>
    public required string Subject { get; set; }
    public required string Field { get; set; }
    public required string Description { get; set; }
    public List<DisagreeingValue> Values { get; set; } = [];

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

    public List<SourceReference> Sources => [.. Values.Select(v => v.Source)];

    /// <summary>The subject's kind ("meeting") and slug, so pages can show the note beside the record.</summary>
    public (string Kind, string? Slug) SubjectParts()
    {
        var colon = Subject.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (Subject, null) : (Subject[..colon], Subject[(colon + 1)..]);
    }

    /// <summary>When it was withdrawn (UTC) and why; null while it stands (decisions 0030, 0039).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}

public class DisagreeingValue
{
    public required string Value { get; set; }
    public required SourceReference Source { get; set; }
}
