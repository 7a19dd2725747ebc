using System.ComponentModel;
using BaliProcess.Web.Features.OpenData;

namespace BaliProcess.Web.Features.WorkPlans.Changes;

/// <summary>/api/v1/changes: the secretariat's recorded status changes, with the filters of the /changes page, read through <see cref="ChangeReads"/>.</summary>
public static class ChangesApi
{
    public static RouteGroupBuilder MapChangesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", ListAsync)
            .WithName("ListChanges")
            .WithSummary("Recent status changes")
            .WithDescription("Status changes recorded by the secretariat in the portal, newest first (at most the newest 500), optionally of one working group (`workingGroup`, a mechanism slug) and recorded between `from` and `to` (UTC days, yyyy-MM-dd, both included). The first entry of a seeded item is the source document's record, not a change: see a work plan's item history.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiChange>>> ListAsync(ChangeListParameters parameters, PageParameters paging, ChangeReads changes, CancellationToken ct)
    {
        // The same filter and service as /changes; the API reads the newest ChangeReads.MaxLimit changes.
        var entries = await changes.RecentAsync(new ChangeFilter(parameters.WorkingGroup, parameters.From, parameters.To, Limit: ChangeReads.MaxLimit), ct);
        return paging.Of(entries.Select(ApiMap.Change).ToList());
    }
}

/// <summary>The filters of the /changes page.</summary>
public sealed record ChangeListParameters(
    [Description("A working group's (mechanism's) slug."), Slug] string? WorkingGroup = null,
    [Description("First UTC day recorded, yyyy-MM-dd.")] DateOnly? From = null,
    [Description("Last UTC day recorded, yyyy-MM-dd.")] DateOnly? To = null)
    : IApiParameters<ChangeListParameters>;
