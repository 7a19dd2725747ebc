using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.WorkingGroups;

/// <summary>/api/v1/working-groups and /working-groups/{slug}, read through <see cref="WorkingGroupReads"/> as the pages are.</summary>
public static class WorkingGroupsApi
{
    public static RouteGroupBuilder MapWorkingGroupsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/working-groups", ListAsync)
            .WithName("ListWorkingGroups")
            .WithSummary("Working groups and mechanisms")
            .WithDescription("The working groups (isWorkingGroup) and the other mechanisms: Ad Hoc Group, Steering Group, Regional Support Office, Government and Business Forum, ...");

        api.MapGet("/working-groups/{slug}", GetAsync)
            .WithName("GetWorkingGroup")
            .WithSummary("A working group or mechanism")
            .WithDescription("One working group or mechanism by slug, with its mandate, co-chairs over time, meetings and work plans.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiMechanism>>> ListAsync(PageParameters paging, WorkingGroupReads directory, CancellationToken ct) =>
        paging.Of((await directory.ListAsync(ct)).Select(ApiMap.Mechanism).ToList());

    private static Task<Results<ApiJsonResult<ApiMechanismDetail>, ApiNotFound>> GetAsync(string slug, WorkingGroupReads directory, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "working group or mechanism", s => directory.GetAsync(s, ct), ApiMap.Mechanism);
}
