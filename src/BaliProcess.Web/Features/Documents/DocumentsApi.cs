using System.ComponentModel;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BaliProcess.Web.Features.Documents;

[Description("An outcome document in a list: a declaration, strategy, policy guide, report or framework the record names.")]
public sealed record ApiOutcomeDocument(
    string Slug,
    [property: Description("The title as a document writes it, or the portal's words when titleAddedByPortal.")] string Title,
    [property: Description("True when no document gives it a title and the portal built one (pages show it in [brackets]).")] bool TitleAddedByPortal,
    OutcomeDocumentKind Kind,
    [property: Description("What the meeting did with it, in the documents' verb; null when none is stated.")] OutcomeAction? Action,
    [property: Description("Its date at its stated precision: \"2017\", \"2017-05\" or \"2017-05-26\".")] string? Date,
    [property: Description("The meeting that took the action, where a document names one.")] ApiRef? Meeting,
    string Url);

[Description("A passage a source document states of an outcome document, verbatim, with its place.")]
public sealed record ApiQuote(string Text, ApiSource Source);

[Description("A statement paragraph that mentions an outcome document.")]
public sealed record ApiParagraphMention(ApiRef Statement, [property: Description("The paragraph's number as written, e.g. 4 or 10b.")] string Label, string Url);

[Description("Who developed or produced an outcome document, in a source document's words, with the participant or mechanism the words name (null where they name none).")]
public sealed record ApiDeveloper(
    [property: Description("The document's words, verbatim.")] string AsWritten,
    ApiRef? Participant, ApiRef? Mechanism, IReadOnlyList<ApiSource> Sources);

[Description("An outcome document with what the documents say of it, who developed it where a document says so, the meetings and statement paragraphs that mention it, and its sources.")]
public sealed record ApiOutcomeDocumentDetail(
    string Slug, string Title, bool TitleAddedByPortal, OutcomeDocumentKind Kind, OutcomeAction? Action,
    [property: Description("Its date at its stated precision.")] string? Date,
    ApiRef? Meeting,
    IReadOnlyList<ApiQuote> Quotes,
    [property: Description("Other meetings that mention it, oldest first.")] IReadOnlyList<ApiRef> MentionedAtMeetings,
    IReadOnlyList<ApiParagraphMention> MentionedIn,
    string Url, IReadOnlyList<ApiSource> Sources,
    [property: Description("Who developed or produced it, where a document says so (empty where none does).")] IReadOnlyList<ApiDeveloper> DevelopedBy);

/// <summary>/api/v1/documents and /documents/{slug}: the outcome documents, read through <see cref="DocumentReads"/> as the /documents pages are (decision 0033).</summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/documents", ListAsync)
            .WithName("ListOutcomeDocuments")
            .WithSummary("Outcome documents")
            .WithDescription("Declarations, strategies, policy guides, reports, frameworks and other outcome documents the record names, oldest first (undated last).");

        api.MapGet("/documents/{slug}", GetAsync)
            .WithName("GetOutcomeDocument")
            .WithSummary("An outcome document")
            .WithDescription("One outcome document by slug: its kind, title as written, the action and meeting the documents state, its date at its precision, what the documents say of it verbatim, who developed it where a document says so, and the meetings and statement paragraphs that mention it.");
        return api;
    }

    public static ApiOutcomeDocument Map(DocumentRow r) => new(
        r.Slug, r.Title, r.TitleAddedByPortal, r.Kind, r.Action, ApiMap.Date(r.When),
        r.MeetingSlug is null ? null : new ApiRef(r.MeetingSlug, r.MeetingTitle!, PortalRoutes.Meeting(r.MeetingSlug)), PortalRoutes.Document(r.Slug));

    public static ApiOutcomeDocumentDetail Map(DocumentDetail d) => new(
        d.Row.Slug, d.Row.Title, d.Row.TitleAddedByPortal, d.Row.Kind, d.Row.Action, ApiMap.Date(d.Row.When),
        d.Row.MeetingSlug is null ? null : new ApiRef(d.Row.MeetingSlug, d.Row.MeetingTitle!, PortalRoutes.Meeting(d.Row.MeetingSlug)),
        [.. d.Quotes.Select(q => new ApiQuote(q.Text, new ApiSource(q.Source.Document, q.Source.Location)))],
        [.. d.MentionedAtMeetings.Select(m => new ApiRef(m.Slug, m.Title, PortalRoutes.Meeting(m.Slug)))],
        [.. d.MentionedIn.Select(p => new ApiParagraphMention(new ApiRef(p.StatementSlug, p.StatementTitle, PortalRoutes.Statement(p.StatementSlug)), p.Label, PortalRoutes.Statement(p.StatementSlug, p.Label)))],
        PortalRoutes.Document(d.Row.Slug), ApiMap.Sources(d.Sources),
        [.. d.DevelopedBy.Select(Developer)]);

    public static ApiDeveloper Developer(DeveloperLine x) => new(
        x.AsWritten,
        x.ParticipantSlug is null ? null : new ApiRef(x.ParticipantSlug, x.ParticipantName!, PortalRoutes.Participant(x.ParticipantSlug, x.ParticipantStatus)),
        x.MechanismSlug is null ? null : new ApiRef(x.MechanismSlug, x.MechanismName!, PortalRoutes.WorkingGroup(x.MechanismSlug)),
        ApiMap.Sources(x.Sources));

    private static async Task<ApiJsonResult<ApiPage<ApiOutcomeDocument>>> ListAsync(PageParameters paging, DocumentReads service, CancellationToken ct) =>
        paging.Of((await service.ListAsync(null, ct)).Select(Map).ToList());

    private static Task<Results<ApiJsonResult<ApiOutcomeDocumentDetail>, ApiNotFound>> GetAsync(string slug, DocumentReads service, CancellationToken ct) =>
        ApiRecord.BySlugAsync(slug, "outcome document", s => service.GetAsync(s, ct), Map);
}
