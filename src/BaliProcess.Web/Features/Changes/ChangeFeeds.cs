using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Infrastructure.Languages;

namespace BaliProcess.Web.Features.Changes;

/// <summary>
/// Atom feeds of the record's changes, so people can follow them in a feed reader: /changes.atom for every change
/// (work-plan status changes and revisions of every kind of record, decision 0028) and /work-plans/{slug}/changes.atom
/// for one work plan and its items.
/// </summary>
public static class ChangeFeeds
{
    private const int FeedSize = 50;

    public static void MapChangeFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalRoutes.ChangesFeed, async (HttpContext http, ChangeReads log, CancellationToken ct) =>
        {
            var changes = await log.RecentAsync(new ChangeFilter(Limit: FeedSize), ct);
            return Atom(http, ChangeWords.Text("Changes to the record — Bali Process Knowledge Portal"), PortalRoutes.Changes, PortalRoutes.ChangesFeed, changes);
        });

        app.MapGet(PortalRoutes.WorkPlanChangesFeedTemplate, async (string slug, HttpContext http, ChangeReads log, Corrections.Withdrawals withdrawals, CancellationToken ct) =>
        {
            if (await log.PlanTitleAsync(slug, ct) is not { } title)
            {
                // A withdrawn plan's feed says so, as its page does (decision 0039), for a reader whose feed reader polls it.
                return await withdrawals.WorkPlanAsync(slug, ct) is { } withdrawn ? Corrections.WithdrawnApiRecords.Gone(withdrawn) : Results.NotFound();
            }

            var changes = await log.RecentAsync(new ChangeFilter(PlanSlug: slug, Limit: FeedSize), ct);
            return Atom(http, ChangeWords.Format("Changes to {0} — Bali Process Knowledge Portal", title), PortalRoutes.WorkPlan(slug), PortalRoutes.WorkPlanChangesFeed(slug), changes);
        });
    }

    private static FeedResult Atom(HttpContext http, string title, string htmlPath, string selfPath, IReadOnlyList<ChangeEntry> changes)
    {
        var root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var feed = new SyndicationFeed(
            title,
            ChangeWords.Text("Changes published in the Bali Process Knowledge Portal: status changes of work-plan action items and revisions of its records, as the secretariat publishes them."),
            new Uri(root + htmlPath),
            root + selfPath,
            changes.Count > 0 ? changes[0].ChangedAt : DateTimeOffset.UnixEpoch);
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(root + selfPath), "application/atom+xml"));
        feed.Items = changes.Select(c =>
        {
            var item = c.Status is { } s
                ? new SyndicationItem(
                    ChangeWords.Format("Item {0}, {1}: {2}", s.ItemNumber, s.PlanTitle, $"{(s.From is { } f ? $"{Words.Of(f)} → " : "")}{Words.Of(s.To)}"),
                    new TextSyndicationContent(ChangeWords.Format("{0} (effective {1}), recorded by {2}. {3}", Words.Of(s.To), s.Effective, c.ChangedBy, s.Note)),
                    new Uri(root + s.ItemHref),
                    root + PortalRoutes.Change(c.Id),
                    c.ChangedAt)
                : new SyndicationItem(
                    $"{Capitalised(ChangeWords.Kind(c.Record.Kind))} “{ChangeWords.PlainTitle(c.Record)}”: {ChangeWords.WhatChanged(c)}",
                    new TextSyndicationContent(ChangeWords.Format("{0}, published by {1}. Why: {2} The fields before and after: {3}", Capitalised(ChangeWords.WhatChanged(c)), c.ChangedBy, c.Why, root + c.DetailHref)),
                    new Uri(root + c.DetailHref),
                    root + PortalRoutes.Changes + "#" + c.Anchor,
                    c.ChangedAt);
            item.Authors.Add(new SyndicationPerson { Name = c.ChangedBy });
            item.PublishDate = c.ChangedAt;
            return item;
        }).ToList();

        // The feed's language, as its page's (the "/id" prefix): readers and aggregators see which it is.
        feed.Language = PortalLanguage.Current;
        var buffer = new MemoryStream();
        // Notes in the append-only history may hold characters XML cannot carry (stored before StaffText refused
        // them); the safe writer drops them, so one such note never breaks the feed.
        using (var writer = Infrastructure.Security.XmlSafeWriter.Create(buffer))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return new FeedResult(buffer.ToArray(), changes.Count > 0 ? changes.Max(c => c.ChangedAt) : null);
    }

    private static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpper(words[0], CultureInfo.CurrentCulture) + words[1..];
}

/// <summary>
/// A feed with its validators, so a feed reader polling every few minutes gets 304 and no body while nothing
/// changed: a strong ETag of the body, and Last-Modified from the newest change the feed holds (none for an
/// empty feed). If-None-Match decides when present; If-Modified-Since only without it (RFC 9110 §13.1.3).
/// </summary>
public sealed class FeedResult(byte[] body, DateTimeOffset? lastModified) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        var response = httpContext.Response;
        var etag = OpenData.ApiEtag.Of(body);
        // HTTP dates have whole seconds: compare at that precision.
        var modified = lastModified is { } m ? new DateTimeOffset(m.UtcTicks - (m.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : (DateTimeOffset?)null;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "no-cache";
        if (modified is { } lm)
        {
            response.Headers.LastModified = lm.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        var notModified = request.Headers.IfNoneMatch.Count > 0
            ? OpenData.ApiEtag.Matches(request, etag)
            : modified is { } last && request.GetTypedHeaders().IfModifiedSince is { } since && last <= since;
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = "application/atom+xml; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
