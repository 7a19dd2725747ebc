using System.Globalization;
using System.Resources;

namespace BaliProcess.Web.Infrastructure.Languages;

/// <summary>
/// A resource pair read from static code (rules shared by a form and its service, validation attributes, API
/// problem texts), where no <c>IStringLocalizer</c> can be injected: the text of an English key in the current
/// UI culture, placeholders filled in the current culture (decision 0042).
/// </summary>
public sealed class InterfaceTexts(ResourceManager resources)
{
    /// <summary>The texts of the resource pair named by its marker class (<c>MeetingsText</c> and its .resx files).</summary>
    public static InterfaceTexts Of<TResource>() => new(new ResourceManager(typeof(TResource).FullName!, typeof(TResource).Assembly));

    /// <summary>The text in the current UI culture, or null when the pair has no such key.</summary>
    public string? Find(string english) => resources.GetString(english, CultureInfo.CurrentUICulture);

    /// <summary>The text in the current UI culture; the English key itself when the pair has none.</summary>
    public string Text(string english) => Find(english) ?? english;

    /// <summary><see cref="Text"/> with its placeholders filled in the current culture.</summary>
    public string Format(string english, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Text(english), args);
}
