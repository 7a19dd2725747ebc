namespace BaliProcess.Web.Features.Themes;

/// <summary>
/// The themes' names in each language, keyed by the theme's slug (ThemeNames.resx holds the English names as
/// seed-data/themes.json gives them, ThemeNames.id.resx the Indonesian). Themes are the portal's own words, so
/// they are translated and findable by their Indonesian names (decision 0042).
/// </summary>
public sealed class ThemeNames;
