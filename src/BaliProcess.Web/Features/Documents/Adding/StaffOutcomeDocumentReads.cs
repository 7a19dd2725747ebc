using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Meetings.Adding;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Documents.Adding;

/// <summary>What the staff forms of decision 0033 start from: the document, its text, the meetings (drafts marked), mechanisms and themes to choose.</summary>
public sealed record RecordFormStart(
    string SourceSlug, string SourceTitle, string FileName, bool SourceIsDraft, string Text,
    IReadOnlyList<Choice> Meetings, IReadOnlyList<Choice> Mechanisms, IReadOnlyList<Choice> Themes, IReadOnlyList<string> OtherFiles);

/// <summary>An outcome document as its staff page shows it (drafts included), as it will be public.</summary>
public sealed record StaffOutcomeDocument(OutcomeDocument Document, IReadOnlyList<string> MentionedIn);

/// <summary>A record drawn from a document, as the document's staff page lists it.</summary>
public sealed record StaffRecordLine(string Slug, string Title, bool IsDraft, string? AddedBy);

/// <summary>
/// What the staff outcome-document pages read, drafts included (IgnoreQueryFilters), straight from the database (not
/// cached: staff see their own change at once; decision 0016).
/// </summary>
public sealed class StaffOutcomeDocumentReads(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<RecordFormStart?> FormStartAsync(string sourceSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.SourceDocumentFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Document!.Slug == sourceSlug)
            .Select(f => new { f.Document!.Slug, f.Document.Title, f.Document.FileName, f.Document.IsDraft, f.Text })
            .FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.WithdrawnAt == null)
            .OrderByDescending(m => m.StartDate).Select(m => new { m.Slug, m.Title, m.IsDraft, m.StartDate }).ToListAsync(ct);
        var mechanisms = await db.Mechanisms.AsNoTracking().OrderBy(m => m.Name).Select(m => new Choice(m.Slug, m.Name)).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Slug, t.Name)).ToListAsync(ct);
        var files = await db.SourceDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.FileName != source.FileName)
            .OrderBy(d => d.FileName).Select(d => d.FileName).ToListAsync(ct);
        return new RecordFormStart(
            source.Slug, source.Title, source.FileName, source.IsDraft, source.Text,
            [.. meetings.Select(m => new Choice(m.Slug, $"{m.Title} ({m.StartDate.Year}){(m.IsDraft ? " (draft)" : "")}"))], mechanisms, themes, files);
    }

    public async Task<StaffOutcomeDocument?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.OutcomeDocuments.IgnoreQueryFilters().AsNoTracking()
            .Include(x => x.Meeting)
            .Include(x => x.MentionedAtMeetings)
            .Include(x => x.MentionedIn).ThenInclude(p => p.Statement)
            .Include(x => x.DevelopedBy.OrderBy(y => y.Id)).ThenInclude(y => y.Participant)
            .Include(x => x.DevelopedBy).ThenInclude(y => y.Mechanism)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        return d is null ? null : new StaffOutcomeDocument(d, [.. d.MentionedIn.Select(p => $"{p.Statement!.Title}, paragraph {p.Label}")]);
    }

    /// <summary>The published participants a "developed by" entry may name (decision 0041), by name.</summary>
    public async Task<IReadOnlyList<Choice>> ParticipantsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Participants.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice(p.Slug, p.Name)).ToListAsync(ct);
    }

    /// <summary>The outcome documents staff drew from a document (cited by its file name), drafts first.</summary>
    public async Task<IReadOnlyList<StaffRecordLine>> FromDocumentAsync(string fileName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.OutcomeDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.Origin == RecordOrigin.Staff).ToListAsync(ct);
        return [.. staff.Where(d => d.Sources.Any(r => r.Document == fileName))
            .OrderByDescending(d => d.IsDraft).ThenByDescending(d => d.AddedAt)
            .Select(d => new StaffRecordLine(d.Slug, d.Title, d.IsDraft, d.AddedBy))];
    }
}
