using BaliProcess.Data.Model;
using BaliProcess.Web.Components;

namespace BaliProcess.Web.Features.Sources;

/// <summary>The source documents the record lists (<see cref="SourceReads"/>; a stub in component tests).</summary>
public interface ISourceDocumentList
{
    Task<IReadOnlyList<SourceSummary>> ListAsync(CancellationToken ct = default);
}

/// <summary>
/// How a source document is named to a reader (issue 19, docs/decisions/0022): by its title and issuer, linked to its
/// page on the portal, never by the file name that seed-data and the API use as its key. A reference to a file the
/// record does not list (for example one added later by other means) still shows that file's name, so nothing is lost.
/// </summary>
public sealed class SourceNames
{
    private readonly Dictionary<string, SourceSummary> byFile;

    public SourceNames(IEnumerable<SourceSummary> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        byFile = documents.GroupBy(d => d.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public static async Task<SourceNames> LoadAsync(ISourceDocumentList reads, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        return new SourceNames(await reads.ListAsync(ct));
    }

    public static Task<SourceNames> LoadAsync(IServiceProvider services, CancellationToken ct = default) =>
        LoadAsync(services.GetRequiredService<ISourceDocumentList>(), ct);

    /// <summary>The document a reference names, or null when the record does not list that file.</summary>
    public SourceSummary? Of(string file) => byFile.GetValueOrDefault(file);

    /// <summary>The document's title, or the file name when the record does not list it.</summary>
    public string TitleOf(string file) => Of(file)?.Title ?? file;

    /// <summary>The portal's page of the document, or null.</summary>
    public string? UrlOf(string file) => Of(file) is { } d ? PortalRoutes.Source(d.Slug) : null;

    /// <summary>"issuer, April 2024": who issued the document and when, as far as the record says.</summary>
    public static string? IssuedBy(SourceSummary document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var parts = new[] { document.Publisher, document.Published?.ToString() }.Where(p => !string.IsNullOrWhiteSpace(p));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? null : text;
    }

    /// <summary>One line of plain text: "Title, issuer, April 2024, paragraph 4" (CSV cells, citation notes).</summary>
    public string Text(SourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Text(reference.Document, reference.Location);
    }

    public string Text(string file, string? location)
    {
        var document = Of(file);
        var name = document is null ? file : IssuedBy(document) is { } issued ? $"{document.Title}, {issued}" : document.Title;
        return string.IsNullOrWhiteSpace(location) ? name : $"{name}, {location}";
    }
}
