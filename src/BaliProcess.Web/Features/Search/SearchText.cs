using BaliProcess.Web.Infrastructure.Languages;
namespace BaliProcess.Web.Features.Search;

/// <summary>The texts of Features/Search in English and Bahasa Indonesia (SearchText.resx, SearchText.id.resx; decision 0042).</summary>
public sealed class SearchText;

/// <summary>
/// SearchText in the request's language for the search service's notes (they are kept with the results, which the
/// record cache keeps per language). Pages use <c>IStringLocalizer&lt;SearchText&gt;</c>.
/// </summary>
internal static class SearchWords
{
    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<SearchText>();

    public static string Text(string english) => Texts.Text(english);

    public static string Format(string english, params object?[] args) => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text(english), args);
}
