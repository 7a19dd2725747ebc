namespace BaliProcess.Web.Infrastructure.Caching;

public static class PublicCacheSetup
{
    public static void AddPublicCache(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(PublicCacheOptions.Section).Get<PublicCacheOptions>() ?? new PublicCacheOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.AddBasePolicy(new PublicPageCachePolicy(options));
        });
        builder.Services.AddSingleton<CacheInvalidationBus>();
        builder.Services.AddSingleton<RecordCache>();
        builder.Services.AddSingleton<PublicCache>();
        builder.Services.AddSingleton<CacheInvalidationListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CacheInvalidationListener>());
    }
}
