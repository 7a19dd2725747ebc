namespace BaliProcess.Web.Features.Themes;

/// <summary>The texts of Features/Themes in English and Bahasa Indonesia (ThemesText.resx, ThemesText.id.resx; decision 0042).</summary>
public sealed class ThemesText;
