using BaliProcess.Data;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Changes;
using BaliProcess.Web.Features.Corrections;
using BaliProcess.Web.Features.Documents;
using BaliProcess.Web.Features.Home;
using BaliProcess.Web.Features.Meetings;
using BaliProcess.Web.Features.OpenData;
using BaliProcess.Web.Features.Participants;
using BaliProcess.Web.Features.People;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Drafts;
using BaliProcess.Web.Features.Export;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Sources.FromDocument;
using BaliProcess.Web.Features.Meetings.Adding;
using BaliProcess.Web.Features.Statements.Adding;
using BaliProcess.Web.Features.Documents.Adding;
using BaliProcess.Web.Features.WorkPlans.FromDocument;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Features.Timeline;
using BaliProcess.Web.Features.WorkPlans;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Features.WorkingGroups;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Languages;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using MudBlazor.Services;
using Npgsql;

namespace BaliProcess.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so it reads at a glance.</summary>
public static class PortalSetup
{
    public const string ConnectionStringName = "BaliProcess";

    /// <summary>
    /// The role that owns the schema, for migrations, seeding and the portal role's grants at start-up
    /// (docs/decisions/0026). Optional: without it the portal's own role does all of that and owns its tables.
    /// </summary>
    public const string OwnerConnectionStringName = "BaliProcessOwner";

    public static void AddPortalServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Serve package assets (MudBlazor's CSS) when running from the build output in any environment,
        // not only Development; a published app has them in wwwroot and this is then a no-op.
        builder.WebHost.UseStaticWebAssets();

        // A NUL byte in a path gets a 400 with a readable body, which Kestrel alone would send empty.
        builder.WebHost.AddNulPathRejection();

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No connection string. Set ConnectionStrings:{ConnectionStringName} (environment: ConnectionStrings__{ConnectionStringName}).");

        // A short-lived context per operation: Blazor components outlive a request, a DbContext should not.
        builder.Services.AddDbContextFactory<BaliProcessDbContext>(o => BaliProcessDbContext.Configure(o, connectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));

        // Every instance reads and writes the same key ring in PostgreSQL, so a cookie or antiforgery token
        // made by one instance is valid on the others (docs/decisions/0012).
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("BaliProcess.Portal")
            .PersistKeysToDbContext<BaliProcessDbContext>();
        Security.DataProtectionKeys.ProtectWithConfiguredCertificate(dataProtection, builder.Configuration, builder.Environment);

        // Text in every language the documents use is written as UTF-8, not as character references
        // ("Türkiye", not "T&#xFC;rkiye"): smaller pages and readable source.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        builder.Services.AddPortalLanguages();
        builder.AddPortalSecurity();
        builder.AddPortalCaching();
        builder.Services.Configure<DatabaseStartupOptions>(builder.Configuration.GetSection(DatabaseStartupOptions.Section));

        // Visitors on slow links: pages and MudBlazor's CSS compress to a fraction of their size.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // "Optimal" (Brotli's quality 4, zlib's level 6) rather than "Fastest": a page takes about a millisecond more,
        // once per change (the output cache keeps the compressed bytes), and a source's page went from 18.8 KB to
        // 12.2 KB on the wire (docs/benchmarks.md); the smallest setting would cost ~90 ms a page for 2 KB more.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);

        builder.Services.AddSearchRateLimit(builder.Configuration);
        builder.AddPortalAccounts();

        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpContextAccessor();
        // Tokens only for pages with a posting form or a live connection: public pages set no cookie.
        builder.Services.AddScoped<AntiforgeryStateProvider, PortalAntiforgeryStateProvider>();
        builder.Services.AddPortalHealthChecks();

        // On SIGTERM, stop taking connections and let requests in flight finish (up to this long).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("ShutdownTimeout", TimeSpan.FromSeconds(20)));

        builder.Services.AddScoped<HomeReads>();
        builder.Services.AddScoped<ParticipantReads>();
        builder.Services.AddScoped<MeetingReads>();
        builder.Services.AddScoped<TimelineReads>();
        builder.Services.AddScoped<WorkingGroupReads>();
        builder.Services.AddScoped<BaliProcess.Web.Features.Programmes.ProgrammeReads>();
        builder.Services.AddScoped<WorkPlanReads>();
        builder.Services.AddScoped<SourceReads>();
        builder.Services.AddScoped<ISourceDocumentList>(sp => sp.GetRequiredService<SourceReads>());
        builder.Services.AddHostedService<Features.Search.Index.ParagraphIndexBuilder>();
        builder.Services.AddHostedService<SearchCacheWarmer>();
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddScoped<StatementReads>();
        builder.Services.AddScoped<ThemeReads>();
        builder.Services.AddScoped<DocumentReads>();
        builder.Services.AddScoped<PeopleReads>();
        builder.Services.AddChanges();

        // The JSON API, its OpenAPI document, downloads, citations and the sitemap (Features/OpenData).
        builder.AddOpenData();
        builder.Services.AddWorkPlanEditing();
        builder.Services.AddSourceEditing(builder.Configuration);
        builder.Services.AddStatementEditing();
        builder.Services.AddMeetingEditing();
        builder.Services.AddOutcomeDocumentEditing();
        builder.Services.AddWorkPlanFromDocumentEditing();
        builder.Services.AddScoped<Features.Participants.Adding.MembershipEditor>();
        builder.Services.AddScoped<Features.WorkingGroups.Adding.MechanismEditor>();
        builder.Services.AddScoped<Features.WorkingGroups.Adding.StaffMechanismReads>();
        builder.Services.AddRecordsFromDocuments();
        builder.Services.AddCorrections();
        builder.Services.AddRecordExport();
        builder.Services.AddDraftDiscarding();
    }

    public static void UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Behind nginx: the client's address and scheme come from X-Forwarded-For/-Proto (trusted only from
        // the proxies configured in ForwardedHeaders:KnownProxies/KnownNetworks; loopback by default).
        app.UseForwardedHeaders();

        // From here on the request's Host is the configured public address, whatever the client sent
        // (Infrastructure/Security/PublicAddress.cs): every absolute link and redirect is built from it.
        PublicAddress.UsePublicAddress(app);
        app.MapPortalMetrics();
        var security = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalSecurityOptions>>().Value;
        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // One line per request: method, path (never the query string), status, time, user id when signed in.
        app.UsePortalRequestLogging();

        // A path with a NUL byte: 400 with a body (on hosts that let it through; Kestrel's is answered before).
        app.UseNulPathRejection();

        // "/id/…" is the Indonesian page of "/…": the prefix moves to PathBase and sets the culture (decision 0042).
        app.UsePortalLanguages();

        // Filters written with the code's names ("?kind=MinisterialConference") move to the pages' words (301).
        app.UseLegacyEnumQueryRedirect();

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
        app.UseSecurityHeaders();

        // Authentication runs before the output cache, so that a signed-in person's request is recognised and
        // never served from or stored in the shared cache. The cache sits outside compression: it keeps the
        // compressed bytes and serves them as they are.
        app.UseAuthentication();

        // CORS before the cache, so that an answer served from the cache gets the CORS headers its request needs.
        app.UseCors();
        app.UseOutputCache();
        app.UseResponseCompression();

        // Visitors never see a stack trace, in any environment: the error page explains in plain words.
        app.UseExceptionHandler(Components.PortalRoutes.Error, createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute(Components.PortalRoutes.NotFound, createScopeForStatusCodePages: true);

        // What the signed-in person may do, before the rate limiter, antiforgery and the pages.
        app.UsePortalAccounts();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // Fingerprinted files are kept by browsers for a year; revalidations get 304 (decision 0022).
        app.MapStaticAssets().UseImmutableFingerprints();
        ThemeStylesheet.MapThemeStylesheet(app);
        app.MapPortalHealthChecks();
        app.MapLanguageChoice();
        app.MapOpenData();
        app.MapChangeFeeds();
        app.MapSourceOriginals();
        app.MapRecordExport();

        // Blazor's own frame-ancestors header is replaced by the full policy in SecurityHeaders.
        // The editors' WebSockets are not compressed (decision 0017): per-message deflate keeps a compressor
        // of about 256 KiB per connection for as long as an editor is open, to save a few hundred bytes on
        // small render updates; and compressed messages that mix what a user typed with what the page holds
        // are what compression side channels feed on.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o =>
        {
            o.ContentSecurityFrameAncestorsPolicy = null;
            o.DisableWebSocketCompression = true;
        });
    }
}
