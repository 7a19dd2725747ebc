using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.OpenData;

namespace BaliProcess.Web.Features.Changes;

/// <summary>/api/v1/changes: every change published in the portal (status changes and revisions), with the filters of the /changes page, read through <see cref="ChangeReads"/>.</summary>
public static class ChangesApi
{
    public static RouteGroupBuilder MapChangesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", ListAsync)
            .WithName("ListChanges")
            .WithSummary("Recent changes")
            .WithDescription("Changes published in the portal, newest first (at most the newest 500): work-plan items' status changes (`type` status) and revisions of records of every kind (`type` revision: who, when, why, and the fields before and after). Optionally of one kind of record (`kind`; status changes are of kind `work-plan-item`), of one working group's work plans and their items (`workingGroup`, a mechanism slug), and recorded between `from` and `to` (UTC days, yyyy-MM-dd, both included). The first entry of a seeded item is the source document's record, not a change: see a work plan's item history.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiChange>>> ListAsync(ChangeListParameters parameters, PageParameters paging, ChangeReads changes, CancellationToken ct)
    {
        // The same filter and service as /changes; the API reads the newest ChangeReads.MaxLimit changes.
        var entries = await changes.RecentAsync(new ChangeFilter(parameters.WorkingGroup, parameters.From, parameters.To, Limit: ChangeReads.MaxLimit, Kind: parameters.Kind?.ToLowerInvariant()), ct);
        return paging.Of(entries.Select(ApiMap.Change).ToList());
    }
}

/// <summary>The filters of the /changes page.</summary>
public sealed record ChangeListParameters(
    [Description("A working group's (mechanism's) slug."), Slug] string? WorkingGroup = null,
    [Description("First UTC day recorded, yyyy-MM-dd.")] DateOnly? From = null,
    [Description("Last UTC day recorded, yyyy-MM-dd.")] DateOnly? To = null,
    [Description("A kind of record (status changes are of kind work-plan-item).")]
    [AllowedValues(RecordRevisionKinds.Statement, RecordRevisionKinds.Meeting, RecordRevisionKinds.Source, RecordRevisionKinds.WorkPlan, RecordRevisionKinds.WorkPlanItem,
        RecordRevisionKinds.Participant, RecordRevisionKinds.Mechanism, RecordRevisionKinds.Person, RecordRevisionKinds.Document, RecordRevisionKinds.Theme)]
    string? Kind = null)
    : IApiParameters<ChangeListParameters>;
