using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Documents.Adding;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkPlans.FromDocument;

/// <summary>
/// What the staff pages of work plans from a document read, drafts included (IgnoreQueryFilters), straight from the
/// database (not cached: staff see their own change at once; decision 0016).
/// </summary>
public sealed class StaffDraftWorkPlanReads(IDbContextFactory<BaliProcessDbContext> dbFactory)
{
    /// <summary>The plan with its items, themes and paragraph links, as it will be public.</summary>
    public async Task<WorkPlan?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkPlans.IgnoreQueryFilters().AsNoTracking()
            .Include(w => w.Mechanism).Include(w => w.AdoptedAtMeeting).Include(w => w.UpdatedAtMeeting)
            .Include(w => w.Items.Where(i => i.WithdrawnAt == null).OrderBy(i => i.Sequence)).ThenInclude(i => i.Themes)
            .Include(w => w.Items).ThenInclude(i => i.ParagraphLinks).ThenInclude(l => l.Paragraph!.Statement)
            .AsSplitQuery()
            .FirstOrDefaultAsync(w => w.Slug == slug && w.AddedBy != null, ct);
    }

    /// <summary>The work plans staff drew from a document (cited by its file name), drafts first.</summary>
    public async Task<IReadOnlyList<StaffRecordLine>> FromDocumentAsync(string fileName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.WorkPlans.IgnoreQueryFilters().AsNoTracking().Where(w => w.Origin == RecordOrigin.Staff && w.AddedBy != null).ToListAsync(ct);
        return [.. staff.Where(w => w.Sources.Any(r => r.Document == fileName))
            .OrderByDescending(w => w.IsDraft).ThenByDescending(w => w.AddedAt)
            .Select(w => new StaffRecordLine(w.Slug, w.Title, w.IsDraft, w.AddedBy))];
    }
}
