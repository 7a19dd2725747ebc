using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace BaliProcess.Web.Components.Shared;

/// <summary>
/// A name as the documents write it, placed in a translated sentence: it is written inside an element with
/// lang="en" (a link when <see cref="Href"/> is given), so that an Indonesian page marks the documents' own words.
/// </summary>
public readonly record struct InEnglish(string Text, string? Href = null)
{
    public override string ToString() => Href is null
        ? $"<span lang=\"en\">{WebUtility.HtmlEncode(Text)}</span>"
        : $"<a href=\"{WebUtility.HtmlEncode(Href)}\" lang=\"en\">{WebUtility.HtmlEncode(Text)}</a>";

    /// <summary>
    /// The page-language text of <paramref name="key"/> with its placeholders filled: an <see cref="InEnglish"/>
    /// argument as marked-up English words, any other argument as plain text (encoded, formatted in the page's culture).
    /// </summary>
    public static MarkupString Sentence(IStringLocalizer localizer, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(args);
        var template = WebUtility.HtmlEncode(localizer[key].Value);
        var filled = args.Select(a => a switch
        {
            InEnglish e => e.ToString(),
            null => "",
            IFormattable f => WebUtility.HtmlEncode(f.ToString(null, CultureInfo.CurrentCulture)),
            _ => WebUtility.HtmlEncode(a.ToString() ?? ""),
        }).ToArray<object?>();
        return new MarkupString(string.Format(CultureInfo.CurrentCulture, template, filled));
    }
}
