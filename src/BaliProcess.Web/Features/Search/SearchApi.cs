using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.OpenData;

namespace BaliProcess.Web.Features.Search;

/// <summary>/api/v1/search: the /search page's parameters and results, through the same <see cref="SearchService"/>.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        // The search page's budget, shared with it (the API's own budget is five times larger, for reads that
        // cost one cached lookup; a search with new words costs real work, whichever door it comes through).
        api.MapGet("/search", SearchAsync)
            .RequireRateLimiting(Infrastructure.SearchRateLimit.Policy)
            .WithName("Search")
            .WithSummary("Search statement paragraphs")
            .WithDescription("The same parameters as the /search page and the same results, totals and facet counts. Words go through PostgreSQL's websearch_to_tsquery; an unknown theme, group or member is left out with a note, as on the page.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiSearchResults>> SearchAsync(
        SearchParameters parameters, SearchService search, OpenDataLookups lookups, CancellationToken ct)
    {
        var request = new SearchRequest(
            parameters.Q, parameters.Theme, parameters.Year?.ToString(CultureInfo.InvariantCulture), parameters.Kind,
            parameters.Group, parameters.Member, parameters.Page.ToString(CultureInfo.InvariantCulture));
        var results = await search.SearchAsync(request, ct);
        var sources = await lookups.ParagraphSourcesAsync(results.Hits.Select(h => h.Id), ct);
        return new ApiJsonResult<ApiSearchResults>(ApiMap.Search(results, sources), new PageLinks(results.Page, results.PageCount));
    }
}

/// <summary>The parameters of the /search page.</summary>
public sealed record SearchParameters(
    [Description("Words to find (up to 200 characters): \"a phrase\" in quotes, or between words, -word to leave one out.")] string? Q = null,
    [Description("A theme's slug."), Slug] string? Theme = null,
    [Description("A year, 1900–2100."), Range(1900, 2100)] int? Year = null,
    [Description("A meeting kind as in the page's URLs, e.g. ministerial-conference."), MeetingKindSlug] string? Kind = null,
    [Description("A working group's slug."), Slug] string? Group = null,
    [Description("The slug of a member, observer or body the paragraph mentions.")] [Slug] string? Member = null,
    [Description("Page number, 1–1000 (20 results a page, as on the search page)."), Range(1, SearchInput.MaxPage)] int Page = 1,
    [Description("Results a page: always 20, as on the search page."), SearchPageSize] int? PageSize = null)
    : IApiParameters<SearchParameters>;

/// <summary>A meeting kind as the search page's URLs write it (ministerial-conference), in any case.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class MeetingKindSlugAttribute() : AllowedValuesAttribute([.. Enum.GetValues<MeetingKind>().Select(k => (object?)MeetingKinds.ToSlug(k))]), IApiParameterMessage
{
    /// <summary>{2}: a few of the kinds, as examples (the message's words are an OpenDataText key).</summary>
    public string BadValueMessage => "must be a meeting kind such as {2}; “{0}” is not.";

    /// <summary>The first three kinds' slugs, the examples the message gives.</summary>
    public static string Examples { get; } = string.Join(", ", Enum.GetValues<MeetingKind>().Take(3).Select(MeetingKinds.ToSlug));
}

/// <summary>The search page's size, the only one search answers in; the parameter is taken only to say so.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SearchPageSizeAttribute() : AllowedValuesAttribute(SearchService.PageSize), IApiParameterMessage
{
    public string BadValueMessage => "search pages hold {1} results, as on the search page.";
}
