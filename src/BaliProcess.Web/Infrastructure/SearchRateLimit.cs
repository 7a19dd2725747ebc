using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BaliProcess.Web.Infrastructure;

/// <summary>
/// Search is the one public page that costs real database work per request, so each client address gets a
/// budget of searches per minute (an IPv6 client by its /64, <see cref="Security.ClientKey"/>) (configuration "RateLimits:SearchRequestsPerMinute"). Past it the
/// visitor gets a 429 page in plain words, not an empty error.
/// </summary>
public static class SearchRateLimit
{
    public const string Policy = "search";

    public static void AddSearchRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:SearchRequestsPerMinute", 120);
        services.AddRateLimiter(options =>
        {
            // Without this the limiter answers 503, which tells the visitor the portal is down.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                Security.ClientKey.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many searches — Bali Process Knowledge Portal</title></head>"
                    + "<body><main><h1>Too many searches from your address</h1>"
                    + $"<p>The portal answers up to {perMinute} searches a minute from one address. Please wait a minute and try again; "
                    + "browsing the <a href=\"/\">rest of the portal</a> is not affected.</p></main></body></html>",
                    ct);
            };
        });
    }
}
