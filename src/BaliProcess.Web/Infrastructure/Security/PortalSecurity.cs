using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>Configuration section "Security".</summary>
public sealed class PortalSecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// HSTS and redirection of http:// to https://. On by default in Production. A proxy that terminates
    /// TLS sends X-Forwarded-Proto: https, so requests through it are not redirected. Off only where there
    /// is no TLS at all (the test host, scripts/cluster.sh on this machine).
    /// </summary>
    public bool RequireHttps { get; set; }

    /// <summary>The public HTTPS port that redirects point to.</summary>
    public int HttpsPort { get; set; } = 443;
}

public static class PortalSecurity
{
    public static void AddPortalSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(PortalSecurityOptions.Section);
        var requireHttpsDefault = builder.Environment.IsProduction();
        builder.Services.Configure<PortalSecurityOptions>(o =>
        {
            o.RequireHttps = requireHttpsDefault;
            section.Bind(o);
        });
        builder.Services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = section.GetValue("HttpsPort", 443);
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        // Which proxies may set X-Forwarded-For/-Proto: loopback always; more from configuration
        // (ForwardedHeaders:KnownProxies, e.g. a CDN's or load balancer's addresses in front of nginx, and
        // ForwardedHeaders:KnownNetworks, e.g. "172.16.0.0/12" for a container network). X-Forwarded-For is read from
        // the right, one hop per trusted proxy, and stops at the first address that is not one: that is the client
        // (rate limits and the sign-in throttle count it, ClientKey). With no limit on the number of hops a chain
        // CDN -> nginx -> portal names the visitor, not the CDN, and a client that writes its own X-Forwarded-For
        // gains nothing, because the walk stops at the untrusted address the first trusted proxy appended
        // (ForwardedHeaders:ForwardLimit can still cap it). Not X-Forwarded-Host: a proxy that passes on what the
        // client sent would let anyone choose the host of every absolute link; the host comes from
        // Portal:PublicAddress instead (PublicAddress, docs/decisions/0020).
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = builder.Configuration.GetValue<int?>("ForwardedHeaders:ForwardLimit");
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        // A wrong public address stops start-up with its reason, not the first request.
        if (builder.Configuration[PublicAddress.Key] is { Length: > 0 } configured
            && !(Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.PathAndQuery == "/"))
        {
            throw new InvalidOperationException($"{PublicAddress.Key} must be an absolute http(s) address without a path, e.g. https://baliprocess.example.org (it is \"{configured}\").");
        }

        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddSingleton(sp => ThemeStylesheet.RenderAsync(sp).GetAwaiter().GetResult());
    }
}
