using BaliProcess.Web;
using Serilog;

// Serilog through AddSerilog (not a static bootstrap logger), so several hosts can start in one test run.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));

builder.AddPortalServices();

var app = builder.Build();
app.UsePortal();

if (!await app.PrepareDatabaseAsync())
{
    // The reason has been logged in plain words; exit without a stack trace.
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
