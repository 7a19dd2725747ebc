using System.Globalization;
using System.Text;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Infrastructure.Languages;

namespace BaliProcess.Web.Features.Search;

/// <summary>
/// A search whose words are a theme's name, in English or in Indonesian ("online scams", "penipuan daring",
/// "Menelusuri aliran dana"), or nearly (a slip of a letter or two, no accents, other case or punctuation).
/// The documents are in English, so Indonesian words find no paragraph by their text; the themes are the
/// portal's words in both languages (decision 0042), so a researcher who types a theme's name is shown that
/// theme: its paragraphs when the words find none, and a link to them otherwise.
/// </summary>
public static class ThemeQuery
{
    /// <summary>The theme the query names, or null. Quotes, case, accents and punctuation do not count.</summary>
    public static ThemeSummary? Match(string? query, IReadOnlyList<ThemeSummary> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var words = Normalise(query);
        if (words.Length < 3)
        {
            return null;
        }

        ThemeSummary? best = null;
        var bestDistance = int.MaxValue;
        foreach (var theme in themes)
        {
            foreach (var name in NamesOf(theme))
            {
                var distance = Distance(words, name);
                // Near-exact: one slip in a short name, about one in eight letters in a longer one.
                if (distance <= Math.Max(1, name.Length / 8) && distance < bestDistance)
                {
                    (best, bestDistance) = (theme, distance);
                }
            }
        }

        return best;
    }

    /// <summary>A theme's names, normalised: English (the record's and the resource's), Indonesian, and each without its "(…)".</summary>
    private static IEnumerable<string> NamesOf(ThemeSummary theme)
    {
        string?[] names = [theme.Name, ThemeNames.Name(theme.Slug, PortalLanguage.EnglishCulture), ThemeNames.Name(theme.Slug, PortalLanguage.IndonesianCulture)];
        foreach (var name in names.OfType<string>())
        {
            yield return Normalise(name);
            if (name.IndexOf(" (", StringComparison.Ordinal) is var paren and > 0)
            {
                yield return Normalise(name[..paren]);
            }
        }
    }

    /// <summary>Lower case, letters and digits only, one space between words, accents removed.</summary>
    internal static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Levenshtein distance (names are short: at most a few dozen letters).</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
