using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;

namespace BaliProcess.Web.Features.WorkPlans.Changes;

/// <summary>
/// Atom feeds of work-plan changes, so people can follow progress in a feed reader: /changes.atom for every
/// work plan and /work-plans/{slug}/changes.atom for one.
/// </summary>
public static class ChangeFeeds
{
    private const int FeedSize = 50;

    public static void MapChangeFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalRoutes.ChangesFeed, async (HttpContext http, ChangeReads log, CancellationToken ct) =>
        {
            var changes = await log.RecentAsync(new ChangeFilter(Limit: FeedSize), ct);
            return Atom(http, "Work-plan changes — Bali Process Knowledge Portal", PortalRoutes.Changes, PortalRoutes.ChangesFeed, changes);
        });

        app.MapGet(PortalRoutes.WorkPlanChangesFeedTemplate, async (string slug, HttpContext http, ChangeReads log, CancellationToken ct) =>
        {
            if (await log.PlanTitleAsync(slug, ct) is not { } title)
            {
                return Results.NotFound();
            }

            var changes = await log.RecentAsync(new ChangeFilter(PlanSlug: slug, Limit: FeedSize), ct);
            return Atom(http, $"Changes to {title} — Bali Process Knowledge Portal", PortalRoutes.WorkPlan(slug), PortalRoutes.WorkPlanChangesFeed(slug), changes);
        });
    }

    private static IResult Atom(HttpContext http, string title, string htmlPath, string selfPath, IReadOnlyList<ChangeEntry> changes)
    {
        var root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var feed = new SyndicationFeed(
            title,
            "Status changes of Bali Process work-plan action items, as the secretariat records them.",
            new Uri(root + htmlPath),
            root + selfPath,
            changes.Count > 0 ? changes[0].ChangedAt : DateTimeOffset.UnixEpoch);
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(root + selfPath), "application/atom+xml"));
        feed.Items = changes.Select(c =>
        {
            var from = c.From is { } f ? $"{Labels.Of(f)} → " : "";
            var item = new SyndicationItem(
                $"Item {c.ItemNumber}, {c.PlanTitle}: {from}{Labels.Of(c.To)}",
                new TextSyndicationContent($"{Labels.Of(c.To)} (effective {c.Effective}), recorded by {c.ChangedBy}. {c.Note}"),
                new Uri(root + c.ItemHref),
                root + PortalRoutes.Change(c.Id),
                c.ChangedAt);
            item.Authors.Add(new SyndicationPerson { Name = c.ChangedBy });
            item.PublishDate = c.ChangedAt;
            return item;
        }).ToList();

        var buffer = new MemoryStream();
        // Notes in the append-only history may hold characters XML cannot carry (stored before StaffText refused
        // them); the safe writer drops them, so one such note never breaks the feed.
        using (var writer = Infrastructure.Security.XmlSafeWriter.Create(buffer))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }
}
