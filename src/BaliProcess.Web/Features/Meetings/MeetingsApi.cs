using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.Meetings;

/// <summary>/api/v1/meetings (the list of the /meetings page, with its filters) and /meetings/{slug}, read through <see cref="MeetingReads"/>.</summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings", ListAsync)
            .WithName("ListMeetings")
            .WithSummary("Meetings")
            .WithDescription("Ministerial conferences, senior officials' meetings, working-group meetings, workshops and forums, newest first, with the filters of the /meetings page.");

        api.MapGet("/meetings/{slug}", GetAsync)
            .WithName("GetMeeting")
            .WithSummary("A meeting")
            .WithDescription("One meeting by slug, with its dates at their precision, place, hosts and co-chairs, attendance, the participant numbers the documents report, and what came out of it.");
        return api;
    }

    private static async Task<ApiJsonResult<ApiPage<ApiMeeting>>> ListAsync(
        MeetingListParameters parameters, PageParameters paging, MeetingReads directory, CancellationToken ct)
    {
        var filter = new MeetingFilter(parameters.Kind, parameters.From, parameters.To, QueryText.Clean(parameters.Group), QueryText.Clean(parameters.Place), paging.Page, paging.PageSize);
        var result = await directory.ListAsync(filter, ct);
        // The page clamps a page past the end to the last one; the API answers it as empty instead.
        List<ApiMeeting> items = paging.Page > result.TotalPages ? [] : [.. result.Rows.Select(ApiMap.Meeting)];
        return paging.Of(items, result.Total);
    }

    private static Task<Results<ApiJsonResult<ApiMeetingDetail>, ApiNotFound>> GetAsync(string slug, MeetingReads directory, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "meeting", s => directory.GetAsync(s, ct), ApiMap.Meeting);
}

/// <summary>The filters of the /meetings page.</summary>
public sealed record MeetingListParameters(
    [Description("MinisterialConference, AdHocGroupSeniorOfficialsMeeting, SteeringGroupMeeting, WorkingGroupMeeting, ExpertsGroupMeeting, Workshop, Forum, Symposium, GovernmentAndBusinessForum, ForeignMinistersMeeting or Event. Without it, events are left out (as on the page).")] MeetingKind? Kind = null,
    [Description("First year, 1900–2100."), Range(1900, 2100)] int? From = null,
    [Description("Last year, 1900–2100."), Range(1900, 2100)] int? To = null,
    [Description("A working group's or mechanism's slug.")] string? Group = null,
    [Description("Part of the place's name; \"virtual\" finds virtual meetings.")] string? Place = null)
    : IApiParameters<MeetingListParameters>;
