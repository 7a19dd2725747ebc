using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BaliProcess.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace BaliProcess.Web.Features.Changes;

/// <summary>
/// Words the portal puts around a record's own words ("Item {0} of {1}", "Added in the portal by {0} on {1}…"): the
/// English format (a ChangesText key) and the record's words that fill it. <see cref="ToString"/> is the English
/// sentence, which the API and the downloads keep as data; pages show it in their language (<see cref="ChangeWords.Html"/>),
/// with the record's words marked lang="en".
/// </summary>
public sealed record Phrase(string Format, params object[] Args)
{
    /// <summary>An argument for a moment the record does not hold.</summary>
    public static readonly object UnrecordedDate = new Unrecorded();

    /// <summary>The English sentence (dates invariant, "7 December 2026 14:05 UTC").</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, Format, [.. Args.Select(a => ChangeWords.Arg(a, CultureInfo.InvariantCulture, english: true))]);

    private sealed class Unrecorded;

    internal static bool IsUnrecorded(object? arg) => arg is Unrecorded;
}

/// <summary>The portal's words of Features/Changes in the page's language (ChangesText), for pages, feeds and services.</summary>
public static partial class ChangeWords
{
    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<ChangesText>();

    /// <summary>The page-language text of an English ChangesText key (the key itself when none exists).</summary>
    public static string Text(string english) => Texts.Text(english);

    public static string Format(string english, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Text(english), args);

    /// <summary>A phrase in the page's language, as plain text (a feed, a title).</summary>
    public static string Plain(Phrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return string.Format(CultureInfo.CurrentCulture, Text(phrase.Format), [.. phrase.Args.Select(a => Arg(a, CultureInfo.CurrentCulture, english: false))]);
    }

    /// <summary>One argument of a phrase as text: a moment in the culture's words, anything else as written.</summary>
    internal static string Arg(object? arg, CultureInfo culture, bool english) => arg switch
    {
        DateTimeOffset at => at.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", culture),
        _ when Phrase.IsUnrecorded(arg) => english ? "an unrecorded date" : Text("an unrecorded date"),
        _ => Convert.ToString(arg, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A phrase in the page's language, the record's words in &lt;span lang="en"&gt;.</summary>
    public static MarkupString Html(Phrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var format = Text(phrase.Format);
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in Placeholder().Matches(format))
        {
            html.Append(WebUtility.HtmlEncode(format[at..m.Index]));
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var arg = n < phrase.Args.Length ? phrase.Args[n] : "";
            var text = WebUtility.HtmlEncode(Arg(arg, CultureInfo.CurrentCulture, english: false));
            // The record's words as written; a moment is the portal's (its month in the page's language).
            html.Append(arg is string words && !IsLabel(words) ? $"<span lang=\"en\">{text}</span>" : text);
            at = m.Index + m.Length;
        }

        html.Append(WebUtility.HtmlEncode(format[at..]));
        return new MarkupString(html.ToString());
    }

    /// <summary>A record's title in the page's language: its own words as written, or the portal's words around them.</summary>
    public static MarkupString Title(RecordRef record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TitlePhrase is { } p ? Html(p) : Html(new Phrase("{0}", record.Title));
    }

    /// <summary>A record's title as plain text in the page's language.</summary>
    public static string PlainTitle(RecordRef record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TitlePhrase is { } p ? Plain(p) : record.Title;
    }

    /// <summary>A kind of record ("statement", "work-plan item"), in the page's language.</summary>
    public static string Kind(string kind) => Text(HistoryKinds.LabelOf(kind));

    /// <summary>What changed, in a few words, in the page's language (<see cref="ChangeEntry.WhatChanged"/> is the English).</summary>
    public static string WhatChanged(ChangeEntry change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Status is { } s)
        {
            return s.From is { } f
                ? Format("{0} → {1}, effective {2}", Words.Of(f), Words.Of(s.To), s.Effective)
                : Format("{0}, effective {1}", Words.Of(s.To), s.Effective);
        }

        return Summary(change.Fields, change.NewRecord);
    }

    /// <summary><see cref="FieldDiff.Summary"/> in the page's language (field names are the record's, as written).</summary>
    public static string Summary(IReadOnlyList<FieldChange> changes, bool newRecord, int named = 3)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (newRecord)
        {
            return Text("new record");
        }

        if (changes.Count == 0)
        {
            return Text("no field changed");
        }

        var names = string.Join(", ", changes.Select(c => c.Field).Take(named));
        var more = changes.Count - Math.Min(named, changes.Count);
        return more switch
        {
            0 => Format("changed {0}", names),
            1 => Format("changed {0} and 1 more field", names),
            _ => Format("changed {0} and {1} more fields", names, more),
        };
    }

    /// <summary>A moment as the change pages show it: "7 December 2026 14:05 UTC", month in the page's language.</summary>
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.CurrentCulture);

    /// <summary>A number or label ("3", "15a", "1.2"): no words to mark as English.</summary>
    private static bool IsLabel(string text) => text.Length <= 12 && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
