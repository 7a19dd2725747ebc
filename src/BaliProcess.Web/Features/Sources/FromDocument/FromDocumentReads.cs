using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BaliProcess.Web.Features.Sources.FromDocument;

/// <summary>A value a form's select posts and the words it shows.</summary>
public sealed record FormChoice(string Value, string Label);

/// <summary>
/// What the forms for a person's role, a timeline event, a disagreement and an open question start from (decision 0035):
/// the staff document and its text, and the records and documents to choose from.
/// </summary>
public sealed record DocumentFormStart(
    string SourceSlug, string SourceTitle, string FileName, string Text, IReadOnlyList<FormChoice> People, IReadOnlyList<FormChoice> Participants,
    IReadOnlyList<FormChoice> Meetings, IReadOnlyList<FormChoice> Mechanisms, IReadOnlyList<FormChoice> Subjects, IReadOnlyList<FormChoice> Documents);

/// <summary>A record staff drew from a document, as the document's staff page lists it.</summary>
public sealed record StaffRecordLine(string Href, string Title, bool IsDraft, string? AddedBy);

/// <summary>Reads for the staff pages of records from a document, drafts included, straight from the database (decision 0016).</summary>
public sealed class FromDocumentReads(IDbContextFactory<BaliProcessDbContext> dbFactory, IStringLocalizer<FromDocumentText> texts)
{
    public async Task<DocumentFormStart?> FormStartAsync(string sourceSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.SourceDocumentFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Document!.Slug == sourceSlug && f.Document.Origin == RecordOrigin.Staff)
            .Select(f => new { f.Document!.Slug, f.Document.Title, f.Document.FileName, f.Text })
            .FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        // People and meetings drafts included, marked: a role is often drawn from the document that brings its person or meeting.
        var people = (await db.People.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { p.Slug, p.Name, p.IsDraft }).ToListAsync(ct))
            .Select(p => new FormChoice(p.Slug, p.IsDraft ? texts["{0} (draft)", p.Name] : p.Name)).ToList();
        var meetings = (await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.WithdrawnAt == null).OrderBy(m => m.StartDate).ThenBy(m => m.Title)
            .Select(m => new { m.Slug, m.Title, m.IsDraft }).ToListAsync(ct))
            .Select(m => new FormChoice(m.Slug, m.IsDraft ? texts["{0} (draft)", m.Title] : m.Title)).ToList();
        var participants = await db.Participants.AsNoTracking().OrderBy(p => p.Name).Select(p => new FormChoice(p.Slug, p.Name)).ToListAsync(ct);
        var mechanisms = await db.Mechanisms.AsNoTracking().OrderBy(m => m.Name).Select(m => new FormChoice(m.Slug, m.Name)).ToListAsync(ct);
        var subjects = (await DocumentRecordRules.SubjectsAsync(db, ct)).Select(s => new FormChoice(s.Value, s.Label)).ToList();
        var documents = await db.SourceDocuments.AsNoTracking().Where(d => d.FileName != source.FileName).OrderBy(d => d.FileName)
            .Select(d => new FormChoice(d.FileName, d.FileName + " — " + d.Title)).ToListAsync(ct);
        return new DocumentFormStart(source.Slug, source.Title, source.FileName, source.Text, people, participants, meetings, mechanisms, subjects, documents);
    }

    /// <summary>The roles, events, disagreements and open questions staff drew from a document (cited by its file name), drafts first.</summary>
    public async Task<IReadOnlyList<StaffRecordLine>> FromDocumentAsync(string fileName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = (await db.PersonRoles.IgnoreQueryFilters().AsNoTracking().Include(r => r.Person).Where(r => r.Origin == RecordOrigin.Staff).ToListAsync(ct))
            .Where(r => r.Sources.Any(s => s.Document == fileName))
            .Select(r => (r.AddedAt, Line: new StaffRecordLine(PortalRoutes.StaffPersonRole(r.Id), texts["Role: {0}, “{1}”", r.Person!.Name, r.AsWritten], r.IsDraft, r.AddedBy)));
        var events = (await db.TimelineEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Origin == RecordOrigin.Staff).ToListAsync(ct))
            .Where(e => e.Sources.Any(s => s.Document == fileName))
            .Select(e => (e.AddedAt, Line: new StaffRecordLine(PortalRoutes.StaffTimelineEvent(e.Slug), texts["Event: {0}", e.Title], e.IsDraft, e.AddedBy)));
        var disagreements = (await db.Disagreements.IgnoreQueryFilters().AsNoTracking().Where(d => d.Origin == RecordOrigin.Staff).ToListAsync(ct))
            .Where(d => d.Values.Any(v => v.Source.Document == fileName))
            .Select(d => (d.AddedAt, Line: new StaffRecordLine(PortalRoutes.StaffDisagreement(d.Id), texts["Disagreement: {0}, {1}", d.Subject, d.Field], d.IsDraft, d.AddedBy)));
        var questions = (await db.OpenQuestions.IgnoreQueryFilters().AsNoTracking().Where(q => q.Origin == RecordOrigin.Staff).ToListAsync(ct))
            .Where(q => q.Sources.Any(s => s.Document == fileName))
            .Select(q => (q.AddedAt, Line: new StaffRecordLine(PortalRoutes.StaffOpenQuestion(q.Id), texts["Open question: {0}, {1}", q.Subject, q.Field], q.IsDraft, q.AddedBy)));
        return [.. roles.Concat(events).Concat(disagreements).Concat(questions).OrderByDescending(x => x.Line.IsDraft).ThenByDescending(x => x.AddedAt).Select(x => x.Line)];
    }

    public async Task<PersonRole?> PersonRoleAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PersonRoles.IgnoreQueryFilters().AsNoTracking()
            .Include(r => r.Person).Include(r => r.Participant).Include(r => r.Meeting).Include(r => r.Mechanism)
            .FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    public async Task<TimelineEvent?> TimelineEventAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TimelineEvents.IgnoreQueryFilters().AsNoTracking().Include(e => e.Mechanism).Include(e => e.Participant).FirstOrDefaultAsync(e => e.Slug == slug, ct);
    }

    public async Task<Disagreement?> DisagreementAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Disagreements.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
    }

    public async Task<OpenQuestion?> OpenQuestionAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OpenQuestions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct);
    }
}
