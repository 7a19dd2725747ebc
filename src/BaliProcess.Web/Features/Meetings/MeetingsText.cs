using System.Globalization;
using System.Resources;

namespace BaliProcess.Web.Features.Meetings;

/// <summary>
/// The texts of the meetings pages, their editor and its messages (MeetingsText.resx, MeetingsText.id.resx). Pages
/// use <c>IStringLocalizer&lt;MeetingsText&gt;</c>; the editor's messages use <see cref="Say"/>.
/// </summary>
public sealed class MeetingsText
{
    private static readonly ResourceManager Texts = new(typeof(MeetingsText).FullName!, typeof(MeetingsText).Assembly);

    /// <summary>The text of an English key in the current UI culture, its placeholders filled in the current culture.</summary>
    public static string Say(string english, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Texts.GetString(english, CultureInfo.CurrentUICulture) ?? english, args);
}
