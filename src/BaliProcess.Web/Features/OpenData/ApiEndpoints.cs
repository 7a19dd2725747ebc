using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Meetings;
using BaliProcess.Web.Features.Participants;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Features.WorkingGroups;
using BaliProcess.Web.Features.WorkPlans;
using BaliProcess.Web.Features.WorkPlans.Changes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// The read-only JSON API, /api/v1. Every list calls the same feature-service method with the same filter
/// object as its page, so the API and the page cannot disagree.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static RouteGroupBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireCors(OpenDataSetup.CorsPolicy)
            .RequireRateLimiting(OpenDataSetup.RateLimitPolicy)
            .WithTags("Open data")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        Participants(api, "members", "Members", MembershipStatus.Member,
            "The 49 members of the Bali Process (governments and international organisations), with the filters of the /members page.");
        Participants(api, "observers", "Observers", MembershipStatus.Observer,
            "The observer states, bodies and organisations, with the filters of the /observers page.");
        Participants(api, "other-bodies", "Other bodies", null,
            "Organisations the documents name that are neither members nor observers, with the filters of the /participants page.");

        api.MapGet("/participants/{slug}", async (string slug, ParticipantReads directory, CancellationToken ct) =>
                ApiQuery.IsSlug(slug) && await directory.GetAsync(slug, ct) is { } p
                    ? new ApiJsonResult<ApiParticipantDetail>(ApiMap.Participant(p))
                    : ApiProblems.NotFound("member, observer or other body", slug))
            .WithName("GetParticipant")
            .WithSummary("A member, observer or other body")
            .WithDescription("One participant by slug, with its membership history (dates at their precision), co-chair roles, the meetings it attended and the paragraphs that mention it.")
            .Produces<ApiParticipantDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/meetings", async ([AsParameters] MeetingListParameters parameters, HttpContext http, MeetingReads directory, CancellationToken ct) =>
            {
                var query = new ApiQuery(http.Request);
                var kind = query.Enum<MeetingKind>("kind");
                var from = query.WholeNumber("from", 1900, 2100);
                var to = query.WholeNumber("to", 1900, 2100);
                var group = query.Text("group");
                var place = query.Text("place");
                var (page, pageSize) = query.Paging();
                if (query.HasErrors)
                {
                    return query.Problem();
                }

                var result = await directory.ListAsync(new MeetingFilter(kind, from, to, group, place, page, pageSize), ct);
                // The page clamps a page past the end to the last one; the API answers it as empty instead.
                List<ApiMeeting> items = page > result.TotalPages ? [] : [.. result.Rows.Select(ApiMap.Meeting)];
                return Paged(items, page, pageSize, result.Total);
            })
            .WithName("ListMeetings")
            .WithSummary("Meetings")
            .WithDescription("Ministerial conferences, senior officials' meetings, working-group meetings, workshops and forums, newest first, with the filters of the /meetings page.")
            .Produces<ApiPage<ApiMeeting>>().ProducesValidationProblem();

        api.MapGet("/meetings/{slug}", async (string slug, MeetingReads directory, CancellationToken ct) =>
                ApiQuery.IsSlug(slug) && await directory.GetAsync(slug, ct) is { } m
                    ? new ApiJsonResult<ApiMeetingDetail>(ApiMap.Meeting(m))
                    : ApiProblems.NotFound("meeting", slug))
            .WithName("GetMeeting")
            .WithSummary("A meeting")
            .WithDescription("One meeting by slug, with its dates at their precision, place, hosts and co-chairs, attendance, the participant numbers the documents report, and what came out of it.")
            .Produces<ApiMeetingDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/working-groups", async ([AsParameters] PagingParameters parameters, HttpContext http, WorkingGroupReads directory, CancellationToken ct) =>
                await PagedListAsync(http, async () => (await directory.ListAsync(ct)).Select(ApiMap.Mechanism).ToList()))
            .WithName("ListWorkingGroups")
            .WithSummary("Working groups and mechanisms")
            .WithDescription("The working groups (isWorkingGroup) and the other mechanisms: Ad Hoc Group, Steering Group, Regional Support Office, Government and Business Forum, ...")
            .Produces<ApiPage<ApiMechanism>>().ProducesValidationProblem();

        api.MapGet("/working-groups/{slug}", async (string slug, WorkingGroupReads directory, CancellationToken ct) =>
                ApiQuery.IsSlug(slug) && await directory.GetAsync(slug, ct) is { } m
                    ? new ApiJsonResult<ApiMechanismDetail>(ApiMap.Mechanism(m))
                    : ApiProblems.NotFound("working group or mechanism", slug))
            .WithName("GetWorkingGroup")
            .WithSummary("A working group or mechanism")
            .WithDescription("One working group or mechanism by slug, with its mandate, co-chairs over time, meetings and work plans.")
            .Produces<ApiMechanismDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/work-plans", async ([AsParameters] PagingParameters parameters, HttpContext http, WorkPlanReads service, CancellationToken ct) =>
                await PagedListAsync(http, async () => (await service.ListAsync(ct)).Select(ApiMap.WorkPlan).ToList()))
            .WithName("ListWorkPlans")
            .WithSummary("Work plans")
            .WithDescription("The working groups' forward work plans, newest first.")
            .Produces<ApiPage<ApiWorkPlan>>().ProducesValidationProblem();

        api.MapGet("/work-plans/{slug}", async (string slug, [AsParameters] WorkPlanParameters parameters, HttpContext http, WorkPlanReads service, CancellationToken ct) =>
            {
                var query = new ApiQuery(http.Request);
                var status = query.Enum<ActionItemStatus>("status");
                if (query.HasErrors)
                {
                    return query.Problem();
                }

                return ApiQuery.IsSlug(slug) && await service.GetAsync(slug, status, ct) is { } plan
                    ? new ApiJsonResult<ApiWorkPlanDetail>(ApiMap.WorkPlan(plan, await service.HistoriesAsync([.. plan.Items.Select(i => i.Id)], ct)))
                    : ApiProblems.NotFound("work plan", slug);
            })
            .WithName("GetWorkPlan")
            .WithSummary("A work plan with its items, current status and full history")
            .WithDescription("One work plan by slug: every action item (or those of one status) with its verbatim text, current status, the status cell as the source words it, themes, and the full status history, newest first.")
            .Produces<ApiWorkPlanDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/statements", async ([AsParameters] PagingParameters parameters, HttpContext http, StatementReads library, CancellationToken ct) =>
                await PagedListAsync(http, async () => (await library.ListAsync(ct)).Select(ApiMap.Statement).ToList()))
            .WithName("ListStatements")
            .WithSummary("Statements")
            .WithDescription("Co-chairs' statements and summaries, outcomes, the Adelaide Strategy and members' perspectives, newest first.")
            .Produces<ApiPage<ApiStatement>>().ProducesValidationProblem();

        api.MapGet("/statements/{slug}", async (string slug, StatementReads library, CancellationToken ct) =>
                ApiQuery.IsSlug(slug) && await library.GetAsync(slug, null, ct) is { } s
                    ? new ApiJsonResult<ApiStatementDetail>(ApiMap.Statement(s))
                    : ApiProblems.NotFound("statement", slug))
            .WithName("GetStatement")
            .WithSummary("A statement with its paragraphs")
            .WithDescription("One statement by slug, with every paragraph verbatim, its label, themes, the participants it mentions, its permanent link and its source place.")
            .Produces<ApiStatementDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/themes", async ([AsParameters] PagingParameters parameters, HttpContext http, ThemeReads catalogue, CancellationToken ct) =>
                await PagedListAsync(http, async () => (await catalogue.ListAsync(ct)).Select(ApiMap.Theme).ToList()))
            .WithName("ListThemes")
            .WithSummary("Themes")
            .WithDescription("The theme taxonomy: the Adelaide Strategy's eight areas of cooperation and the cross-cutting themes, with paragraph and work-plan item counts.")
            .Produces<ApiPage<ApiTheme>>().ProducesValidationProblem();

        api.MapGet("/themes/{slug}", async (string slug, ThemeReads catalogue, CancellationToken ct) =>
                ApiQuery.IsSlug(slug) && await catalogue.GetAsync(slug, ct) is { } t
                    ? new ApiJsonResult<ApiThemeDetail>(ApiMap.Theme(t))
                    : ApiProblems.NotFound("theme", slug))
            .WithName("GetTheme")
            .WithSummary("A theme")
            .WithDescription("One theme by slug, with its parent and sub-themes, tagged paragraphs per year and its work-plan items.")
            .Produces<ApiThemeDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/themes/{slug}/paragraphs", async (string slug, [AsParameters] PagingParameters parameters, HttpContext http, ThemeReads catalogue, CancellationToken ct) =>
            {
                var query = new ApiQuery(http.Request);
                var (page, pageSize) = query.Paging();
                if (query.HasErrors)
                {
                    return query.Problem();
                }

                return ApiQuery.IsSlug(slug) && await catalogue.GetAsync(slug, ct) is { } t
                    ? Paged(t.Paragraphs.Select(ApiMap.ThemeParagraph).ToList(), page, pageSize)
                    : ApiProblems.NotFound("theme", slug);
            })
            .WithName("ListThemeParagraphs")
            .WithSummary("A theme's paragraphs")
            .WithDescription("The statement paragraphs tagged with a theme, newest first, as on the theme's page.")
            .Produces<ApiPage<ApiThemeParagraph>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/search", async ([AsParameters] SearchParameters parameters, HttpContext http, SearchService search, OpenDataLookups lookups, CancellationToken ct) =>
            {
                var query = new ApiQuery(http.Request);
                var q = query.Raw("q");
                var theme = query.Slug("theme");
                var year = query.WholeNumber("year", 1900, 2100);
                var kind = query.Raw("kind");
                if (kind is not null && !MeetingKinds.TryParseSlug(kind, out _))
                {
                    query.Error("kind", $"must be a meeting kind such as {string.Join(", ", Enum.GetValues<MeetingKind>().Take(3).Select(MeetingKinds.ToSlug))}; “{ApiProblems.Shorten(kind)}” is not.");
                }

                var group = query.Slug("group");
                var member = query.Slug("member");
                var page = query.WholeNumber("page", 1, SearchInput.MaxPage);
                if (query.Raw("pageSize") is { } size && size != SearchService.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    query.Error("pageSize", $"search pages hold {SearchService.PageSize} results, as on the search page.");
                }

                if (query.HasErrors)
                {
                    return query.Problem();
                }

                var results = await search.SearchAsync(new SearchRequest(q, theme, year?.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, group, member, page?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
                var sources = await lookups.ParagraphSourcesAsync(results.Hits.Select(h => h.Id), ct);
                return new ApiJsonResult<ApiSearchResults>(ApiMap.Search(results, sources), new PageLinks(results.Page, results.PageCount));
            })
            .WithName("Search")
            .WithSummary("Search statement paragraphs")
            .WithDescription("The same parameters as the /search page and the same results, totals and facet counts. Words go through PostgreSQL's websearch_to_tsquery; an unknown theme, group or member is left out with a note, as on the page.")
            .Produces<ApiSearchResults>().ProducesValidationProblem();

        api.MapGet("/sources", async ([AsParameters] PagingParameters parameters, HttpContext http, SourceReads directory, CancellationToken ct) =>
                await PagedListAsync(http, async () => (await directory.ListAsync(ct)).Select(ApiMap.SourceDocument).ToList()))
            .WithName("ListSources")
            .WithSummary("Source documents")
            .WithDescription("The five documents every record is drawn from; each record's sources name one of these files.")
            .Produces<ApiPage<ApiSourceDocument>>().ProducesValidationProblem();

        api.MapGet("/changes", async ([AsParameters] ChangeParameters parameters, HttpContext http, ChangeReads changes, CancellationToken ct) =>
            {
                var query = new ApiQuery(http.Request);
                var group = query.Slug("workingGroup");
                var from = query.Day("from");
                var to = query.Day("to");
                var (page, pageSize) = query.Paging();
                if (query.HasErrors)
                {
                    return query.Problem();
                }

                // The same filter and service as /changes; the API reads the newest ChangeReads.MaxLimit changes.
                var entries = await changes.RecentAsync(new ChangeFilter(group, from, to, Limit: ChangeReads.MaxLimit), ct);
                return Paged(entries.Select(ApiMap.Change).ToList(), page, pageSize);
            })
            .WithName("ListChanges")
            .WithSummary("Recent status changes")
            .WithDescription("Status changes recorded by the secretariat in the portal, newest first (at most the newest 500), optionally of one working group (`workingGroup`, a mechanism slug) and recorded between `from` and `to` (UTC days, yyyy-MM-dd, both included). The first entry of a seeded item is the source document's record, not a change: see a work plan's item history.")
            .Produces<ApiPage<ApiChange>>().ProducesValidationProblem();

        // Anything else under /api answers in the API's own terms, not with the HTML "page not found".
        app.MapGet("/api/{**rest}", () => ApiProblems.NoSuchResource())
            .RequireCors(OpenDataSetup.CorsPolicy)
            .ExcludeFromDescription();

        return api;
    }

    private static void Participants(RouteGroupBuilder api, string path, string title, MembershipStatus? status, string description) =>
        api.MapGet("/" + path, async ([AsParameters] ParticipantListParameters parameters, HttpContext http, ParticipantReads directory, CancellationToken ct) =>
            {
                var query = new ApiQuery(http.Request);
                var name = query.Text("name");
                var kind = query.Enum<ParticipantKind>("kind");
                var region = query.Text("region");
                var sort = query.OneOf("sort", ParticipantFilter.SortByName, ParticipantFilter.SortByRegion, ParticipantFilter.SortByKind) ?? ParticipantFilter.SortByName;
                var (page, pageSize) = query.Paging();
                if (query.HasErrors)
                {
                    return query.Problem();
                }

                var rows = await directory.ListAsync(status, new ParticipantFilter(name, kind, region, sort), ct);
                return Paged(rows.Select(r => ApiMap.Participant(r, status)).ToList(), page, pageSize);
            })
            .WithName("List" + title.Replace(" ", "", StringComparison.Ordinal))
            .WithSummary(title)
            .WithDescription(description + " Names as the documents write them (\"Türkiye\", \"Viet Nam\"), with every other spelling.")
            .Produces<ApiPage<ApiParticipant>>().ProducesValidationProblem();

    private static async Task<IResult> PagedListAsync<T>(HttpContext http, Func<Task<List<T>>> list)
    {
        var query = new ApiQuery(http.Request);
        var (page, pageSize) = query.Paging();
        return query.HasErrors ? query.Problem() : Paged(await list(), page, pageSize);
    }

    /// <summary>One page of a list read whole (the lists are small), with its Link header.</summary>
    private static ApiJsonResult<ApiPage<T>> Paged<T>(IReadOnlyList<T> all, int page, int pageSize) =>
        Paged(all.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize).ToList(), page, pageSize, all.Count);

    private static ApiJsonResult<ApiPage<T>> Paged<T>(IReadOnlyList<T> items, int page, int pageSize, int total)
    {
        var totalPages = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new ApiJsonResult<ApiPage<T>>(new ApiPage<T>(items, page, pageSize, total, totalPages), new PageLinks(page, totalPages));
    }
}

/// <summary>Small look-ups the API adds to a service's records (a search hit's source place).</summary>
public sealed class OpenDataLookups(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<ApiSource>>> ParagraphSourcesAsync(IEnumerable<int> paragraphIds, CancellationToken ct)
    {
        var ids = paragraphIds.ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<ApiSource>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Paragraphs.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Location, p.Statement!.Sources })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => ApiMap.ParagraphSources(r.Sources, r.Location));
    }
}
