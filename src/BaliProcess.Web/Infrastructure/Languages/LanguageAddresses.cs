namespace BaliProcess.Web.Infrastructure.Languages;

/// <summary>A page that writes its own canonical link (one address for a record shown under several).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OwnCanonicalAttribute : Attribute;

/// <summary>The addresses of the page being rendered in each language, for the switch, hreflang and canonical.</summary>
public static class LanguageAddresses
{
    /// <summary>
    /// The current page's path and query without any language prefix: "/meetings?page=2". Only the query
    /// parameters the page reads are kept (as its cache key keeps them): a made-up "?next=https://…" or
    /// "?utm_source=…" is not carried into the switch, the alternates or the canonical address.
    /// </summary>
    public static string PageInEnglish(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        var keys = Caching.PublicPageCachePolicy.QueryKeysOf(request.HttpContext);
        var kept = request.Query
            .Where(q => keys.Contains("*") || keys.Contains(q.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        return path + QueryString.Create(kept);
    }

    /// <summary>The current page in a language, as a root-relative address.</summary>
    public static string PageIn(HttpRequest request, string language) => PortalLanguage.In(language, PageInEnglish(request));

    /// <summary>An absolute address on this portal (the request's host is the configured public address).</summary>
    public static string Absolute(HttpRequest request, string rootRelative)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{rootRelative}";
    }
}
