using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BaliProcess.Web.Features.Statements.Adding;

/// <summary>
/// One paragraph of a statement as <see cref="StatementSplitter"/> read it: its label ("4", "15a"), whether the
/// document gives that number or letter, its text, where it is (as seed-data/ writes a location) and its page.
/// </summary>
public sealed record SplitParagraph(string Label, bool LabelAddedByPortal, string Text, string Location, int? Page);

/// <summary>
/// Splits a statement's text into its paragraphs, numbered as the document numbers them (decision 0024). Pure: no
/// database, no clock; the review page and the save run it on the same text and get the same paragraphs.
///
/// What it reads, in the shapes the five source documents and PDF text extraction give:
/// * a paragraph is a block of lines between blank lines; its lines are joined with single spaces;
/// * a number opening a block ("4 Ministers…", "4. Ministers…", a "- " list dash before it) or standing alone on a
///   line before the block ("1" then the text) is the paragraph's number; inside a block only the next number
///   with a dot ("5. ") opens a paragraph, so a line that happens to start with "10 arrests" stays text;
/// * a letter ("a.", "a)", "(a)", "a.**") opens a sub-paragraph of the last numbered one: "15a", located at
///   "paragraph 15(a)", as seed-data/ stores the 2023 statement's 15 a–f;
/// * a bullet ("•", "▪", "", "-" alone) opens a sub-paragraph the document does not letter: the portal letters it
///   ("10a") and says so, as the 2017 statement's bullets are stored. Text extraction often loses the bullet glyph
///   (the 2017 statement's text has none): a block that begins with a small letter is then read as a bullet, and
///   inside such a bullet an indented line starting with a small letter after a short line (one that ended well
///   before the text's usual width) begins the next;
/// * a block with no number is a paragraph the document does not number: with no numbered paragraph in the text
///   the portal numbers them 1, 2, 3 (the 2017 statement), otherwise "intro-1" before the first number;
/// * a form feed (PDF page break) or a line "[page N]" moves to the next (or the named) page; with more than one
///   page each location ends with its page ("paragraph 4, page 2"), the page the paragraph begins on. A page break
///   alone does not end a paragraph (one that runs on over the page is one paragraph); a blank line does.
/// </summary>
public static partial class StatementSplitter
{
    /// <summary>The line the review form writes where a page begins (form feeds cannot be typed in a text box).</summary>
    public static string PageMarker(int page) => string.Create(CultureInfo.InvariantCulture, $"[page {page}]");

    /// <summary>The extracted text with each form feed replaced by a "[page N]" line, for the form's text box.</summary>
    public static string WithPageMarkers(string extracted)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        var pages = extracted.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\f');
        if (pages.Length == 1)
        {
            return pages[0];
        }

        // A blank line at the page break (the PDF reader writes one where the page ends a paragraph) stays before the
        // "[page N]" line; without one, the paragraph runs on over the page (decision 0036).
        var text = new StringBuilder();
        for (var i = 0; i < pages.Length; i++)
        {
            if (i > 0)
            {
                text.Append(EndsWithBlankLine(pages[i - 1]) || StartsWithBlankLine(pages[i]) ? "\n\n" : "\n");
            }

            text.Append(PageMarker(i + 1)).Append('\n').Append(pages[i].Trim('\n'));
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    public static IReadOnlyList<SplitParagraph> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var items = ReadItems(text, out var hasPages);
        return Label(items, hasPages);
    }

    private enum Marker
    {
        None,
        Number,
        Letter,
        Bullet,
    }

    private sealed class Item(Marker marker, string? value, int page)
    {
        public Marker Marker { get; } = marker;
        public string? Value { get; } = value;
        public int Page { get; } = page;
        public List<string> Lines { get; } = [];
    }

    private static List<Item> ReadItems(string text, out bool hasPages)
    {
        var items = new List<Item>();
        Item? current = null;
        string? pendingNumber = null;
        var page = 1;
        var lastNumber = 0;
        hasPages = false;
        var pages = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\f');
        var width = pages.SelectMany(p => p.Split('\n')).Select(l => l.TrimEnd().Length).DefaultIfEmpty(0).Max();
        var previousLength = 0;
        for (var p = 0; p < pages.Length; p++)
        {
            if (p > 0)
            {
                page++;
                hasPages = true;
            }

            foreach (var raw in pages[p].Split('\n'))
            {
                var line = Spaces().Replace(raw, " ").Trim();
                if (PageLine().Match(line) is { Success: true } pageLine)
                {
                    // Not a line of the document: the line before it is still the one before the next.
                    page = int.Parse(pageLine.Groups[1].Value, CultureInfo.InvariantCulture);
                    hasPages = true;
                    continue;
                }

                var afterShortLine = previousLength > 0 && previousLength < width * 0.75;
                previousLength = raw.TrimEnd().Length;

                if (line.Length == 0)
                {
                    current = null;
                    continue;
                }

                var atBlockStart = current is null;
                var listed = false;
                if (ListDash().Match(line) is { Success: true } dash)
                {
                    line = line[dash.Length..];
                    listed = true;
                }

                if ((atBlockStart || listed) && LoneNumber().Match(line) is { Success: true } lone)
                {
                    pendingNumber = lone.Groups[1].Value;
                    lastNumber = int.Parse(pendingNumber, CultureInfo.InvariantCulture);
                    current = null;
                    continue;
                }

                Item? opened = null;
                if (NumberWithDot().Match(line) is { Success: true } dotted
                    && (atBlockStart || listed || int.Parse(dotted.Groups[1].Value, CultureInfo.InvariantCulture) == lastNumber + 1))
                {
                    opened = new Item(Marker.Number, dotted.Groups[1].Value, page);
                    line = line[dotted.Length..];
                }
                else if ((atBlockStart || listed) && NumberWithoutDot().Match(line) is { Success: true } bare)
                {
                    opened = new Item(Marker.Number, bare.Groups[1].Value, page);
                    line = line[bare.Length..];
                }
                else if (LetterMarker().Match(line) is { Success: true } letter && (atBlockStart || listed || letter.Value.StartsWith('(')))
                {
                    opened = new Item(Marker.Letter, letter.Groups["l"].Value, page);
                    line = line[letter.Length..];
                }
                else if (Bullet().Match(line) is { Success: true } bullet)
                {
                    opened = new Item(Marker.Bullet, null, page);
                    line = line[bullet.Length..];
                }
                else if (current is null && line.Length > 0 && char.IsLower(line[0]) && items.Count > 0)
                {
                    // A bullet whose glyph the extraction lost: no paragraph begins with a small letter.
                    opened = new Item(Marker.Bullet, null, page);
                }
                else if (current is { Marker: Marker.Bullet } && afterShortLine && raw.Length > 0 && char.IsWhiteSpace(raw[0])
                         && line.Length > 0 && char.IsLower(line[0]))
                {
                    opened = new Item(Marker.Bullet, null, page);
                }
                else if (listed && current is null)
                {
                    // "- text": a list item with no number or letter is a bullet.
                    opened = new Item(Marker.Bullet, null, page);
                }
                else if (current is null)
                {
                    opened = pendingNumber is null ? new Item(Marker.None, null, page) : new Item(Marker.Number, pendingNumber, page);
                }

                if (opened is not null)
                {
                    if (opened.Marker == Marker.Number)
                    {
                        lastNumber = int.Parse(opened.Value!, CultureInfo.InvariantCulture);
                    }

                    pendingNumber = null;
                    current = opened;
                    items.Add(current);
                }

                // Bold marks a Markdown-like extraction leaves after a marker ("a.** Implement").
                line = line.TrimStart('*', ' ');
                if (line.Length > 0)
                {
                    current!.Lines.Add(line);
                }
            }

            // A page break by itself does not end the paragraph: only a blank line does (decision 0036).
        }

        items.RemoveAll(i => i.Lines.Count == 0);
        return items;
    }

    private static List<SplitParagraph> Label(List<Item> items, bool hasPages)
    {
        var anyNumbered = items.Exists(i => i.Marker == Marker.Number);
        var result = new List<SplitParagraph>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        string? parentLabel = null;
        string? parentLocation = null;
        var unnumbered = 0;
        var bullets = 0;
        foreach (var item in items)
        {
            var text = string.Join(' ', item.Lines);
            string label;
            string location;
            var added = false;
            switch (item.Marker)
            {
                case Marker.Number:
                    label = item.Value!;
                    location = $"paragraph {label}";
                    (parentLabel, parentLocation, bullets) = (label, location, 0);
                    break;
                case Marker.Letter when parentLabel is not null:
                    label = parentLabel + item.Value;
                    location = $"paragraph {parentLabel}({item.Value})";
                    break;
                case Marker.Letter:
                    label = item.Value!;
                    location = $"paragraph ({item.Value})";
                    break;
                case Marker.Bullet when parentLabel is not null:
                    bullets++;
                    label = parentLabel + BulletLetter(bullets);
                    location = string.Create(CultureInfo.InvariantCulture, $"{parentLocation}, bullet {bullets} (unlettered in the document)");
                    added = true;
                    break;
                default:
                    unnumbered++;
                    label = anyNumbered
                        ? string.Create(CultureInfo.InvariantCulture, $"intro-{unnumbered}")
                        : unnumbered.ToString(CultureInfo.InvariantCulture);
                    location = string.Create(CultureInfo.InvariantCulture, $"paragraph {label} (unnumbered in the document)");
                    added = true;
                    if (!anyNumbered)
                    {
                        (parentLabel, parentLocation, bullets) = (label, location, 0);
                    }

                    break;
            }

            // A label twice (a number the document repeats, or a misread) gets a suffix rather than a refused save.
            var unique = label;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{label}-{n}");
                added = true;
            }

            if (hasPages)
            {
                location += string.Create(CultureInfo.InvariantCulture, $", page {item.Page}");
            }

            result.Add(new SplitParagraph(unique, added, text, location, hasPages ? item.Page : null));
        }

        return result;
    }

    /// <summary>a … z, then aa, ab … (a list longer than the alphabet).</summary>
    private static string BulletLetter(int n) =>
        n <= 26 ? ((char)('a' + n - 1)).ToString() : BulletLetter(((n - 1) / 26)) + (char)('a' + ((n - 1) % 26));

    private static bool EndsWithBlankLine(string page) => BlankLineAtEnd().IsMatch(page);

    private static bool StartsWithBlankLine(string page) => BlankLineAtStart().IsMatch(page);

    [GeneratedRegex(@"\n[ \t]*\n[ \t\n]*$")]
    private static partial Regex BlankLineAtEnd();

    [GeneratedRegex(@"^[ \t]*\n")]
    private static partial Regex BlankLineAtStart();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\[page (\d{1,4})\]$")]
    private static partial Regex PageLine();

    [GeneratedRegex(@"^[-–]\s+")]
    private static partial Regex ListDash();

    [GeneratedRegex(@"^(\d{1,3})\.?$")]
    private static partial Regex LoneNumber();

    [GeneratedRegex(@"^(\d{1,3})\.\s+")]
    private static partial Regex NumberWithDot();

    [GeneratedRegex(@"^(\d{1,3})\s+(?=[\p{Lu}\p{Lt}“‘""'(])")]
    private static partial Regex NumberWithoutDot();

    [GeneratedRegex(@"^(?:\((?<l>[a-z])\)|(?<l>[a-z])[.)])\**\s+")]
    private static partial Regex LetterMarker();

    [GeneratedRegex(@"^[•▪◦●‣⁃\uF0B7\uF0A7]\s*")]
    private static partial Regex Bullet();
}
