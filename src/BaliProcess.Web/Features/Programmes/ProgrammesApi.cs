using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.Programmes;

/// <summary>
/// /api/v1/programmes and /programmes/{slug}, read through <see cref="ProgrammeReads"/> as the mechanism pages and
/// profiles are (decision 0038). Programmes have no page of their own: each record's url is the page that lists it.
/// </summary>
public static class ProgrammesApi
{
    public static RouteGroupBuilder MapProgrammesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes", ListAsync)
            .WithName("ListProgrammes")
            .WithSummary("Programmes, national plans, bodies, laws and initiatives")
            .WithDescription("Programmes, courses, workshops, trainings, pilots and joint periods of action, and members' national plans, bodies, laws and initiatives, as the documents state them, in slug order.");

        api.MapGet("/programmes/{slug}", GetAsync)
            .WithName("GetProgramme")
            .WithSummary("A programme")
            .WithDescription("One programme, course, period of action, or national plan, body, law or initiative by slug, with the documents' words and who takes part.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiProgramme>>> ListAsync(PageParameters paging, ProgrammeReads programmes, CancellationToken ct) =>
        paging.Of((await programmes.ListAsync(ct)).Select(ApiMap.Programme).ToList());

    private static Task<Results<ApiJsonResult<ApiProgramme>, ApiNotFound>> GetAsync(string slug, ProgrammeReads programmes, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "programme", s => programmes.GetAsync(s, ct), ApiMap.Programme);
}
