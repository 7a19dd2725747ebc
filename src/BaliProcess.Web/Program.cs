using BaliProcess.Web.Features.Export;
using BaliProcess.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();
builder.AddPortalServices();

var app = builder.Build();
app.UsePortal();

// `export <folder>`: the whole record in the seed-data format (decision 0031), read without writing anything.
if (args is ["export", var exportFolder])
{
    return await app.ExportRecordAsync(exportFolder);
}

if (!await app.PrepareDatabaseAsync())
{
    // The reason has been logged in plain words; exit without a stack trace.
    return 1;
}

// A one-off job (docker-compose.yml's "migrate" service): prepare the database, then stop.
if (app.Configuration.GetValue("PORTAL_PREPARE_ONLY", false))
{
    return 0;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
