using System.Globalization;
using System.Resources;

namespace BaliProcess.Web.Features.Themes;

/// <summary>
/// The themes' names in each language, keyed by the theme's slug (ThemeNames.resx holds the English names as
/// seed-data/themes.json gives them, ThemeNames.id.resx the Indonesian), and their descriptions under
/// "slug.description". Themes are the portal's own words, so they are translated and findable by their
/// Indonesian names (decision 0042).
/// </summary>
public sealed class ThemeNames
{
    private static readonly ResourceManager Resources = new(typeof(ThemeNames).FullName!, typeof(ThemeNames).Assembly);

    /// <summary>A theme's description in the page's language; the English (the record's) when none is written.</summary>
    public static string? Description(string slug, string? english) =>
        english is null ? null : Resources.GetString(slug + ".description", CultureInfo.CurrentUICulture) ?? english;

    /// <summary>A theme's name in a given language (null when none is written).</summary>
    public static string? Name(string slug, CultureInfo culture) => Resources.GetString(slug, culture);
}

