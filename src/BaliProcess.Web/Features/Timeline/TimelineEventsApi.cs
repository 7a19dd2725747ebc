using BaliProcess.Web.Components;
using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.Timeline;

/// <summary>
/// /api/v1/timeline-events and /timeline-events/{slug} (decision 0040): the dated events that are not meetings (decision
/// 0035), read through <see cref="TimelineReads"/> as their pages are, so a draft is in neither.
/// </summary>
public static class TimelineEventsApi
{
    public static RouteGroupBuilder MapTimelineEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/" + PortalRoutes.TimelineEventsData, ListAsync)
            .WithName("ListTimelineEvents")
            .WithSummary("Timeline events")
            .WithDescription("Dated events that are not meetings (a launch, a signing, an appointment), as the documents staff added state them, in slug order. Meetings are under /meetings.");

        api.MapGet("/" + PortalRoutes.TimelineEventsData + "/{slug}", GetAsync)
            .WithName("GetTimelineEvent")
            .WithSummary("A timeline event")
            .WithDescription("One dated event that is not a meeting, by slug, with its summary in the document's words and its sources.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiTimelineEvent>>> ListAsync(PageParameters paging, TimelineReads timeline, CancellationToken ct) =>
        paging.Of((await timeline.EventsAsync(ct)).Select(ApiMap.TimelineEvent).ToList());

    private static Task<Results<ApiJsonResult<ApiTimelineEvent>, ApiNotFound>> GetAsync(string slug, TimelineReads timeline, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "timeline event", s => timeline.EventAsync(s, ct), ApiMap.TimelineEvent);
}
