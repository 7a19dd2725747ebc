namespace BaliProcess.Data.Model;

/// <summary>
/// A word that occurs in the statement paragraphs, with the number of paragraphs it occurs in. Read from
/// the materialised view <c>search_terms</c> (refreshed by the seed loader) so that search can suggest
/// the nearest real words, by trigram similarity, when a query finds nothing.
/// </summary>
public sealed class SearchTerm
{
    public required string Word { get; set; }

    public int Documents { get; set; }
}
