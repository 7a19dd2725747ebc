using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Search.Index;
using OpenTelemetry.Metrics;

namespace BaliProcess.Web.Infrastructure.Caching;

public static class CachingSetup
{
    /// <summary>The caches, the record generation they are keyed by, and what moves it (docs/decisions/0018).</summary>
    public static void AddPortalCaching(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(PublicCacheOptions.Section).Get<PublicCacheOptions>() ?? new PublicCacheOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RecordGeneration>();
        builder.Services.AddSingleton<CacheMetrics>();
        builder.Services.AddSingleton<PublicPageCachePolicy>();
        builder.Services.AddOutputCache(o => o.SizeLimit = options.OutputCacheMegabytes * 1024L * 1024);
        builder.Services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<PublicPageCachePolicy>((o, policy) => o.AddBasePolicy(policy));
        builder.Services.AddSingleton<RecordCache>();
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddSingleton<ParagraphIndexHolder>();
        builder.Services.AddSingleton<RecordChangeNotifications>();
        builder.Services.AddSingleton<RecordChanges>();
        builder.Services.AddSingleton<RecordChangeListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RecordChangeListener>());

        // The caches' counters (and ASP.NET Core's own) for a Prometheus scraper: see MapPortalMetrics.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CacheMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
    }

    /// <summary>
    /// GET /metrics in the Prometheus text format, answered only to requests from this machine (a scraper beside
    /// the portal, or through the proxy's own address when it forwards none): visitors get 404, as for any other
    /// unknown address.
    /// </summary>
    public static void MapPortalMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == "/metrics"
            && context.Connection.RemoteIpAddress is { } address
            && System.Net.IPAddress.IsLoopback(address));
    }
}
