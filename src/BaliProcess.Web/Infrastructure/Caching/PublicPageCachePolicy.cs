using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>Configuration section "PublicCache".</summary>
public sealed class PublicCacheOptions
{
    public const string Section = "PublicCache";

    /// <summary>Serve anonymous public pages from the output cache (off only to measure the uncached path).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the server keeps a page when nothing evicts it.</summary>
    public TimeSpan ServerLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>max-age for browsers and shared caches (a CDN): short, since a change must show soon.</summary>
    public int BrowserMaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// Keep what public pages and the API read from the record in memory between changes (<see cref="RecordCache"/>);
    /// off only to measure the database path.
    /// </summary>
    public bool RecordInMemory { get; set; } = true;

    /// <summary>The most the output cache keeps (rendered bodies, compressed and plain).</summary>
    public int OutputCacheMegabytes { get; set; } = 32;

    /// <summary>The most the record cache keeps (estimated; record reads, search summaries and results pages).</summary>
    public int RecordCacheMegabytes { get; set; } = 32;
}

/// <summary>
/// The output cache policy for the whole portal. Only anonymous GETs of public pages (Razor pages that are
/// not interactive and not under the staff, account or admin areas) and of /api/ are stored and served
/// from the cache; anything that belongs to a signed-in person never is. Stored pages carry
/// Cache-Control: public with a short max-age, Last-Modified and an ETag, so a revalidating browser gets 304.
/// </summary>
public sealed class PublicPageCachePolicy(PublicCacheOptions options, RecordGeneration generation, CacheMetrics metrics) : IOutputCachePolicy
{
    /// <summary>On every stored response, so that a change can hand back the memory of the old generation's pages.</summary>
    public const string Tag = "public";

    /// <summary>The vary-by value that keys every stored page by the record generation it was rendered under.</summary>
    public const string GenerationKey = "record-generation";

    private const string LanguageKey = "language";
    private const string SuggestionKey = "suggest-indonesian";

    /// <summary>The query parameters each page reads, by component type (the only ones its cache key varies by).</summary>
    private static readonly ConcurrentDictionary<Type, string[]> QueryKeysOfPage = new();

    /// <summary>Never cached, whoever asks.</summary>
    private static readonly string[] PrivateAreas = ["/staff", "/account", "/admin", "/Account", "/health", "/_blazor"];

    public static bool IsPrivateArea(PathString path) => PrivateAreas.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the request may come from, or go to, the shared public cache.</summary>
    public static bool IsCacheableRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (IsPrivateArea(request.Path) || SignedInOrMaybe(context))
        {
            return false;
        }

        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<InteractivePageAttribute>() is not null)
        {
            return false;
        }

        // The API reference page carries a per-response script nonce, so a stored copy could not run.
        if (request.Path.StartsWithSegments(Security.SecurityHeaders.ReferencePagePath, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
               || request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Signed in, or carrying anything that could make it so (an authentication cookie or header), even if
    /// authentication has not run yet for this request: such requests always get their own rendering.
    /// </summary>
    private static bool SignedInOrMaybe(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true || context.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return true;
        }

        foreach (var cookie in context.Request.Cookies)
        {
            if (Features.Accounts.AccountsSetup.IsSignInCookie(cookie.Key)
                || cookie.Key.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)
                || cookie.Key.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = options.Enabled && IsCacheableRequest(context.HttpContext);
        // Text a visitor typed (search words, words to mark) would make an entry per text: such pages are rendered
        // each time (search keeps its results in the record cache's budget), while browsers may still keep them.
        var kept = cacheable && !CarriesTypedText(context.HttpContext.Request);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = kept;
        context.AllowCacheStorage = kept;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        context.ResponseExpirationTimeSpan = options.ServerLifetime;
        // Rendered under this generation, kept under it: once the record changes, no request asks for it again,
        // however long its render took or whenever it was stored (docs/decisions/0018).
        context.CacheVaryByRules.VaryByValues[GenerationKey] = generation.Current.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.QueryKeys = QueryKeysOf(context.HttpContext);
        // One entry per language (the "/id" prefix is in PathBase, and the API's messages follow Accept-Language),
        // and on English pages one with and one without the offer of the Indonesian page (decision 0042).
        context.CacheVaryByRules.VaryByValues[LanguageKey] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues[SuggestionKey] = Languages.LanguageSuggestion.ShouldSuggestIndonesian(context.HttpContext) ? "1" : "0";
        // Compressed and plain bodies differ.
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.Tags.Add(Tag);

        // The cache takes its copy of the headers when the body starts, before OnStarting callbacks run, so
        // the caching headers are set now; a response that turns out not to be shareable loses them below.
        // One ETag per rendering: it matches only the body this cache entry holds (weak, because the
        // compressed and plain forms of a page share it). A cache hit replaces all three with the stored ones.
        var response = context.HttpContext.Response;
        var now = DateTimeOffset.UtcNow;
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.BrowserMaxAgeSeconds}");
        response.Headers.LastModified = HeaderUtilities.FormatDate(now);
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        response.Headers.ETag = $"W/\"{now.UtcTicks.ToString("x", CultureInfo.InvariantCulture)}\"";
        response.OnStarting(() =>
        {
            if (!IsShareable(response))
            {
                // An error page, a redirect or a response with a cookie: nobody may keep it.
                if (!response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.Ordinal))
                {
                    response.Headers.CacheControl = "no-cache";
                }

                response.Headers.Remove(HeaderNames.ETag);
                response.Headers.Remove(HeaderNames.LastModified);
            }

            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Only a plain success is shared, or a withdrawn record's 410 Gone (a page like others, keyed by the generation:
    /// decision 0030); never a response that sets a cookie (it belongs to one visitor).
    /// </summary>
    private static bool IsShareable(HttpResponse response) =>
        response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status410Gone && !response.Headers.ContainsKey(HeaderNames.SetCookie);

    /// <summary>The query parameters that carry free text a visitor typed (the search box, the words marked on a statement).</summary>
    private static readonly string[] TypedTextParameters = ["q", "hl"];

    private static bool CarriesTypedText(HttpRequest request) => TypedTextParameters.Any(p => request.Query.ContainsKey(p));

    /// <summary>
    /// A page varies only by the query parameters it reads ([SupplyParameterFromQuery]): a made-up parameter
    /// (?utm_source=…, ?x=1, ?x=2, …) gets the page as it is, not a new entry each. The API varies by all, and its
    /// unknown parameters are refused with a 400 that is not kept.
    /// </summary>
    internal static string[] QueryKeysOf(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not { } component)
        {
            return ["*"];
        }

        return QueryKeysOfPage.GetOrAdd(component.Type, static type => [.. type
            .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Query is not null)
            .Select(p => p.Query!.Name ?? p.Property.Name)
            .Order(StringComparer.OrdinalIgnoreCase)]);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.Hit(CacheMetrics.OutputCacheName);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.Miss(CacheMetrics.OutputCacheName);
        if (!IsShareable(context.HttpContext.Response))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
