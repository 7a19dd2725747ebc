using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// The one address visitors reach the portal at (configuration "Portal:PublicAddress", e.g.
/// "https://baliprocess.example.org"). Every absolute link (canonical, JSON-LD, citations, the sitemap, Atom,
/// the API's Link headers) and every redirect is built from it, never from the Host or X-Forwarded-Host header,
/// which a client chooses: behind a CDN that keeps public pages for a minute, one request with a forged host would
/// otherwise poison a page for everyone (issue 20, docs/decisions/0020).
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IServer server, ILogger<PublicAddress> logger)
{
    public const string Key = "Portal:PublicAddress";

    private readonly Lazy<HostString> host = new(() => Resolve(configuration, server, logger));

    /// <summary>The host (and port) of the public address; the request's Host is replaced by it.</summary>
    public HostString Host => host.Value;

    /// <summary>
    /// Where the address comes from: the setting; without it, the first address the server listens on (run.sh's
    /// --urls, a test's Kestrel port); without that (the in-memory test server, a wildcard address), "localhost".
    /// A forged header can change none of these.
    /// </summary>
    private static HostString Resolve(IConfiguration configuration, IServer server, ILogger logger)
    {
        var configured = configuration[Key];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.PathAndQuery == "/" && string.IsNullOrEmpty(uri.UserInfo))
            {
                return HostOf(uri);
            }

            throw new InvalidOperationException($"{Key} must be an absolute http(s) address without a path, e.g. https://baliprocess.example.org (it is \"{configured}\").");
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in listening)
        {
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Host is not ("0.0.0.0" or "[::]" or "+" or "*"))
            {
                logger.LogWarning("{Key} is not set: absolute links and redirects use {Address}, the address this instance listens on.", Key, address);
                return HostOf(uri);
            }
        }

        logger.LogWarning("{Key} is not set: absolute links and redirects use localhost. Set it to the address visitors use.", Key);
        return new HostString("localhost");
    }

    private static HostString HostOf(Uri uri) => uri.IsDefaultPort ? new HostString(uri.Host) : new HostString(uri.Host, uri.Port);

    /// <summary>
    /// Replaces the request's Host with the public address before anything reads it: the framework's own absolute
    /// addresses (NavigationManager.BaseUri, the sign-in cookie's redirects, HTTPS redirection) and the portal's
    /// (feeds, sitemap, citations, Link headers) then all name the configured host. The scheme stays the
    /// connection's or the trusted proxy's X-Forwarded-Proto, so HTTPS redirection still sees plain HTTP.
    /// </summary>
    public static void UsePublicAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<PublicAddress>();
        app.Use((context, next) =>
        {
            context.Request.Host = address.Host;
            return next(context);
        });
    }
}
