using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using BaliProcess.Web.Infrastructure.Languages;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// What an Indonesian page must not hold (decision 0042): an English interface word outside the documents' own
/// text (which carries lang="en"), or a link that leaves the reader's language. The English interface words are
/// the words of every English .resx text that no Indonesian text uses ("meeting", "the", "withdrawn"; not "API"),
/// so the check grows with the texts.
/// </summary>
public static partial class IndonesianPage
{
    private static readonly Lazy<HashSet<string>> EnglishInterfaceWords = new(LoadEnglishInterfaceWords);

    /// <summary>Attributes whose text a reader sees or hears (data-label heads a table cell on a phone).</summary>
    private static readonly string[] ReadAttributes = ["placeholder", "aria-label", "title", "alt", "data-label"];

    /// <summary>Each English interface word left, with the text around it ("members: … the members of …").</summary>
    public static IReadOnlyList<string> EnglishWordsLeft(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<string>();
        var words = EnglishInterfaceWords.Value;

        // A page's title, description and labelling attributes cannot mark a record's name as English: there,
        // a word the page shows inside lang="en" (the record's own words) is the record's, not the interface's.
        // So is what the reader typed (a search's words, shown again in its field and the title).
        var recordWords = document.QuerySelectorAll("[lang^=en]").Where(e => e != document.DocumentElement).Select(e => e.TextContent)
            .Concat(document.QuerySelectorAll("input[type=search][value], input[name=q][value]").Select(i => i.GetAttribute("value")!))
            .SelectMany(text => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()))
            .ToHashSet(StringComparer.Ordinal);

        void Check(string text, INode where, bool mayNameRecords = false)
        {
            foreach (Match m in WordPattern().Matches(text))
            {
                if (words.Contains(m.Value.ToLowerInvariant()) && !(mayNameRecords && recordWords.Contains(m.Value.ToLowerInvariant())))
                {
                    var start = Math.Max(0, m.Index - 30);
                    found.Add($"{m.Value}: …{text.Substring(start, Math.Min(text.Length - start, 80)).Trim()}… in <{(where as IElement ?? where.ParentElement)?.LocalName}>");
                }
            }
        }

        Check(document.Title ?? "", document.DocumentElement, mayNameRecords: true);
        if (document.QuerySelector("meta[name=description]")?.GetAttribute("content") is { } description)
        {
            Check(description, document.Head!, mayNameRecords: true);
        }

        foreach (var node in document.Body!.Descendants())
        {
            if (node is IText text && !InEnglishOrCode(text.ParentElement))
            {
                Check(text.Data, text);
            }
            else if (node is IElement element && !InEnglishOrCode(element))
            {
                foreach (var attribute in ReadAttributes)
                {
                    if (element.GetAttribute(attribute) is { } value)
                    {
                        Check(value, element, mayNameRecords: true);
                    }
                }

                if (element.LocalName == "input" && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { } label)
                {
                    Check(label, element);
                }
            }
        }

        return found;
    }

    /// <summary>Links and forms on the page that go to an English page (data addresses and other sites aside).</summary>
    public static IReadOnlyList<string> LinksLeavingTheLanguage(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var targets = document.QuerySelectorAll("a[href]").Where(a => a.GetAttribute("hreflang") is null).Select(a => a.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("form[action]").Select(f => f.GetAttribute("action")!));
        return [.. targets.Where(t => t.StartsWith('/') && !t.StartsWith("//", StringComparison.Ordinal))
            .Where(t => PortalLanguage.In(PortalLanguage.Indonesian, t) != t)];
    }

    /// <summary>The page is Indonesian throughout: its language, its words and its links.</summary>
    public static void AssertIndonesian(IDocument document, string url)
    {
        ArgumentNullException.ThrowIfNull(document);
        Assert.True(document.DocumentElement.GetAttribute("lang") == "id", $"{url}: <html lang> is {document.DocumentElement.GetAttribute("lang")}");
        var english = EnglishWordsLeft(document);
        Assert.True(english.Count == 0, $"{url}: English interface words left:\n{string.Join('\n', english.Take(40))}");
        var leaving = LinksLeavingTheLanguage(document);
        Assert.True(leaving.Count == 0, $"{url}: links to English pages:\n{string.Join('\n', leaving.Take(40))}");
    }

    /// <summary>
    /// Inside the documents' own words (the nearest lang attribute says English), or code the reader does not
    /// read as text (script, style, a code sample).
    /// </summary>
    private static bool InEnglishOrCode(IElement? element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "script" or "style" or "code" or "pre" or "template")
            {
                return true;
            }

            if (e.GetAttribute("lang") is { } lang)
            {
                return lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static HashSet<string> LoadEnglishInterfaceWords()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BaliProcess.sln")))
        {
            root = root.Parent;
        }

        var english = new HashSet<string>(StringComparer.Ordinal);
        var indonesian = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root!.FullName, "src"), "*.resx", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var into = file.EndsWith(".id.resx", StringComparison.Ordinal) ? indonesian : english;
            foreach (var value in XDocument.Load(file).Root!.Elements("data").Select(d => (string?)d.Element("value") ?? ""))
            {
                foreach (Match m in WordPattern().Matches(PlaceholderPattern().Replace(value, " ")))
                {
                    into.Add(m.Value.ToLowerInvariant());
                }
            }
        }

        english.ExceptWith(indonesian);
        english.RemoveWhere(w => w.Length < 2);
        return english;
    }

    /// <summary>
    /// A word of letters only: a run with a digit in it ("68be3cbe", "2024.txt" parts, a code) is an identifier, not
    /// a word a reader reads, and is skipped whole rather than split into letters that may spell "be".
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9'])[A-Za-z][A-Za-z']*(?![A-Za-z0-9'])")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex PlaceholderPattern();
}
