using System.Globalization;
using System.Text;
using System.Xml;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Infrastructure.Languages;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.OpenData;

public sealed record SitemapEntry(string Path, DateTimeOffset? LastModified);

/// <summary>
/// /sitemap.xml: every public page. A <c>lastmod</c> is given only where the portal knows when the page's record
/// last changed: a work plan, from its items' staff status changes and staff "asked for by" links; the lists of
/// work plans and of changes, from the latest staff change; a source document staff added, from when it was
/// published. Records drawn from seed data carry no edit time of their own, and the time they were loaded is the
/// portal's start-up, not the record's date, so their pages have no lastmod (the sitemap protocol makes it
/// optional; a false one would tell crawlers every page changed at each deployment). robots.txt points to it and
/// keeps crawlers out of staff pages, downloads, the API and endless filter combinations.
/// The entries (a dozen queries) are read once per record generation and kept in the
/// <see cref="Infrastructure.Caching.RecordCache"/>: a crawler, or anyone, asking again costs no query until the
/// record changes (issue 20).
/// </summary>
public sealed class SitemapBuilder(IDbContextFactory<BaliProcessDbContext> dbFactory, Infrastructure.Caching.RecordCache records)
{
    public static readonly string[] StaticPages =
        [PortalRoutes.Home, PortalRoutes.Members, PortalRoutes.Observers, PortalRoutes.OtherBodies, PortalRoutes.Meetings, PortalRoutes.WorkingGroups, PortalRoutes.Timeline,
         PortalRoutes.Statements, PortalRoutes.Themes, PortalRoutes.Search, PortalRoutes.Sources, PortalRoutes.ApiReference,
         PortalRoutes.Documents, PortalRoutes.People];

    /// <summary>Pages whose content is the work plans' changes: their lastmod is the latest staff change.</summary>
    public static readonly string[] ChangePages = [PortalRoutes.WorkPlans, PortalRoutes.Changes];

    public Task<IReadOnlyList<SitemapEntry>> EntriesAsync(CancellationToken ct) => records.GetOrLoadAsync(null, ReadEntriesAsync, ct);

    private async Task<IReadOnlyList<SitemapEntry>> ReadEntriesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.WorkPlans.AsNoTracking().OrderBy(w => w.Slug)
            .Select(w => new
            {
                w.Slug,
                Changed = w.Items.SelectMany(i => i.StatusChanges).Where(c => !c.FromSeed).Max(c => (DateTimeOffset?)c.ChangedAt),
                Linked = w.Items.SelectMany(i => i.ParagraphLinks).Where(l => l.Origin == RecordOrigin.Staff).Max(l => (DateTimeOffset?)l.LinkedAt),
            })
            .ToListAsync(ct);
        var planChanged = plans.ToDictionary(w => w.Slug, w => Latest(w.Changed, w.Linked));
        var lastChange = planChanged.Values.Max();

        var entries = new List<SitemapEntry>();
        entries.AddRange(StaticPages.Select(p => new SitemapEntry(p, null)));
        entries.AddRange(ChangePages.Select(p => new SitemapEntry(p, lastChange)));

        var participants = await db.Participants.AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, Status = ParticipantStatus.Current.Invoke(p) }).ToListAsync(ct);
        entries.AddRange(participants.Select(p => new SitemapEntry(PortalRoutes.Participant(p.Slug, p.Status), null)));
        entries.AddRange((await db.Meetings.AsNoTracking().OrderBy(m => m.Slug).Select(m => m.Slug).ToListAsync(ct)).Select(s => new SitemapEntry(PortalRoutes.Meeting(s), null)));
        entries.AddRange((await db.Mechanisms.AsNoTracking().OrderBy(m => m.Slug).Select(m => m.Slug).ToListAsync(ct)).Select(s => new SitemapEntry(PortalRoutes.WorkingGroup(s), null)));
        entries.AddRange(plans.Select(w => new SitemapEntry(PortalRoutes.WorkPlan(w.Slug), planChanged[w.Slug])));
        entries.AddRange((await db.Statements.AsNoTracking().OrderBy(s => s.Slug).Select(s => s.Slug).ToListAsync(ct)).Select(s => new SitemapEntry(PortalRoutes.Statement(s), null)));
        entries.AddRange((await db.Themes.AsNoTracking().OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync(ct)).Select(s => new SitemapEntry(PortalRoutes.Theme(s), null)));
        var sources = await db.SourceDocuments.AsNoTracking().OrderBy(d => d.Slug)
            .Select(d => new { d.Slug, Published = d.Origin == RecordOrigin.Staff && d.File != null ? d.File.PublishedAt : null }).ToListAsync(ct);
        entries.AddRange(sources.Select(d => new SitemapEntry(PortalRoutes.Source(d.Slug), d.Published)));
        entries.AddRange((await db.OutcomeDocuments.AsNoTracking().OrderBy(d => d.Slug).Select(d => d.Slug).ToListAsync(ct)).Select(s => new SitemapEntry(PortalRoutes.Document(s), null)));
        entries.AddRange((await db.People.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(ct)).Select(s => new SitemapEntry(PortalRoutes.Person(s), null)));
        entries.AddRange((await db.TimelineEvents.AsNoTracking().OrderBy(e => e.Slug).Select(e => e.Slug).ToListAsync(ct)).Select(s => new SitemapEntry(PortalRoutes.TimelineEvent(s), null)));
        return entries;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static string ToXml(IEnumerable<SitemapEntry> entries, string origin)
    {
        var sb = new StringBuilder();
        // Slugs come from staff too: the safe writer drops what XML cannot carry instead of throwing.
        using (var xml = Infrastructure.Security.XmlSafeWriter.Create(sb))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var e in entries)
            {
                // Every page in both languages (decision 0042), each naming all its versions; English is the default.
                var versions = PortalLanguage.All.Select(l => (Language: l, Path: PortalLanguage.In(l, e.Path))).DistinctBy(v => v.Path).ToList();
                foreach (var (_, path) in versions)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, origin + path);
                    if (e.LastModified is { } when)
                    {
                        xml.WriteElementString("lastmod", SitemapNamespace, when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    }

                    if (versions.Count > 1)
                    {
                        foreach (var (language, href) in versions.Append((Language: "x-default", Path: e.Path)))
                        {
                            xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
                            xml.WriteAttributeString("rel", "alternate");
                            xml.WriteAttributeString("hreflang", language);
                            xml.WriteAttributeString("href", origin + href);
                            xml.WriteEndElement();
                        }
                    }

                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares UTF-16; the response is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    public static string RobotsTxt(string origin) => string.Join('\n',
        "User-agent: *",
        "Disallow: /staff",
        "Disallow: /account",
        "Disallow: /admin",
        "Disallow: /api/",
        "Disallow: /download/",
        // Search results and filtered lists are endless combinations of the same records; every record's
        // own page is in the sitemap.
        "Disallow: /search?",
        "Disallow: /*?",
        "Allow: " + PortalRoutes.DataPackage,
        "Allow: " + PortalRoutes.ApiReference,
        "",
        $"Sitemap: {origin}{PortalRoutes.Sitemap}",
        "");
}

public static class SitemapEndpoints
{
    public static void MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalRoutes.Sitemap, async (HttpContext http, SitemapBuilder builder, CancellationToken ct) =>
                Results.Text(SitemapBuilder.ToXml(await builder.EntriesAsync(ct), Origin(http)), "application/xml; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet("/robots.txt", (HttpContext http) => Results.Text(SitemapBuilder.RobotsTxt(Origin(http)), "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
    }

    public static string Origin(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
    }
}
