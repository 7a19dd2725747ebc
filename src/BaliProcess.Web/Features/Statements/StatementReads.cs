using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Documents;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Statements;

public sealed record StatementListItem(
    string Slug, string Title, StatementKind Kind, PartialDate? When, string? MeetingTitle, int Paragraphs,
    string? MeetingSlug = null, string? AuthorSlug = null, IReadOnlyList<SourceReference>? Sources = null);

public sealed record StatementDetail(
    string Slug,
    string Title,
    StatementKind Kind,
    PartialDate? When,
    MeetingRef? Meeting,
    PersonRef? Author,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyList<ParagraphView> Paragraphs,
    IReadOnlyList<Disagreement> Disagreements)
{
    /// <summary>Further meetings the statement's own text says it comes from (decision 0025).</summary>
    public IReadOnlyList<MeetingRef> AlsoMeetings { get; init; } = [];
}

public sealed record MeetingRef(string Slug, string Title, PartialDate Start, PartialDate? End);

/// <summary>A member, observer or other body, with the page it links to.</summary>
public sealed record PersonRef(string Slug, string Name, MembershipStatus? Status)
{
    /// <summary>Observers have their own pages; members and other bodies are under /members (an other body's page there redirects to /participants).</summary>
    public string Href => PortalRoutes.Participant(Slug, Status == MembershipStatus.Observer ? MembershipStatus.Observer : MembershipStatus.Member);
}

/// <summary>A work-plan action item that answers a paragraph (the paragraph asked for it).</summary>
public sealed record AnsweringItem(string PlanSlug, string PlanTitle, string Number, ActionItemStatus Status)
{
    public string Href => PortalRoutes.WorkPlanItem(PlanSlug, Number);
}

/// <summary>A paragraph; <see cref="Highlighted"/> is the text with the search words marked, when asked for and matched.</summary>
public sealed record ParagraphView(
    string Label, string? Section, string Text, string? Highlighted, string Location,
    IReadOnlyList<ThemeChip> Themes, IReadOnlyList<PersonRef> Mentions, bool LabelAddedByPortal = false, IReadOnlyList<AnsweringItem>? AnsweredBy = null)
{
    public string Anchor => Paragraph.AnchorFor(Label);
}

/// <summary>The statements, read for their pages.</summary>
public sealed class StatementReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public Task<IReadOnlyList<StatementListItem>> ListAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => ListFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<StatementListItem>> ListFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Statements.AsNoTracking()
            .OrderByDescending(s => s.Date).ThenBy(s => s.Title)
            .Select(s => new { s.Slug, s.Title, s.Kind, s.Date, s.DatePrecision, MeetingTitle = s.Meeting != null ? s.Meeting.Title : null, MeetingSlug = s.Meeting != null ? s.Meeting.Slug : null, AuthorSlug = s.Author != null ? s.Author.Slug : null, Paragraphs = s.Paragraphs.Count, s.Sources })
            .ToListAsync(ct);
        return [.. rows.Select(s => new StatementListItem(s.Slug, s.Title, s.Kind, PartialDate.FromColumns(s.Date, s.DatePrecision), s.MeetingTitle, s.Paragraphs, s.MeetingSlug, s.AuthorSlug, s.Sources))];
    }

    /// <summary>A statement with its paragraphs, or null. With <paramref name="highlight"/>, matching words are marked.</summary>
    public async Task<StatementDetail?> GetAsync(string slug, string? highlight = null, CancellationToken ct = default)
    {
        var statement = await records.GetOrLoadAsync(slug, token => GetFromDatabaseAsync(slug, token), ct);
        var query = SearchInput.CleanQuery(highlight, out _);
        if (statement is null || query == "")
        {
            return statement;
        }

        // The words to mark are whatever a visitor typed: marked on each request and never kept, so that no number
        // of different words can fill memory with copies of one statement.
        var marked = await HighlightsAsync(slug, query, ct);
        return statement with
        {
            Paragraphs = [.. statement.Paragraphs.Select(p => marked.TryGetValue(p.Label, out var text) ? p with { Highlighted = text } : p)],
        };
    }

    /// <summary>The matching paragraphs' text with the words marked, by label (ts_headline runs only on those).</summary>
    private async Task<Dictionary<string, string>> HighlightsAsync(string slug, string query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Paragraphs.AsNoTracking()
            .Where(p => p.Statement!.Slug == slug && p.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(SearchService.Config, query)))
            .Select(p => new { p.Label, Text = EF.Functions.WebSearchToTsQuery(SearchService.Config, query).GetResultHeadline(SearchService.Config, p.Text, Highlight.WholeTextOptions) })
            .ToListAsync(ct);
        return rows.DistinctBy(r => r.Label).ToDictionary(r => r.Label, r => r.Text);
    }

    private async Task<StatementDetail?> GetFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Statements.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Select(s => new
            {
                s.Id, s.Slug, s.Title, s.Kind, s.Date, s.DatePrecision, s.Sources,
                Meeting = s.Meeting == null ? null : new { s.Meeting.Slug, s.Meeting.Title, s.Meeting.StartDate, s.Meeting.StartPrecision, s.Meeting.EndDate, s.Meeting.EndPrecision },
                Author = s.Author == null ? null : new { s.Author.Slug, s.Author.Name, Status = ParticipantStatus.Current.Invoke(s.Author) },
                AlsoMeetings = s.AlsoMeetings.OrderBy(m => m.StartDate).Select(m => new { m.Slug, m.Title, m.StartDate, m.StartPrecision, m.EndDate, m.EndPrecision }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        var paragraphs = await db.Paragraphs.AsNoTracking()
            .Where(p => p.StatementId == s.Id)
            .OrderBy(p => p.Sequence)
            .Select(p => new
            {
                p.Label, p.Section, p.Text, p.Location, p.LabelAddedByPortal,
                Themes = p.Themes.OrderBy(t => t.Name).Select(t => new ThemeChip(t.Slug, t.Name)).ToList(),
                Mentions = p.Mentions.OrderBy(m => m.Name)
                    .Select(m => new PersonRef(m.Slug, m.Name, ParticipantStatus.Current.Invoke(m)))
                    .ToList(),
                AnsweredBy = p.ItemLinks.OrderBy(l => l.ActionItem!.WorkPlan!.StartYear).ThenBy(l => l.ActionItem!.Sequence)
                    .Select(l => new AnsweringItem(l.ActionItem!.WorkPlan!.Slug, l.ActionItem.WorkPlan.Title, l.ActionItem.Number, l.ActionItem.Status))
                    .ToList(),
            })
            .ToListAsync(ct);

        var subjects = new List<string> { "statement:" + s.Slug };
        if (s.Meeting is not null)
        {
            subjects.Add("meeting:" + s.Meeting.Slug);
        }

        var disagreements = await db.Disagreements.AsNoTracking()
            .Where(d => subjects.Contains(d.Subject))
            .OrderBy(d => d.Field)
            .ToListAsync(ct);

        return new StatementDetail(
            s.Slug,
            s.Title,
            s.Kind,
            PartialDate.FromColumns(s.Date, s.DatePrecision),
            s.Meeting is { } m ? new MeetingRef(m.Slug, m.Title, new PartialDate(m.StartDate, m.StartPrecision), PartialDate.FromColumns(m.EndDate, m.EndPrecision)) : null,
            s.Author is { } a ? new PersonRef(a.Slug, a.Name, a.Status) : null,
            s.Sources,
            [.. paragraphs.Select(p => new ParagraphView(p.Label, p.Section, p.Text, null, p.Location, p.Themes, p.Mentions, p.LabelAddedByPortal, p.AnsweredBy))],
            disagreements)
        {
            AlsoMeetings = [.. s.AlsoMeetings.Select(m => new MeetingRef(m.Slug, m.Title, new PartialDate(m.StartDate, m.StartPrecision), PartialDate.FromColumns(m.EndDate, m.EndPrecision)))],
        };
    }

    /// <summary>Outcome documents the statement's paragraphs mention, by paragraph label.</summary>
    public Task<ILookup<string, DocumentRow>> DocumentsMentionedAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => DocumentsMentionedFromDatabaseAsync(slug, token), ct);

    private async Task<ILookup<string, DocumentRow>> DocumentsMentionedFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pairs = await db.OutcomeDocuments.AsNoTracking()
            .SelectMany(d => d.MentionedIn.Where(p => p.Statement!.Slug == slug).Select(p => new { p.Label, d.Slug, d.Kind, d.Title, d.Action }))
            .ToListAsync(ct);
        // In the order of their titles: without one, PostgreSQL returns them in whatever order they were stored, so the
        // same record entered again (decision 0036) listed them differently.
        return pairs.OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToLookup(p => p.Label, p => new DocumentRow(p.Slug, p.Kind, p.Title, p.Action, null, null, null), StringComparer.Ordinal);
    }
}
