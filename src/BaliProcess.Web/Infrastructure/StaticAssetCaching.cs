using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace BaliProcess.Web.Infrastructure;

/// <summary>
/// How browsers keep the portal's own files (docs/decisions/0022). A fingerprinted file (app.abc123.css) never
/// changes under its address, so it is served "public, max-age=31536000, immutable" by <c>dotnet run</c> and by a
/// published build alike; a browser then never asks again. A conditional request for any file gets 304 when
/// its ETag matches, whatever If-Modified-Since says beside it (RFC 9110, 13.1.3: If-None-Match wins).
/// </summary>
public static class StaticAssetCaching
{
    /// <summary>The Cache-Control of a file whose address holds a hash of its content.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>
    /// Adds both rules to the endpoints of <c>MapStaticAssets</c>. The SDK's manifests already say "immutable"
    /// for fingerprinted addresses, but a build run with <c>dotnet run</c> serves every file "no-cache" unless
    /// <c>ReloadStaticAssetsAtRuntime</c> is false (appsettings.json), and neither manifest says "public".
    /// </summary>
    public static void UseImmutableFingerprints(this StaticAssetsEndpointConventionBuilder assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        assets.Add(endpoint =>
        {
            var descriptor = endpoint.Metadata.OfType<StaticAssetDescriptor>().SingleOrDefault();
            var original = endpoint.RequestDelegate;
            if (descriptor is null || original is null)
            {
                return;
            }

            var fingerprinted = IsFingerprinted(descriptor);
            endpoint.RequestDelegate = context =>
            {
                var headers = context.Request.Headers;
                if (headers.ContainsKey(HeaderNames.IfNoneMatch))
                {
                    // Chromium sends both validators; the asset invoker would compare the date as well and answer
                    // 200 with the whole file when the two disagree.
                    headers.Remove(HeaderNames.IfModifiedSince);
                }

                if (fingerprinted)
                {
                    context.Response.OnStarting(static state =>
                    {
                        var response = ((HttpContext)state).Response;
                        if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified or StatusCodes.Status206PartialContent)
                        {
                            response.Headers.CacheControl = Immutable;
                        }

                        return Task.CompletedTask;
                    }, context);
                }

                return original(context);
            };
        });
    }

    /// <summary>True when the address is the one with the content hash in it (not the plain name beside it).</summary>
    public static bool IsFingerprinted(StaticAssetDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var fingerprint = descriptor.Properties.FirstOrDefault(p => string.Equals(p.Name, "fingerprint", StringComparison.OrdinalIgnoreCase))?.Value;
        return !string.IsNullOrEmpty(fingerprint) && descriptor.Route.Contains(fingerprint, StringComparison.Ordinal);
    }
}
