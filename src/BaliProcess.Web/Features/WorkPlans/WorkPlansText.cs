using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;

namespace BaliProcess.Web.Features.WorkPlans;

/// <summary>
/// The texts of the work-plan pages, the status editor and the editors' messages (WorkPlansText.resx,
/// WorkPlansText.id.resx). Pages and services use <c>IStringLocalizer&lt;WorkPlansText&gt;</c>; the static rules
/// the form and the service share (<see cref="Editing.StatusChangeRules"/>) use <see cref="Say"/>.
/// </summary>
public sealed class WorkPlansText
{
    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<WorkPlansText>();

    /// <summary>The text of an English key in the current UI culture, its placeholders filled in the current culture.</summary>
    public static string Say(string english, params object?[] args) =>
        Texts.Format(english, args);
}
