using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Seeding;

// The record files of the second pass (mechanism memberships and relations, outcome documents, people, open questions),
// each as seed-data/ writes it.
public sealed partial class SeedExporter
{
    private async Task<List<MechanismMembershipJson>> MechanismMembershipsAsync(CancellationToken ct) =>
        (await db.MechanismMemberships.IgnoreQueryFilters().AsNoTracking().Include(m => m.Mechanism).OrderBy(m => m.Id).ToListAsync(ct))
            .Select(m =>
            {
                Count(m.Origin, m.IsDraft);
                var staff = m.Origin == Model.RecordOrigin.Staff;
                return new MechanismMembershipJson(
                    m.Mechanism?.Slug, ParticipantName(m.ParticipantId), m.Role.ToString(), m.AsWritten, m.From?.ToIsoString(), m.To?.ToIsoString(),
                    null, Many(m.Sources), Origin(m.Origin), Draft(m.IsDraft),
                    staff ? m.AddedBy : null, staff ? m.AddedByUserId : null, staff ? m.AddedAt : null,
                    staff ? m.PublishedBy : null, staff ? m.PublishedByUserId : null, staff ? m.PublishedAt : null,
                    m.WithdrawnAt, m.WithdrawnReason);
            })
            .ToList();

    private async Task<List<MechanismRelationJson>> MechanismRelationsAsync(CancellationToken ct) =>
        (await db.MechanismRelations.IgnoreQueryFilters().AsNoTracking().Include(r => r.FromMechanism).Include(r => r.ToMechanism).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => new MechanismRelationJson(r.FromMechanism!.Slug, r.ToMechanism!.Slug, r.Kind.ToString(), r.AsWritten, null, Many(r.Sources)))
            .ToList();

    private async Task<List<OutcomeDocumentJson>> OutcomeDocumentsAsync(CancellationToken ct) =>
        (await db.OutcomeDocuments.IgnoreQueryFilters().AsNoTracking()
            .Include(d => d.Meeting)
            .Include(d => d.MentionedAtMeetings.OrderBy(m => m.Id))
            .Include(d => d.MentionedIn.OrderBy(p => p.Id)).ThenInclude(p => p.Statement)
            .Include(d => d.DevelopedBy.OrderBy(x => x.Id)).ThenInclude(x => x.Participant)
            .Include(d => d.DevelopedBy).ThenInclude(x => x.Mechanism)
            .AsSplitQuery()
            .OrderBy(d => d.Id)
            .ToListAsync(ct))
        .Select(d =>
        {
            Count(d.Origin, d.IsDraft);
            var staff = d.Origin == RecordOrigin.Staff;
            return new OutcomeDocumentJson(
                d.Slug, d.Kind.ToString(), d.Title, d.Meeting?.Slug, d.Action?.ToString(), d.When?.ToIsoString(),
                [.. d.Quotes.Select(q => new QuoteJson(q.Text, Ref(q.Source)))],
                [.. d.MentionedAtMeetings.Select(m => m.Slug)],
                [.. d.MentionedIn.Select(p => new ParagraphRefJson(p.Statement!.Slug, p.Label))],
                null, Many(d.Sources), True(d.TitleAddedByPortal),
                Origin(d.Origin), Draft(d.IsDraft),
                staff ? d.AddedBy : null, staff ? d.AddedByUserId : null, staff ? d.AddedAt : null,
                staff ? d.PublishedBy : null, staff ? d.PublishedByUserId : null, staff ? d.PublishedAt : null,
                d.WithdrawnAt, d.WithdrawnReason,
                // Decision 0041: absent, as in seed-data/, where no document says who developed it.
                d.DevelopedBy.Count == 0 ? null : [.. d.DevelopedBy.Select(x => new OutcomeDeveloperJson(
                    x.AsWritten, x.Participant?.Slug, x.Mechanism?.Slug, One(x.Sources), Many(x.Sources, unlessOne: true)))]);
        })
        .ToList();

    private async Task<List<PersonJson>> PeopleAsync(CancellationToken ct) =>
        (await db.People.IgnoreQueryFilters().AsNoTracking()
            .Include(p => p.Roles.OrderBy(r => r.Id)).ThenInclude(r => r.Meeting)
            .Include(p => p.Roles).ThenInclude(r => r.Mechanism)
            .AsSplitQuery()
            .OrderBy(p => p.Id)
            .ToListAsync(ct))
        .Select(p =>
        {
            var m = Marks(p);
            return new PersonJson(
                p.Slug, p.Name,
                [.. p.Roles.Select(r =>
                {
                    var rm = Marks(r);
                    return new PersonRoleJson(
                        r.Kind.ToString(), r.AsWritten, r.Office, r.ParticipantId is { } id ? ParticipantName(id) : null, r.Meeting?.Slug, r.Mechanism?.Slug,
                        r.When?.ToIsoString(), One(r.Sources), Many(r.Sources, unlessOne: true),
                        rm.Origin, rm.IsDraft, rm.AddedBy, rm.AddedByUserId, rm.AddedAt, rm.PublishedBy, rm.PublishedByUserId, rm.PublishedAt,
                        r.WithdrawnAt, r.WithdrawnReason);
                })],
                null, Many(p.Sources), m.Origin, m.IsDraft, m.AddedBy, m.AddedByUserId, m.AddedAt, m.PublishedBy, m.PublishedByUserId, m.PublishedAt,
                p.WithdrawnAt, p.WithdrawnReason);
        })
        .ToList();

    // Decision 0035: dated events that are not meetings, added by staff.
    private async Task<List<TimelineEventJson>> TimelineEventsAsync(CancellationToken ct) =>
        (await db.TimelineEvents.IgnoreQueryFilters().AsNoTracking().Include(e => e.Mechanism).OrderBy(e => e.Id).ToListAsync(ct))
        .Select(e =>
        {
            var m = Marks(e);
            return new TimelineEventJson(
                e.Slug, e.Title, e.When.ToIsoString(), e.Summary, e.Place, e.Mechanism?.Slug, e.ParticipantId is { } id ? ParticipantName(id) : null, Many(e.Sources),
                m.Origin, m.IsDraft, m.AddedBy, m.AddedByUserId, m.AddedAt, m.PublishedBy, m.PublishedByUserId, m.PublishedAt,
                e.WithdrawnAt, e.WithdrawnReason);
        })
        .ToList();

    // Decision 0032.
    private async Task<List<ProgrammeJson>> ProgrammesAsync(CancellationToken ct) =>
        // Unfiltered (decision 0039): a programme of a withdrawn mechanism keeps its link in the backup.
        (await db.Programmes.IgnoreQueryFilters().AsNoTracking()
            .Include(p => p.Mechanism).Include(p => p.Participant)
            .Include(p => p.Parts.OrderBy(x => x.Id)).ThenInclude(x => x.Mechanism)
            .Include(p => p.Parts).ThenInclude(x => x.Participant)
            .AsSplitQuery()
            .OrderBy(p => p.Id)
            .ToListAsync(ct))
        // Programmes name their participants by slug, as programmes.json does.
        .Select(p => new ProgrammeJson(
            p.Slug, p.Name, True(p.NameAddedByPortal), p.Kind.ToString(), p.Mechanism?.Slug, p.Participant?.Slug,
            p.Start?.ToIsoString(), p.End?.ToIsoString(),
            [.. p.Quotes.Select(q => new QuoteJson(q.Text, Ref(q.Source)))],
            [.. p.Parts.Select(x => new ProgrammePartJson(
                x.Role.ToString(), x.AsWritten, x.Participant?.Slug, x.Mechanism?.Slug,
                One(x.Sources), Many(x.Sources, unlessOne: true)))],
            null, Many(p.Sources)))
        .ToList();

    private async Task<List<OpenQuestionJson>> OpenQuestionsAsync(CancellationToken ct) =>
        (await db.OpenQuestions.IgnoreQueryFilters().AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct))
            .Select(q =>
            {
                var m = Marks(q);
                return new OpenQuestionJson(
                    q.Subject, q.Field, q.Description, null, Many(q.Sources),
                    m.Origin, m.IsDraft, m.AddedBy, m.AddedByUserId, m.AddedAt, m.PublishedBy, m.PublishedByUserId, m.PublishedAt,
                    q.WithdrawnAt, q.WithdrawnReason);
            })
            .ToList();
}
