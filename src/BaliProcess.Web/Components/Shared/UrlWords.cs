using System.Text.RegularExpressions;

namespace BaliProcess.Web.Components.Shared;

/// <summary>
/// The model's enum values as the addresses of pages and downloads write them: the words the pages use, in
/// lower case joined by hyphens ("ministerial-conference", "for-action"), never the code's names
/// ("MinisterialConference", "ForAction"). Reading accepts both, ignoring case and hyphens, so an address
/// written before the change still finds its list (and <see cref="Infrastructure.LegacyEnumQueryRedirect"/>
/// moves it permanently to the new form).
/// </summary>
public static partial class UrlWords
{
    public static string Of<T>(T value) where T : struct, Enum =>
        UpperCase().Replace(value.ToString(), "-$1").TrimStart('-').ToLowerInvariant();

    /// <summary>The value a query-string word names, or null for anything else (a number, a list, an unknown word).</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        var bare = text.Replace("-", "", StringComparison.Ordinal);
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), bare, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A code name written as a word ("MinisterialConference" to "ministerial-conference"); other text unchanged.</summary>
    public static string FromCodeName(string text) =>
        CodeName().IsMatch(text) ? UpperCase().Replace(text, "-$1").TrimStart('-').ToLowerInvariant() : text;

    /// <summary>Whether a value is written as the code writes it (a capital, then letters only).</summary>
    public static bool IsCodeName(string text) => CodeName().IsMatch(text);

    [GeneratedRegex("([A-Z])")]
    private static partial Regex UpperCase();

    [GeneratedRegex("^[A-Z][A-Za-z]*$")]
    private static partial Regex CodeName();
}
