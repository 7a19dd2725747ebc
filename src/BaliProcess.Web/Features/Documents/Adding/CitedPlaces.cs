using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Security;

namespace BaliProcess.Web.Features.Documents.Adding;

/// <summary>
/// The places a staff form cites (decision 0033): "paragraph 4" cites the document the form was opened from; a place
/// that begins with another source document's file name and a colon ("001_2f1693fd15a085f6.txt: Action item 3") cites
/// that document, since the seed's outcome documents and plans often cite a second document for one fact.
/// </summary>
public static class CitedPlaces
{
    public const int LocationMaxLength = 300;

    /// <summary>The citation a typed place makes, or null with a problem when it is blank, too long or unsafe.</summary>
    public static SourceReference? Cite(string? typed, string ownFile, IReadOnlyCollection<string> knownFiles, string what, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(knownFiles);
        problem = null;
        var text = typed?.Trim() ?? "";
        var document = ownFile;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && knownFiles.Contains(text[..colon].Trim()))
        {
            document = text[..colon].Trim();
            text = text[(colon + 1)..].Trim();
        }

        if (text.Length == 0)
        {
            problem = Text("Say where the document states the {0} (a paragraph, section or page).", Noun(what));
            return null;
        }

        if (text.Length > LocationMaxLength)
        {
            problem = Text("The place of the {0} has at most {1} characters.", Noun(what), LocationMaxLength);
            return null;
        }

        if (StaffText.Problem(text, Text("place of the {0}", Noun(what))) is { } unsafeText)
        {
            problem = unsafeText;
            return null;
        }

        return new SourceReference { Document = document, Location = text };
    }

    /// <summary>The texts of the Documents folder (DocumentsText) for this static helper: a whole sentence, its placeholders filled.</summary>
    private static string Text(string key, params object[] args) =>
        Texts.Format(key, args);

    /// <summary>A caller's noun ("facts", "plan") in the page's language; one the caller already translated stays as given.</summary>
    private static string Noun(string what) => Texts.Text(what);

    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<DocumentsText>();

    /// <summary>Non-empty lines, trimmed, each once.</summary>
    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>A short hash of what a check showed (line ends as a browser may send them, made equal): a save of anything else is refused.</summary>
    public static string Hash(IEnumerable<string?> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f",
            parts.Select(p => (p ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim())))))[..32];

    /// <summary>"statement-slug/10b", "statement-slug#10b" or "statement-slug 10b": a statement paragraph a record names.</summary>
    public static (string Statement, string Label)? ParagraphRef(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var at = t.LastIndexOfAny(['/', '#', ' ']);
        return at > 0 && at < t.Length - 1 ? (t[..at].Trim(), t[(at + 1)..].Trim()) : null;
    }

    /// <summary>Paragraph references separated by commas, semicolons or lines.</summary>
    public static List<string> References(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
}
