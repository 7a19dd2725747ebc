using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Sources.Publishing;

/// <summary>A source document added in the portal, as staff see it (drafts included).</summary>
public sealed record StaffSource(
    string Slug, string FileName, string Title, string? Publisher, PartialDate? Published, string? Description, string? OriginalUrl,
    bool IsDraft, string OriginalFileName, string MediaType, long SizeBytes, string Sha256, int? PageCount,
    string AddedBy, string AddedByUserId, DateTimeOffset AddedAt, string? PublishedBy, DateTimeOffset? PublishedAt);

/// <summary>One staff document with the text extracted from it, for review before publishing.</summary>
public sealed record StaffSourceDetail(StaffSource Source, string Text);

/// <summary>
/// What the staff source pages read: every document added in the portal, drafts included (IgnoreQueryFilters),
/// straight from the database (not cached: staff see their own change at once; decision 0016). Never the file's bytes.
/// </summary>
public sealed class StaffSourceReads(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    public async Task<IReadOnlyList<StaffSource>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var files = Files(db).OrderByDescending(f => f.Document!.IsDraft).ThenByDescending(f => f.AddedAt);
        return await Project(files).ToListAsync(ct);
    }

    public async Task<StaffSourceDetail?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await Project(Files(db).Where(f => f.Document!.Slug == slug)).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        var text = await db.SourceDocumentFiles.IgnoreQueryFilters().Where(f => f.Document!.Slug == slug).Select(f => f.Text).FirstAsync(ct);
        return new StaffSourceDetail(source, text);
    }

    private static IQueryable<SourceDocumentFile> Files(BaliProcessDbContext db) => db.SourceDocumentFiles.IgnoreQueryFilters().AsNoTracking();

    // Filters and orders go before this projection: EF Core cannot translate them through a record's constructor.
    private static IQueryable<StaffSource> Project(IQueryable<SourceDocumentFile> files) =>
        files.Select(f => new StaffSource(
            f.Document!.Slug, f.Document.FileName, f.Document.Title, f.Document.Publisher,
            f.Document.PublishedOn == null ? null : new PartialDate(f.Document.PublishedOn.Value, f.Document.PublishedPrecision!.Value),
            f.Document.Description, f.Document.OriginalUrl, f.Document.IsDraft, f.OriginalFileName, f.MediaType, f.SizeBytes, f.Sha256, f.PageCount,
            f.AddedBy, f.AddedByUserId, f.AddedAt, f.PublishedBy, f.PublishedAt));
}
