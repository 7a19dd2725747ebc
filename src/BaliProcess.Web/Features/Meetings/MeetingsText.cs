using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;

namespace BaliProcess.Web.Features.Meetings;

/// <summary>
/// The texts of the meetings pages, their editor and its messages (MeetingsText.resx, MeetingsText.id.resx). Pages
/// use <c>IStringLocalizer&lt;MeetingsText&gt;</c>; the editor's messages use <see cref="Say"/>.
/// </summary>
public sealed class MeetingsText
{
    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<MeetingsText>();

    /// <summary>The text of an English key in the current UI culture, its placeholders filled in the current culture.</summary>
    public static string Say(string english, params object?[] args) =>
        Texts.Format(english, args);
}
