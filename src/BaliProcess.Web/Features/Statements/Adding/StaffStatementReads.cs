using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Statements.Adding;

/// <summary>What the add-a-statement form starts from: the document, its text (pages marked) and the meetings to choose.</summary>
public sealed record StatementFormStart(
    string SourceSlug, string SourceTitle, string FileName, bool SourceIsDraft, PartialDate? SourceDate, string Text,
    IReadOnlyList<MeetingChoice> Meetings);

public sealed record MeetingChoice(string Slug, string Title, DateOnly StartDate);

/// <summary>A statement as its staff page shows it (drafts included).</summary>
public sealed record StaffStatement(
    string Slug, string Title, StatementKind Kind, string? MeetingSlug, string? MeetingTitle, PartialDate? When, bool IsDraft,
    RecordOrigin Origin, string? AddedBy, string? AddedByUserId, DateTimeOffset? AddedAt, string? PublishedBy, DateTimeOffset? PublishedAt,
    IReadOnlyList<SourceReference> Sources, IReadOnlyList<StaffParagraph> Paragraphs);

public sealed record StaffParagraph(string Label, bool LabelAddedByPortal, string Text, string Location, IReadOnlyList<ThemeChoice> Themes);

/// <summary>A statement drawn from a document, as the document's staff page lists it.</summary>
public sealed record StaffStatementLine(string Slug, string Title, bool IsDraft, string? AddedBy);

/// <summary>
/// What the staff statement pages read, drafts included (IgnoreQueryFilters), straight from the database (not cached:
/// staff see their own change at once; decision 0016).
/// </summary>
public sealed class StaffStatementReads(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<StatementFormStart?> FormStartAsync(string sourceSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.SourceDocumentFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Document!.Slug == sourceSlug)
            .Select(f => new { f.Document!.Slug, f.Document.Title, f.Document.FileName, f.Document.IsDraft, f.Document.PublishedOn, f.Document.PublishedPrecision, f.Text })
            .FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        // Draft meetings too, marked: a meeting and its statement are often drawn from one new document (decision 0029).
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().OrderByDescending(m => m.IsDraft).ThenByDescending(m => m.StartDate).ThenBy(m => m.Title)
            .Select(m => new MeetingChoice(m.Slug, m.IsDraft ? m.Title + " (draft)" : m.Title, m.StartDate)).ToListAsync(ct);
        return new StatementFormStart(
            source.Slug, source.Title, source.FileName, source.IsDraft, PartialDate.FromColumns(source.PublishedOn, source.PublishedPrecision),
            StatementSplitter.WithPageMarkers(source.Text), meetings);
    }

    public async Task<StaffStatement?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Statements.IgnoreQueryFilters().AsNoTracking()
            .Include(s => s.Meeting)
            .Include(s => s.Paragraphs.OrderBy(p => p.Sequence)).ThenInclude(p => p.Themes)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Slug == slug, ct);
        return s is null ? null : new StaffStatement(
            s.Slug, s.Title, s.Kind, s.Meeting?.Slug, s.Meeting?.Title, s.When, s.IsDraft, s.Origin, s.AddedBy, s.AddedByUserId, s.AddedAt,
            s.PublishedBy, s.PublishedAt, s.Sources,
            [.. s.Paragraphs.Select(p => new StaffParagraph(p.Label, p.LabelAddedByPortal, p.Text, p.Location, [.. p.Themes.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new ThemeChoice(t.Slug, t.Name))]))]);
    }

    /// <summary>The statements staff drew from a document (cited by its file name), drafts first.</summary>
    public async Task<IReadOnlyList<StaffStatementLine>> FromDocumentAsync(string fileName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => s.Origin == RecordOrigin.Staff).ToListAsync(ct);
        return [.. staff.Where(s => s.Sources.Any(r => r.Document == fileName))
            .OrderByDescending(s => s.IsDraft).ThenByDescending(s => s.AddedAt)
            .Select(s => new StaffStatementLine(s.Slug, s.Title, s.IsDraft, s.AddedBy))];
    }
}
