using System.Security.Claims;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace BaliProcess.Web.Infrastructure;

/// <summary>
/// Logging: Serilog, configured from the "Serilog" section; "LogFormat" picks readable text (default) or
/// compact JSON, one object a line (appsettings.Production.json), for a log collector. A request gives one
/// line: method, path, status, elapsed time and the user id when signed in. Never the query string, headers,
/// cookies or form fields, so no password, cookie or token reaches the log (tested).
/// </summary>
public static class RequestLogging
{
    public const string Template = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms for {UserId}";

    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var json = string.Equals(builder.Configuration["LogFormat"], "json", StringComparison.OrdinalIgnoreCase);
        // Through AddSerilog (not a static bootstrap logger), so several hosts can start in one test run, and
        // each host keeps its own logger (preserveStaticLogger): otherwise every host's ILogger writes to the
        // static Log.Logger of whichever host started last.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            // The console is written from a background thread: a line per request written under the console
            // sink's lock by every request thread made them queue behind one another under load. When the
            // buffer is full, requests wait rather than lines being dropped; disposing the host flushes it.
            logger.WriteTo.Async(
                sink =>
                {
                    if (json)
                    {
                        sink.Console(new CompactJsonFormatter());
                    }
                    else
                    {
                        sink.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                    }
                },
                blockWhenFull: true);
        });
    }

    public static void UsePortalRequestLogging(this IApplicationBuilder app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            // This host's logger, not the static one (see AddPortalLogging).
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = Template;
            // Load balancers ask for health every few seconds: keep those out of the normal log.
            o.GetLevel = (context, _, error) =>
                error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
                : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("UserId", context.User.Identity?.IsAuthenticated == true
                    ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "signed-in"
                    : "anonymous");
        });
    }
}
