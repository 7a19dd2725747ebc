using BaliProcess.Data.Model;

namespace BaliProcess.Data.Seeding;

public sealed partial class SeedValidator
{
    /// <summary>Checks the record files: every entry has a source, every reference resolves.</summary>
    private void RunRecord()
    {
        foreach (var m in set.MechanismMemberships)
        {
            Reference(m, "mechanism", m.Item.Mechanism, mechanisms, "mechanism");
            ParticipantReference(m, "participant", m.Item.Participant);
            Enum<MechanismRole>(m, "role", m.Item.Role, required: true);
            OptionalDate(m, "from", m.Item.From);
            OptionalDate(m, "to", m.Item.To);
            Sources(m, m.Item.Source, m.Item.Sources);
        }

        foreach (var r in set.MechanismRelations)
        {
            if (Required(r, "from", r.Item.From))
            {
                Reference(r, "from", r.Item.From, mechanisms, "mechanism");
            }

            if (Required(r, "to", r.Item.To))
            {
                Reference(r, "to", r.Item.To, mechanisms, "mechanism");
            }

            Enum<MechanismRelationKind>(r, "kind", r.Item.Kind, required: true);
            Required(r, "asWritten", r.Item.AsWritten);
            Sources(r, r.Item.Source, r.Item.Sources);
        }

        var paragraphs = set.Statements
            .Where(s => s.Item.Slug is not null)
            .ToDictionary(s => s.Item.Slug!, s => (s.Item.Paragraphs ?? []).Select(p => p.Label).OfType<string>().ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var d in set.OutcomeDocuments)
        {
            Slug(d, d.Item.Slug);
            Required(d, "title", d.Item.Title);
            Enum<OutcomeDocumentKind>(d, "kind", d.Item.Kind, required: true);
            Enum<OutcomeAction>(d, "action", d.Item.Action, required: false);
            Reference(d, "meeting", d.Item.Meeting, meetings, "meeting");
            // An action may stand without a meeting: 001 says the victim-identification guides were "endorsed at
            // the May 2015 Bali Process AHG SOM" without saying which recorded meeting that was (decision 0025).
            OptionalDate(d, "date", d.Item.Date);
            Sources(d, d.Item.Source, d.Item.Sources);
            foreach (var (q, i) in (d.Item.Quotes ?? []).Select((q, i) => (q, i)))
            {
                Required(d, $"quotes[{i}].text", q.Text);
                Source(d, $"quotes[{i}].source", q.Source, required: true);
            }

            var developerWords = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (x, i) in (d.Item.DevelopedBy ?? []).Select((x, i) => (x, i)))
            {
                // Decision 0041: the words are the row's key, so the same words twice would be one row.
                if (Required(d, $"developedBy[{i}].asWritten", x.AsWritten) && !developerWords.Add(x.AsWritten!))
                {
                    Problem(d, $"developedBy[{i}].asWritten '{x.AsWritten}' is given twice");
                }

                if (x.Participant is not null)
                {
                    ParticipantReference(d, $"developedBy[{i}].participant", x.Participant);
                }

                Reference(d, $"developedBy[{i}].mechanism", x.Mechanism, mechanisms, "mechanism");
                Source(d, $"developedBy[{i}].source", x.Source ?? x.Sources?.FirstOrDefault(), required: true);
            }

            foreach (var (slug, i) in (d.Item.MentionedAtMeetings ?? []).Select((s, i) => (s, i)))
            {
                Reference(d, $"mentionedAtMeetings[{i}]", slug, meetings, "meeting");
            }

            foreach (var (p, i) in (d.Item.MentionedIn ?? []).Select((p, i) => (p, i)))
            {
                if (p.Statement is null || !paragraphs.TryGetValue(p.Statement, out var labels))
                {
                    Problem(d, $"mentionedIn[{i}].statement '{p.Statement}' is not a statement in the seed data");
                }
                else if (p.Label is null || !labels.Contains(p.Label))
                {
                    Problem(d, $"mentionedIn[{i}].label '{p.Label}' is not a paragraph of statement '{p.Statement}'");
                }
            }
        }

        foreach (var p in set.People)
        {
            Slug(p, p.Item.Slug);
            Required(p, "name", p.Item.Name);
            Sources(p, p.Item.Source, p.Item.Sources);
            foreach (var (r, i) in (p.Item.Roles ?? []).Select((r, i) => (r, i)))
            {
                Enum<PersonRoleKind>(p, $"roles[{i}].kind", r.Kind, required: true);
                Required(p, $"roles[{i}].asWritten", r.AsWritten);
                if (r.Participant is not null)
                {
                    ParticipantReference(p, $"roles[{i}].participant", r.Participant);
                }

                Reference(p, $"roles[{i}].meeting", r.Meeting, meetings, "meeting");
                Reference(p, $"roles[{i}].mechanism", r.Mechanism, mechanisms, "mechanism");
                OptionalDate(p, $"roles[{i}].date", r.Date);
                if (r.Source is null && r.Sources is not { Count: > 0 })
                {
                    Problem(p, $"roles[{i}].source is missing: every role says which document states it");
                }

                Source(p, $"roles[{i}].source", r.Source, required: false);
                foreach (var (s, j) in (r.Sources ?? []).Select((s, j) => (s, j)))
                {
                    Source(p, $"roles[{i}].sources[{j}]", s, required: true);
                }
            }
        }

        // Decision 0035: an export's timeline events.
        foreach (var e in set.TimelineEvents)
        {
            Slug(e, e.Item.Slug);
            Required(e, "title", e.Item.Title);
            if (Required(e, "date", e.Item.Date))
            {
                OptionalDate(e, "date", e.Item.Date);
            }

            Reference(e, "mechanism", e.Item.Mechanism, mechanisms, "mechanism");
            if (e.Item.Participant is not null)
            {
                ParticipantReference(e, "participant", e.Item.Participant);
            }

            Sources(e, null, e.Item.Sources);
        }

        DuplicateSlugs("timeline event", set.TimelineEvents.Select(s => (s.Place, s.Item.Slug)));

        foreach (var g in set.Programmes)
        {
            Slug(g, g.Item.Slug);
            Required(g, "name", g.Item.Name);
            Enum<ProgrammeKind>(g, "kind", g.Item.Kind, required: true);
            Reference(g, "mechanism", g.Item.Mechanism, mechanisms, "mechanism");
            if (g.Item.Participant is not null)
            {
                ParticipantReference(g, "participant", g.Item.Participant);
            }

            OptionalDate(g, "start", g.Item.Start);
            OptionalDate(g, "end", g.Item.End);
            Sources(g, g.Item.Source, g.Item.Sources);
            foreach (var (q, i) in (g.Item.Quotes ?? []).Select((q, i) => (q, i)))
            {
                Required(g, $"quotes[{i}].text", q.Text);
                Source(g, $"quotes[{i}].source", q.Source, required: true);
            }

            foreach (var (r, i) in (g.Item.Parts ?? []).Select((r, i) => (r, i)))
            {
                Enum<ProgrammePartRole>(g, $"parts[{i}].role", r.Role, required: true);
                Required(g, $"parts[{i}].asWritten", r.AsWritten);
                if (r.Participant is not null)
                {
                    ParticipantReference(g, $"parts[{i}].participant", r.Participant);
                }

                Reference(g, $"parts[{i}].mechanism", r.Mechanism, mechanisms, "mechanism");
                Source(g, $"parts[{i}].source", r.Source, required: true);
            }
        }

        var subjects = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["meeting"] = meetings,
            ["mechanism"] = mechanisms,
            ["statement"] = paragraphs.Keys.ToHashSet(StringComparer.Ordinal),
            ["document"] = set.OutcomeDocuments.Select(d => d.Item.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal),
            ["person"] = set.People.Select(d => d.Item.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal),
            ["programme"] = set.Programmes.Select(d => d.Item.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal),
        };
        foreach (var q in set.OpenQuestions)
        {
            Required(q, "field", q.Item.Field);
            Required(q, "description", q.Item.Description);
            Sources(q, q.Item.Source, q.Item.Sources);
            if (Required(q, "subject", q.Item.Subject))
            {
                var colon = q.Item.Subject!.IndexOf(':', StringComparison.Ordinal);
                var kind = colon < 0 ? q.Item.Subject : q.Item.Subject[..colon];
                var slug = colon < 0 ? null : q.Item.Subject[(colon + 1)..];
                if (kind == "participant")
                {
                    ParticipantReference(q, "subject", slug);
                }
                else if (subjects.TryGetValue(kind, out var known))
                {
                    Reference(q, "subject", slug, known, kind);
                }
                else if (kind != "general")
                {
                    Problem(q, $"subject '{q.Item.Subject}' must be general or start with meeting:, mechanism:, participant:, statement:, document: or person:");
                }
            }
        }

        DuplicateSlugs("outcome document", set.OutcomeDocuments.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("programme", set.Programmes.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("person", set.People.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("open question", set.OpenQuestions.Select(s => (s.Place, (string?)$"{s.Item.Subject} / {s.Item.Field}")));
        DuplicateSlugs("mechanism membership", set.MechanismMemberships.Select(s => (s.Place, (string?)$"{s.Item.Mechanism ?? "(Bali Process)"} / {Participants.Resolve(s.Item.Participant)} / {s.Item.Role} / {s.Item.AsWritten}")));
        DuplicateSlugs("mechanism relation", set.MechanismRelations.Select(s => (s.Place, (string?)$"{s.Item.From} / {s.Item.To} / {s.Item.Kind}")));
    }
}
