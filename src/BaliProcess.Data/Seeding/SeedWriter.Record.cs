using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Seeding;

internal sealed partial class SeedWriter
{
    /// <summary>
    /// Writes the record files (memberships, relations, outcome documents, people, open questions). These
    /// records are drawn from the documents only, so a record the seed no longer has is removed.
    /// </summary>
    private async Task WriteRecordAsync(SeedSet set, CancellationToken ct)
    {
        await WriteMechanismMembershipsAsync(set, ct);
        await WriteMechanismRelationsAsync(set, ct);
        await WriteOutcomeDocumentsAsync(set, ct);
        await WritePeopleAsync(set, ct);
        await WriteOpenQuestionsAsync(set, ct);
        await WriteProgrammesAsync(set, ct);
        await WriteTimelineEventsAsync(set, ct);
    }

    private Participant ParticipantNamed(string name) => participants[participantNames.Resolve(name)!];

    private async Task WriteMechanismMembershipsAsync(SeedSet set, CancellationToken ct)
    {
        // Only the seed's rows are brought in line with the seed: what staff added (decision 0034), drafts included, stays,
        // and an entry the seed gains that staff already entered is not added twice (one row per mechanism, participant, role
        // and words: decision 0041).
        var all = await db.MechanismMemberships.IgnoreQueryFilters().Include(m => m.Mechanism).Include(m => m.Participant).ToListAsync(ct);
        var current = all.Where(m => m.Origin == RecordOrigin.Seed).ToList();
        var staffKeys = all.Where(m => m.Origin == RecordOrigin.Staff).Select(m => (m.Mechanism?.Slug ?? string.Empty, m.Participant!.Slug, m.Role, m.AsWritten)).ToHashSet();
        foreach (var j in set.MechanismMemberships.Select(m => m.Item).Where(j => IsStaff(j.Origin)))
        {
            if (staffKeys.Add((j.Mechanism ?? string.Empty, participantNames.Resolve(j.Participant)!, Enum.Parse<MechanismRole>(j.Role!), j.AsWritten)))
            {
                db.MechanismMemberships.Add(RestoredMechanismMembership(j));
            }
        }

        SyncChildren(
            current,
            set.MechanismMemberships.Select(m => m.Item)
                .Where(j => !IsStaff(j.Origin) && !staffKeys.Contains((j.Mechanism ?? string.Empty, participantNames.Resolve(j.Participant)!, Enum.Parse<MechanismRole>(j.Role!), j.AsWritten)))
                .ToList(),
            m => (m.Mechanism?.Slug ?? string.Empty, m.Participant!.Slug, m.Role, m.AsWritten),
            j => (j.Mechanism ?? string.Empty, participantNames.Resolve(j.Participant)!, Enum.Parse<MechanismRole>(j.Role!), j.AsWritten),
            j =>
            {
                var membership = new MechanismMembership
                {
                    Mechanism = j.Mechanism is null ? null : mechanisms[j.Mechanism],
                    Participant = ParticipantNamed(j.Participant!),
                    Role = Enum.Parse<MechanismRole>(j.Role!),
                    AsWritten = j.AsWritten,
                    Origin = RecordOrigin.Seed,
                };
                db.MechanismMemberships.Add(membership);
                return membership;
            },
            (m, j) =>
            {
                Restored(m, m.Id == 0, j.WithdrawnAt, j.WithdrawnReason); // an export's, on a row this load creates (decision 0039)
                m.AsWritten = j.AsWritten;
                (m.FromDate, m.FromPrecision) = Split(j.From);
                (m.ToDate, m.ToPrecision) = Split(j.To);
                SetSources(m.Sources, j.Source, j.Sources);
            },
            removed => db.MechanismMemberships.Remove(removed));
    }

    private async Task WriteMechanismRelationsAsync(SeedSet set, CancellationToken ct)
    {
        // A relation of a staff mechanism (decision 0034) is the secretariat's: a load leaves it alone, and creates it only
        // with the mechanism, from an export.
        bool Seeded(string slug) => mechanisms[slug].Origin == RecordOrigin.Seed || db.Entry(mechanisms[slug]).State == EntityState.Added;
        var current = (await db.MechanismRelations.IgnoreQueryFilters().ToListAsync(ct))
            .Where(r => r.FromMechanism!.Origin == RecordOrigin.Seed && r.ToMechanism!.Origin == RecordOrigin.Seed).ToList();
        SyncChildren(
            current,
            set.MechanismRelations.Select(m => m.Item).Where(j => Seeded(j.From!) && Seeded(j.To!)).ToList(),
            r => (r.FromMechanism!.Slug, r.ToMechanism!.Slug, r.Kind),
            j => (j.From!, j.To!, Enum.Parse<MechanismRelationKind>(j.Kind!)),
            j =>
            {
                var relation = new MechanismRelation
                {
                    FromMechanism = mechanisms[j.From!],
                    ToMechanism = mechanisms[j.To!],
                    Kind = Enum.Parse<MechanismRelationKind>(j.Kind!),
                    AsWritten = j.AsWritten!,
                };
                db.MechanismRelations.Add(relation);
                return relation;
            },
            (r, j) =>
            {
                r.AsWritten = j.AsWritten!;
                SetSources(r.Sources, j.Source, j.Sources);
            },
            removed => db.MechanismRelations.Remove(removed));
    }

    private async Task WriteOutcomeDocumentsAsync(SeedSet set, CancellationToken ct)
    {
        // Unfiltered: a withdrawn meeting a document mentions is still linked, and must not be linked twice (decision 0030).
        var existing = await db.OutcomeDocuments.IgnoreQueryFilters().Include(d => d.MentionedAtMeetings).Include(d => d.MentionedIn).Include(d => d.DevelopedBy)
            .AsSplitQuery()
            .ToDictionaryAsync(d => d.Slug, ct);
        var statements = db.Statements.Local.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        foreach (var json in set.OutcomeDocuments.Select(d => d.Item))
        {
            if (existing.TryGetValue(json.Slug!, out var staff) && staff.Origin == RecordOrigin.Staff)
            {
                // Added in the portal (decision 0033), drafts included: the secretariat's, never written by a load.
                continue;
            }

            if (IsStaff(json.Origin))
            {
                // An export's staff document (decision 0031): created once with its marks, then left alone as above.
                existing[json.Slug!] = RestoredOutcomeDocument(json);
                db.OutcomeDocuments.Add(existing[json.Slug!]);
            }

            var doc = GetOrAdd(existing, json.Slug!, () => new OutcomeDocument { Slug = json.Slug!, Title = json.Title!, Origin = RecordOrigin.Seed }, db.OutcomeDocuments);
            Restored(doc, db.Entry(doc).State == EntityState.Added, json.WithdrawnAt, json.WithdrawnReason); // decision 0039
            doc.Title = json.Title!;
            doc.TitleAddedByPortal = json.TitleAddedByPortal ?? false;
            doc.Kind = Enum.Parse<OutcomeDocumentKind>(json.Kind!);
            doc.Action = json.Action is null ? null : Enum.Parse<OutcomeAction>(json.Action);
            (doc.Date, doc.DatePrecision) = Split(json.Date);
            SetReference(doc.Meeting, json.Meeting is null ? null : meetings[json.Meeting], v => doc.Meeting = v);
            SetSources(doc.Sources, json.Source, json.Sources);
            var quotes = (json.Quotes ?? []).Select(q => new Quote { Text = q.Text!, Source = ToSource(q.Source!) }).ToList();
            if (!quotes.Select(q => (q.Text, q.Source.Document, q.Source.Location))
                    .SequenceEqual(doc.Quotes.Select(q => (q.Text, q.Source.Document, q.Source.Location))))
            {
                doc.Quotes = quotes;
            }

            // Decision 0041: who developed it, keyed by the document's words.
            SyncChildren(
                doc.DevelopedBy,
                json.DevelopedBy ?? [],
                x => x.AsWritten,
                j => j.AsWritten!,
                j => new OutcomeDocumentDeveloper { AsWritten = j.AsWritten! },
                (x, j) =>
                {
                    SetReference(x.Participant, j.Participant is null ? null : ParticipantNamed(j.Participant), v => x.Participant = v);
                    SetReference(x.Mechanism, j.Mechanism is null ? null : mechanisms[j.Mechanism], v => x.Mechanism = v);
                    SetSources(x.Sources, j.Source, j.Sources);
                });
            SetMembers(doc.MentionedAtMeetings, (json.MentionedAtMeetings ?? []).Distinct(StringComparer.Ordinal).Select(s => meetings[s]));
            SetMembers(doc.MentionedIn, (json.MentionedIn ?? []).Select(p => statements[p.Statement!].Paragraphs.Single(x => x.Label == p.Label)));
        }

        // Staff documents are not the seed's to remove (decision 0033).
        RemoveMissing(existing.Where(d => d.Value.Origin == RecordOrigin.Seed).ToDictionary(), set.OutcomeDocuments.Select(d => d.Item.Slug!), db.OutcomeDocuments);
    }

    private async Task WritePeopleAsync(SeedSet set, CancellationToken ct)
    {
        // Drafts included (decision 0035): a person or role staff added is the secretariat's; a seed load never touches
        // it, and an export's are created once, with their marks.
        var existing = await db.People.IgnoreQueryFilters().Include(p => p.Roles).AsSplitQuery().ToDictionaryAsync(p => p.Slug, ct);
        var staffPeople = existing.Where(p => p.Value.Origin == RecordOrigin.Staff).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var json in set.People.Select(p => p.Item))
        {
            if (staffPeople.Contains(json.Slug!))
            {
                continue;
            }

            var isNew = !existing.ContainsKey(json.Slug!);
            var person = GetOrAdd(existing, json.Slug!, () => new Person { Slug = json.Slug!, Name = json.Name! }, db.People);
            Restored(person, isNew, json.WithdrawnAt, json.WithdrawnReason); // decision 0039
            if (isNew && IsStaff(json.Origin))
            {
                Restore(person, json.Origin, json.IsDraft, json.AddedBy, json.AddedByUserId, json.AddedAt, json.PublishedBy, json.PublishedByUserId, json.PublishedAt);
                staffPeople.Add(json.Slug!);
            }

            person.Name = json.Name!;
            SetSources(person.Sources, json.Source, json.Sources);
            static (PersonRoleKind, string, string, string) Key(PersonRoleJson j) => (Enum.Parse<PersonRoleKind>(j.Kind!), j.AsWritten!, j.Meeting ?? string.Empty, j.Mechanism ?? string.Empty);
            static (PersonRoleKind, string, string, string) RoleKey(PersonRole r) => (r.Kind, r.AsWritten, r.Meeting?.Slug ?? string.Empty, r.Mechanism?.Slug ?? string.Empty);
            SyncChildren(
                person.Roles,
                [.. (json.Roles ?? []).Where(j => !IsStaff(j.Origin))],
                RoleKey,
                Key,
                j => new PersonRole { Kind = Enum.Parse<PersonRoleKind>(j.Kind!), AsWritten = j.AsWritten! },
                WriteRole,
                untouched: r => r.Origin == RecordOrigin.Staff);

            // Roles staff added (to this person or a seeded one), from an export: created once.
            foreach (var j in (json.Roles ?? []).Where(j => IsStaff(j.Origin)))
            {
                if (!person.Roles.Any(r => r.Origin == RecordOrigin.Staff && RoleKey(r) == Key(j)))
                {
                    var role = new PersonRole { Kind = Enum.Parse<PersonRoleKind>(j.Kind!), AsWritten = j.AsWritten! };
                    Restore(role, j.Origin, j.IsDraft, j.AddedBy, j.AddedByUserId, j.AddedAt, j.PublishedBy, j.PublishedByUserId, j.PublishedAt);
                    WriteRole(role, j);
                    person.Roles.Add(role);
                }
            }
        }

        RemoveMissing(existing, set.People.Select(p => p.Item.Slug!).Concat(staffPeople), db.People);
    }

    private void WriteRole(PersonRole r, PersonRoleJson j)
    {
        Restored(r, r.Id == 0, j.WithdrawnAt, j.WithdrawnReason); // an export's, on a role this load creates (decision 0039)
        r.Office = j.Office;
        SetReference(r.Participant, j.Participant is null ? null : ParticipantNamed(j.Participant), v => r.Participant = v);
        SetReference(r.Meeting, j.Meeting is null ? null : meetings[j.Meeting], v => r.Meeting = v);
        SetReference(r.Mechanism, j.Mechanism is null ? null : mechanisms[j.Mechanism], v => r.Mechanism = v);
        (r.Date, r.DatePrecision) = Split(j.Date);
        SetSources(r.Sources, j.Source, j.Sources);
    }

    /// <summary>Marks a record an export holds as the secretariat's, with who added and published it when (decision 0035).</summary>
    private static void Restore(
        IStaffAddedRecord r, string? origin, bool? isDraft, string? addedBy, string? addedByUserId, DateTimeOffset? addedAt,
        string? publishedBy, string? publishedByUserId, DateTimeOffset? publishedAt)
    {
        r.Origin = OriginOf(origin);
        r.IsDraft = isDraft ?? false;
        (r.AddedBy, r.AddedByUserId, r.AddedAt) = (addedBy, addedByUserId, addedAt);
        (r.PublishedBy, r.PublishedByUserId, r.PublishedAt) = (publishedBy, publishedByUserId, publishedAt);
    }

    /// <summary>Dated events that are not meetings (decision 0035): all staff-added; an export's are created once, never updated.</summary>
    private async Task WriteTimelineEventsAsync(SeedSet set, CancellationToken ct)
    {
        var existing = await db.TimelineEvents.IgnoreQueryFilters().ToDictionaryAsync(e => e.Slug, ct);
        foreach (var json in set.TimelineEvents.Select(e => e.Item))
        {
            var isNew = !existing.ContainsKey(json.Slug!);
            var e = GetOrAdd(existing, json.Slug!, () => new TimelineEvent { Slug = json.Slug!, Title = json.Title! }, db.TimelineEvents);
            if (!isNew && e.Origin == RecordOrigin.Staff)
            {
                continue;
            }

            if (isNew)
            {
                Restored(e, created: true, json.WithdrawnAt, json.WithdrawnReason); // decision 0039
                Restore(e, json.Origin, json.IsDraft, json.AddedBy, json.AddedByUserId, json.AddedAt, json.PublishedBy, json.PublishedByUserId, json.PublishedAt);
            }

            e.Title = json.Title!;
            var (date, precision) = Split(json.Date);
            (e.Date, e.DatePrecision) = (date!.Value, precision!.Value);
            e.Summary = json.Summary;
            e.Place = json.Place;
            SetReference(e.Mechanism, json.Mechanism is null ? null : mechanisms[json.Mechanism], v => e.Mechanism = v);
            SetReference(e.Participant, json.Participant is null ? null : ParticipantNamed(json.Participant), v => e.Participant = v);
            SetSources(e.Sources, null, json.Sources);
        }
    }

    private async Task WriteProgrammesAsync(SeedSet set, CancellationToken ct)
    {
        var existing = await db.Programmes.Include(p => p.Parts).ToDictionaryAsync(p => p.Slug, ct);
        foreach (var json in set.Programmes.Select(p => p.Item))
        {
            var programme = GetOrAdd(existing, json.Slug!, () => new Programme { Slug = json.Slug!, Name = json.Name! }, db.Programmes);
            programme.Name = json.Name!;
            programme.NameAddedByPortal = json.NameAddedByPortal ?? false;
            programme.Kind = Enum.Parse<ProgrammeKind>(json.Kind!);
            SetReference(programme.Mechanism, json.Mechanism is null ? null : mechanisms[json.Mechanism], v => programme.Mechanism = v);
            SetReference(programme.Participant, json.Participant is null ? null : ParticipantNamed(json.Participant), v => programme.Participant = v);
            (programme.StartDate, programme.StartPrecision) = Split(json.Start);
            (programme.EndDate, programme.EndPrecision) = Split(json.End);
            SetSources(programme.Sources, json.Source, json.Sources);
            var quotes = (json.Quotes ?? []).Select(q => new Quote { Text = q.Text!, Source = ToSource(q.Source!) }).ToList();
            if (!quotes.Select(q => (q.Text, q.Source.Document, q.Source.Location))
                    .SequenceEqual(programme.Quotes.Select(q => (q.Text, q.Source.Document, q.Source.Location))))
            {
                programme.Quotes = quotes;
            }

            SyncChildren(
                programme.Parts,
                json.Parts ?? [],
                r => (r.Role, r.AsWritten),
                j => (Enum.Parse<ProgrammePartRole>(j.Role!), j.AsWritten!),
                j => new ProgrammePart { Role = Enum.Parse<ProgrammePartRole>(j.Role!), AsWritten = j.AsWritten! },
                (r, j) =>
                {
                    SetReference(r.Participant, j.Participant is null ? null : ParticipantNamed(j.Participant), v => r.Participant = v);
                    SetReference(r.Mechanism, j.Mechanism is null ? null : mechanisms[j.Mechanism], v => r.Mechanism = v);
                    SetSources(r.Sources, j.Source, j.Sources);
                });
        }

        RemoveMissing(existing, set.Programmes.Select(p => p.Item.Slug!), db.Programmes);
    }

    private async Task WriteOpenQuestionsAsync(SeedSet set, CancellationToken ct)
    {
        // Drafts included; a question staff added is theirs (decision 0035), an export's is created once with its marks.
        var existing = await db.OpenQuestions.IgnoreQueryFilters().ToDictionaryAsync(q => $"{q.Subject}\n{q.Field}", ct);
        var staff = existing.Where(q => q.Value.Origin == RecordOrigin.Staff).Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var json in set.OpenQuestions.Select(q => q.Item))
        {
            var key = $"{json.Subject}\n{json.Field}";
            if (staff.Contains(key))
            {
                continue;
            }

            var isNew = !existing.ContainsKey(key);
            var question = GetOrAdd(existing, key, () => new OpenQuestion { Subject = json.Subject!, Field = json.Field!, Description = json.Description! }, db.OpenQuestions);
            Restored(question, isNew, json.WithdrawnAt, json.WithdrawnReason); // decision 0039
            if (isNew && IsStaff(json.Origin))
            {
                Restore(question, json.Origin, json.IsDraft, json.AddedBy, json.AddedByUserId, json.AddedAt, json.PublishedBy, json.PublishedByUserId, json.PublishedAt);
                staff.Add(key);
            }

            question.Description = json.Description!;
            SetSources(question.Sources, json.Source, json.Sources);
        }

        RemoveMissing(existing, set.OpenQuestions.Select(q => $"{q.Item.Subject}\n{q.Item.Field}").Concat(staff), db.OpenQuestions);
    }

    private static void RemoveMissing<TEntity>(Dictionary<string, TEntity> existing, IEnumerable<string> wanted, DbSet<TEntity> dbSet)
        where TEntity : class
    {
        var keep = wanted.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, entity) in existing.Where(e => !keep.Contains(e.Key)).ToList())
        {
            existing.Remove(key);
            dbSet.Remove(entity);
        }
    }

    /// <summary><see cref="SyncChildren"/> for a top-level table: removed rows are deleted, not orphaned.</summary>
    private static void SyncChildren<TEntity, TJson, TKey>(
        List<TEntity> current, IReadOnlyList<TJson> wanted, Func<TEntity, TKey> entityKey, Func<TJson, TKey> jsonKey,
        Func<TJson, TEntity> create, Action<TEntity, TJson> update, Action<TEntity> delete)
        where TKey : notnull
    {
        var before = current.ToList();
        SyncChildren(current, wanted, entityKey, jsonKey, create, update);
        foreach (var gone in before.Where(e => !current.Contains(e)))
        {
            delete(gone);
        }
    }
}
