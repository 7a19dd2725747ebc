using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;

namespace BaliProcess.Web.Features.Search;

/// <summary>The query string of /search exactly as it arrived: every value is untrusted text.</summary>
public sealed record SearchRequest(
    string? Q = null, string? Theme = null, string? Year = null, string? Kind = null, string? Group = null, string? Member = null, string? Page = null);

/// <summary>
/// A search after clean-up: a query PostgreSQL accepts, filters that are well-formed (not yet known to
/// exist) and a page number. Also what goes into the links of the results page, so every view is a URL.
/// </summary>
public sealed record SearchCriteria(string Query, string? Theme, int? Year, MeetingKind? Kind, string? Group, string? Member)
{
    public bool HasQuery => Query.Length > 0;

    public bool HasFilters => Theme is not null || Year is not null || Kind is not null || Group is not null || Member is not null;

    /// <summary>The /search address of these criteria at a page (1 is left out, so links stay short).</summary>
    public string Link(int page = 1) =>
        PortalRoutes.SearchFor(Query, Theme, Year, Kind is { } k ? MeetingKinds.ToSlug(k) : null, Group, Member, page);
}

/// <summary>Turns any query string into <see cref="SearchCriteria"/> without throwing, noting what it changed.</summary>
public static partial class SearchInput
{
    /// <summary>The longest query searched; the form says so and longer input is cut here.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Pages beyond this are not served (20,000 results at 20 a page is past any real use).</summary>
    public const int MaxPage = 1000;

    public static (SearchCriteria Criteria, int Page, IReadOnlyList<string> Notes) Parse(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notes = new List<string>();

        var query = CleanQuery(request.Q, out var wasCut);
        if (wasCut)
        {
            notes.Add(SearchWords.Format("Your search was longer than {0} characters; only the first {0} were used.", MaxQueryLength));
        }

        var theme = Slug(request.Theme, "theme", notes);
        var group = Slug(request.Group, "working group", notes);
        var member = Slug(request.Member, "member", notes);

        int? year = null;
        var yearText = CleanText(request.Year);
        if (yearText.Length > 0)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100)
            {
                year = y;
            }
            else
            {
                notes.Add(SearchWords.Format("“{0}” is not a year, so the year filter was left out.", Cut(yearText, 20)));
            }
        }

        MeetingKind? kind = null;
        var kindText = CleanText(request.Kind);
        if (kindText.Length > 0)
        {
            if (MeetingKinds.TryParseSlug(kindText, out var k))
            {
                kind = k;
            }
            else
            {
                notes.Add(SearchWords.Format("There is no meeting kind “{0}”, so that filter was left out.", Cut(kindText, 40)));
            }
        }

        var page = 1;
        var pageText = CleanText(request.Page);
        if (pageText.Length > 0)
        {
            if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)
            {
                page = pageText.Length > 0 && pageText.All(char.IsAsciiDigit) ? MaxPage : 1;
            }

            page = Math.Min(page, MaxPage);
        }

        return (new SearchCriteria(query, theme, year, kind, group, member), page, notes);
    }

    /// <summary>Search words PostgreSQL will take, at most <see cref="MaxQueryLength"/> characters.</summary>
    public static string CleanQuery(string? raw, out bool wasCut)
    {
        var query = CleanText(raw);
        wasCut = query.Length > MaxQueryLength;
        return wasCut ? Cut(query, MaxQueryLength).TrimEnd() : query;
    }

    /// <summary>
    /// Text PostgreSQL will take: no control characters (it rejects NUL in text), no unpaired surrogates
    /// (not valid UTF-8), no private-use characters (the highlighter's markers), whitespace collapsed.
    /// </summary>
    public static string CleanText(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var sb = new StringBuilder(Math.Min(raw.Length, 4 * MaxQueryLength));
        var lastWasSpace = true;
        for (var i = 0; i < raw.Length && sb.Length < 4 * MaxQueryLength; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                sb.Append(c).Append(raw[++i]);
                lastWasSpace = false;
            }
            else if (char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.PrivateUse or UnicodeCategory.Format)
            {
                // Dropped: unpaired halves, the highlighter's private-use markers, invisible format characters.
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                    lastWasSpace = true;
                }
            }
            else
            {
                sb.Append(c);
                lastWasSpace = false;
            }
        }

        return sb.ToString().Trim();
    }

    private static string? Slug(string? raw, string what, List<string> notes)
    {
        var text = CleanText(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (SlugPattern().IsMatch(text))
        {
            return text;
        }

        notes.Add(SearchWords.Format(what switch
        {
            "theme" => "There is no theme “{0}”, so that filter was left out.",
            "working group" => "There is no working group “{0}”, so that filter was left out.",
            _ => "There is no member “{0}”, so that filter was left out.",
        }, Cut(text, 40)));
        return null;
    }

    /// <summary>The first <paramref name="max"/> characters, never splitting a surrogate pair.</summary>
    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        return char.IsHighSurrogate(text[max - 1]) ? text[..(max - 1)] : text[..max];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}

/// <summary>Meeting kinds as people read them and as they appear in URLs ("ministerial-conference").</summary>
public static partial class MeetingKinds
{
    public static string Label(MeetingKind kind) => BaliProcess.Web.Components.Shared.Labels.Of(kind);

    public static string ToSlug(MeetingKind kind) => BaliProcess.Web.Components.Shared.UrlWords.Of(kind);

    public static bool TryParseSlug(string slug, out MeetingKind kind)
    {
        foreach (var candidate in Enum.GetValues<MeetingKind>())
        {
            if (string.Equals(ToSlug(candidate), slug, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
