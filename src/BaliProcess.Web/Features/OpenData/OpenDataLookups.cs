using BaliProcess.Data;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>Small look-ups the API adds to a service's records (a search hit's source place).</summary>
public sealed class OpenDataLookups(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<ApiSource>>> ParagraphSourcesAsync(IEnumerable<int> paragraphIds, CancellationToken ct)
    {
        var ids = paragraphIds.ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<ApiSource>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Paragraphs.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Location, p.Statement!.Sources })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => ApiMap.ParagraphSources(r.Sources, r.Location));
    }

    /// <summary>Search hits' paragraphs in full (a hit carries only a highlighted passage) with their source places.</summary>
    public async Task<IReadOnlyDictionary<int, ParagraphText>> ParagraphsAsync(IEnumerable<int> paragraphIds, CancellationToken ct)
    {
        var ids = paragraphIds.ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, ParagraphText>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Paragraphs.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Text, p.Location, p.Statement!.Sources })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new ParagraphText(r.Text, ApiMap.ParagraphSources(r.Sources, r.Location)));
    }
}

/// <summary>A paragraph's whole text and where it comes from.</summary>
public sealed record ParagraphText(string Text, IReadOnlyList<ApiSource> Sources);
