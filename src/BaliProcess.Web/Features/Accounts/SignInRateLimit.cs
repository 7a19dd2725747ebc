using System.Threading.RateLimiting;
using BaliProcess.Web.Components;
using Microsoft.AspNetCore.RateLimiting;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// Password guessing from one address is slowed by a budget of sign-in attempts per minute
/// ("RateLimits:SignInAttemptsPerMinute"); only the form's POST counts, showing the page is free. Lockout
/// protects each account; this protects the portal from a flood across many accounts.
/// </summary>
public sealed class SignInRateLimit(int perMinute) : IRateLimiterPolicy<string>
{
    public const string Policy = "sign-in";

    public static void AddSignInRateLimit(IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(options => options.AddPolicy(Policy, new SignInRateLimit(perMinute)));
    }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("show");
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            Infrastructure.Security.ClientKey.Of(httpContext),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, ct) =>
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many sign-in attempts — Bali Process Knowledge Portal</title></head>"
            + "<body><main><h1>Too many sign-in attempts from your address</h1>"
            + $"<p>The portal accepts up to {perMinute} sign-in attempts a minute from one address. Please wait a minute and "
            + $"<a href=\"{PortalRoutes.SignIn}\">try again</a>.</p></main></body></html>",
            ct);
    };
}
