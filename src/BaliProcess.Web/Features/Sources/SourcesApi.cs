using BaliProcess.Web.Features.OpenData;

namespace BaliProcess.Web.Features.Sources;

/// <summary>/api/v1/sources: the five source documents, read through <see cref="SourceReads"/> as the /sources page is.</summary>
public static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sources", ListAsync)
            .WithName("ListSources")
            .WithSummary("Source documents")
            .WithDescription("The five documents every record is drawn from; each record's sources name one of these files.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiSourceDocument>>> ListAsync(PageParameters paging, SourceReads directory, CancellationToken ct) =>
        paging.Of((await directory.ListAsync(ct)).Select(ApiMap.SourceDocument).ToList());
}
