using System.Diagnostics;
using System.Globalization;
using BaliProcess.Data;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Languages;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Search;

/// <summary>
/// Fills the search cache in the background after start-up and after every change of the record:
/// the most frequent words of the corpus (the searches whose first run costs most, because they match the
/// most paragraphs) and every theme, so that a researcher's first search of those finds its summary ready.
/// Configuration "Search:WarmUpWords" (default 20; 0 turns warming off). One search at a time, so that
/// warming never competes with visitors for more than one connection.
/// </summary>
public sealed class SearchCacheWarmer(
    IServiceScopeFactory scopes, RecordGeneration generation, TimeProvider time, IConfiguration configuration, ILogger<SearchCacheWarmer> logger)
    : AfterEachChangeService(generation, time)
{
    private readonly int words = configuration.GetValue("Search:WarmUpWords", 20);

    protected override bool Enabled => words > 0;

    // After a change the search index is rebuilt first (Search:RebuildDelay is shorter).
    protected override TimeSpan DelayAfterChange => configuration.GetValue("Search:WarmUpDelay", TimeSpan.FromSeconds(3));

    protected override Task<bool> RunAsync(long forGeneration, CancellationToken ct) => WarmAsync(words, ct);

    private async Task<bool> WarmAsync(int words, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<BaliProcessDbContext>>();
            var search = scope.ServiceProvider.GetRequiredService<SearchService>();
            List<SearchRequest> requests;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var frequent = await db.SearchTerms.OrderByDescending(t => t.Documents).ThenBy(t => t.Word)
                    .Select(t => t.Word).Take(words).ToListAsync(ct);
                var themes = await db.Themes.OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync(ct);
                requests = [.. frequent.Select(w => new SearchRequest(w)), .. themes.Select(t => new SearchRequest(Theme: t))];
            }

            // The record cache keeps each language's results apart (their notes and dates are in the reader's words):
            // warm the searches of both the English and the Indonesian pages.
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                foreach (var language in PortalLanguage.All)
                {
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                    foreach (var request in requests)
                    {
                        await search.SearchAsync(request, ct);
                    }
                }
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            }

            logger.LogInformation("Search cache warmed: {Count} searches in {Seconds:N1} s", requests.Count, clock.Elapsed.TotalSeconds);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Warming only saves time; a database that is away now is reported by the pages and /health.
            logger.LogWarning("Search cache not warmed: {Reason}", e.Message);
            return true; // not worth a retry: the next change warms it again
        }
    }
}
