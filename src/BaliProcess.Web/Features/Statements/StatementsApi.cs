using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.Statements;

/// <summary>/api/v1/statements and /statements/{slug} (every paragraph verbatim), read through <see cref="StatementReads"/> as the pages are.</summary>
public static class StatementsApi
{
    public static RouteGroupBuilder MapStatementsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/statements", ListAsync)
            .WithName("ListStatements")
            .WithSummary("Statements")
            .WithDescription("Co-chairs' statements and summaries, outcomes, the Adelaide Strategy and members' perspectives, newest first.");

        api.MapGet("/statements/{slug}", GetAsync)
            .WithName("GetStatement")
            .WithSummary("A statement with its paragraphs")
            .WithDescription("One statement by slug, with every paragraph verbatim, its label, themes, the participants it mentions, its permanent link and its source place.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiStatement>>> ListAsync(PageParameters paging, StatementReads library, CancellationToken ct) =>
        paging.Of((await library.ListAsync(ct)).Select(ApiMap.Statement).ToList());

    private static Task<Results<ApiJsonResult<ApiStatementDetail>, ApiNotFound>> GetAsync(string slug, StatementReads library, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "statement", s => library.GetAsync(s, null, ct), ApiMap.Statement);
}
