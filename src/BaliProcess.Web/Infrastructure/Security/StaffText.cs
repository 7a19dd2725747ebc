using System.Globalization;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// What staff may type into the record (notes, titles, item text, account names): any Unicode text except control
/// characters, which XML (the Atom feeds, the sitemap), CSV readers and log lines cannot carry safely. Multi-line
/// fields keep line breaks and tabs. Such text is refused with a message naming the character, not silently
/// stripped: the history is append-only and attributed, so what is stored must be exactly what the person saw
/// and confirmed (docs/decisions/0020). A vertical tab pasted from a word processor is the usual case.
/// </summary>
public static class StaffText
{
    /// <summary>Null when <paramref name="text"/> may be stored; otherwise a plain message for the field.</summary>
    public static string? Problem(string? text, string fieldName, bool multiline = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsRefused(c, multiline))
            {
                // Shown to the person who typed it, in their page's language; the field's name is the form's.
                var position = (i + 1).ToString(CultureInfo.CurrentCulture);
                return char.IsSurrogate(c)
                    ? Components.Shared.Words.Format("The {0} contains a broken character at character {1}, which cannot be stored; it usually comes from pasting. Remove it (retype the text around it) and save again.", fieldName, position)
                    : Components.Shared.Words.Format("The {0} contains an invisible control character (U+{1}) at character {2}, which cannot be stored; it usually comes from pasting. Remove it (retype the text around it) and save again.",
                        fieldName, ((int)c).ToString("X4", CultureInfo.InvariantCulture), position);
            }
        }

        return null;
    }

    /// <summary>
    /// A form's label as the field's name inside the sentences above, which name it mid-sentence ("Title" → "title",
    /// "Judul" → "judul"): the label's own text in the page's language, its first letter lower case.
    /// </summary>
    public static string Field(string label) =>
        string.IsNullOrEmpty(label) ? label ?? "" : char.ToLower(label[0], CultureInfo.CurrentCulture) + label[1..];

    private static bool IsRefused(char c, bool multiline) =>
        c switch
        {
            '\n' or '\r' or '\t' => !multiline,
            '\uFFFE' or '\uFFFF' => true,
            _ => char.IsControl(c) || char.IsSurrogate(c),
        };
}
