using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BaliProcess.Web.Features.WorkPlans.FromDocument;

/// <summary>One item of a work plan as <see cref="WorkPlanItemSplitter"/> read it: its number (the document's, or the portal's when <see cref="NumberAddedByPortal"/>), its text and its place.</summary>
public sealed record SplitItem(string Number, bool NumberAddedByPortal, string Text, string Location);

/// <summary>
/// Splits a work plan's items pasted as text into numbered items (decision 0033), as <c>StatementSplitter</c> splits a
/// statement (0024). Pure: the review page and the save run it on the same text and get the same items. An item begins
/// * after a blank line;
/// * at a number the document gives ("3.", "3)", "3a.", "(3)"): the item keeps it;
/// * at a bullet ("•", "▪", "-", "*", the PDF symbol-font bullet U+F0B7);
/// * at an indented line: text extraction often loses the bullet glyph and leaves its space (003's list of priorities),
///   while the lines an item wraps onto start at the margin.
/// The lines of an item are joined with single spaces. Items without a number are numbered 1, 2, 3 by the portal (and
/// say so), each located at "bullet N (unlettered in the document)" after the place given for the list, as seed-data/
/// locates the 2017–19 plan's items; a numbered item is located at "item N".
/// </summary>
public static partial class WorkPlanItemSplitter
{
    public static IReadOnlyList<SplitItem> Split(string? text, string? listLocation)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var blocks = new List<(string? Number, StringBuilder Text)>();
        var startNew = true;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Trim().Length == 0)
            {
                startNew = true;
                continue;
            }

            var line = raw.TrimEnd();
            var marker = Marker().Match(line);
            var indented = char.IsWhiteSpace(line[0]);
            if (marker.Success || indented || startNew)
            {
                var number = marker.Success && marker.Groups["number"].Success ? marker.Groups["number"].Value : null;
                blocks.Add((number, new StringBuilder()));
                line = marker.Success ? line[marker.Length..] : line;
                startNew = false;
            }

            var current = blocks[^1].Text;
            var words = Spaces().Replace(line.Trim(), " ");
            if (words.Length > 0)
            {
                current.Append(current.Length == 0 ? "" : " ").Append(words);
            }
        }

        var place = string.IsNullOrWhiteSpace(listLocation) ? "" : listLocation.Trim() + ", ";
        var items = new List<SplitItem>();
        var bullet = 0;
        foreach (var (number, body) in blocks.Where(b => b.Text.Length > 0))
        {
            bullet++;
            items.Add(number is null
                ? new SplitItem(bullet.ToString(CultureInfo.InvariantCulture), true, body.ToString(), $"{place}bullet {bullet} (unlettered in the document)")
                : new SplitItem(number, false, body.ToString(), $"{place}item {number}"));
        }

        return items;
    }

    // A number the document gives ("3.", "3)", "(3)", "12a.") or a bullet, with the spaces after it.
    [GeneratedRegex(@"^\s*(?:\(?(?<number>\d{1,3}[a-z]?)[.)]\s+|[•▪◦‣*\-\uF0B7\u2022\u25AA]\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
