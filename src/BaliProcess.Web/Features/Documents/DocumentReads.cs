using BaliProcess.Data;
using LinqKit;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Documents;

/// <summary>
/// An outcome document in a list: its kind, title as written (or built by the portal, shown in brackets), the
/// action the documents state and the meeting that took it, where they name one.
/// </summary>
public sealed record DocumentRow(string Slug, OutcomeDocumentKind Kind, string Title, OutcomeAction? Action, string? MeetingSlug, string? MeetingTitle, PartialDate? When, bool TitleAddedByPortal = false)
{
    /// <summary>The title as pages show it: the portal's own in [brackets].</summary>
    public string ShownTitle => TitleAddedByPortal ? $"[{Title}]" : Title;
}

public sealed record ParagraphLink(string StatementSlug, string StatementTitle, string Label, bool LabelAddedByPortal, string Anchor);

public sealed record MeetingLink(string Slug, string Title, PartialDate Start);

/// <summary>Who developed or produced an outcome document, in the document's words, with the participant or mechanism the words name (decision 0041).</summary>
public sealed record DeveloperLine(
    string AsWritten, string? ParticipantSlug, string? ParticipantName, MembershipStatus? ParticipantStatus, string? MechanismSlug, string? MechanismName,
    IReadOnlyList<SourceReference> Sources);

public sealed record DocumentDetail(
    DocumentRow Row, IReadOnlyList<Quote> Quotes, IReadOnlyList<MeetingLink> MentionedAtMeetings, IReadOnlyList<ParagraphLink> MentionedIn,
    IReadOnlyList<SourceReference> Sources, IReadOnlyList<DeveloperLine> DevelopedBy);

/// <summary>The outcome documents (declarations, strategies, frameworks...): the list and the page of one.</summary>
public sealed class DocumentReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public Task<IReadOnlyList<DocumentRow>> ListAsync(OutcomeDocumentKind? kind = null, CancellationToken ct = default) =>
        records.GetOrLoadAsync(kind, token => ListFromDatabaseAsync(kind, token), ct);

    private async Task<IReadOnlyList<DocumentRow>> ListFromDatabaseAsync(OutcomeDocumentKind? kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.OutcomeDocuments.Where(d => kind == null || d.Kind == kind), ct);
    }

    public Task<DocumentDetail?> GetAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => GetFromDatabaseAsync(slug, token), ct);

    private async Task<DocumentDetail?> GetFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = (await Rows(db.OutcomeDocuments.Where(d => d.Slug == slug), ct)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        var doc = await db.OutcomeDocuments.AsNoTracking().Where(d => d.Slug == slug)
            .Select(d => new
            {
                d.Quotes,
                d.Sources,
                Meetings = d.MentionedAtMeetings.OrderBy(m => m.StartDate).Select(m => new { m.Slug, m.Title, m.StartDate, m.StartPrecision }).ToList(),
                Paragraphs = d.MentionedIn.OrderBy(p => p.Statement!.Date).ThenBy(p => p.StatementId).ThenBy(p => p.Sequence)
                    .Select(p => new { p.Statement!.Slug, p.Statement.Title, p.Label, p.LabelAddedByPortal }).ToList(),
                Developers = d.DevelopedBy.OrderBy(x => x.Id)
                    .Select(x => new DeveloperLine(
                        x.AsWritten,
                        x.Participant == null ? null : x.Participant.Slug, x.Participant == null ? null : x.Participant.Name,
                        x.Participant == null ? null : ParticipantStatus.Current.Invoke(x.Participant),
                        x.Mechanism == null ? null : x.Mechanism.Slug, x.Mechanism == null ? null : x.Mechanism.Name,
                        x.Sources)).ToList(),
            })
            .SingleAsync(ct);
        return new DocumentDetail(
            row, doc.Quotes,
            doc.Meetings.Select(m => new MeetingLink(m.Slug, m.Title, new PartialDate(m.StartDate, m.StartPrecision))).ToList(),
            doc.Paragraphs.Select(p => new ParagraphLink(p.Slug, p.Title, p.Label, p.LabelAddedByPortal, Paragraph.AnchorFor(p.Label))).ToList(),
            doc.Sources, doc.Developers);
    }

    /// <summary>What the documents leave open about this outcome document, and where they disagree on it.</summary>
    public Task<SourceNotes> NotesAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => SourceNotes.LoadAsync(dbFactory, $"document:{slug}", token), ct);

    /// <summary>
    /// The list rows of the documents <paramref name="query"/> selects, oldest first (undated last), then by title.
    /// The meeting page lists the documents it adopted or mentions with it, so every list of documents says the same.
    /// </summary>
    internal static async Task<List<DocumentRow>> Rows(IQueryable<OutcomeDocument> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(d => new { d.Slug, d.Kind, d.Title, d.Action, MeetingSlug = d.Meeting == null ? null : d.Meeting.Slug, MeetingTitle = d.Meeting == null ? null : d.Meeting.Title, d.Date, d.DatePrecision, d.TitleAddedByPortal })
            .ToListAsync(ct);
        return rows.Select(d => new DocumentRow(d.Slug, d.Kind, d.Title, d.Action, d.MeetingSlug, d.MeetingTitle, PartialDate.FromColumns(d.Date, d.DatePrecision), d.TitleAddedByPortal))
            .OrderBy(r => r.When is null).ThenBy(r => r.When).ThenBy(r => r.Title, StringComparer.Ordinal)
            .ToList();
    }
}
