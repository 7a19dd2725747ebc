using BaliProcess.Data;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Home;
using BaliProcess.Web.Features.Meetings;
using BaliProcess.Web.Features.Participants;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Features.Timeline;
using BaliProcess.Web.Features.WorkPlans;
using BaliProcess.Web.Features.WorkPlans.Changes;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Features.WorkingGroups;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace BaliProcess.Web;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so it reads at a glance.</summary>
public static class PortalSetup
{
    public const string ConnectionStringName = "BaliProcess";

    public static void AddPortalServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Serve package assets (MudBlazor's CSS) when running from the build output in any environment,
        // not only Development; a published app has them in wwwroot and this is then a no-op.
        builder.WebHost.UseStaticWebAssets();

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No connection string. Set ConnectionStrings:{ConnectionStringName} (environment: ConnectionStrings__{ConnectionStringName}).");

        // A short-lived context per operation: Blazor components outlive a request, a DbContext should not.
        builder.Services.AddDbContextFactory<BaliProcessDbContext>(o => BaliProcessDbContext.Configure(o, connectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<DatabaseStartupOptions>(builder.Configuration.GetSection(DatabaseStartupOptions.Section));

        // Visitors on slow links: pages and MudBlazor's CSS compress to a fraction of their size.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

        builder.Services.AddSearchRateLimit(builder.Configuration);
        builder.AddPortalAccounts();

        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHealthChecks().AddDbContextCheck<BaliProcessDbContext>("database");

        builder.Services.AddScoped<HomeFigures>();
        builder.Services.AddScoped<ParticipantDirectory>();
        builder.Services.AddScoped<MeetingDirectory>();
        builder.Services.AddScoped<TimelineService>();
        builder.Services.AddScoped<WorkingGroupDirectory>();
        builder.Services.AddScoped<WorkPlanService>();
        builder.Services.AddScoped<SourceDirectory>();
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddScoped<StatementLibrary>();
        builder.Services.AddScoped<ThemeCatalogue>();
        builder.Services.AddWorkPlanEditing();
    }

    public static void UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseResponseCompression();

        // Link checkers and crawlers ask with HEAD; Razor component pages map only GET and POST. Answer HEAD
        // as GET (the server sends the headers without the body).
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });

        // Routing explicitly after that rewrite, so HEAD finds the GET endpoint.
        app.UseRouting();

        // Visitors never see a stack trace, in any environment: the error page explains in plain words.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // Who is signed in, before the rate limiter, antiforgery (which needs to know the user) and the pages.
        app.UsePortalAccounts();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapChangeFeeds();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
