namespace BaliProcess.Data.Seeding;

// Checks of the links from work-plan items to the statement paragraphs that asked for them.
public sealed partial class SeedValidator
{
    private void AskedFor(ILocated at, string field, List<AskedForJson>? links)
    {
        var paragraphs = set.Statements
            .Where(s => s.Item.Slug is not null)
            .GroupBy(s => s.Item.Slug!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(s => s.Item.Paragraphs ?? []).Select(p => p.Label).OfType<string>().ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
        foreach (var (link, i) in (links ?? []).Select((l, i) => (l, i)))
        {
            var place = $"{field}[{i}]";
            if (Required(at, $"{place}.statement", link.Statement) && Required(at, $"{place}.paragraph", link.Paragraph))
            {
                if (!paragraphs.TryGetValue(link.Statement!, out var labels))
                {
                    Problem(at, $"{place}.statement refers to statement '{link.Statement}', which is not in statements/");
                }
                else if (!labels.Contains(link.Paragraph!))
                {
                    Problem(at, $"{place}.paragraph '{link.Paragraph}' is not a paragraph label of statement '{link.Statement}'");
                }
            }

            // The document that makes the link explicit must be named: a link is a fact like any other. A link staff
            // set (in an export, decision 0031) names who set it instead.
            Source(at, $"{place}.source", link.Source, required: link.Origin is null);
        }

        Unique(at, $"{field}[]", (links ?? []).Select(l => $"{l.Statement}#{l.Paragraph}"));
    }
}
