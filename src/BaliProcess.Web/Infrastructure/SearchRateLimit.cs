using System.Threading.RateLimiting;
using BaliProcess.Web.Components.Shared;
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
                // In the language of the page that searched (the "/id" prefix has set the culture by now).
                var title = System.Net.WebUtility.HtmlEncode(Words.Text("Too many searches"));
                var portal = System.Net.WebUtility.HtmlEncode(Words.Text("Bali Process Knowledge Portal"));
                var heading = System.Net.WebUtility.HtmlEncode(Words.Text("Too many searches from your address"));
                var explanation = System.Net.WebUtility.HtmlEncode(Words.Format("The portal answers up to {0} searches a minute from one address. Please wait a minute and try again; browsing the rest of the portal is not affected.", perMinute));
                var home = System.Net.WebUtility.HtmlEncode(Words.Text("Go to the home page"));
                await response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"{Languages.PortalLanguage.Current}\"><head><meta charset=\"utf-8\"><title>{title} — {portal}</title></head>"
                    + $"<body><main><h1>{heading}</h1><p>{explanation}</p>"
                    + $"<p><a href=\"{Languages.PortalLanguage.Link("/")}\">{home}</a></p></main></body></html>",
                    ct);
            };
        });
    }
}
