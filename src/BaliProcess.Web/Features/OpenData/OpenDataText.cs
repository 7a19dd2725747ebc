using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>The texts of Features/OpenData in English and Bahasa Indonesia (OpenDataText.resx, OpenDataText.id.resx; decision 0042).</summary>
public sealed class OpenDataText;

/// <summary>
/// The API's messages (problem details' titles and details) in the language the client asked for with
/// Accept-Language (the UI culture; LanguageSetup keeps the formatting culture English, so the data stays as it is).
/// Parameter names, values and codes inside a message are the API's and stay as they are.
/// </summary>
public static class OpenDataWords
{
    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<OpenDataText>();

    public static string Text(string english) => Texts.Text(english);

    /// <summary>A message with its values filled in invariantly (numbers and names as the API writes them).</summary>
    public static string Format(string english, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Text(english), args);

    /// <summary>An answer whose words follow Accept-Language says so, for caches (the cache policy adds it to stored ones too).</summary>
    public static void VaryByLanguage(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var vary = response.Headers.Vary.ToString();
        if (!vary.Contains(HeaderNames.AcceptLanguage, StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        }
    }
}
