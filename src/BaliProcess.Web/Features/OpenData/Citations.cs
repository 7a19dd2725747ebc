using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Statements;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>What a reference manager needs to cite a statement or one of its paragraphs.</summary>
public sealed record CitationData(
    string Key, string Title, string? Section, PartialDate? Date, string? MeetingTitle, string? Author, string Publisher,
    string Url, string? SourceNote, string Kind);

/// <summary>
/// RIS, BibTeX and CSL-JSON for a statement or a paragraph (with the paragraph's permanent URL), and the
/// citation_* meta tags Zotero and Google Scholar read. Dates keep their precision in every format.
/// </summary>
public static class Citations
{
    public const string Portal = "Bali Process Knowledge Portal";

    public static void MapCitations(this IEndpointRouteBuilder app)
    {
        Map(app, "ris", "application/x-research-info-systems; charset=utf-8", Ris);
        Map(app, "bib", "application/x-bibtex; charset=utf-8", BibTex);
        Map(app, "json", "application/vnd.citationstyles.csl+json", CslJson);
    }

    private static void Map(IEndpointRouteBuilder app, string extension, string contentType, Func<CitationData, string> format) =>
        app.MapGet(PortalRoutes.StatementCitationTemplate(extension), async (string slug, HttpContext http, StatementReads library, SourceReads sources, CancellationToken ct) =>
            {
                if (!SlugAttribute.IsSlug(slug) || await library.GetAsync(slug, null, ct) is not { } statement)
                {
                    return Results.NotFound();
                }

                var label = http.Request.Query["paragraph"].ToString();
                var paragraph = label.Length == 0 ? null : statement.Paragraphs.FirstOrDefault(p => string.Equals(p.Label, label, StringComparison.OrdinalIgnoreCase));
                if (label.Length > 0 && paragraph is null)
                {
                    return Results.NotFound();
                }

                var publisher = await PublisherAsync(sources, statement, ct);
                var names = await SourceNames.LoadAsync(sources, ct);
                var data = For(statement, paragraph, publisher, $"{http.Request.Scheme}://{http.Request.Host}", names);
                var name = paragraph is null ? slug : $"{slug}-{paragraph.Anchor}";
                return new FileDownload(Encoding.UTF8.GetBytes(format(data)), contentType, $"{name}.{extension}");
            })
            .ExcludeFromDescription();

    /// <summary>The publisher the statement's first source document names (else the portal).</summary>
    public static async Task<string> PublisherAsync(SourceReads sources, StatementDetail statement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(statement);
        var file = statement.Sources.Count > 0 ? statement.Sources[0].Document : null;
        var documents = await sources.ListAsync(ct);
        return documents.FirstOrDefault(d => d.FileName == file)?.Publisher ?? Portal;
    }

    public static CitationData For(StatementDetail s, ParagraphView? p, string publisher, string origin, SourceNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var url = origin + (p is null ? PortalRoutes.Statement(s.Slug) : PortalRoutes.Statement(s.Slug, p.Label));
        var source = s.Sources.Count > 0 ? s.Sources[0] : null;
        // The source document by its title and issuer (docs/decisions/0022), its file name only if the record does not list it.
        var place = p is null ? source?.Location : p.Location;
        var note = source is null ? null : $"Source: {(names is null ? $"{source.Document}, {place}" : names.Text(source.Document, place))}";
        return new CitationData(
            p is null ? $"baliprocess-{s.Slug}" : $"baliprocess-{s.Slug}-{p.Anchor}",
            s.Title, p is null ? null : Labels.ParagraphReference(p.Label, p.LabelAddedByPortal, p.Location), s.When ?? s.Meeting?.Start,
            s.Meeting is { } m && !s.Title.Contains(m.Title, StringComparison.OrdinalIgnoreCase) ? m.Title : s.Meeting?.Title,
            s.Author?.Name, publisher, url, note, Labels.AsTitled(s.Kind));
    }

    public static string Ris(CitationData c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var sb = new StringBuilder();
        void Tag(string tag, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                sb.Append(tag).Append("  - ").Append(OneLine(value)).Append("\r\n");
            }
        }

        Tag("TY", "GOVDOC");
        Tag("TI", c.Title);
        Tag("AU", c.Author);
        Tag("SE", c.Section);
        Tag("T2", c.MeetingTitle);
        if (c.Date is { } d)
        {
            Tag("PY", d.Year.ToString(CultureInfo.InvariantCulture));
            // RIS dates are YYYY/MM/DD/other; a part the document does not give stays empty.
            Tag("DA", d.Precision switch
            {
                DatePrecision.Year => $"{d.Year:D4}///",
                DatePrecision.Month => $"{d.Year:D4}/{d.Value.Month:D2}//",
                _ => $"{d.Year:D4}/{d.Value.Month:D2}/{d.Value.Day:D2}/",
            });
        }

        Tag("PB", c.Publisher);
        Tag("M3", c.Kind);
        Tag("UR", c.Url);
        Tag("DB", Portal);
        Tag("N1", c.SourceNote);
        sb.Append("ER  - \r\n");
        return sb.ToString();
    }

    public static string BibTex(CitationData c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var fields = new List<(string Name, string Value)> { ("title", "{" + Escape(c.Title) + "}") };
        if (c.Author is not null)
        {
            fields.Add(("author", "{" + Escape(c.Author) + "}"));
        }

        // Braced once more: biblatex splits a name list at " and ", and an issuer such as "Department of Foreign Affairs
        // and Trade and Ministry of Foreign Affairs" is one organisation, not several.
        fields.Add(("organization", "{" + Escape(c.Publisher) + "}"));
        if (c.MeetingTitle is not null)
        {
            fields.Add(("eventtitle", Escape(c.MeetingTitle)));
        }

        if (c.Section is not null)
        {
            fields.Add(("chapter", Escape(c.Section)));
        }

        string? month = null;
        if (c.Date is { } d)
        {
            fields.Add(("year", d.Year.ToString(CultureInfo.InvariantCulture)));
            // biblatex's date field takes ISO 8601 at any precision.
            fields.Add(("date", d.ToIsoString()));
            if (d.Precision >= DatePrecision.Month)
            {
                // The standard three-letter macro, unbraced (every BibTeX style knows it).
                month = d.Value.ToString("MMM", CultureInfo.InvariantCulture).ToLowerInvariant();
            }
        }

        fields.Add(("howpublished", Escape(Portal)));
        fields.Add(("url", c.Url));
        if (c.SourceNote is not null)
        {
            fields.Add(("note", Escape(c.SourceNote)));
        }

        var sb = new StringBuilder().Append("@misc{").Append(c.Key).Append(",\n");
        sb.AppendJoin(",\n", fields.Select(f => $"  {f.Name} = {{{f.Value}}}"));
        if (month is not null)
        {
            sb.Append(",\n  month = ").Append(month);
        }

        return sb.Append("\n}\n").ToString();
    }

    public static string CslJson(CitationData c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var item = new JsonObject
        {
            ["id"] = c.Key,
            ["type"] = "document",
            ["title"] = c.Title,
            ["genre"] = c.Kind,
            ["publisher"] = c.Publisher,
            ["URL"] = c.Url,
            ["source"] = Portal,
        };
        if (c.Author is not null)
        {
            item["author"] = new JsonArray(new JsonObject { ["literal"] = c.Author });
        }

        if (c.MeetingTitle is not null)
        {
            item["event-title"] = c.MeetingTitle;
        }

        if (c.Section is not null)
        {
            item["section"] = c.Section;
        }

        if (c.Date is { } d)
        {
            // date-parts has as many parts as the date's precision: [[2023]], [[2023, 2]], [[2023, 2, 10]].
            var parts = new JsonArray(d.Year);
            if (d.Precision >= DatePrecision.Month)
            {
                parts.Add(d.Value.Month);
            }

            if (d.Precision == DatePrecision.Day)
            {
                parts.Add(d.Value.Day);
            }

            item["issued"] = new JsonObject { ["date-parts"] = new JsonArray(parts) };
        }

        if (c.SourceNote is not null)
        {
            item["note"] = c.SourceNote;
        }

        return new JsonArray(item).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The citation_* meta tags (Highwire Press names) that Zotero and Google Scholar read.</summary>
    public static IReadOnlyList<(string Name, string Content)> MetaTags(CitationData c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var tags = new List<(string, string)> { ("citation_title", c.Title) };
        if (c.Author is not null)
        {
            tags.Add(("citation_author", c.Author));
        }

        if (c.Date is { } d)
        {
            // Google Scholar's form: 2023/02/10, or only as much as is known (2018/08, 2003).
            tags.Add(("citation_publication_date", d.Precision switch
            {
                DatePrecision.Year => $"{d.Year:D4}",
                DatePrecision.Month => $"{d.Year:D4}/{d.Value.Month:D2}",
                _ => $"{d.Year:D4}/{d.Value.Month:D2}/{d.Value.Day:D2}",
            }));
        }

        tags.Add(("citation_publisher", c.Publisher));
        if (c.MeetingTitle is not null)
        {
            tags.Add(("citation_conference_title", c.MeetingTitle));
        }

        tags.Add(("citation_public_url", c.Url));
        tags.Add(("citation_abstract_html_url", c.Url));
        tags.Add(("citation_language", "en"));
        return tags;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>BibTeX special characters escaped; UTF-8 kept as it is (biber and Zotero read it).</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in OneLine(text))
        {
            sb.Append(ch switch
            {
                '\\' => "\\textbackslash{}",
                '{' => "\\{",
                '}' => "\\}",
                '%' => "\\%",
                '&' => "\\&",
                '$' => "\\$",
                '#' => "\\#",
                '_' => "\\_",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }
}
