using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using BaliProcess.Web.Components;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>The open-data parts of the portal: the API, its OpenAPI document and reference page, downloads, citations, sitemap.</summary>
public static class OpenDataSetup
{
    public const string CorsPolicy = "open-data";
    public const string RateLimitPolicy = "open-data";
    public const string ReferencePath = PortalRoutes.ApiReference;

    public static void AddOpenData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Enums as their names ("Member", "Workshop"), in the API and in its OpenAPI schemas alike.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddOperationTransformer<ApiParameterSchemas>();
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Bali Process Knowledge Portal — open data API";
                document.Info.Version = "v1";

                // The generator lists null among a nullable enum's values and also wraps the property in
                // oneOf [null, enum]: a null then matches both branches and fails oneOf. The enum schemas
                // are shared, so they list the names only; the properties that may be null say so.
                foreach (var schema in document.Components?.Schemas?.Values.OfType<Microsoft.OpenApi.OpenApiSchema>() ?? [])
                {
                    if (schema.Enum is { } values && values.Any(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.Null))
                    {
                        schema.Enum = [.. values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null)];
                    }
                }

                document.Info.Description =
                    "Read-only JSON for everything the portal shows: members, observers and other bodies, meetings, working groups, " +
                    "work plans with their status history, statements with their paragraphs, themes and search. Dates are strings at " +
                    "the precision the documents give (\"2003\", \"2018-08\", \"2002-02-27\"); every record names its sources (document " +
                    "and place). Lists take page and pageSize (at most 100) and send RFC 8288 Link headers; every answer has an ETag " +
                    "(send If-None-Match for a 304); errors are RFC 7807 problem details. CSV and JSON downloads of each list are linked " +
                    "from its page, and the whole record is one Frictionless Data Package at /download/datapackage.zip.";
                return Task.CompletedTask;
            });
        });

        // The data is public: any site may read it from a browser, but only read it.
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders("If-None-Match", "Accept")
            .WithExposedHeaders("ETag", "Link", "Retry-After")));

        var perMinute = builder.Configuration.GetValue("RateLimits:ApiRequestsPerMinute", 600);
        var searchesPerMinute = builder.Configuration.GetValue("RateLimits:SearchRequestsPerMinute", 120);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            Infrastructure.Security.ClientKey.Of(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));

        // The search limit's rejection writes an HTML page; API and download requests get a problem document instead.
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            var pages = o.OnRejected;
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    if (pages is not null)
                    {
                        await pages(rejected, ct);
                    }

                    return;
                }

                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                OpenDataWords.VaryByLanguage(http.Response);
                await TypedResults.Problem(
                    title: OpenDataWords.Text("Too many requests"),
                    detail: OpenDataWords.Format("The API answers up to {0} requests a minute from one address, of them up to {1} searches (shared with the search page). Wait a minute (see Retry-After) and try again, or take the whole record at once from /download/datapackage.zip.", perMinute, searchesPerMinute),
                    statusCode: StatusCodes.Status429TooManyRequests,
                    type: "https://www.rfc-editor.org/rfc/rfc6585#section-4").ExecuteAsync(http);
            };
        });

        services.AddScoped<OpenDataLookups>();
        services.AddScoped<DataPackageBuilder>();
        services.AddScoped<SitemapBuilder>();
    }

    /// <summary>
    /// The reference page's HTML has an inline start-up script; the Content-Security-Policy allows it by
    /// this response's nonce (SecurityHeaders.ReferencePagePolicy), so every script element gets the nonce.
    /// Scalar's page also lacks a language, which screen readers need (Lighthouse html-has-lang): it is English.
    /// </summary>
    private static async ValueTask<object?> CompleteReferencePage(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var nonce = Infrastructure.Security.SecurityHeaders.NonceOf(context.HttpContext);
        if (nonce is null || result is not Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult { ResponseContent: { } html } content)
        {
            return result;
        }

        return TypedResults.Content(
            html.Replace("<script", $"<script nonce=\"{nonce}\"", StringComparison.OrdinalIgnoreCase)
                .Replace("<html>", "<html lang=\"en\">", StringComparison.OrdinalIgnoreCase),
            content.ContentType, statusCode: content.StatusCode);
    }

    /// <summary>
    /// Added to the reference page's head: a description (for search engines), and zod's "jitless" switch set
    /// before Scalar loads. Without it zod probes for eval with <c>Function("")</c>, which the policy (no
    /// 'unsafe-eval', ever) refuses with a violation report on every visit; jitless, zod validates without
    /// compiling code, so nothing is lost.
    /// </summary>
    private const string ReferencePageHead =
        "<meta name=\"description\" content=\"The Bali Process Knowledge Portal's open data API: members, meetings, " +
        "working groups, work plans, statements, themes, search and changes as JSON, with the OpenAPI document.\" />\n" +
        "<script>globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });</script>";

    /// <summary>
    /// Scalar's light theme writes secondary text (#8e8e8e on white, 3.3:1) and JSON literals (#00935d on
    /// #f6f6f6, 3.6:1) below the 4.5:1 contrast WCAG asks for; these are the same hues, darker (6:1 and 5.7:1).
    /// </summary>
    private const string ReferencePageCss =
        ".light-mode { --scalar-color-3: #616161 !important; --scalar-color-green: #00704a !important; }";

    public static void MapOpenData(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").RequireCors(CorsPolicy);

        // The API reference page (Scalar, built from the OpenAPI document). It is the one page outside staff
        // editing that loads script: it is a developer's tool, and everything it shows is in the document too.
        app.MapScalarApiReference(ReferencePath, o => o
            .WithTitle("Bali Process Knowledge Portal — API reference")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableTelemetry()
            .DisableDefaultFonts()
            .HideClientButton()
            .AddHeadContent(ReferencePageHead)
            .WithCustomCss(ReferencePageCss))
            .AddEndpointFilter(CompleteReferencePage);

        app.MapOpenDataApi();
        app.MapDownloads();
        app.MapCitations();
        app.MapSitemap();
    }
}
