using System.Security.Cryptography;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// Security headers on every response, and the Content-Security-Policy that fits the page: public pages
/// carry no script at all and only the portal's own stylesheets; staff (interactive) pages load Blazor's
/// and MudBlazor's scripts from the portal and the import map by a per-request nonce.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The key under which the request's CSP nonce is kept in HttpContext.Items (read by App.razor).</summary>
    public const string NonceKey = "csp-nonce";

    /// <summary>Public pages: nothing inline, nothing from elsewhere, no script at all.</summary>
    public const string PublicPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Interactive (staff) pages. Scripts: the portal's own files plus the import map by nonce; never
    /// 'unsafe-inline' or 'unsafe-eval'. Styles: MudBlazor's interactive components write style attributes
    /// (MudPopover, MudMenu, MudSelect, MudDialog, MudSnackbar, MudTooltip position and size themselves with
    /// inline styles: MudBlazor issue #4529), so staff pages allow inline styles and nothing more.
    /// </summary>
    public static string InteractivePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar, a developer's tool built from the OpenAPI document) is the one page
    /// outside staff editing that runs script: its own files from the portal and its inline start-up
    /// script by nonce (see OpenDataSetup), never 'unsafe-inline' or 'unsafe-eval' for scripts. It styles
    /// itself inline, so inline styles are allowed there as on staff pages.
    /// </summary>
    public static string ReferencePagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Where the API reference page is served (and its own script files below it).</summary>
    public const string ReferencePagePath = Components.PortalRoutes.ApiReference;

    /// <summary>The nonce of this response's policy, or null on pages that allow no inline script.</summary>
    public static string? NonceOf(HttpContext context) =>
        context?.Items.TryGetValue(NonceKey, out var nonce) == true ? nonce as string : null;

    public static void UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            var interactive = context.GetEndpoint()?.Metadata.GetMetadata<InteractivePageAttribute>() is not null
                              || context.Request.Path.StartsWithSegments("/_blazor");
            string policy;
            if (interactive)
            {
                var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                context.Items[NonceKey] = nonce;
                policy = InteractivePolicy(nonce);
            }
            else if (context.Request.Path.StartsWithSegments(ReferencePagePath, StringComparison.OrdinalIgnoreCase))
            {
                var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                context.Items[NonceKey] = nonce;
                policy = ReferencePagePolicy(nonce);
            }
            else
            {
                policy = PublicPolicy;
            }

            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
