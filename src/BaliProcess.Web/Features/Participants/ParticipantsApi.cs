using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.Participants;

/// <summary>
/// /api/v1/members, /observers and /other-bodies (the lists of the /members, /observers and /participants
/// pages, with their filters) and /participants/{slug} (a profile), read through <see cref="ParticipantReads"/> as the pages are.
/// </summary>
public static class ParticipantsApi
{
    public static RouteGroupBuilder MapParticipantsApi(this RouteGroupBuilder api)
    {
        MapList(api, "members", "Members", MembershipStatus.Member,
            "The 49 members of the Bali Process (governments and international organisations), with the filters of the /members page.");
        MapList(api, "observers", "Observers", MembershipStatus.Observer,
            "The observer states, bodies and organisations, with the filters of the /observers page.");
        MapList(api, "other-bodies", "Other bodies", null,
            "Organisations the documents name that are neither members nor observers, with the filters of the /participants page.");

        api.MapGet("/participants/{slug}", GetAsync)
            .WithName("GetParticipant")
            .WithSummary("A member, observer or other body")
            .WithDescription("One participant by slug, with its membership history (dates at their precision), co-chair roles, the meetings it attended and the paragraphs that mention it.");
        return api;
    }

    private static void MapList(RouteGroupBuilder api, string path, string title, MembershipStatus? status, string description) =>
        api.MapGet("/" + path, (ParticipantListParameters parameters, PageParameters paging, ParticipantReads directory, CancellationToken ct) =>
                ListAsync(status, parameters, paging, directory, ct))
            .WithName("List" + title.Replace(" ", "", StringComparison.Ordinal))
            .WithSummary(title)
            .WithDescription(description + " Names as the documents write them (\"Türkiye\", \"Viet Nam\"), with every other spelling the documents use; the portal's own search names are in portalAliases.");

    private static async Task<ApiJsonResult<ApiPage<ApiParticipant>>> ListAsync(
        MembershipStatus? status, ParticipantListParameters parameters, PageParameters paging, ParticipantReads directory, CancellationToken ct)
    {
        var filter = new ParticipantFilter(QueryText.Clean(parameters.Name), parameters.Kind, QueryText.Clean(parameters.Region), parameters.Sort);
        var rows = await directory.ListAsync(status, filter, ct);
        return paging.Of(rows.Select(r => ApiMap.Participant(r, status)).ToList());
    }

    private static Task<Results<ApiJsonResult<ApiParticipantDetail>, ApiNotFound>> GetAsync(string slug, ParticipantReads directory, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "member, observer or other body", s => directory.GetAsync(s, ct), ApiMap.Participant);
}

/// <summary>The filters of a participant list, as on the /members, /observers and /participants pages.</summary>
public sealed record ParticipantListParameters(
    [Description("Part of the name or of any other spelling the documents use, e.g. \"Lao PDR\" (accents, case and hyphens ignored).")] string? Name = null,
    [Description("Government, SpecialAdministrativeRegion, InternationalOrganisation or OtherBody.")] ParticipantKind? Kind = null,
    [Description("A region as the portal groups them (UN M49 sub-regions), e.g. \"South-eastern Asia\".")] string? Region = null,
    [Description("name (default), region or kind."), AllowedValues(ParticipantFilter.SortByName, ParticipantFilter.SortByRegion, ParticipantFilter.SortByKind)] string Sort = ParticipantFilter.SortByName)
    : IApiParameters<ParticipantListParameters>;
