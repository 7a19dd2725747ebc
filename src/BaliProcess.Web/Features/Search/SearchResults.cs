using BaliProcess.Data.Model;
using Microsoft.AspNetCore.Components;

namespace BaliProcess.Web.Features.Search;

/// <summary>What the search page shows for one request.</summary>
public sealed record SearchResults(
    SearchCriteria Criteria,
    SearchMode Mode,
    int Page,
    int PageSize,
    int Total,
    IReadOnlyList<ParagraphHit> Hits,
    SearchFacets Facets,
    IReadOnlyList<WorkPlanHit> WorkPlanItems,
    IReadOnlyList<RecordHit> Records,
    IReadOnlyList<AppliedFilter> Filters,
    IReadOnlyList<string> Notes,
    SearchHelp? Help)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>True when the page asked for lies past the last page of results.</summary>
    public bool PastTheEnd => Total > 0 && Page > PageCount;
}

public enum SearchMode
{
    /// <summary>No words and no filters: the page shows the form and what to try.</summary>
    Empty,

    /// <summary>Words (and perhaps filters): results ranked by relevance, words highlighted.</summary>
    Query,

    /// <summary>Filters alone (a theme, a year, ...): every paragraph they select, newest first.</summary>
    Browse,
}

public sealed record ThemeChip(string Slug, string Name);

/// <summary>A paragraph on the page of results; <see cref="Snippet"/> marks matches with the highlighter's markers.</summary>
public sealed record ParagraphHit(
    int Id, string StatementSlug, string StatementTitle, string? MeetingTitle, int? Year, string Label, string Snippet,
    IReadOnlyList<ThemeChip> Themes, bool LabelAddedByPortal = false)
{
    public string Anchor => Paragraph.AnchorFor(Label);
}

public sealed record WorkPlanHit(string WorkPlanSlug, string WorkPlanTitle, string Number, string Snippet, ActionItemStatus Status);

/// <summary>One value of a facet: its URL value, what people read, and how many results it leads to.</summary>
public sealed record FacetValue(string Value, string Label, int Count);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Themes,
    IReadOnlyList<FacetValue> Years,
    IReadOnlyList<FacetValue> Kinds,
    IReadOnlyList<FacetValue> Groups,
    IReadOnlyList<FacetValue> Members)
{
    public static SearchFacets None { get; } = new([], [], [], [], []);
}

/// <summary>A filter in force, with the link that removes it.</summary>
public sealed record AppliedFilter(string What, string Label, string RemoveLink);

/// <summary>What to try next when nothing was found.</summary>
public sealed record SearchHelp(
    bool OnlyStopWords,
    string? DidYouMean,
    IReadOnlyList<string> CloseWords,
    string? AnyWordQuery);

/// <summary>Turns highlighted text into safe HTML: the text is encoded, only the markers become &lt;mark&gt;.</summary>
public static class Highlight
{
    /// <summary>Private-use characters that cannot occur in a query or a paragraph (both are cleaned of them).</summary>
    public const char Start = '\uE000';
    public const char Stop = '\uE001';

    /// <summary>ts_headline options: the markers above, and one or two passages of about 20–50 words.</summary>
    public const string SnippetOptions = "StartSel=\uE000, StopSel=\uE001, MaxWords=50, MinWords=20, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>ts_headline options for a whole paragraph with every match marked (the statement page).</summary>
    public const string WholeTextOptions = "StartSel=\uE000, StopSel=\uE001, HighlightAll=true";

    public static MarkupString ToHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new System.Text.StringBuilder(text.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != Start && text[i] != Stop)
            {
                continue;
            }

            sb.Append(System.Net.WebUtility.HtmlEncode(text[start..i]));
            if (i < text.Length)
            {
                if (text[i] == Start && !open)
                {
                    sb.Append("<mark>");
                    open = true;
                }
                else if (text[i] == Stop && open)
                {
                    sb.Append("</mark>");
                    open = false;
                }
            }

            start = i + 1;
        }

        if (open)
        {
            sb.Append("</mark>");
        }

        return new MarkupString(sb.ToString());
    }

    /// <summary>The words that were marked, for tests and for screen-reader summaries.</summary>
    public static IEnumerable<string> MarkedWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = 0;
        while ((from = text.IndexOf(Start, from)) >= 0)
        {
            var to = text.IndexOf(Stop, from);
            if (to < 0)
            {
                yield break;
            }

            yield return text[(from + 1)..to];
            from = to + 1;
        }
    }
}
