using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.Themes;

/// <summary>/api/v1/themes, /themes/{slug} and /themes/{slug}/paragraphs, read through <see cref="ThemeReads"/> as the pages are.</summary>
public static class ThemesApi
{
    public static RouteGroupBuilder MapThemesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/themes", ListAsync)
            .WithName("ListThemes")
            .WithSummary("Themes")
            .WithDescription("The theme taxonomy: the Adelaide Strategy's eight areas of cooperation and the cross-cutting themes, with paragraph and work-plan item counts.");

        api.MapGet("/themes/{slug}", GetAsync)
            .WithName("GetTheme")
            .WithSummary("A theme")
            .WithDescription("One theme by slug, with its parent and sub-themes, tagged paragraphs per year and its work-plan items.");

        api.MapGet("/themes/{slug}/paragraphs", ListParagraphsAsync)
            .WithName("ListThemeParagraphs")
            .WithSummary("A theme's paragraphs")
            .WithDescription("The statement paragraphs tagged with a theme, newest first, as on the theme's page.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiTheme>>> ListAsync(PageParameters paging, ThemeReads catalogue, CancellationToken ct) =>
        paging.Of((await catalogue.ListAsync(ct)).Select(ApiMap.Theme).ToList());

    private static Task<Results<ApiJsonResult<ApiThemeDetail>, ApiNotFound>> GetAsync(string slug, ThemeReads catalogue, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "theme", s => catalogue.GetAsync(s, ct), ApiMap.Theme);

    private static Task<Results<ApiJsonResult<ApiPage<ApiThemeParagraph>>, ApiNotFound>> ListParagraphsAsync(
        string slug, PageParameters paging, ThemeReads catalogue, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "theme", s => catalogue.GetAsync(s, ct), t => Task.FromResult(paging.Of(t.Paragraphs.Select(ApiMap.ThemeParagraph).ToList())));
}
