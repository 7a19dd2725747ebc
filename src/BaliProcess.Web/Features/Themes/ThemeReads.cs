using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Themes;

public sealed record ThemeSummary(string Slug, string Name, string? Description, int? AdelaideArea, string? ParentSlug, int Paragraphs, int WorkPlanItems);

public sealed record ThemeDetail(
    string Slug,
    string Name,
    string? Description,
    int? AdelaideArea,
    ThemeSummary? Parent,
    IReadOnlyList<ThemeSummary> Children,
    IReadOnlyList<YearCount> PerYear,
    IReadOnlyList<ThemeParagraph> Paragraphs,
    IReadOnlyList<ThemeWorkPlanItem> WorkPlanItems);

public sealed record YearCount(int Year, int Count);

public sealed record ThemeParagraph(
    string StatementSlug, string StatementTitle, int? Year, string Label, string Text,
    string? Location = null, IReadOnlyList<SourceReference>? StatementSources = null, bool LabelAddedByPortal = false)
{
    public string Anchor => Paragraph.AnchorFor(Label);
}

public sealed record ThemeWorkPlanItem(string WorkPlanSlug, string WorkPlanTitle, string Period, string Number, string Text, ActionItemStatus Status);

/// <summary>The theme taxonomy and, per theme, its paragraphs and work-plan items.</summary>
public sealed class ThemeReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    /// <summary>Every theme with its counts, parents first (the taxonomy has two levels).</summary>
    public Task<IReadOnlyList<ThemeSummary>> ListAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => ListFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<ThemeSummary>> ListFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(db.Themes.AsNoTracking()
                .OrderBy(t => t.AdelaideArea == null).ThenBy(t => t.AdelaideArea).ThenBy(t => t.Name))
            .ToListAsync(ct);
    }

    public Task<ThemeDetail?> GetAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => GetFromDatabaseAsync(slug, token), ct);

    private async Task<ThemeDetail?> GetFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var theme = await db.Themes.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new { t.Id, t.Slug, t.Name, t.Description, t.AdelaideArea, t.ParentId })
            .FirstOrDefaultAsync(ct);
        if (theme is null)
        {
            return null;
        }

        var parent = theme.ParentId is { } parentId
            ? await Summaries(db.Themes.AsNoTracking().Where(t => t.Id == parentId)).FirstOrDefaultAsync(ct)
            : null;
        var children = await Summaries(db.Themes.AsNoTracking().Where(t => t.ParentId == theme.Id)
                .OrderBy(t => t.AdelaideArea).ThenBy(t => t.Name))
            .ToListAsync(ct);

        var tagged = db.Paragraphs.AsNoTracking().Where(p => p.Themes.Any(t => t.Id == theme.Id));
        var perYear = await tagged.Where(p => p.Year != null)
            .GroupBy(p => p.Year!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new YearCount(g.Key, g.Count()))
            .ToListAsync(ct);

        // Newest first, in document order within a statement.
        var paragraphs = await tagged
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Statement!.Date).ThenBy(p => p.StatementId).ThenBy(p => p.Sequence)
            .Select(p => new ThemeParagraph(p.Statement!.Slug, p.Statement.Title, p.Year, p.Label, p.Text, p.Location, p.Statement.Sources, p.LabelAddedByPortal))
            .ToListAsync(ct);

        var items = await db.ActionItems.AsNoTracking()
            .Where(i => i.Themes.Any(t => t.Id == theme.Id))
            .OrderByDescending(i => i.WorkPlan!.StartYear).ThenBy(i => i.Sequence)
            .Select(i => new ThemeWorkPlanItem(i.WorkPlan!.Slug, i.WorkPlan.Title, i.WorkPlan.Period, i.Number, i.Text, i.Status))
            .ToListAsync(ct);

        return new ThemeDetail(theme.Slug, theme.Name, theme.Description, theme.AdelaideArea, parent, children, perYear, paragraphs, items);
    }

    private static IQueryable<ThemeSummary> Summaries(IQueryable<Theme> themes) =>
        themes.Select(t => new ThemeSummary(
            t.Slug, t.Name, t.Description, t.AdelaideArea, t.Parent != null ? t.Parent.Slug : null, t.Paragraphs.Count, t.ActionItems.Count));
}
