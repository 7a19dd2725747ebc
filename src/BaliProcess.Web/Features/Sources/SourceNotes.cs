using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Sources;

/// <summary>
/// What the documents leave open about one record, and where they disagree on it: the notes a record's page
/// shows beside its facts. Each feature's reads load them for their own pages (one service per page).
/// </summary>
public sealed record SourceNotes(IReadOnlyList<OpenQuestion> OpenQuestions, IReadOnlyList<Disagreement> Disagreements)
{
    /// <summary>The notes about <paramref name="subject"/> ("meeting:&lt;slug&gt;", "participant:&lt;slug&gt;", "general", ...).</summary>
    public static async Task<SourceNotes> LoadAsync(IDbContextFactory<BaliProcessDbContext> dbFactory, string subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new SourceNotes(
            await db.OpenQuestions.AsNoTracking().Where(q => q.Subject == subject).OrderBy(q => q.Field).ToListAsync(ct),
            await db.Disagreements.AsNoTracking().Where(d => d.Subject == subject).OrderBy(d => d.Field).ToListAsync(ct));
    }
}
