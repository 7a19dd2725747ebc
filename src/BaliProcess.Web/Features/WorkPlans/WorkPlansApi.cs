using System.ComponentModel;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.WorkPlans;

/// <summary>/api/v1/work-plans and /work-plans/{slug} (every item with its full history), read through <see cref="WorkPlanReads"/> as the pages are.</summary>
public static class WorkPlansApi
{
    public static RouteGroupBuilder MapWorkPlansApi(this RouteGroupBuilder api)
    {
        api.MapGet("/work-plans", ListAsync)
            .WithName("ListWorkPlans")
            .WithSummary("Work plans")
            .WithDescription("The working groups' forward work plans, newest first.");

        api.MapGet("/work-plans/{slug}", GetAsync)
            .WithName("GetWorkPlan")
            .WithSummary("A work plan with its items, current status and full history")
            .WithDescription("One work plan by slug: every action item (or those of one status) with its verbatim text, current status, the status cell as the source words it, themes, and the full status history, newest first.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiWorkPlan>>> ListAsync(PageParameters paging, WorkPlanReads service, CancellationToken ct) =>
        paging.Of((await service.ListAsync(ct)).Select(ApiMap.WorkPlan).ToList());

    private static Task<Results<ApiJsonResult<ApiWorkPlanDetail>, ApiNotFound>> GetAsync(
        string slug, WorkPlanParameters parameters, WorkPlanReads service, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "work plan", s => service.GetAsync(s, parameters.Status, ct), async plan =>
            new ApiJsonResult<ApiWorkPlanDetail>(ApiMap.WorkPlan(plan, await service.HistoriesAsync([.. plan.Items.Select(i => i.Id)], ct))));
}

/// <summary>The filter of a work plan's page.</summary>
public sealed record WorkPlanParameters(
    [Description("Only items with this current status: ForAction, Ongoing, Continuing or Complete.")] ActionItemStatus? Status = null)
    : IApiParameters<WorkPlanParameters>;
