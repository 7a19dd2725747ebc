using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Meetings;
using BaliProcess.Web.Features.Participants;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Infrastructure.Languages;
using Microsoft.AspNetCore.Components;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// schema.org JSON-LD for meeting (Event), member (Country or Organization) and statement (CreativeWork)
/// pages. It is a data block (&lt;script type="application/ld+json"&gt;), which browsers never run: public
/// pages still load no executable script.
/// </summary>
public static class JsonLd
{
    public const string BaliProcess = "Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime";

    // HTML-sensitive characters (<, >, &, quotes) stay escaped, so no value can close the element; other
    // letters stay as they are ("Türkiye").
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static MarkupString Script(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new MarkupString($"<script type=\"application/ld+json\">{data.ToJsonString(Options)}</script>");
    }

    public static JsonObject Meeting(MeetingDetail m, string origin)
    {
        ArgumentNullException.ThrowIfNull(m);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = m.Title,
            ["url"] = origin + PortalRoutes.Meeting(m.Slug),
            // ISO 8601 at the document's precision: "2003-04" is a valid schema.org Date for April 2003.
            ["startDate"] = m.Start.ToIsoString(),
            ["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = BaliProcess },
        };
        // Only where a document states the format.
        if (m.IsVirtual is { } isVirtual)
        {
            json["eventAttendanceMode"] = isVirtual ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode";
        }

        if (m.End is { } end)
        {
            json["endDate"] = end.ToIsoString();
        }

        if (m.IsVirtual == true)
        {
            json["location"] = new JsonObject { ["@type"] = "VirtualLocation", ["name"] = "Virtual" };
        }
        else if (m.Place is { } place)
        {
            json["location"] = new JsonObject { ["@type"] = "Place", ["name"] = place, ["address"] = place };
        }

        if (m.Summary is { } summary)
        {
            json["description"] = summary;
        }

        var hosts = m.Attendance.Where(a => a.Role is AttendanceRole.Host or AttendanceRole.CoChair).DistinctBy(a => a.Slug).Select(a => (JsonNode)new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = a.Name,
            ["url"] = origin + PortalRoutes.Participant(a.Slug, a.Status),
        }).ToArray();
        if (hosts.Length > 0)
        {
            json["sponsor"] = new JsonArray(hosts);
        }

        // The data is the record's (English); the page that shows it is in the reader's language.
        json["mainEntityOfPage"] = WebPage(json["url"]!.GetValue<string>(), origin);
        return json;
    }

    public static JsonObject Participant(ParticipantProfile p, string origin)
    {
        ArgumentNullException.ThrowIfNull(p);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            // A government is a country; organisations, regions and other bodies are organisations.
            // A member government is a GovernmentOrganization serving its country: schema.org allows memberOf on an
            // organisation, not on a Country (a Place). Organisations, regions and other bodies are organisations.
            ["@type"] = p.Kind == ParticipantKind.Government ? "GovernmentOrganization" : "Organization",
            ["name"] = p.Name,
            ["url"] = origin + PortalRoutes.Participant(p.Slug, p.Status),
        };
        if (p.Kind == ParticipantKind.Government)
        {
            json["areaServed"] = new JsonObject { ["@type"] = "Country", ["name"] = p.Name };
        }

        var alternates = p.Aliases.Concat(p.FullName is { } full ? [full] : []).Distinct().ToArray();
        if (alternates.Length > 0)
        {
            json["alternateName"] = new JsonArray([.. alternates.Select(a => (JsonNode)JsonValue.Create(a)!)]);
        }

        if (p.Status is { } status)
        {
            var role = new JsonObject
            {
                ["@type"] = "OrganizationRole",
                ["roleName"] = status.ToString(),
                ["memberOf"] = new JsonObject { ["@type"] = "Organization", ["name"] = BaliProcess },
            };
            if (p.Memberships.LastOrDefault(m => m.Status == status)?.Since is { } since)
            {
                role["startDate"] = since.ToIsoString();
            }

            json["memberOf"] = role;
        }

        json["mainEntityOfPage"] = WebPage(json["url"]!.GetValue<string>(), origin);
        return json;
    }

    /// <summary>The portal itself, which every page is part of.</summary>
    public static JsonObject WebSite(string origin) => new()
    {
        ["@type"] = "WebSite",
        ["name"] = Citations.Portal,
        ["url"] = origin + "/",
        ["about"] = new JsonObject { ["@type"] = "Organization", ["name"] = BaliProcess },
        ["inLanguage"] = new JsonArray([.. PortalLanguage.All.Select(l => (JsonNode)JsonValue.Create(l)!)]),
    };

    /// <summary>The page that shows a thing (an event, an organisation): its address and the language of its interface.</summary>
    private static JsonObject WebPage(string url, string origin) =>
        new() { ["@type"] = "WebPage", ["url"] = url, ["inLanguage"] = PortalLanguage.Current, ["isPartOf"] = WebSite(origin) };

    /// <summary>Types whose schema.org class has inLanguage (CreativeWork and its kinds): the page's language.</summary>
    private static bool IsCreativeWork(string type) =>
        type is "CollectionPage" or "SearchResultsPage" or "WebPage" or "AboutPage" or "ItemPage" or "ProfilePage" or "FAQPage" or "CreativeWork" or "Dataset" or "DataCatalog";

    /// <summary>Any other page: its type, name, address and description, part of the portal.</summary>
    public static JsonObject Page(string type, string name, string url, string? description, string origin)
    {
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = type,
            ["name"] = name,
            ["url"] = url,
        };
        if (IsCreativeWork(type))
        {
            json["inLanguage"] = PortalLanguage.Current;
        }

        if (description is not null)
        {
            json["description"] = description;
        }

        if (type != "WebSite")
        {
            json[type is "CollectionPage" or "SearchResultsPage" ? "isPartOf" : "subjectOf"] = type is "CollectionPage" or "SearchResultsPage"
                ? WebSite(origin)
                : WebPage(url, origin);
        }
        else
        {
            json["about"] = new JsonObject { ["@type"] = "Organization", ["name"] = BaliProcess };
        }

        return json;
    }

    public static JsonObject Statement(StatementDetail s, CitationData citation, string origin)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(citation);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CreativeWork",
            ["name"] = s.Title,
            ["genre"] = Components.Shared.Labels.AsTitled(s.Kind),
            ["url"] = origin + PortalRoutes.Statement(s.Slug),
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = citation.Publisher },
            ["inLanguage"] = "en",
        };
        if (citation.Date is { } date)
        {
            json["datePublished"] = date.ToIsoString();
        }

        if (s.Author is { } author)
        {
            json["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = author.Name, ["url"] = origin + author.Href };
        }

        if (s.Meeting is { } m)
        {
            json["about"] = new JsonObject { ["@type"] = "Event", ["name"] = m.Title, ["startDate"] = m.Start.ToIsoString(), ["url"] = origin + PortalRoutes.Meeting(m.Slug) };
        }

        // The statement is in English (its own words); the page about it is in the reader's language.
        json["mainEntityOfPage"] = WebPage(json["url"]!.GetValue<string>(), origin);
        return json;
    }

}
