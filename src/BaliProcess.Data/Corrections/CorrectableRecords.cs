using System.Globalization;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Corrections;

/// <summary>
/// One field staff may correct: its name (the key in a correction's JSON), its label, the entity properties it is
/// stored in (the seed loader keeps those when staff corrected the field), how to read it as the form shows it, and
/// how to write a value typed into the form (null when written; otherwise what is wrong with the value).
/// </summary>
public sealed record CorrectableField(
    string Name,
    string Label,
    IReadOnlyList<string> Properties,
    Func<object, string?> Read,
    Func<BaliProcessDbContext, object, string?, CancellationToken, Task<ValueProblem?>> Write,
    bool Required = true,
    bool Multiline = false,
    string? Hint = null);

/// <summary>
/// A kind of record that can be corrected (and perhaps withdrawn): how its key finds it (tracked, drafts and
/// withdrawn records included), how to name it, and its correctable fields (decision 0030). The map keeps the staff
/// pages, the write path and the seed loader generic: a new kind is one entry here.
/// </summary>
public sealed record CorrectableKind(
    string Name,
    string Label,
    Type EntityType,
    Func<BaliProcessDbContext, string, CancellationToken, Task<object?>> Find,
    Func<object, string> KeyOf,
    Func<object, string> Describe,
    IReadOnlyList<CorrectableField> Fields,
    bool Withdrawable)
{
    public CorrectableField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>The record kinds staff may correct, by the name corrections and revisions use.</summary>
public static class CorrectableRecords
{
    public const int TitleMaxLength = 500;
    public const int TextMaxLength = 20_000;

    public static readonly IReadOnlyList<CorrectableKind> All =
    [
        new(RecordRevisionKinds.Meeting, "Meeting", typeof(Meeting),
            async (db, key, ct) => await db.Meetings.IgnoreQueryFilters().Include(m => m.Attendance).ThenInclude(a => a.Participant)
                .AsSplitQuery().FirstOrDefaultAsync(m => m.Slug == key, ct),
            e => ((Meeting)e).Slug,
            e => ((Meeting)e).Title,
            [
                Text<Meeting>("title", "Title", m => m.Title, (m, v) => m.Title = v!, nameof(Meeting.Title)),
                new("start", "Start date", [nameof(Meeting.StartDate), nameof(Meeting.StartPrecision)],
                    e => ((Meeting)e).Start.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: true, d => { ((Meeting)e).StartDate = d!.Value.Value; ((Meeting)e).StartPrecision = d.Value.Precision; })),
                    Hint: "As precisely as the document gives it: 2017, 2017-05 or 2017-05-25."),
                new("end", "End date", [nameof(Meeting.EndDate), nameof(Meeting.EndPrecision)],
                    e => ((Meeting)e).End?.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: false, d => (((Meeting)e).EndDate, ((Meeting)e).EndPrecision) = (d?.Value, d?.Precision))),
                    Required: false, Hint: "Empty for a one-day meeting."),
                Text<Meeting>("place", "Place", m => m.Place, (m, v) => m.Place = v, nameof(Meeting.Place), required: false),
                Text<Meeting>("summary", "Summary", m => m.Summary, (m, v) => m.Summary = v, nameof(Meeting.Summary), required: false, multiline: true),
            ],
            Withdrawable: true),

        new(RecordRevisionKinds.AttendanceLine, "Attendance line", typeof(MeetingAttendance),
            async (db, key, ct) => int.TryParse(After(key), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.MeetingAttendance.IgnoreQueryFilters().Include(a => a.Meeting).Include(a => a.Participant)
                    .FirstOrDefaultAsync(a => a.Id == id && a.Meeting!.Slug == Before(key), ct)
                : null,
            e => AttendanceKey((MeetingAttendance)e),
            e => $"{((MeetingAttendance)e).Participant?.Name} ({((MeetingAttendance)e).Role}) at {((MeetingAttendance)e).Meeting?.Title}",
            [
                new("participant", "Participant", [nameof(MeetingAttendance.ParticipantId)],
                    e => ((MeetingAttendance)e).Participant?.Slug,
                    async (db, e, v, ct) =>
                    {
                        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Slug == v, ct);
                        if (participant is null)
                        {
                            return new ValueProblem("Choose a member, observer or other body from the list.");
                        }

                        ((MeetingAttendance)e).Participant = participant;
                        ((MeetingAttendance)e).ParticipantId = participant.Id;
                        return null;
                    }),
                new("role", "Role", [nameof(MeetingAttendance.Role)],
                    e => ((MeetingAttendance)e).Role.ToString(),
                    (_, e, v, _) =>
                    {
                        if (!Enum.TryParse<AttendanceRole>(v, out var role) || !Enum.IsDefined(role) || int.TryParse(v, out _))
                        {
                            return Task.FromResult<ValueProblem?>(new("Choose one of the roles: {0}.", string.Join(", ", Enum.GetNames<AttendanceRole>())));
                        }

                        ((MeetingAttendance)e).Role = role;
                        return Task.FromResult<ValueProblem?>(null);
                    },
                    Hint: string.Join(", ", Enum.GetNames<AttendanceRole>())),
            ],
            Withdrawable: true),

        new(RecordRevisionKinds.WorkPlan, "Work plan", typeof(WorkPlan),
            async (db, key, ct) => await db.WorkPlans.IgnoreQueryFilters().FirstOrDefaultAsync(w => w.Slug == key && !w.IsDraft, ct),
            e => ((WorkPlan)e).Slug,
            e => ((WorkPlan)e).Title,
            [
                Text<WorkPlan>("title", "Title", w => w.Title, (w, v) => w.Title = v!, nameof(WorkPlan.Title)),
                new("period", "Period", [nameof(WorkPlan.Period), nameof(WorkPlan.StartYear), nameof(WorkPlan.EndYear)],
                    e => ((WorkPlan)e).Period,
                    (_, e, v, _) => Task.FromResult(SetPeriod((WorkPlan)e, v)),
                    Hint: "As the plan's title gives it: 2015–17 or 2017–2019."),
            ],
            Withdrawable: true),

        new(RecordRevisionKinds.WorkPlanItem, "Work-plan item", typeof(ActionItem),
            async (db, key, ct) => await db.ActionItems.IgnoreQueryFilters().Include(i => i.WorkPlan)
                .FirstOrDefaultAsync(i => i.WorkPlan!.Slug == Before(key) && i.Number == After(key), ct),
            e => $"{((ActionItem)e).WorkPlan!.Slug}/{((ActionItem)e).Number}",
            e => $"Item {((ActionItem)e).Number} of {((ActionItem)e).WorkPlan?.Title}",
            [Text<ActionItem>("text", "Text", i => i.Text, (i, v) => i.Text = v!, nameof(ActionItem.Text), multiline: true)],
            Withdrawable: true),

        new(RecordRevisionKinds.Statement, "Statement", typeof(Statement),
            async (db, key, ct) => await db.Statements.IgnoreQueryFilters().Include(s => s.Paragraphs).FirstOrDefaultAsync(s => s.Slug == key && !s.IsDraft, ct),
            e => ((Statement)e).Slug,
            e => ((Statement)e).Title,
            [Text<Statement>("title", "Title", s => s.Title, (s, v) => s.Title = v!, nameof(Statement.Title))],
            Withdrawable: true),

        new(RecordRevisionKinds.Paragraph, "Statement paragraph", typeof(Paragraph),
            async (db, key, ct) => await db.Paragraphs.IgnoreQueryFilters().Include(p => p.Statement)
                .FirstOrDefaultAsync(p => p.Statement!.Slug == Before(key) && p.Label == After(key) && !p.Statement.IsDraft, ct),
            e => $"{((Paragraph)e).Statement!.Slug}/{((Paragraph)e).Label}",
            e => $"Paragraph {((Paragraph)e).Label} of {((Paragraph)e).Statement?.Title}",
            [Text<Paragraph>("text", "Text", p => p.Text, (p, v) => p.Text = v!, nameof(Paragraph.Text), multiline: true)],
            // Not withdrawable (decision 0039): a paragraph is part of its statement's text, numbered as the document
            // numbers it; a wrong one is corrected, a wrong statement withdrawn whole.
            Withdrawable: false),

        new(RecordRevisionKinds.Participant, "Member, observer or other body", typeof(Participant),
            async (db, key, ct) => await db.Participants.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Slug == key, ct),
            e => ((Participant)e).Slug,
            e => ((Participant)e).Name,
            [
                Text<Participant>("name", "Name", p => p.Name, (p, v) => p.Name = v!, nameof(Participant.Name)),
                Text<Participant>("fullName", "Full name", p => p.FullName, (p, v) => p.FullName = v, nameof(Participant.FullName), required: false),
            ],
            // Not withdrawable (decision 0039): every attendance line, membership, mention, role and programme hangs off
            // a participant; a member who leaves is a change of membership, a wrong line or membership is withdrawn itself.
            Withdrawable: false),

        // Outcome documents, seeded or added from a document (decision 0033): published ones only (a draft is corrected by
        // adding it again).
        new(RecordRevisionKinds.Document, "Outcome document", typeof(OutcomeDocument),
            async (db, key, ct) => await db.OutcomeDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Slug == key && !d.IsDraft, ct),
            e => ((OutcomeDocument)e).Slug,
            e => ((OutcomeDocument)e).Title,
            [
                Text<OutcomeDocument>("title", "Title", d => d.Title, (d, v) => d.Title = v!, nameof(OutcomeDocument.Title)),
                new("date", "Date", [nameof(OutcomeDocument.Date), nameof(OutcomeDocument.DatePrecision)],
                    e => ((OutcomeDocument)e).When?.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: false, d => (((OutcomeDocument)e).Date, ((OutcomeDocument)e).DatePrecision) = (d?.Value, d?.Precision))),
                    Required: false, Hint: "2017, 2017-05 or 2017-05-25; empty when the documents give no date."),
                new("action", "What the meeting did with it", [nameof(OutcomeDocument.Action)],
                    e => ((OutcomeDocument)e).Action?.ToString(),
                    (_, e, v, _) =>
                    {
                        if (v is null)
                        {
                            ((OutcomeDocument)e).Action = null;
                            return Task.FromResult<ValueProblem?>(null);
                        }

                        if (!Enum.TryParse<OutcomeAction>(v, out var action) || !Enum.IsDefined(action) || int.TryParse(v, out _))
                        {
                            return Task.FromResult<ValueProblem?>(new("Choose one of: {0}, or leave it empty.", string.Join(", ", Enum.GetNames<OutcomeAction>())));
                        }

                        ((OutcomeDocument)e).Action = action;
                        return Task.FromResult<ValueProblem?>(null);
                    },
                    Required: false, Hint: string.Join(", ", Enum.GetNames<OutcomeAction>()) + "; empty when the documents state none."),
            ],
            Withdrawable: true),

        // Decision 0034: mechanisms, changes of membership and mechanism memberships, seeded or staff-added (published).
        new(RecordRevisionKinds.Mechanism, "Working group or mechanism", typeof(Mechanism),
            async (db, key, ct) => await db.Mechanisms.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Slug == key && !m.IsDraft, ct),
            e => ((Mechanism)e).Slug,
            e => ((Mechanism)e).Name,
            [
                Text<Mechanism>("name", "Name", m => m.Name, (m, v) => m.Name = v!, nameof(Mechanism.Name)),
                Text<Mechanism>("shortName", "Short name", m => m.ShortName, (m, v) => m.ShortName = v, nameof(Mechanism.ShortName), required: false),
                Text<Mechanism>("mandate", "Mandate", m => m.Mandate, (m, v) => m.Mandate = v, nameof(Mechanism.Mandate), required: false, multiline: true),
                new("established", "Established", [nameof(Mechanism.EstablishedDate), nameof(Mechanism.EstablishedPrecision)],
                    e => ((Mechanism)e).Established?.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: false, d => (((Mechanism)e).EstablishedDate, ((Mechanism)e).EstablishedPrecision) = (d?.Value, d?.Precision))),
                    Required: false, Hint: "2015, 2015-03 or 2015-03-25; empty when no document states it."),
            ],
            Withdrawable: true),

        new(RecordRevisionKinds.Membership, "Change of membership", typeof(Membership),
            async (db, key, ct) => int.TryParse(After(key), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.Memberships.IgnoreQueryFilters().Include(m => m.Participant)
                    .FirstOrDefaultAsync(m => m.Id == id && m.Participant!.Slug == Before(key) && !m.IsDraft && !m.Participant.IsDraft, ct)
                : null,
            e => MembershipKey((Membership)e),
            e => $"{((Membership)e).Participant?.Name}: {((Membership)e).Status}{(((Membership)e).Since is { } since ? $" since {since.ToIsoString()}" : "")}",
            [
                new("status", "Status", [nameof(Membership.Status)],
                    e => ((Membership)e).Status.ToString(),
                    (_, e, v, _) =>
                    {
                        if (!Enum.TryParse<MembershipStatus>(v, out var status) || !Enum.IsDefined(status) || int.TryParse(v, out _))
                        {
                            return Task.FromResult<ValueProblem?>(new("Write {0} or {1}.", nameof(MembershipStatus.Member), nameof(MembershipStatus.Observer)));
                        }

                        ((Membership)e).Status = status;
                        return Task.FromResult<ValueProblem?>(null);
                    },
                    Hint: "Member or Observer."),
                new("since", "Since", [nameof(Membership.SinceDate), nameof(Membership.SincePrecision)],
                    e => ((Membership)e).Since?.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: false, d => (((Membership)e).SinceDate, ((Membership)e).SincePrecision) = (d?.Value, d?.Precision))),
                    Required: false, Hint: "2011, 2011-03 or 2011-03-30; empty when the document gives no date."),
            ],
            Withdrawable: true),

        new(RecordRevisionKinds.MechanismMembership, "Mechanism membership", typeof(MechanismMembership),
            async (db, key, ct) => int.TryParse(After(key), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.MechanismMemberships.IgnoreQueryFilters().Include(m => m.Mechanism).Include(m => m.Participant)
                    .FirstOrDefaultAsync(m => m.Id == id && m.Mechanism != null && m.Mechanism.Slug == Before(key) && !m.IsDraft && !m.Mechanism.IsDraft, ct)
                : null,
            e => MechanismMembershipKey((MechanismMembership)e),
            e => $"{((MechanismMembership)e).Participant?.Name} ({((MechanismMembership)e).Role}) in {((MechanismMembership)e).Mechanism?.Name}",
            [
                Text<MechanismMembership>("asWritten", "The document's words", m => m.AsWritten, (m, v) => m.AsWritten = v, nameof(MechanismMembership.AsWritten), required: false, multiline: true),
                new("from", "From", [nameof(MechanismMembership.FromDate), nameof(MechanismMembership.FromPrecision)],
                    e => ((MechanismMembership)e).From?.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: false, d => (((MechanismMembership)e).FromDate, ((MechanismMembership)e).FromPrecision) = (d?.Value, d?.Precision))),
                    Required: false, Hint: "2015, 2015-03 or 2015-03-25; empty when not stated."),
                new("to", "To", [nameof(MechanismMembership.ToDate), nameof(MechanismMembership.ToPrecision)],
                    e => ((MechanismMembership)e).To?.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: false, d => (((MechanismMembership)e).ToDate, ((MechanismMembership)e).ToPrecision) = (d?.Value, d?.Precision))),
                    Required: false, Hint: "Empty while it lasts or when not stated."),
            ],
            Withdrawable: true),

        new(RecordRevisionKinds.Source, "Source document", typeof(SourceDocument),
            async (db, key, ct) => await db.SourceDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Slug == key && !d.IsDraft, ct),
            e => ((SourceDocument)e).Slug,
            e => ((SourceDocument)e).Title,
            [
                Text<SourceDocument>("title", "Title", d => d.Title, (d, v) => d.Title = v!, nameof(SourceDocument.Title)),
                Text<SourceDocument>("publisher", "Issuing body", d => d.Publisher, (d, v) => d.Publisher = v, nameof(SourceDocument.Publisher), required: false),
                new("date", "Date", [nameof(SourceDocument.PublishedOn), nameof(SourceDocument.PublishedPrecision)],
                    e => ((SourceDocument)e).Published?.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: false, d => (((SourceDocument)e).PublishedOn, ((SourceDocument)e).PublishedPrecision) = (d?.Value, d?.Precision))),
                    Required: false, Hint: "2017, 2017-05 or 2017-05-25; empty for an undated document."),
            ],
            Withdrawable: true),

        // Records from a document (decision 0035), seeded or staff-made, once published.
        new(RecordRevisionKinds.Person, "Person", typeof(Person),
            async (db, key, ct) => await db.People.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Slug == key && !p.IsDraft, ct),
            e => ((Person)e).Slug,
            e => ((Person)e).Name,
            [Text<Person>("name", "Name, as the document writes it", p => p.Name, (p, v) => p.Name = v!, nameof(Person.Name))],
            Withdrawable: true),

        new(RecordRevisionKinds.PersonRole, "Person's role", typeof(PersonRole),
            async (db, key, ct) => int.TryParse(After(key), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.PersonRoles.IgnoreQueryFilters().Include(r => r.Person).FirstOrDefaultAsync(r => r.Id == id && r.Person!.Slug == Before(key) && !r.IsDraft, ct)
                : null,
            e => string.Create(CultureInfo.InvariantCulture, $"{((PersonRole)e).Person!.Slug}/{((PersonRole)e).Id}"),
            e => $"{((PersonRole)e).Person?.Name}: “{((PersonRole)e).AsWritten}”",
            [
                Text<PersonRole>("asWritten", "The document's words for the role", r => r.AsWritten, (r, v) => r.AsWritten = v!, nameof(PersonRole.AsWritten)),
                Text<PersonRole>("office", "Title or office", r => r.Office, (r, v) => r.Office = v, nameof(PersonRole.Office), required: false),
                new("date", "Date", [nameof(PersonRole.Date), nameof(PersonRole.DatePrecision)],
                    e => ((PersonRole)e).When?.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: false, d => (((PersonRole)e).Date, ((PersonRole)e).DatePrecision) = (d?.Value, d?.Precision))),
                    Required: false, Hint: "2017, 2017-05 or 2017-05-25; empty when the document dates it not."),
            ],
            Withdrawable: true),

        new(RecordRevisionKinds.TimelineEvent, "Timeline event", typeof(TimelineEvent),
            async (db, key, ct) => await db.TimelineEvents.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Slug == key && !x.IsDraft, ct),
            e => ((TimelineEvent)e).Slug,
            e => ((TimelineEvent)e).Title,
            [
                Text<TimelineEvent>("title", "Title", x => x.Title, (x, v) => x.Title = v!, nameof(TimelineEvent.Title)),
                new("date", "Date", [nameof(TimelineEvent.Date), nameof(TimelineEvent.DatePrecision)],
                    e => ((TimelineEvent)e).When.ToIsoString(),
                    (_, e, v, _) => Task.FromResult(SetDate(v, required: true, d => (((TimelineEvent)e).Date, ((TimelineEvent)e).DatePrecision) = (d!.Value.Value, d.Value.Precision))),
                    Hint: "As precisely as the document gives it: 2017, 2017-05 or 2017-05-25."),
                Text<TimelineEvent>("summary", "Summary", x => x.Summary, (x, v) => x.Summary = v, nameof(TimelineEvent.Summary), required: false, multiline: true),
                Text<TimelineEvent>("place", "Place", x => x.Place, (x, v) => x.Place = v, nameof(TimelineEvent.Place), required: false),
            ],
            Withdrawable: true),

        new(RecordRevisionKinds.Disagreement, "Disagreement between documents", typeof(Disagreement),
            async (db, key, ct) => await db.Disagreements.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Subject == SubjectOf(key) && d.Field == FieldOf(key) && !d.IsDraft, ct),
            e => $"{((Disagreement)e).Subject}/{((Disagreement)e).Field}",
            e => $"The {((Disagreement)e).Field} ({((Disagreement)e).Subject})",
            [Text<Disagreement>("description", "Description", d => d.Description, (d, v) => d.Description = v!, nameof(Disagreement.Description), multiline: true)],
            Withdrawable: true),

        new(RecordRevisionKinds.OpenQuestion, "Open question", typeof(OpenQuestion),
            async (db, key, ct) => await db.OpenQuestions.IgnoreQueryFilters().FirstOrDefaultAsync(q => q.Subject == SubjectOf(key) && q.Field == FieldOf(key) && !q.IsDraft, ct),
            e => $"{((OpenQuestion)e).Subject}/{((OpenQuestion)e).Field}",
            e => $"The {((OpenQuestion)e).Field} ({((OpenQuestion)e).Subject})",
            [Text<OpenQuestion>("description", "Description", q => q.Description, (q, v) => q.Description = v!, nameof(OpenQuestion.Description), multiline: true)],
            Withdrawable: true),
    ];

    /// <summary>A note's subject in its key "subject/field" (a subject holds no slash; a field may).</summary>
    private static string SubjectOf(string key) => key.IndexOf('/', StringComparison.Ordinal) is var i and > 0 ? key[..i] : key;

    private static string FieldOf(string key) => key.IndexOf('/', StringComparison.Ordinal) is var i and > 0 ? key[(i + 1)..] : "";

    private static readonly Dictionary<string, CorrectableKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static CorrectableKind? Kind(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>The kind an entity is corrected as, or null (a tracked entity the seed loader meets).</summary>
    public static CorrectableKind? KindOf(Type entityType) => All.FirstOrDefault(k => k.EntityType == entityType);

    public static string AttendanceKey(MeetingAttendance line) => string.Create(CultureInfo.InvariantCulture, $"{line.Meeting!.Slug}/{line.Id}");

    /// <summary>A change of membership's key: "<participant slug>/<id>" (decision 0034).</summary>
    public static string MembershipKey(Membership m) => string.Create(CultureInfo.InvariantCulture, $"{m.Participant!.Slug}/{m.Id}");

    /// <summary>A mechanism membership's key: "<mechanism slug>/<id>" (decision 0034).</summary>
    public static string MechanismMembershipKey(MechanismMembership m) => string.Create(CultureInfo.InvariantCulture, $"{m.Mechanism!.Slug}/{m.Id}");

    private static string Before(string key) => key.LastIndexOf('/') is var i and > 0 ? key[..i] : "";

    private static string After(string key) => key.LastIndexOf('/') is var i and > 0 ? key[(i + 1)..] : "";

    private static CorrectableField Text<T>(string name, string label, Func<T, string?> read, Action<T, string?> write, string property, bool required = true, bool multiline = false) =>
        new(name, label, [property], e => read((T)e), (_, e, v, _) =>
        {
            var max = multiline ? TextMaxLength : TitleMaxLength;
            if (v is not null && v.Length > max)
            {
                return Task.FromResult<ValueProblem?>(new("The {0} has more than {1:N0} characters.", new FieldLabel(label), max));
            }

            write((T)e, v);
            return Task.FromResult<ValueProblem?>(null);
        }, required, multiline);

    private static ValueProblem? SetDate(string? value, bool required, Action<PartialDate?> set)
    {
        if (value is null)
        {
            if (required)
            {
                return new("Give the date: 2017, 2017-05 or 2017-05-25.");
            }

            set(null);
            return null;
        }

        if (!PartialDate.TryParse(value, out var date) || date.Value.Year < 1990 || date.Value.Year > 2100)
        {
            return new("Write the date as precisely as the document gives it: 2017, 2017-05 or 2017-05-25 (from 1990).");
        }

        set(date);
        return null;
    }

    private static ValueProblem? SetPeriod(WorkPlan plan, string? value)
    {
        if (ParsePeriod(value, out var start, out var end) is { } problem)
        {
            return problem;
        }

        (plan.Period, plan.StartYear, plan.EndYear) = (value!, start, end);
        return null;
    }

    /// <summary>A work plan's period as written ("2015–17", "2017 -19", "2015-2017"): its first and last year, or what is wrong with it.</summary>
    public static ValueProblem? ParsePeriod(string? value, out int start, out int end)
    {
        start = end = 0;
        // "2015–17", "2015-2017", "2017–19": the first year and the last.
        var parts = value?.Split(['–', '-', '—'], 2, StringSplitOptions.TrimEntries);
        if (parts is not [var first, var last]
            || !int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out start) || first.Length != 4
            || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out end) || last.Length is not (2 or 4))
        {
            return new("Write the period as the plan gives it: 2015–17 or 2015–2017.");
        }

        if (last.Length == 2)
        {
            // "1999–01" ends in 2001: the two digits are the first year after the start that ends in them.
            end += start / 100 * 100;
            end += end < start ? 100 : 0;
        }

        if (start < 1990 || end < start || end > start + 20)
        {
            return new("The period's last year must follow its first (from 1990).");
        }

        return null;
    }
}
