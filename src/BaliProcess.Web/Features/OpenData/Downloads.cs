using System.Globalization;
using System.Text.Json;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
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
using BaliProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// "Download CSV" and "JSON" of every list page: the whole list with the filters the page shows. Each reads
/// its query string exactly as its page does (a bad value is ignored, as on the page), calls the same
/// service method with the same filter object, and maps rows through <see cref="ApiMap"/> like the API.
/// </summary>
public static class Downloads
{
    /// <summary>Search downloads stop here (the first 50 pages); the data package has every paragraph.</summary>
    public const int MaxSearchRows = 1000;

    private static readonly string[] ParticipantHeader = ["slug", "name", "fullName", "kind", "region", "status", "aliases", "url", "sources"];
    private static readonly string[] MeetingHeader = ["slug", "title", "kind", "ordinal", "start", "end", "place", "isVirtual", "workingGroup", "url", "sources"];
    private static readonly string[] MechanismHeader = ["slug", "name", "shortName", "kind", "status", "isWorkingGroup", "established", "meetingCount", "url", "sources"];
    private static readonly string[] ActionItemHeader = ["number", "text", "status", "statusText", "themes", "lastChanged", "url", "sources"];
    private static readonly string[] ThemeParagraphHeader = ["statement", "statementTitle", "year", "label", "text", "url", "sources"];
    private static readonly string[] SearchHeader = ["statement", "statementTitle", "meeting", "year", "label", "text", "themes", "url", "sources"];
    private static readonly string[] StatementHeader = ["slug", "title", "kind", "date", "meeting", "author", "paragraphCount", "url", "sources"];
    private static readonly string[] TimelineEventHeader = ["slug", "title", "date", "summary", "place", "mechanism", "participant", "url", "sources"];
    private static readonly string[] ProgrammeHeader = ["slug", "name", "nameAddedByPortal", "kind", "mechanism", "participant", "start", "end", "parts", "url", "sources"];
    private static readonly string[] DocumentHeader = ["slug", "title", "titleAddedByPortal", "kind", "action", "date", "meeting", "developedBy", "url", "sources"];
    private static readonly string[] ChangeHeader = ["changedAt", "type", "kind", "record", "title", "changedBy", "reason", "whatChanged", "url", "history"];

    public static void MapDownloads(this IEndpointRouteBuilder app)
    {
        ParticipantList(app, "members", MembershipStatus.Member);
        ParticipantList(app, "observers", MembershipStatus.Observer);
        ParticipantList(app, "other-bodies", null);

        Both<ApiMeeting>(app, "meetings", "meetings", async (http, ct) =>
        {
            var q = http.Request.Query;
            var filter = MeetingFilter.FromQuery(q["kind"], q["from"], q["to"], q["group"], q["place"], null) with { PageSize = 100_000 };
            var rows = (await http.RequestServices.GetRequiredService<MeetingReads>().ListAsync(filter, ct)).Rows.Select(ApiMap.Meeting).ToList();
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(MeetingHeader, rows, m => [m.Slug, m.Title, Labels.Of(m.Kind), Number(m.Ordinal), m.Start, m.End, m.Place, Bool(m.IsVirtual), m.WorkingGroup?.Slug, m.Url, CsvExport.Sources(m.Sources, names)]));
        });

        Both<ApiMechanism>(app, "working-groups", "working-groups", async (http, ct) =>
        {
            var rows = (await http.RequestServices.GetRequiredService<WorkingGroupReads>().ListAsync(ct)).Select(ApiMap.Mechanism).ToList();
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(MechanismHeader, rows, m => [m.Slug, m.Name, m.ShortName, Labels.Of(m.Kind), m.Status.ToString(), Bool(m.IsWorkingGroup), m.Established, Number(m.MeetingCount), m.Url, CsvExport.Sources(m.Sources, names)]));
        });

        Both<ApiActionItem>(app, "work-plans/{slug}/items", "work-plan-items", async (http, ct) =>
        {
            var slug = (string?)http.GetRouteValue("slug");
            var status = UrlWords.Parse<ActionItemStatus>(http.Request.Query["status"].ToString());
            var service = http.RequestServices.GetRequiredService<WorkPlanReads>();
            if (!SlugAttribute.IsSlug(slug) || await service.GetAsync(slug!, status, ct) is not { } plan)
            {
                return null;
            }

            var histories = await service.HistoriesAsync([.. plan.Items.Select(i => i.Id)], ct);
            var rows = plan.Items.Select(i => ApiMap.ActionItem(plan.Slug, i, histories.TryGetValue(i.Id, out var h) ? h : [])).ToList();
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(ActionItemHeader, rows, i => [i.Number, i.Text, Labels.Of(i.Status), i.StatusText, CsvExport.Join(i.Themes.Select(t => t.Slug)), (i.History.Count > 0 ? i.History[0].ChangedAt : (DateTimeOffset?)null)?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), i.Url, CsvExport.Sources(i.Sources, names)]));
        });

        Both<ApiThemeParagraph>(app, "themes/{slug}/paragraphs", "theme-paragraphs", async (http, ct) =>
        {
            var slug = (string?)http.GetRouteValue("slug");
            if (!SlugAttribute.IsSlug(slug) || await http.RequestServices.GetRequiredService<ThemeReads>().GetAsync(slug!, ct) is not { } theme)
            {
                return null;
            }

            var rows = theme.Paragraphs.Select(ApiMap.ThemeParagraph).ToList();
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(ThemeParagraphHeader, rows, p => [p.Statement.Slug, p.Statement.Name, Number(p.Year), p.Label, p.Text, p.Url, CsvExport.Sources(p.Sources, names)]));
        });

        // A search's rows carry each paragraph whole, without the page's highlight marks, and absolute links: a
        // download is read far from the portal (a spreadsheet, a script), where "/statements/x" leads nowhere.
        Both<ApiSearchDownloadRow>(app, "search", "search", async (http, ct) =>
        {
            var hits = await AllSearchHitsAsync(http, ct);
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (hits, Table(SearchHeader, hits, h => [h.Statement.Slug, h.Statement.Name, h.MeetingTitle, Number(h.Year), h.Label, h.Text, CsvExport.Join(h.Themes.Select(t => t.Name)), h.Url, CsvExport.Sources(h.Sources, names)]));
        }, builder => builder.RequireRateLimiting(SearchRateLimit.Policy));

        Both<ApiStatement>(app, "statements", "statements", async (http, ct) =>
        {
            var rows = (await http.RequestServices.GetRequiredService<StatementReads>().ListAsync(ct)).Select(ApiMap.Statement).ToList();
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(StatementHeader, rows, s => [s.Slug, s.Title, Labels.AsTitled(s.Kind), s.Date, s.Meeting?.Name, s.AuthorSlug, Number(s.ParagraphCount), s.Url, CsvExport.Sources(s.Sources, names)]));
        });

        // Programmes have no list page: their downloads are linked from /sources, beside the data package (decision 0038).
        Both<ApiProgramme>(app, "programmes", "programmes", async (http, ct) =>
        {
            var rows = (await http.RequestServices.GetRequiredService<ProgrammeReads>().ListAsync(ct)).Select(ApiMap.Programme).ToList();
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(ProgrammeHeader, rows, p => [p.Slug, p.Name, Bool(p.NameAddedByPortal), Labels.Of(p.Kind), p.Mechanism?.Slug, p.Participant?.Slug,
                p.Start, p.End, CsvExport.Join(p.Parts.Select(x => $"{Labels.Of(x.Role)}: {x.AsWritten}")), p.Url, CsvExport.Sources(p.Sources, names)]));
        });

        // Timeline events that are not meetings (decisions 0035, 0040), linked from /sources as programmes are.
        Both<ApiTimelineEvent>(app, PortalRoutes.TimelineEventsData, PortalRoutes.TimelineEventsData, async (http, ct) =>
        {
            var rows = (await http.RequestServices.GetRequiredService<TimelineReads>().EventsAsync(ct)).Select(ApiMap.TimelineEvent).ToList();
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(TimelineEventHeader, rows, e => [e.Slug, e.Title, e.Date, e.Summary, e.Place, e.Mechanism?.Slug, e.Participant?.Slug, e.Url, CsvExport.Sources(e.Sources, names)]));
        });

        // Outcome documents with who developed each (decision 0041): each document's page detail, read through the cache as
        // its page is; the kind filter as on /documents. Who developed it is one cell: "participant, mechanism: words" each.
        Both<ApiOutcomeDocumentDetail>(app, "documents", "documents", async (http, ct) =>
        {
            var reads = http.RequestServices.GetRequiredService<DocumentReads>();
            var kind = UrlWords.Parse<OutcomeDocumentKind>(http.Request.Query["kind"].ToString());
            var rows = new List<ApiOutcomeDocumentDetail>();
            foreach (var row in await reads.ListAsync(kind, ct))
            {
                if (await reads.GetAsync(row.Slug, ct) is { } detail)
                {
                    rows.Add(DocumentsApi.Map(detail));
                }
            }

            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(DocumentHeader, rows, d => [d.Slug, d.Title, Bool(d.TitleAddedByPortal), Labels.Of(d.Kind), d.Action is { } a ? Labels.Of(a) : null, d.Date, d.Meeting?.Slug,
                CsvExport.Join(d.DevelopedBy.Select(Developer)), d.Url, CsvExport.Sources(d.Sources, names)]));
        });

        // /changes as rows: status changes and revisions (decision 0028); a revision's fields are on its record's history.
        Both<ApiChange>(app, "changes", "changes", async (http, ct) =>
        {
            var reads = http.RequestServices.GetRequiredService<Changes.ChangeReads>();
            var filter = await Changes.ChangeFilter.FromQueryAsync(reads, http.Request.Query, ct);
            var rows = (await reads.RecentAsync(filter, ct)).Select(ApiMap.Change).ToList();
            return (rows, Table(ChangeHeader, rows, c => [c.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), c.Type, c.Kind, c.Record.Slug, c.Record.Name, c.ChangedBy, c.Reason, c.Summary, c.Url, c.History]));
        });

        app.MapGet(PortalRoutes.DataPackage, async (HttpContext http, DataPackageBuilder builder, CancellationToken ct) =>
        {
            var package = await builder.GetAsync(ct);
            return new FileDownload(package.Zip, "application/zip", "bali-process-knowledge-portal.zip", package.Version);
        }).ExcludeFromDescription();
    }

    private static void ParticipantList(IEndpointRouteBuilder app, string name, MembershipStatus? status) =>
        Both<ApiParticipant>(app, name, name, async (http, ct) =>
        {
            var q = http.Request.Query;
            var filter = ParticipantFilter.FromQuery(q["name"], q["kind"], q["region"], q["sort"], q["mechanism"]);
            var rows = (await http.RequestServices.GetRequiredService<ParticipantReads>().ListAsync(status, filter, ct))
                .Select(r => ApiMap.Participant(r, status)).ToList();
            var names = await SourceNames.LoadAsync(http.RequestServices, ct);
            return (rows, Table(ParticipantHeader, rows, p => [p.Slug, p.Name, p.FullName, Labels.Of(p.Kind), p.Region, p.Status?.ToString(), CsvExport.Join(p.Aliases), p.Url, CsvExport.Sources(p.Sources, names)]));
        });

    /// <summary>Maps the list's .csv and .json to one producer of (JSON records, CSV table); null means 404.</summary>
    private static void Both<T>(
        IEndpointRouteBuilder app, string list, string fileName,
        Func<HttpContext, CancellationToken, Task<(List<T> Items, CsvTable Table)?>> produce,
        Action<RouteHandlerBuilder>? configure = null)
    {
        var csv = app.MapGet(PortalRoutes.Download(list, "csv"), async (HttpContext http, CancellationToken ct) =>
            await produce(http, ct) is { } result
                ? new FileDownload(CsvExport.Write(result.Table), CsvExport.ContentType, FileName(http, fileName, "csv"))
                : Results.NotFound());
        var json = app.MapGet(PortalRoutes.Download(list, "json"), async (HttpContext http, CancellationToken ct) =>
        {
            if (await produce(http, ct) is not { } result)
            {
                return Results.NotFound();
            }

            var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            return new FileDownload(JsonSerializer.SerializeToUtf8Bytes(result.Items, options), "application/json; charset=utf-8", FileName(http, fileName, "json"));
        });
        foreach (var builder in new[] { csv, json })
        {
            builder.ExcludeFromDescription();
            configure?.Invoke(builder);
        }
    }

    private static string Developer(ApiDeveloper x) =>
        string.Join(", ", new[] { x.Participant?.Slug, x.Mechanism?.Slug }.OfType<string>()) is { Length: > 0 } who ? $"{who}: {x.AsWritten}" : x.AsWritten;

    private static CsvTable Table<T>(IReadOnlyList<string> header, IEnumerable<T> rows, Func<T, IReadOnlyList<string?>> cells) =>
        new(header, rows.Select(cells));

    /// <summary>
    /// Every page of a search, as the API gives it, up to <see cref="MaxSearchRows"/>. Up to 50 searches for one
    /// request, so the hits and their paragraphs are kept in the <see cref="Infrastructure.Caching.RecordCache"/>
    /// (within its byte budget, until the record changes): a repeated download costs nothing, and a new one costs one
    /// permit of the search rate limit like any search. The links are made absolute after, from this request.
    /// </summary>
    private static async Task<List<ApiSearchDownloadRow>> AllSearchHitsAsync(HttpContext http, CancellationToken ct)
    {
        var q = http.Request.Query;
        var request = new SearchRequest(q["q"], q["theme"], q["year"], q["kind"], q["group"], q["member"], "1");
        var services = http.RequestServices.GetRequiredService<IServiceScopeFactory>();
        var hits = await http.RequestServices.GetRequiredService<Infrastructure.Caching.RecordCache>()
            .GetOrLoadAsync(request, async loadCt =>
            {
                // The load may outlive this request (RecordCache shares it): its own scope, not the request's services.
                await using var scope = services.CreateAsyncScope();
                return await ReadAllSearchHitsAsync(scope.ServiceProvider, request, loadCt);
            }, ct);
        var origin = SitemapEndpoints.Origin(http);
        return [.. hits.Select(h => ApiMap.SearchDownloadRow(h.Hit, h.Paragraph, origin))];
    }

    /// <summary>A hit and its whole paragraph: a record, so the cache's size estimate (its JSON) sees both.</summary>
    private sealed record SearchDownloadHit(ParagraphHit Hit, ParagraphText Paragraph);

    private static async Task<List<SearchDownloadHit>> ReadAllSearchHitsAsync(IServiceProvider services, SearchRequest first, CancellationToken ct)
    {
        var search = services.GetRequiredService<SearchService>();
        var lookups = services.GetRequiredService<OpenDataLookups>();
        var hits = new List<SearchDownloadHit>();
        for (var page = 1; hits.Count < MaxSearchRows; page++)
        {
            var results = await search.SearchAsync(first with { Page = page.ToString(CultureInfo.InvariantCulture) }, ct);
            if (results.Hits.Count == 0)
            {
                break;
            }

            var paragraphs = await lookups.ParagraphsAsync(results.Hits.Select(h => h.Id), ct);
            hits.AddRange(results.Hits.Where(h => paragraphs.ContainsKey(h.Id)).Select(h => new SearchDownloadHit(h, paragraphs[h.Id])));
            if (page >= results.PageCount)
            {
                break;
            }
        }

        return hits;
    }

    private static string FileName(HttpContext http, string name, string extension) =>
        http.Request.QueryString.HasValue ? $"{name}-filtered.{extension}" : $"{name}.{extension}";

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Bool(bool? value) => value is { } v ? Bool(v) : string.Empty;
}

/// <summary>A download with a strong ETag (304 on If-None-Match) and a file name to save it under.</summary>
public sealed class FileDownload(byte[] body, string contentType, string fileName, string? etag = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var tag = etag is null ? ApiEtag.Of(body) : $"\"{etag}\"";
        response.Headers.ETag = tag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.AccessControlAllowOrigin = "*";
        if (ApiEtag.Matches(httpContext.Request, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = contentType;
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
