using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Record;

/// <summary>A participant's part in a mechanism, for the mechanism's page and the participant's profile.</summary>
public sealed record MembershipLine(
    string? MechanismSlug, string MechanismName, string ParticipantSlug, string ParticipantName, MembershipStatus? ParticipantStatus,
    MechanismRole Role, string? AsWritten, PartialDate? From, PartialDate? To, IReadOnlyList<SourceReference> Sources);

public sealed record RelationLine(string OtherSlug, string OtherName, MechanismRelationKind Kind, bool Outgoing, string AsWritten, IReadOnlyList<SourceReference> Sources);

public sealed record PersonLine(
    string PersonSlug, string PersonName, PersonRoleKind Kind, string AsWritten, string? Office, string? ParticipantSlug, string? ParticipantName,
    MembershipStatus? ParticipantStatus, string? MeetingSlug, string? MeetingTitle, string? MechanismSlug, string? MechanismName,
    PartialDate? When, IReadOnlyList<SourceReference> Sources);

public sealed record DocumentRow(string Slug, OutcomeDocumentKind Kind, string Title, OutcomeAction? Action, string? MeetingSlug, string? MeetingTitle, PartialDate? When);

public sealed record ParagraphLink(string StatementSlug, string StatementTitle, string Label, bool LabelAddedByPortal, string Anchor);

public sealed record MeetingLink(string Slug, string Title, PartialDate Start);

public sealed record DocumentDetail(
    DocumentRow Row, IReadOnlyList<Quote> Quotes, IReadOnlyList<MeetingLink> MentionedAtMeetings, IReadOnlyList<ParagraphLink> MentionedIn,
    IReadOnlyList<SourceReference> Sources);

public sealed record PersonDetail(string Slug, string Name, IReadOnlyList<PersonLine> Roles, IReadOnlyList<SourceReference> Sources);

public sealed record MechanismChoice(string Slug, string Name);

/// <summary>
/// The record's structured facts: who belongs to which mechanism, how mechanisms relate, the outcome
/// documents, the people and the open questions.
/// </summary>
public sealed class RecordDirectory(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    /// <summary>Everyone with a part in this mechanism (members first), or, for a null slug, in the Bali Process as a whole.</summary>
    public Task<IReadOnlyList<MembershipLine>> MembershipsOfMechanismAsync(string? mechanismSlug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(mechanismSlug, token => MembershipsOfMechanismFromDatabaseAsync(mechanismSlug, token), ct);

    private async Task<IReadOnlyList<MembershipLine>> MembershipsOfMechanismFromDatabaseAsync(string? mechanismSlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Lines(db.MechanismMemberships.Where(m => mechanismSlug == null ? m.MechanismId == null : m.Mechanism!.Slug == mechanismSlug), ct);
    }

    public Task<IReadOnlyList<MembershipLine>> MembershipsOfParticipantAsync(string participantSlug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(participantSlug, token => MembershipsOfParticipantFromDatabaseAsync(participantSlug, token), ct);

    private async Task<IReadOnlyList<MembershipLine>> MembershipsOfParticipantFromDatabaseAsync(string participantSlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Lines(db.MechanismMemberships.Where(m => m.Participant!.Slug == participantSlug), ct);
    }

    /// <summary>The mechanisms that have members, for the members list's filter.</summary>
    public Task<IReadOnlyList<MechanismChoice>> MechanismsWithMembersAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => MechanismsWithMembersFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<MechanismChoice>> MechanismsWithMembersFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Mechanisms.AsNoTracking()
            .Where(m => m.Memberships.Any(x => x.Role == MechanismRole.Member))
            .OrderBy(m => m.Name)
            .Select(m => new MechanismChoice(m.Slug, m.Name))
            .ToListAsync(ct);
    }

    public Task<IReadOnlyList<RelationLine>> RelationsAsync(string mechanismSlug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(mechanismSlug, token => RelationsFromDatabaseAsync(mechanismSlug, token), ct);

    private async Task<IReadOnlyList<RelationLine>> RelationsFromDatabaseAsync(string mechanismSlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.MechanismRelations.AsNoTracking()
            .Where(r => r.FromMechanism!.Slug == mechanismSlug || r.ToMechanism!.Slug == mechanismSlug)
            .Select(r => new { From = r.FromMechanism!.Slug, FromName = r.FromMechanism.Name, To = r.ToMechanism!.Slug, ToName = r.ToMechanism.Name, r.Kind, r.AsWritten, r.Sources })
            .ToListAsync(ct);
        return rows.Select(r => r.From == mechanismSlug
                ? new RelationLine(r.To, r.ToName, r.Kind, true, r.AsWritten, r.Sources)
                : new RelationLine(r.From, r.FromName, r.Kind, false, r.AsWritten, r.Sources))
            .ToList();
    }

    public Task<IReadOnlyList<PersonLine>> PeopleAtMeetingAsync(string meetingSlug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(meetingSlug, token => PeopleAtMeetingFromDatabaseAsync(meetingSlug, token), ct);

    private async Task<IReadOnlyList<PersonLine>> PeopleAtMeetingFromDatabaseAsync(string meetingSlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PersonLines(db.PersonRoles.Where(r => r.Meeting!.Slug == meetingSlug), ct);
    }

    public Task<IReadOnlyList<PersonLine>> PeopleInMechanismAsync(string mechanismSlug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(mechanismSlug, token => PeopleInMechanismFromDatabaseAsync(mechanismSlug, token), ct);

    private async Task<IReadOnlyList<PersonLine>> PeopleInMechanismFromDatabaseAsync(string mechanismSlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PersonLines(db.PersonRoles.Where(r => r.Mechanism!.Slug == mechanismSlug), ct);
    }

    public Task<IReadOnlyList<PersonLine>> PeopleForParticipantAsync(string participantSlug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(participantSlug, token => PeopleForParticipantFromDatabaseAsync(participantSlug, token), ct);

    private async Task<IReadOnlyList<PersonLine>> PeopleForParticipantFromDatabaseAsync(string participantSlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PersonLines(db.PersonRoles.Where(r => r.Participant!.Slug == participantSlug), ct);
    }

    public Task<IReadOnlyList<PersonDetail>> PeopleAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => PeopleFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<PersonDetail>> PeopleFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await PersonLines(db.PersonRoles, ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name, p.Sources }).ToListAsync(ct);
        return people.Select(p => new PersonDetail(p.Slug, p.Name, lines.Where(l => l.PersonSlug == p.Slug).ToList(), p.Sources)).ToList();
    }

    public Task<PersonDetail?> PersonAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => PersonFromDatabaseAsync(slug, token), ct);

    private async Task<PersonDetail?> PersonFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Slug, p.Name, p.Sources }).FirstOrDefaultAsync(ct);
        return person is null ? null : new PersonDetail(person.Slug, person.Name, await PersonLines(db.PersonRoles.Where(r => r.Person!.Slug == slug), ct), person.Sources);
    }

    public Task<IReadOnlyList<DocumentRow>> DocumentsAsync(OutcomeDocumentKind? kind = null, CancellationToken ct = default) =>
        records.GetOrLoadAsync(kind, token => DocumentsFromDatabaseAsync(kind, token), ct);

    private async Task<IReadOnlyList<DocumentRow>> DocumentsFromDatabaseAsync(OutcomeDocumentKind? kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await DocumentRows(db.OutcomeDocuments.Where(d => kind == null || d.Kind == kind), ct);
        return rows.OrderBy(r => r.When is null).ThenBy(r => r.When).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>Documents a meeting adopted, endorsed or otherwise acted on, and those it mentions.</summary>
    public Task<(IReadOnlyList<DocumentRow> Adopted, IReadOnlyList<DocumentRow> Mentioned)> DocumentsOfMeetingAsync(string meetingSlug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(meetingSlug, token => DocumentsOfMeetingFromDatabaseAsync(meetingSlug, token), ct);

    private async Task<(IReadOnlyList<DocumentRow> Adopted, IReadOnlyList<DocumentRow> Mentioned)> DocumentsOfMeetingFromDatabaseAsync(string meetingSlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var adopted = await DocumentRows(db.OutcomeDocuments.Where(d => d.Meeting!.Slug == meetingSlug), ct);
        var mentioned = await DocumentRows(db.OutcomeDocuments.Where(d => d.MentionedAtMeetings.Any(m => m.Slug == meetingSlug)), ct);
        return (adopted, mentioned);
    }

    public Task<DocumentDetail?> DocumentAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => DocumentFromDatabaseAsync(slug, token), ct);

    private async Task<DocumentDetail?> DocumentFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = (await DocumentRows(db.OutcomeDocuments.Where(d => d.Slug == slug), ct)).FirstOrDefault();
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
            })
            .SingleAsync(ct);
        return new DocumentDetail(
            row, doc.Quotes,
            doc.Meetings.Select(m => new MeetingLink(m.Slug, m.Title, new PartialDate(m.StartDate, m.StartPrecision))).ToList(),
            doc.Paragraphs.Select(p => new ParagraphLink(p.Slug, p.Title, p.Label, p.LabelAddedByPortal, Paragraph.AnchorFor(p.Label))).ToList(),
            doc.Sources);
    }

    /// <summary>Outcome documents a statement's paragraphs mention, by paragraph label.</summary>
    public Task<ILookup<string, DocumentRow>> DocumentsMentionedInStatementAsync(string statementSlug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(statementSlug, token => DocumentsMentionedInStatementFromDatabaseAsync(statementSlug, token), ct);

    private async Task<ILookup<string, DocumentRow>> DocumentsMentionedInStatementFromDatabaseAsync(string statementSlug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pairs = await db.OutcomeDocuments.AsNoTracking()
            .SelectMany(d => d.MentionedIn.Where(p => p.Statement!.Slug == statementSlug).Select(p => new { p.Label, d.Slug, d.Kind, d.Title, d.Action }))
            .ToListAsync(ct);
        return pairs.ToLookup(p => p.Label, p => new DocumentRow(p.Slug, p.Kind, p.Title, p.Action, null, null, null), StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<OpenQuestion>> OpenQuestionsAboutAsync(IReadOnlyCollection<string> subjects, CancellationToken ct = default) =>
        records.GetOrLoadAsync(string.Join("\u001f", subjects), token => OpenQuestionsAboutFromDatabaseAsync(subjects, token), ct);

    private async Task<IReadOnlyList<OpenQuestion>> OpenQuestionsAboutFromDatabaseAsync(IReadOnlyCollection<string> subjects, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OpenQuestions.AsNoTracking().Where(q => subjects.Contains(q.Subject)).OrderBy(q => q.Field).ToListAsync(ct);
    }

    private static async Task<IReadOnlyList<MembershipLine>> Lines(IQueryable<MechanismMembership> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(m => new
            {
                MechanismSlug = m.Mechanism == null ? null : m.Mechanism.Slug,
                MechanismName = m.Mechanism == null ? null : m.Mechanism.Name,
                m.Participant!.Slug,
                m.Participant.Name,
                Status = ParticipantStatus.Current.Invoke(m.Participant),
                m.Role,
                m.AsWritten,
                m.FromDate,
                m.FromPrecision,
                m.ToDate,
                m.ToPrecision,
                m.Sources,
            })
            .ToListAsync(ct);
        return rows
            .Select(m => new MembershipLine(m.MechanismSlug, m.MechanismName ?? "the Bali Process", m.Slug, m.Name, m.Status, m.Role, m.AsWritten,
                PartialDate.FromColumns(m.FromDate, m.FromPrecision), PartialDate.FromColumns(m.ToDate, m.ToPrecision), m.Sources))
            .OrderBy(m => m.Role).ThenBy(m => m.MechanismName, StringComparer.Ordinal).ThenBy(m => m.ParticipantName, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<IReadOnlyList<PersonLine>> PersonLines(IQueryable<PersonRole> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(r => new
            {
                r.Person!.Slug,
                r.Person.Name,
                r.Kind,
                r.AsWritten,
                r.Office,
                ParticipantSlug = r.Participant == null ? null : r.Participant.Slug,
                ParticipantName = r.Participant == null ? null : r.Participant.Name,
                Status = r.Participant == null ? null : ParticipantStatus.Current.Invoke(r.Participant),
                MeetingSlug = r.Meeting == null ? null : r.Meeting.Slug,
                MeetingTitle = r.Meeting == null ? null : r.Meeting.Title,
                MechanismSlug = r.Mechanism == null ? null : r.Mechanism.Slug,
                MechanismName = r.Mechanism == null ? null : r.Mechanism.Name,
                r.Date,
                r.DatePrecision,
                r.Sources,
                r.Id,
            })
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .ToListAsync(ct);
        return rows.Select(r => new PersonLine(r.Slug, r.Name, r.Kind, r.AsWritten, r.Office, r.ParticipantSlug, r.ParticipantName, r.Status,
            r.MeetingSlug, r.MeetingTitle, r.MechanismSlug, r.MechanismName, PartialDate.FromColumns(r.Date, r.DatePrecision), r.Sources)).ToList();
    }

    private static async Task<List<DocumentRow>> DocumentRows(IQueryable<OutcomeDocument> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(d => new { d.Slug, d.Kind, d.Title, d.Action, MeetingSlug = d.Meeting == null ? null : d.Meeting.Slug, MeetingTitle = d.Meeting == null ? null : d.Meeting.Title, d.Date, d.DatePrecision })
            .ToListAsync(ct);
        return rows.Select(d => new DocumentRow(d.Slug, d.Kind, d.Title, d.Action, d.MeetingSlug, d.MeetingTitle, PartialDate.FromColumns(d.Date, d.DatePrecision))).ToList();
    }
}
