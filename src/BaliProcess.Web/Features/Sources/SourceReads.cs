using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Sources;

public sealed record SourceSummary(string Slug, string FileName, string Title, string? Publisher, PartialDate? Published, string? Description)
{
    /// <summary>The public address of the original, when staff gave one (documents added in the portal).</summary>
    public string? OriginalUrl { get; init; }

    /// <summary>The original file kept in the portal (documents added in the portal; decision 0021), or null.</summary>
    public SourceOriginal? Original { get; init; }
}

/// <summary>The original file of a document added in the portal, as the public page describes its download.</summary>
public sealed record SourceOriginal(string FileName, string MediaType, long SizeBytes, int? PageCount);

/// <summary>What the portal draws from one document, counted by kind of record.</summary>
public sealed record SourceUse(string Kind, string Title, string Url, string Location);

public sealed record SourceDetail(SourceSummary Document, IReadOnlyList<SourceUse> Uses, IReadOnlyList<Disagreement> Disagreements);

/// <summary>The source documents, what each one supports, and the recorded disagreements between them.</summary>
public sealed class SourceReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records) : ISourceDocumentList
{
    public Task<IReadOnlyList<SourceSummary>> ListAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => ListFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<SourceSummary>> ListFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var docs = await db.SourceDocuments.AsNoTracking().OrderBy(d => d.FileName).ToListAsync(ct);
        return docs.Select(ToSummary).ToList();
    }

    public Task<IReadOnlyList<Disagreement>> AllDisagreementsAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => AllDisagreementsFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<Disagreement>> AllDisagreementsFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Disagreements.AsNoTracking().OrderBy(d => d.Subject).ThenBy(d => d.Field).ToListAsync(ct);
    }

    public Task<SourceDetail?> GetAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => GetFromDatabaseAsync(slug, token), ct);

    private async Task<SourceDetail?> GetFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var doc = await db.SourceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, ct);
        if (doc is null)
        {
            return null;
        }

        // Sources live in jsonb beside each record; the tables are small, so read them and match here.
        var file = doc.FileName;
        var uses = new List<SourceUse>();
        uses.AddRange((await db.Statements.AsNoTracking().Select(s => new { s.Slug, s.Title, s.Sources }).ToListAsync(ct))
            .SelectMany(s => s.Sources.Where(r => r.Document == file).Select(r => new SourceUse("Statement", s.Title, PortalRoutes.Statement(s.Slug), r.Location))));
        uses.AddRange((await db.Meetings.AsNoTracking().Select(m => new { m.Slug, m.Title, m.Sources }).ToListAsync(ct))
            .SelectMany(m => m.Sources.Where(r => r.Document == file).Select(r => new SourceUse("Meeting", m.Title, PortalRoutes.Meeting(m.Slug), r.Location))));
        uses.AddRange((await db.Mechanisms.AsNoTracking().Select(m => new { m.Slug, m.Name, m.Sources }).ToListAsync(ct))
            .SelectMany(m => m.Sources.Where(r => r.Document == file).Select(r => new SourceUse("Working group or mechanism", m.Name, PortalRoutes.WorkingGroup(m.Slug), r.Location))));
        uses.AddRange((await db.WorkPlans.AsNoTracking().Select(w => new { w.Slug, w.Title, w.Sources }).ToListAsync(ct))
            .SelectMany(w => w.Sources.Where(r => r.Document == file).Select(r => new SourceUse("Work plan", w.Title, PortalRoutes.WorkPlan(w.Slug), r.Location))));
        var participants = await db.Participants.AsNoTracking()
            .Select(p => new { p.Slug, p.Name, p.Sources, Status = ParticipantStatus.Current.Invoke(p) })
            .ToListAsync(ct);
        uses.AddRange(participants.SelectMany(p => p.Sources.Where(r => r.Document == file)
            .Select(r => new SourceUse("Member, observer or other body", p.Name, PortalRoutes.Participant(p.Slug, p.Status), r.Location))));

        uses.AddRange((await db.OutcomeDocuments.AsNoTracking().Select(d => new { d.Slug, d.Title, d.Sources }).ToListAsync(ct))
            .SelectMany(d => d.Sources.Where(r => r.Document == file).Select(r => new SourceUse("Outcome document", d.Title, PortalRoutes.Document(d.Slug), r.Location))));
        // A person is listed once for the document, whether the person or one of their roles cites it.
        var people = await db.People.AsNoTracking()
            .Select(p => new { p.Slug, p.Name, p.Sources, RoleSources = p.Roles.Select(r => r.Sources).ToList() })
            .ToListAsync(ct);
        uses.AddRange(people
            .Select(p => new { p.Slug, p.Name, Reference = p.Sources.Concat(p.RoleSources.SelectMany(r => r)).FirstOrDefault(r => r.Document == file) })
            .Where(p => p.Reference is not null)
            .Select(p => new SourceUse("Person", p.Name, PortalRoutes.Person(p.Slug), p.Reference!.Location)));

        var disagreements = (await db.Disagreements.AsNoTracking().ToListAsync(ct))
            .Where(d => d.Values.Any(v => v.Source.Document == file))
            .ToList();

        // The file's description only, never its bytes (the download reads those when asked).
        var original = await db.SourceDocumentFiles.AsNoTracking()
            .Where(f => f.SourceDocumentId == doc.Id)
            .Select(f => new SourceOriginal(f.OriginalFileName, f.MediaType, f.SizeBytes, f.PageCount))
            .FirstOrDefaultAsync(ct);
        return new SourceDetail(ToSummary(doc) with { Original = original }, uses, disagreements);
    }

    private static SourceSummary ToSummary(SourceDocument d) => new(d.Slug, d.FileName, d.Title, d.Publisher, d.Published, d.Description) { OriginalUrl = d.OriginalUrl };
}
