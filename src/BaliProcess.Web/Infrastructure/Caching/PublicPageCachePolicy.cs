using System.Globalization;
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
}

/// <summary>
/// The output cache policy for the whole portal. Only anonymous GETs of public pages (Razor pages that are
/// not interactive and not under the staff, account or admin areas) and of /api/ are stored and served
/// from the cache; anything that belongs to a signed-in person never is. Stored pages carry
/// Cache-Control: public with a short max-age, Last-Modified and an ETag, so a revalidating browser gets 304.
/// </summary>
public sealed class PublicPageCachePolicy(PublicCacheOptions options) : IOutputCachePolicy
{
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
            if (cookie.Key == Features.Accounts.AccountsSetup.SessionCookieName
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
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        context.ResponseExpirationTimeSpan = options.ServerLifetime;
        // Every query parameter matters (filters, search words, page); compressed and plain bodies differ.
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        foreach (var tag in PublicCacheTags.ForPath(context.HttpContext.Request.Path))
        {
            context.Tags.Add(tag);
        }

        // The cache takes its copy of the headers when the body starts, before OnStarting callbacks run, so
        // the caching headers are set now; a response that turns out not to be shareable loses them below.
        // One ETag per rendering: it matches only the body this cache entry holds (weak, because the
        // compressed and plain forms of a page share it). A cache hit replaces all three with the stored ones.
        var response = context.HttpContext.Response;
        var now = DateTimeOffset.UtcNow;
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.BrowserMaxAgeSeconds}");
        response.Headers.LastModified = HeaderUtilities.FormatDate(now);
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

    /// <summary>Only a plain success is shared, and never a response that sets a cookie (it belongs to one visitor).</summary>
    private static bool IsShareable(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie);

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!IsShareable(context.HttpContext.Response))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
