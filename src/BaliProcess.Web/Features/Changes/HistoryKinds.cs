using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Changes;

/// <summary>
/// A record as the public sees it, for its history and the list of changes: its kind, key (the slug a revision names;
/// "plan/number" for a work-plan item), title, page, and the sources the seed drew it from. <see cref="AddedNote"/> says
/// who added it in the portal when no revision does (source documents published before they appended revisions).
/// </summary>
public sealed record RecordRef(string Kind, string Key, string Title, string Href, IReadOnlyList<SourceReference> Sources, string? AddedNote = null)
{
    /// <summary>A title built by the portal around a record's words ("Item 7 of …"): <see cref="Title"/> is its English.</summary>
    public Phrase? TitlePhrase { get; init; }

    /// <summary><see cref="AddedNote"/> as a phrase, for pages in either language.</summary>
    public Phrase? NotePhrase { get; init; }

    /// <summary>A record whose title the portal builds around the record's words.</summary>
    public static RecordRef Built(string kind, string key, Phrase title, string href, IReadOnlyList<SourceReference> sources, Phrase? note = null) =>
        new(kind, key, title.ToString(), href, sources, note?.ToString()) { TitlePhrase = title, NotePhrase = note };

    public string HistoryHref => PortalRoutes.History(Href);
}

/// <summary>
/// One kind of record that has a history: its name in <c>record_revisions.record_kind</c>, its words, the first path
/// segment of its public pages, and how to find public records of the kind by key. <see cref="FindAsync"/> reads through
/// EF Core's query filters, so a draft (or any record the public cannot see) is not found: a revision whose record is
/// not found is not listed anywhere and its history answers 404 (decision 0028).
/// </summary>
public sealed record HistoryKind(
    string Kind, string Label, string PluralLabel, IReadOnlyList<string> Sections,
    Func<BaliProcessDbContext, IReadOnlyCollection<string>, CancellationToken, Task<List<RecordRef>>> FindAsync);

/// <summary>
/// Every kind of record the history pages and /changes know. A kind written to <c>record_revisions</c> that is not here
/// is never shown (the portal cannot tell whether its record is public): adding a kind is one entry here.
/// </summary>
public static class HistoryKinds
{
    /// <summary>The key a revision of a work-plan item names: its plan's slug and its number.</summary>
    public static string ItemKey(string planSlug, string number) => $"{planSlug}/{number}";

    public static readonly IReadOnlyList<HistoryKind> All =
    [
        new(RecordRevisionKinds.Statement, "statement", "Statements", ["statements"], async (db, keys, ct) =>
            [.. (await db.Statements.AsNoTracking().Where(s => keys.Contains(s.Slug)).Select(s => new { s.Slug, s.Title, s.Sources }).ToListAsync(ct))
                .Select(s => new RecordRef(RecordRevisionKinds.Statement, s.Slug, s.Title, PortalRoutes.Statement(s.Slug), s.Sources))]),
        new(RecordRevisionKinds.Meeting, "meeting", "Meetings", ["meetings"], async (db, keys, ct) =>
            [.. (await db.Meetings.AsNoTracking().Where(m => keys.Contains(m.Slug)).Select(m => new { m.Slug, m.Title, m.Sources }).ToListAsync(ct))
                .Select(m => new RecordRef(RecordRevisionKinds.Meeting, m.Slug, m.Title, PortalRoutes.Meeting(m.Slug), m.Sources))]),
        new(RecordRevisionKinds.Source, "source document", "Source documents", ["sources"], async (db, keys, ct) =>
            [.. (await db.SourceDocuments.AsNoTracking().Where(d => keys.Contains(d.Slug))
                    .Select(d => new { d.Slug, d.Title, d.Origin, d.File!.AddedBy, AddedAt = (DateTimeOffset?)d.File.AddedAt, d.File.PublishedBy, d.File.PublishedAt }).ToListAsync(ct))
                .Select(d => d.Origin == RecordOrigin.Staff
                    ? new RecordRef(RecordRevisionKinds.Source, d.Slug, d.Title, PortalRoutes.Source(d.Slug), [], AddedBySecretariat(d.AddedBy, d.AddedAt, d.PublishedBy, d.PublishedAt).ToString())
                        { NotePhrase = AddedBySecretariat(d.AddedBy, d.AddedAt, d.PublishedBy, d.PublishedAt) }
                    : new RecordRef(RecordRevisionKinds.Source, d.Slug, d.Title, PortalRoutes.Source(d.Slug), []))]),
        new(RecordRevisionKinds.WorkPlan, "work plan", "Work plans", ["work-plans"], async (db, keys, ct) =>
            [.. (await db.WorkPlans.AsNoTracking().Where(w => keys.Contains(w.Slug)).Select(w => new { w.Slug, w.Title, w.Sources, w.Origin, FromDocument = w.AddedBy != null }).ToListAsync(ct))
                .Select(w => new RecordRef(RecordRevisionKinds.WorkPlan, w.Slug, w.Title, PortalRoutes.WorkPlan(w.Slug), w.Sources,
                    // A plan set out from a document (decision 0033) has its publication's revision; one created empty has none.
                    w.Origin == RecordOrigin.Staff && !w.FromDocument ? "Created in the portal by the secretariat." : null)
                { NotePhrase = w.Origin == RecordOrigin.Staff && !w.FromDocument ? new Phrase("Created in the portal by the secretariat.") : null })]),
        new(RecordRevisionKinds.WorkPlanItem, "work-plan item", "Work-plan items", [], async (db, keys, ct) =>
            [.. (await db.ActionItems.AsNoTracking().Where(i => keys.Contains(i.WorkPlan!.Slug + "/" + i.Number))
                    .Select(i => new { Plan = i.WorkPlan!.Slug, PlanTitle = i.WorkPlan.Title, i.Number, i.Sources, i.Origin }).ToListAsync(ct))
                .Select(i => RecordRef.Built(RecordRevisionKinds.WorkPlanItem, ItemKey(i.Plan, i.Number), new Phrase("Item {0} of {1}", i.Number, i.PlanTitle), PortalRoutes.WorkPlanItem(i.Plan, i.Number), i.Sources,
                    i.Origin == RecordOrigin.Staff ? new Phrase("Added to its work plan in the portal by the secretariat: its first status below says who and when.") : null))]),
        new(RecordRevisionKinds.Participant, "member, observer or other body", "Members, observers and other bodies", ["members", "observers", "participants"], async (db, keys, ct) =>
            [.. (await db.Participants.AsNoTracking().Where(p => keys.Contains(p.Slug))
                    .Select(p => new { p.Slug, p.Name, p.Sources, Status = ParticipantStatus.Current.Invoke(p) }).ToListAsync(ct))
                .Select(p => new RecordRef(RecordRevisionKinds.Participant, p.Slug, p.Name, PortalRoutes.Participant(p.Slug, p.Status), p.Sources))]),
        new(RecordRevisionKinds.Mechanism, "working group or mechanism", "Working groups and mechanisms", ["working-groups"], async (db, keys, ct) =>
            [.. (await db.Mechanisms.AsNoTracking().Where(m => keys.Contains(m.Slug)).Select(m => new { m.Slug, m.Name, m.Sources }).ToListAsync(ct))
                .Select(m => new RecordRef(RecordRevisionKinds.Mechanism, m.Slug, m.Name, PortalRoutes.WorkingGroup(m.Slug), m.Sources))]),
        new(RecordRevisionKinds.Person, "person", "People", ["people"], async (db, keys, ct) =>
            [.. (await db.People.AsNoTracking().Where(p => keys.Contains(p.Slug)).Select(p => new { p.Slug, p.Name, p.Sources }).ToListAsync(ct))
                .Select(p => new RecordRef(RecordRevisionKinds.Person, p.Slug, p.Name, PortalRoutes.Person(p.Slug), p.Sources))]),
        new(RecordRevisionKinds.Document, "outcome document", "Outcome documents", ["documents"], async (db, keys, ct) =>
            [.. (await db.OutcomeDocuments.AsNoTracking().Where(d => keys.Contains(d.Slug)).Select(d => new { d.Slug, d.Title, d.Sources }).ToListAsync(ct))
                .Select(d => new RecordRef(RecordRevisionKinds.Document, d.Slug, d.Title, PortalRoutes.Document(d.Slug), d.Sources))]),
        // Themes are the portal's taxonomy, not a document's: no sources.
        new(RecordRevisionKinds.Theme, "theme", "Themes", ["themes"], async (db, keys, ct) =>
            [.. (await db.Themes.AsNoTracking().Where(t => keys.Contains(t.Slug)).Select(t => new { t.Slug, t.Name }).ToListAsync(ct))
                .Select(t => new RecordRef(RecordRevisionKinds.Theme, t.Slug, t.Name, PortalRoutes.Theme(t.Slug), []))]),
        // Parts of a record, corrected on their own (decision 0030): public while their statement or meeting is; their
        // revisions link to it and show on its history.
        new(RecordRevisionKinds.Paragraph, "statement paragraph", "Statement paragraphs", [], async (db, keys, ct) =>
        {
            var statements = keys.Select(ParentKey).Distinct().ToList();
            var found = (await db.Statements.AsNoTracking().Where(s => statements.Contains(s.Slug)).Select(s => new { s.Slug, s.Title, s.Sources }).ToListAsync(ct))
                .ToDictionary(s => s.Slug, StringComparer.Ordinal);
            return [.. keys.Where(k => found.ContainsKey(ParentKey(k))).Select(k => (Key: k, Statement: found[ParentKey(k)]))
                .Select(p => RecordRef.Built(RecordRevisionKinds.Paragraph, p.Key, new Phrase("Paragraph {0} of {1}", p.Key[(p.Key.LastIndexOf('/') + 1)..], p.Statement.Title),
                    PortalRoutes.Statement(p.Statement.Slug), p.Statement.Sources))];
        }),
        new(RecordRevisionKinds.AttendanceLine, "attendance line", "Attendance lines", [], async (db, keys, ct) =>
        {
            var meetings = keys.Select(ParentKey).Distinct().ToList();
            var found = (await db.Meetings.AsNoTracking().Where(m => meetings.Contains(m.Slug)).Select(m => new { m.Slug, m.Title, m.Sources }).ToListAsync(ct))
                .ToDictionary(m => m.Slug, StringComparer.Ordinal);
            return [.. keys.Where(k => found.ContainsKey(ParentKey(k))).Select(k => (Key: k, Meeting: found[ParentKey(k)]))
                .Select(p => RecordRef.Built(RecordRevisionKinds.AttendanceLine, p.Key, new Phrase("An attendance line of {0}", p.Meeting.Title),
                    PortalRoutes.Meeting(p.Meeting.Slug), p.Meeting.Sources))];
        }),
        // Decision 0034: a change of membership and a mechanism membership, parts of their participant and mechanism.
        new(RecordRevisionKinds.Membership, "change of membership", "Changes of membership", [], async (db, keys, ct) =>
        {
            var parents = keys.Select(ParentKey).Distinct().ToList();
            var found = (await db.Participants.AsNoTracking().Where(p => parents.Contains(p.Slug))
                    .Select(p => new { p.Slug, p.Name, p.Sources, Status = ParticipantStatus.Current.Invoke(p) }).ToListAsync(ct))
                .ToDictionary(p => p.Slug, StringComparer.Ordinal);
            return [.. keys.Where(k => found.ContainsKey(ParentKey(k))).Select(k => (Key: k, P: found[ParentKey(k)]))
                .Select(x => RecordRef.Built(RecordRevisionKinds.Membership, x.Key, new Phrase("A change of membership of {0}", x.P.Name), PortalRoutes.Participant(x.P.Slug, x.P.Status), x.P.Sources))];
        }),
        new(RecordRevisionKinds.MechanismMembership, "mechanism membership", "Mechanism memberships", [], async (db, keys, ct) =>
        {
            var parents = keys.Select(ParentKey).Distinct().ToList();
            var found = (await db.Mechanisms.AsNoTracking().Where(m => parents.Contains(m.Slug)).Select(m => new { m.Slug, m.Name, m.Sources }).ToListAsync(ct))
                .ToDictionary(m => m.Slug, StringComparer.Ordinal);
            return [.. keys.Where(k => found.ContainsKey(ParentKey(k))).Select(k => (Key: k, M: found[ParentKey(k)]))
                .Select(x => RecordRef.Built(RecordRevisionKinds.MechanismMembership, x.Key, new Phrase("A member of {0}", x.M.Name), PortalRoutes.WorkingGroup(x.M.Slug), x.M.Sources))];
        }),
        // Records from a document (decision 0035). A person's role is a part of its person (its history shows on theirs);
        // an event has its own page under the timeline; a disagreement or an open question shows on its subject's page.
        new(RecordRevisionKinds.PersonRole, "person's role", "People's roles", [], async (db, keys, ct) =>
        {
            var people = keys.Select(ParentKey).Distinct().ToList();
            var found = (await db.People.AsNoTracking().Where(p => people.Contains(p.Slug)).Select(p => new { p.Slug, p.Name, p.Sources }).ToListAsync(ct))
                .ToDictionary(p => p.Slug, StringComparer.Ordinal);
            // As changes of membership: a role's revision stays with its (published) person, whatever the id in its key.
            // The id is the database's, and loading an export into an empty database gives the role another one
            // (decision 0031); requiring the id to exist dropped the revision from /changes after a restore (decision 0040).
            // A withdrawn role's revisions (decision 0039) stay with its person the same way; a draft role has none.
            return [.. keys.Where(k => found.ContainsKey(ParentKey(k)))
                .Select(k => (Key: k, Person: found[ParentKey(k)]))
                .Select(p => RecordRef.Built(RecordRevisionKinds.PersonRole, p.Key, new Phrase("A role of {0}", p.Person.Name), PortalRoutes.Person(p.Person.Slug), p.Person.Sources))];
        }),
        new(RecordRevisionKinds.TimelineEvent, "timeline event", "Timeline events", ["timeline"], async (db, keys, ct) =>
            [.. (await db.TimelineEvents.AsNoTracking().Where(e => keys.Contains(e.Slug)).Select(e => new { e.Slug, e.Title, e.Sources }).ToListAsync(ct))
                .Select(e => new RecordRef(RecordRevisionKinds.TimelineEvent, e.Slug, e.Title, PortalRoutes.TimelineEvent(e.Slug), e.Sources))]),
        new(RecordRevisionKinds.Disagreement, "disagreement between documents", "Disagreements between documents", [], async (db, keys, ct) =>
        {
            var found = new List<RecordRef>();
            // Withdrawn ones included (decision 0039): they have no page, so their withdrawal shows here and on their subject's history.
            foreach (var d in (await db.Disagreements.IgnoreQueryFilters().AsNoTracking().Where(d => !d.IsDraft).ToListAsync(ct)).Where(d => keys.Contains($"{d.Subject}/{d.Field}")))
            {
                found.Add(RecordRef.Built(RecordRevisionKinds.Disagreement, $"{d.Subject}/{d.Field}", new Phrase("Where the documents disagree on the {0} ({1})", d.Field, d.Subject),
                    await SubjectHrefAsync(db, d.Subject, ct), d.Sources));
            }

            return found;
        }),
        new(RecordRevisionKinds.OpenQuestion, "open question", "Open questions", [], async (db, keys, ct) =>
        {
            var found = new List<RecordRef>();
            foreach (var q in (await db.OpenQuestions.IgnoreQueryFilters().AsNoTracking().Where(q => !q.IsDraft).ToListAsync(ct)).Where(q => keys.Contains($"{q.Subject}/{q.Field}")))
            {
                found.Add(RecordRef.Built(RecordRevisionKinds.OpenQuestion, $"{q.Subject}/{q.Field}", new Phrase("What the documents leave open: the {0} ({1})", q.Field, q.Subject),
                    await SubjectHrefAsync(db, q.Subject, ct), q.Sources));
            }

            return found;
        }),
    ];

    /// <summary>The page a note about <paramref name="subject"/> shows on ("meeting:slug" → the meeting's page; "general" → the source documents).</summary>
    private static async Task<string> SubjectHrefAsync(BaliProcessDbContext db, string subject, CancellationToken ct)
    {
        var colon = subject.IndexOf(':', StringComparison.Ordinal);
        var (kind, slug) = colon < 0 ? (subject, "") : (subject[..colon], subject[(colon + 1)..]);
        return kind switch
        {
            "meeting" => PortalRoutes.Meeting(slug),
            "mechanism" => PortalRoutes.WorkingGroup(slug),
            "participant" => PortalRoutes.Participant(slug, await db.Participants.AsNoTracking().Where(p => p.Slug == slug).Select(p => ParticipantStatus.Current.Invoke(p)).FirstOrDefaultAsync(ct)),
            "statement" => PortalRoutes.Statement(slug),
            "document" => PortalRoutes.Document(slug),
            "person" => PortalRoutes.Person(slug),
            _ => PortalRoutes.Sources,
        };
    }

    /// <summary>The kind of the parts whose revisions a record's history also shows: paragraphs of a statement, attendance lines of a meeting.</summary>
    public static string? PartKindOf(string kind) => kind switch
    {
        RecordRevisionKinds.Statement => RecordRevisionKinds.Paragraph,
        RecordRevisionKinds.Meeting => RecordRevisionKinds.AttendanceLine,
        RecordRevisionKinds.Participant => RecordRevisionKinds.Membership,
        RecordRevisionKinds.Mechanism => RecordRevisionKinds.MechanismMembership,
        RecordRevisionKinds.Person => RecordRevisionKinds.PersonRole,
        _ => null,
    };

    /// <summary>A part's words: "Paragraph 4", "An attendance line".</summary>
    public static string PartLabel(string kind, string key) => kind switch
    {
        RecordRevisionKinds.Paragraph => $"Paragraph {key[(key.LastIndexOf('/') + 1)..]}",
        RecordRevisionKinds.Membership => "A change of membership",
        RecordRevisionKinds.MechanismMembership => "A member",
        RecordRevisionKinds.PersonRole => "A role",
        _ => "An attendance line",
    };

    /// <summary>The statement's or meeting's slug in a part's key ("slug/label").</summary>
    private static string ParentKey(string key) => key.LastIndexOf('/') is var i and > 0 ? key[..i] : key;

    private static readonly Dictionary<string, HistoryKind> ByKind = All.ToDictionary(k => k.Kind, StringComparer.Ordinal);
    private static readonly Dictionary<string, HistoryKind> BySection = All.SelectMany(k => k.Sections.Select(s => (s, k))).ToDictionary(p => p.s, p => p.k, StringComparer.Ordinal);

    public static HistoryKind? Of(string? kind) => kind is not null && ByKind.TryGetValue(kind, out var k) ? k : null;

    /// <summary>The kind whose pages live under "/<paramref name="section"/>/…" ("statements", "members").</summary>
    public static HistoryKind? OfSection(string? section) => section is not null && BySection.TryGetValue(section, out var k) ? k : null;

    public static string LabelOf(string kind) => Of(kind)?.Label ?? kind;

    private static Phrase AddedBySecretariat(string? addedBy, DateTimeOffset? addedAt, string? publishedBy, DateTimeOffset? publishedAt) =>
        new("Added in the portal by {0} on {1}, reviewed and published by {2} on {3}.", addedBy ?? "", (object?)addedAt ?? Phrase.UnrecordedDate, publishedBy ?? "", (object?)publishedAt ?? Phrase.UnrecordedDate);
}
