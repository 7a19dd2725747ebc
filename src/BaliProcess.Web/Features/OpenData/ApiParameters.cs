using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace BaliProcess.Web.Features.OpenData;

// The query parameters each operation documents in the OpenAPI document. They are declared as text and
// checked by ApiQuery, so a bad value gets a 400 problem naming the parameter instead of the framework's
// empty 400 (or worse).

public sealed record PagingParameters(
    [property: FromQuery(Name = "page"), Description("Page number, from 1 (default 1).")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("Records per page, 1–100 (default 20).")] string? PageSize);

public sealed record ParticipantListParameters(
    [property: FromQuery(Name = "name"), Description("Part of the name or of any other spelling the documents use, e.g. \"Lao PDR\" (accents, case and hyphens ignored).")] string? Name,
    [property: FromQuery(Name = "kind"), Description("Government, SpecialAdministrativeRegion, InternationalOrganisation or OtherBody.")] string? Kind,
    [property: FromQuery(Name = "region"), Description("A region as listed, e.g. \"Southeast Asia\".")] string? Region,
    [property: FromQuery(Name = "sort"), Description("name (default), region or kind.")] string? Sort,
    [property: FromQuery(Name = "page"), Description("Page number, from 1 (default 1).")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("Records per page, 1–100 (default 20).")] string? PageSize);

public sealed record MeetingListParameters(
    [property: FromQuery(Name = "kind"), Description("MinisterialConference, AdHocGroupSeniorOfficialsMeeting, SteeringGroupMeeting, WorkingGroupMeeting, ExpertsGroupMeeting, Workshop, Forum, Symposium, GovernmentAndBusinessForum, ForeignMinistersMeeting or Event. Without it, events are left out (as on the page).")] string? Kind,
    [property: FromQuery(Name = "from"), Description("First year, 1900–2100.")] string? From,
    [property: FromQuery(Name = "to"), Description("Last year, 1900–2100.")] string? To,
    [property: FromQuery(Name = "group"), Description("A working group's or mechanism's slug.")] string? Group,
    [property: FromQuery(Name = "place"), Description("Part of the place's name; \"virtual\" finds virtual meetings.")] string? Place,
    [property: FromQuery(Name = "page"), Description("Page number, from 1 (default 1).")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("Records per page, 1–100 (default 20).")] string? PageSize);

public sealed record WorkPlanParameters(
    [property: FromQuery(Name = "status"), Description("Only items with this current status: ForAction, Ongoing, Continuing or Complete.")] string? Status);

public sealed record SearchParameters(
    [property: FromQuery(Name = "q"), Description("Words to find (up to 200 characters): \"a phrase\" in quotes, or between words, -word to leave one out.")] string? Q,
    [property: FromQuery(Name = "theme"), Description("A theme's slug.")] string? Theme,
    [property: FromQuery(Name = "year"), Description("A year, 1900–2100.")] string? Year,
    [property: FromQuery(Name = "kind"), Description("A meeting kind as in the page's URLs, e.g. ministerial-conference.")] string? Kind,
    [property: FromQuery(Name = "group"), Description("A working group's slug.")] string? Group,
    [property: FromQuery(Name = "member"), Description("The slug of a member, observer or body the paragraph mentions.")] string? Member,
    [property: FromQuery(Name = "page"), Description("Page number, 1–1000 (20 results a page, as on the search page).")] string? Page);

/// <summary>The query parameters of /changes, declared for the OpenAPI document (read by ApiQuery).</summary>
public sealed record ChangeParameters(
    [property: FromQuery(Name = "workingGroup"), Description("A working group's (mechanism's) slug.")] string? WorkingGroup,
    [property: FromQuery(Name = "from"), Description("First UTC day recorded, yyyy-MM-dd.")] string? From,
    [property: FromQuery(Name = "to"), Description("Last UTC day recorded, yyyy-MM-dd.")] string? To,
    [property: FromQuery(Name = "page"), Description("Page number, from 1.")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("Items a page, 1 to 100 (default 20).")] string? PageSize);
