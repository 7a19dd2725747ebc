using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace BaliProcess.Web.Infrastructure.Languages;

/// <summary>
/// Request localization by address (docs/decisions/0042). "/id/…" is served by the same pages as "/…": the
/// prefix moves into PathBase, so routing, links and the output cache key all see the language, and the
/// request's culture is Indonesian. Everything else is English, whatever the browser asks for; the browser's
/// Accept-Language only suggests the other language (<see cref="LanguageSuggestion"/>), and it chooses the
/// language of the API's error messages, which have one address for both.
/// </summary>
public static class LanguageSetup
{
    /// <summary>HttpContext.Items key: set when the address carried the "/id" prefix.</summary>
    private const string IndonesianAddressKey = "portal-language-id";

    /// <summary>
    /// The cookie an editor page sets for its live connection: the connection's address ("/_blazor") carries
    /// no language, so its culture comes from the page that opened it.
    /// </summary>
    public const string EditorLanguageCookie = "portal-editor-language";

    public static void AddPortalLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<MissingTexts>();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, TrackedStringLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(PortalLanguage.EnglishCulture);
            o.SupportedCultures = [PortalLanguage.EnglishCulture, PortalLanguage.IndonesianCulture];
            o.SupportedUICultures = [PortalLanguage.EnglishCulture, PortalLanguage.IndonesianCulture];
            o.ApplyCurrentCultureToResponseHeaders = true;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CustomRequestCultureProvider(ctx => Task.FromResult<ProviderCultureResult?>(Choose(ctx)))];
        });
    }

    /// <summary>Strips "/id" into PathBase, then sets the request's culture. Runs before routing.</summary>
    public static void UsePortalLanguages(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments(PortalLanguage.IndonesianPrefix, StringComparison.Ordinal, out var rest))
            {
                await next(context);
                return;
            }

            if (PortalLanguage.IsLanguageNeutral(rest))
            {
                // One address for data and files: "/id/api/v1/meetings" is "/api/v1/meetings".
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = request.PathBase + rest + request.QueryString;
                return;
            }

            var (pathBase, path) = (request.PathBase, request.Path);
            request.PathBase = pathBase.Add(PortalLanguage.IndonesianPrefix);
            request.Path = rest.HasValue ? rest : "/";
            context.Items[IndonesianAddressKey] = true;
            try
            {
                await next(context);
            }
            finally
            {
                (request.PathBase, request.Path) = (pathBase, path);
            }
        });
        app.UseRequestLocalization();
    }

    private static ProviderCultureResult Choose(HttpContext context)
    {
        if (context.Items.ContainsKey(IndonesianAddressKey))
        {
            return new(PortalLanguage.Indonesian);
        }

        var path = context.Request.Path;
        if (path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            return new(context.Request.Cookies[EditorLanguageCookie] == PortalLanguage.Indonesian ? PortalLanguage.Indonesian : PortalLanguage.English);
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // The API's data is the same for everyone (English dates and values); only its messages (problem
            // details' titles and details, the UI culture) follow the client's Accept-Language.
            return new(PortalLanguage.English, LanguageSuggestion.PrefersIndonesian(context.Request) ? PortalLanguage.Indonesian : PortalLanguage.English);
        }

        return new(PortalLanguage.English);
    }

}

/// <summary>
/// Whether a browser that asked for an English page would rather read Indonesian: the page then offers the
/// Indonesian one (a suggestion, never a redirect), until the reader chooses a language once.
/// </summary>
public static class LanguageSuggestion
{
    /// <summary>The cookie "/language/{code}" sets when a reader chooses: the suggestion is not shown again.</summary>
    public const string ChosenCookie = "portal-language";

    /// <summary>True when the first language in Accept-Language (by quality) is Indonesian ("id", "id-ID", "in").</summary>
    public static bool PrefersIndonesian(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages) || languages.Count == 0)
        {
            return false;
        }

        var first = languages.OrderByDescending(l => l.Quality ?? 1).First().Value.Value ?? "";
        return first.Equals("id", StringComparison.OrdinalIgnoreCase)
               || first.StartsWith("id-", StringComparison.OrdinalIgnoreCase)
               || first.Equals("in", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Show the suggestion: an English page, a browser preferring Indonesian, and no choice made yet.</summary>
    public static bool ShouldSuggestIndonesian(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return !PortalLanguage.IsIndonesian
               && !context.Request.Cookies.ContainsKey(ChosenCookie)
               && PrefersIndonesian(context.Request);
    }

    /// <summary>
    /// "/language/{code}?return=/path": remembers the reader's choice (a cookie, a year) and goes to the page in
    /// that language. Only a local path is followed; anything else goes to the home page.
    /// </summary>
    public static void MapLanguageChoice(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{code}", (string code, string? @return, HttpContext http) =>
        {
            if (code is not (PortalLanguage.English or PortalLanguage.Indonesian))
            {
                return Results.NotFound();
            }

            http.Response.Cookies.Append(ChosenCookie, code, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                IsEssential = true,
            });
            var target = @return is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal)
                ? StripLanguage(r)
                : "/";
            return Results.Redirect(PortalLanguage.In(code, target));
        });
    }

    /// <summary>"/id/meetings" → "/meetings"; an English path as it is.</summary>
    public static string StripLanguage(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var prefix = PortalLanguage.IndonesianPrefix;
        if (path == prefix)
        {
            return "/";
        }

        if (path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return path[prefix.Length..];
        }

        return path.StartsWith(prefix + "?", StringComparison.Ordinal) ? "/" + path[prefix.Length..] : path;
    }
}
