using System.Globalization;
using System.Resources;
using BaliProcess.Data.Model;

namespace BaliProcess.Web.Components.Shared;

/// <summary>
/// What pages show for the model's values, in the page's language. <see cref="Labels"/> keeps the English words,
/// which are also data (the API, CSV files, the data package and citations use them as values and must not change
/// with a reader's language); pages write <c>Words.Of(kind)</c>, which looks the English words up in SharedText.
/// A test checks that every value of every enum has its Indonesian text.
/// </summary>
public static class Words
{
    private static readonly ResourceManager Shared = new(typeof(SharedText).FullName!, typeof(SharedText).Assembly);

    /// <summary>The page-language text of an English SharedText key (the key itself when none exists).</summary>
    public static string Text(string english) => Shared.GetString(english, CultureInfo.CurrentUICulture) ?? english;

    /// <summary>True when SharedText holds this English text (the model's words, the layout's).</summary>
    public static bool Has(string english) => Shared.GetString(english, CultureInfo.InvariantCulture) is not null;

    /// <summary>A SharedText key with placeholders, filled in the page's culture.</summary>
    public static string Format(string english, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Text(english), args);

    public static string Of(MeetingKind kind) => Text(Labels.Of(kind));

    public static string Of(ParticipantKind kind) => Text(Labels.Of(kind));

    public static string Of(AttendanceRole role) => Text(Labels.Of(role));

    public static string Of(ActionItemStatus status) => Text(Labels.Of(status));

    public static string Of(MechanismKind kind) => Text(Labels.Of(kind));

    public static string Of(StatementKind kind) => Text(Labels.Of(kind));

    /// <summary>
    /// A statement's kind as its own page titles it. Indonesian capitalises the forum's titles anyway, so the
    /// two English spellings ("Co-chairs'" and "Co-Chairs'") share one text (resource keys ignore case).
    /// </summary>
    public static string AsTitled(StatementKind kind) => kind == StatementKind.OutcomesSummary ? Text(Labels.AsTitled(kind)) : Text(Labels.Of(kind));

    public static string Of(MechanismRole role) => Text(Labels.Of(role));

    public static string Plural(MechanismRole role) => Text(Labels.Plural(role));

    public static string Of(ProgrammeKind kind) => Text(Labels.Of(kind));

    public static string Of(ProgrammePartRole role) => Text(Labels.Of(role));

    public static string Of(MechanismRelationKind kind, bool outgoing) => Text(Labels.Of(kind, outgoing));

    public static string Of(OutcomeDocumentKind kind) => Text(Labels.Of(kind));

    public static string Of(OutcomeAction action) => Text(Labels.Of(action));

    public static string Of(PersonRoleKind kind) => Text(Labels.Of(kind));

    public static string OfMediaType(string mediaType) => Text(Labels.OfMediaType(mediaType));

    /// <summary>Whether a meeting was virtual, as far as a document states it (the place is the document's).</summary>
    public static string Where(bool? isVirtual, string? place) => isVirtual switch
    {
        true => place is null ? Text("Virtual") : Format("Virtual ({0})", place),
        _ => place ?? Text("Not stated in the documents"),
    };

    public static string Dates(PartialDate? from, PartialDate? to) =>
        (from, to) switch
        {
            ({ } f, { } t) => Format(", {0} to {1}", f, t),
            ({ } f, null) => Format(", from {0}", f),
            (null, { } t) => Format(", until {0}", t),
            _ => string.Empty,
        };

    /// <summary>"paragraph 4", or "item [4]" when the label is the portal's (<see cref="Labels.ParagraphShort"/>).</summary>
    public static string ParagraphShort(string label, bool labelAddedByPortal) =>
        labelAddedByPortal ? Format("item [{0}]", label) : Format("paragraph {0}", label);

    /// <summary>How a page names a paragraph where a citation would (<see cref="Labels.ParagraphReference"/>).</summary>
    public static string ParagraphReference(string label, bool labelAddedByPortal, string location) =>
        labelAddedByPortal ? location : Format("paragraph {0}", label);

    private static readonly ResourceManager Themes = new(typeof(Features.Themes.ThemeNames).FullName!, typeof(SharedText).Assembly);

    /// <summary>A theme's name in the page's language, by its slug; the English name when none is written (a new theme).</summary>
    public static string Theme(string slug, string englishName) => Themes.GetString(slug, CultureInfo.CurrentUICulture) ?? englishName;

    /// <summary>A participant-count qualifier the documents use ("more than" 80), in the page's language.</summary>
    public static string Qualifier(string? qualifier) => qualifier is null ? "" : Text(qualifier);
}
