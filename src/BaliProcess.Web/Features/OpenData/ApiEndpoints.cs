using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Documents;
using BaliProcess.Web.Features.Meetings;
using BaliProcess.Web.Features.Participants;
using BaliProcess.Web.Features.Programmes;
using BaliProcess.Web.Features.Timeline;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Features.WorkingGroups;
using BaliProcess.Web.Features.WorkPlans;
using BaliProcess.Web.Features.Changes;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// The read-only JSON API, /api/v1: one group with what every operation shares (CORS, the rate limit, the
/// 400 for bad parameters), and one endpoint group per resource, each in its feature's folder next to the
/// page that shows the same records (for example <see cref="MeetingsApi"/> beside the meetings pages).
/// Every list calls the same feature-service method with the same filter object as its page, so the API
/// and the page cannot disagree.
/// </summary>
public static class ApiEndpoints
{
    public static RouteGroupBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(PortalRoutes.ApiPrefix)
            .RequireCors(OpenDataSetup.CorsPolicy)
            .RequireRateLimiting(OpenDataSetup.RateLimitPolicy)
            .WithTags("Open data")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AddEndpointFilterFactory(ApiParameterBinder.RejectBadParameters)
            .AddEndpointFilter(Corrections.WithdrawnApiRecords.FilterAsync)
            // Messages follow Accept-Language (decision 0042): every answer says so, errors and uncached ones too.
            .AddEndpointFilter((invocation, next) =>
            {
                OpenDataWords.VaryByLanguage(invocation.HttpContext.Response);
                return next(invocation);
            });

        api.MapParticipantsApi();
        api.MapMeetingsApi();
        api.MapWorkingGroupsApi();
        api.MapWorkPlansApi();
        api.MapStatementsApi();
        api.MapThemesApi();
        api.MapSearchApi();
        api.MapSourcesApi();
        api.MapDocumentsApi();
        api.MapChangesApi();
        api.MapProgrammesApi();
        api.MapTimelineEventsApi();

        // Anything else under /api answers in the API's own terms, not with the HTML "page not found".
        app.MapGet("/api/{**rest}", (HttpContext http) =>
            {
                OpenDataWords.VaryByLanguage(http.Response);
                return ApiProblems.NoSuchResource();
            })
            .RequireCors(OpenDataSetup.CorsPolicy)
            .ExcludeFromDescription();

        return api;
    }
}
