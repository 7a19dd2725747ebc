using System.Globalization;

namespace BaliProcess.Web.Infrastructure.Languages;

/// <summary>
/// The portal's two interface languages (docs/decisions/0042): English at the root ("/meetings") and Bahasa
/// Indonesia under "/id" ("/id/meetings"). The language is part of the address so that a link, the output
/// cache and a search engine all see one language per URL. Data addresses (the API, downloads, the data
/// package, the sitemap) have one address only: their content is the record's, not the interface's.
/// </summary>
public static class PortalLanguage
{
    public const string English = "en";
    public const string Indonesian = "id";

    /// <summary>The address prefix of the Indonesian pages.</summary>
    public const string IndonesianPrefix = "/id";

    public static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo(English);
    public static readonly CultureInfo IndonesianCulture = CultureInfo.GetCultureInfo(Indonesian);

    public static readonly string[] All = [English, Indonesian];

    /// <summary>The language the current request (or editor circuit) renders in: "en" or "id".</summary>
    public static string Current => IsIndonesian ? Indonesian : English;

    public static bool IsIndonesian =>
        string.Equals(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Indonesian, StringComparison.Ordinal);

    /// <summary>
    /// Addresses that are the same in both languages: data for programs (API, downloads, data package, sitemap,
    /// OpenAPI), files, health and metrics, and the framework's own. "/id/api/…" is sent to "/api/…".
    /// </summary>
    private static readonly string[] LanguageNeutralAreas =
    [
        "/api", "/download", "/openapi", "/sitemap.xml", "/robots.txt", "/health", "/metrics",
        "/_framework", "/_content", "/_blazor", "/language",
    ];

    public static bool IsLanguageNeutral(PathString path) =>
        LanguageNeutralAreas.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase))
        || Path.HasExtension(path.Value) && !path.Value!.EndsWith(".atom", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A portal address (as PortalRoutes builds it) in the current language: "/meetings/x" on an English page,
    /// "/id/meetings/x" on an Indonesian one. Addresses of other sites and language-neutral ones are returned as
    /// they are. Every link and redirect a page writes goes through this (or <see cref="In"/>).
    /// </summary>
    public static string Link(string path) => In(Current, path);

    /// <summary>A portal address in the given language.</summary>
    public static string In(string language, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (language != Indonesian || !IsLocal(path))
        {
            return path;
        }

        var end = path.IndexOfAny(['?', '#']);
        var pathPart = end < 0 ? path : path[..end];
        if (IsLanguageNeutral(new PathString(pathPart)) || pathPart.StartsWith(IndonesianPrefix + "/", StringComparison.Ordinal) || pathPart == IndonesianPrefix)
        {
            return path;
        }

        return pathPart == "/" ? IndonesianPrefix + path[1..] : IndonesianPrefix + path;
    }

    private static bool IsLocal(string path) => path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal);

    /// <summary>The English name of a language in its own words, for the switch: "English", "Bahasa Indonesia".</summary>
    public static string NativeName(string language) => language == Indonesian ? "Bahasa Indonesia" : "English";
}

/// <summary>
/// <c>@Link(PortalRoutes.Meeting(slug))</c> in a page: the address in the page's language (imported statically
/// in _Imports.razor, so that every link a page writes reads the same).
/// </summary>
public static class LanguageLinks
{
    public static string Link(string path) => PortalLanguage.Link(path);
}
