using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Seeding;

/// <summary>
/// Maps validated seed JSON onto tracked entities: finds each record by its slug (or natural key for
/// children), sets only what differs, and adds what is new. Records that are in the database but no
/// longer in the seed files are left alone: staff data may hang off them.
/// </summary>
internal sealed partial class SeedWriter(BaliProcessDbContext db, ParticipantMatcher participantNames, DateTimeOffset now)
{
    private Dictionary<string, Theme> themes = [];
    private Dictionary<string, Participant> participants = [];
    private Dictionary<string, Mechanism> mechanisms = [];
    private Dictionary<string, Meeting> meetings = [];

    /// <summary>"statement/label" of the paragraphs whose text a published correction set (decision 0030): their mentions follow the staff text.</summary>
    public IReadOnlySet<string> CorrectedParagraphTexts { get; init; } = new HashSet<string>();

    public async Task WriteAsync(SeedSet set, CancellationToken ct)
    {
        await WriteSourcesAsync(set, ct);
        await WriteThemesAsync(set, ct);
        await WriteParticipantsAsync(set, ct);

        // Meetings and mechanisms refer to each other: create both first, then link.
        // Drafts included (decision 0034): a mechanism staff added stays the secretariat's.
        mechanisms = await db.Mechanisms.IgnoreQueryFilters().ToDictionaryAsync(m => m.Slug, ct);
        // Drafts included: a meeting staff added whose slug meetings.json later uses too stays the secretariat's.
        // Withdrawn meetings included (decision 0030): a withdrawn meeting keeps its slug, and the seed keeps it up to date.
        meetings = await db.Meetings.IgnoreQueryFilters().Include(m => m.Attendance).Include(m => m.FacilitatedBy).AsSplitQuery().ToDictionaryAsync(m => m.Slug, ct);
        foreach (var json in set.Mechanisms.Select(m => m.Item))
        {
            var mechanism = GetOrAdd(mechanisms, json.Slug!, () => IsStaff(json.Origin) ? RestoredMechanism(json) : new Mechanism { Slug = json.Slug!, Name = json.Name!, Origin = RecordOrigin.Seed }, db.Mechanisms);
            // An export's withdrawal, on a mechanism this load creates (decision 0039).
            Restored(mechanism, db.Entry(mechanism).State == EntityState.Added, json.WithdrawnAt, json.WithdrawnReason);
        }

        foreach (var json in set.Meetings.Select(m => m.Item))
        {
            // A staff meeting from an export (decision 0031) is written like a seed one, once, with its marks.
            GetOrAdd(meetings, json.Slug!, () => RestoredOrSeed(json), db.Meetings);
        }

        // A staff mechanism is written once, when an export's load creates it; never again (decision 0034).
        foreach (var json in set.Mechanisms.Select(m => m.Item).Where(m => mechanisms[m.Slug!].Origin == RecordOrigin.Seed || db.Entry(mechanisms[m.Slug!]).State == EntityState.Added))
        {
            WriteMechanism(json, mechanisms[json.Slug!]);
        }

        foreach (var json in set.Meetings.Select(m => m.Item)
                     .Where(m => meetings[m.Slug!].Origin == RecordOrigin.Seed || db.Entry(meetings[m.Slug!]).State == EntityState.Added))
        {
            WriteMeeting(json, meetings[json.Slug!]);
        }

        await WriteWorkPlansAsync(set, ct);
        await WriteStatementsAsync(set, ct);
        WriteParagraphLinks(set);
        await WriteDisagreementsAsync(set, ct);
        await WriteRecordAsync(set, ct);
        await WriteRevisionsAsync(set, ct);
        await WriteCorrectionsAsync(set, ct);
    }

    private async Task WriteSourcesAsync(SeedSet set, CancellationToken ct)
    {
        // Drafts included: a staff document whose slug sources.json later uses too stays the secretariat's.
        var existing = await db.SourceDocuments.IgnoreQueryFilters().ToDictionaryAsync(s => s.Slug, ct);
        foreach (var json in set.Sources.Select(s => s.Item))
        {
            if (!existing.ContainsKey(json.Slug!) && IsStaff(json.Origin))
            {
                // An export's staff document (decision 0031): restored once, with its original, then the secretariat's.
                existing[json.Slug!] = db.SourceDocuments.Add(RestoredDocument(json, set.Folder)).Entity;
                continue;
            }

            var doc = GetOrAdd(existing, json.Slug!, () => new SourceDocument { Slug = json.Slug!, FileName = json.File!, Title = json.Title!, Origin = RecordOrigin.Seed }, db.SourceDocuments);
            if (doc.Origin != RecordOrigin.Seed)
            {
                continue;
            }

            Restored(doc, db.Entry(doc).State == EntityState.Added, json.WithdrawnAt, json.WithdrawnReason);

            doc.FileName = json.File!;
            doc.Title = json.Title!;
            doc.Publisher = json.Publisher;
            doc.Description = json.Description;
            (doc.PublishedOn, doc.PublishedPrecision) = Split(json.Date);
        }
    }

    private async Task WriteThemesAsync(SeedSet set, CancellationToken ct)
    {
        themes = await db.Themes.ToDictionaryAsync(t => t.Slug, ct);
        foreach (var json in set.Themes.Select(t => t.Item))
        {
            var theme = GetOrAdd(themes, json.Slug!, () => new Theme { Slug = json.Slug!, Name = json.Name! }, db.Themes);
            theme.Name = json.Name!;
            theme.Description = json.Description;
            theme.AdelaideArea = json.AdelaideArea;
        }

        foreach (var json in set.Themes.Select(t => t.Item))
        {
            var theme = themes[json.Slug!];
            var parent = json.Parent is null ? null : themes[json.Parent];
            if (theme.Parent != parent)
            {
                theme.Parent = parent;
            }
        }
    }

    private async Task WriteParticipantsAsync(SeedSet set, CancellationToken ct)
    {
        // Drafts included (decision 0034): a participant staff added, or a membership change staff added to a seeded
        // participant, is the secretariat's; the seed never overwrites or removes it.
        participants = await db.Participants.IgnoreQueryFilters().Include(p => p.Memberships).ToDictionaryAsync(p => p.Slug, ct);
        foreach (var json in set.Participants.Select(p => p.Item))
        {
            if (participants.TryGetValue(json.Slug!, out var existing) && existing.Origin == RecordOrigin.Staff)
            {
                continue;
            }

            if (!participants.ContainsKey(json.Slug!) && IsStaff(json.Origin))
            {
                // An export's staff participant (decision 0034): created once with its marks, never updated by a load.
                var restored = RestoredParticipant(json);
                participants[json.Slug!] = restored;
                db.Participants.Add(restored);
                continue;
            }

            var participant = GetOrAdd(participants, json.Slug!, () => new Participant { Slug = json.Slug!, Name = json.Name!, Origin = RecordOrigin.Seed }, db.Participants);
            participant.Name = json.Name!;
            participant.FullName = json.FullName;
            // Aliases staff added from a document (decision 0029) stay after the seed's own; an export restores them.
            RestoreStaffAliases(participant, json.StaffAliases);
            SetList(participant.Aliases, [.. (json.Aliases ?? []).Union(participant.StaffAliases.Select(a => a.Alias), StringComparer.Ordinal)]);
            SetList(participant.PortalAliases, json.PortalAliases ?? []);
            participant.Kind = Enum.Parse<ParticipantKind>(json.Kind!);
            participant.Region = json.Region;
            SetSources(participant.Sources, json.Source, json.Sources);

            // The seed's memberships are brought in line with the seed; staff changes of membership (decision 0034) stay,
            // and an entry the seed gains that staff already entered is not added twice.
            var staff = participant.Memberships.Where(m => m.Origin == RecordOrigin.Staff).ToList();
            var seedOwned = participant.Memberships.Where(m => m.Origin == RecordOrigin.Seed).ToList();
            // Matched by status and order (a participant has one seed entry per status but the USA's two), not by date,
            // so a corrected date is an update that StaffCorrections puts back, not a removal.
            var wanted = (json.Memberships ?? []).Where(j => !IsStaff(j.Origin)
                && !staff.Any(m => m.Status == Enum.Parse<MembershipStatus>(j.Status!) && m.SinceDate == Split(j.Since).Date)).ToList();
            var order = seedOwned.OrderBy(m => m.Id).ToDictionary(m => m, m => seedOwned.Where(x => x.Status == m.Status).OrderBy(x => x.Id).ToList().IndexOf(m));
            int JsonOrder(MembershipJson j) => wanted.Where(x => x.Status == j.Status).ToList().IndexOf(j);
            SyncChildren(
                seedOwned,
                wanted,
                m => (m.Status, order[m]),
                j => (Enum.Parse<MembershipStatus>(j.Status!), JsonOrder(j)),
                j =>
                {
                    var created = new Membership { Status = Enum.Parse<MembershipStatus>(j.Status!), Origin = RecordOrigin.Seed };
                    order[created] = JsonOrder(j);
                    return created;
                },
                (m, j) =>
                {
                    (m.SinceDate, m.SincePrecision) = Split(j.Since);
                    SetSources(m.Sources, j.Source, null);
                    Restored(m, m.Id == 0, j.WithdrawnAt, j.WithdrawnReason); // an export's, on a row this load creates (decision 0039)
                });
            participant.Memberships.RemoveAll(m => m.Origin == RecordOrigin.Seed && !seedOwned.Contains(m));
            participant.Memberships.AddRange(seedOwned.Where(m => !participant.Memberships.Contains(m)));

            // An export's staff membership changes of a seeded participant, created once.
            foreach (var j in (json.Memberships ?? []).Where(j => IsStaff(j.Origin)))
            {
                if (!staff.Any(m => m.Status == Enum.Parse<MembershipStatus>(j.Status!) && m.SinceDate == Split(j.Since).Date))
                {
                    participant.Memberships.Add(RestoredMembership(j));
                }
            }
        }
    }

    private void WriteMechanism(MechanismJson json, Mechanism mechanism)
    {
        mechanism.Name = json.Name!;
        mechanism.NameAddedByPortal = json.NameAddedByPortal ?? false;
        mechanism.ShortName = json.ShortName;
        SetList(mechanism.Aliases, json.Aliases ?? []);
        SetList(mechanism.PortalAliases, json.PortalAliases ?? []);
        mechanism.Kind = Enum.Parse<MechanismKind>(json.Kind!);
        mechanism.Status = json.Status is null ? null : Enum.Parse<MechanismStatus>(json.Status);
        mechanism.Mandate = json.Mandate;
        (mechanism.EstablishedDate, mechanism.EstablishedPrecision) = Split(json.Established);
        SetReference(mechanism.EstablishedByMeeting, json.EstablishedByMeeting is null ? null : meetings[json.EstablishedByMeeting], v => mechanism.EstablishedByMeeting = v);
        SetList(mechanism.CoChairPeople, json.CoChairPeople ?? []);
        SetSources(mechanism.Sources, json.Source, json.Sources);
    }

    private void WriteMeeting(MeetingJson json, Meeting meeting)
    {
        meeting.Title = json.Title!;
        meeting.Kind = Enum.Parse<MeetingKind>(json.Kind!);
        meeting.Ordinal = json.Ordinal;
        var (start, startPrecision) = Split(json.Start);
        meeting.StartDate = start!.Value;
        meeting.StartPrecision = startPrecision!.Value;
        (meeting.EndDate, meeting.EndPrecision) = Split(json.End);
        meeting.Place = json.Place;
        meeting.IsVirtual = json.IsVirtual;
        meeting.Summary = json.Summary;
        SetReference(meeting.Mechanism, json.Mechanism is null ? null : mechanisms[json.Mechanism], v => meeting.Mechanism = v);
        SetMembers(meeting.FacilitatedBy, (json.FacilitatedBy ?? []).Distinct(StringComparer.Ordinal).Select(s => mechanisms[s]));
        SetList(meeting.CoChairPeople, json.CoChairPeople ?? []);
        SetSources(meeting.Sources, json.Source, json.Sources);

        var reported = (json.ParticipantsReported ?? [])
            .Select(r => new ReportedParticipation { Count = r.Count, Qualifier = r.Qualifier, Description = r.Description!, Source = ToSource(r.Source!) })
            .ToList();
        if (!reported.Select(r => (r.Count, r.Qualifier, r.Description, r.Source.Document, r.Source.Location))
                .SequenceEqual(meeting.ParticipantsReported.Select(r => (r.Count, r.Qualifier, r.Description, r.Source.Document, r.Source.Location))))
        {
            meeting.ParticipantsReported = reported;
        }

        // Hosts and co-chairs are attendance rows with their own role, so one list answers "who was there".
        var roles = (json.Hosts ?? []).Select(h => new AttendanceJson(h, nameof(AttendanceRole.Host), null))
            .Concat((json.CoChairs ?? []).Select(c => new AttendanceJson(c, nameof(AttendanceRole.CoChair), null)))
            .Concat(json.Attendance ?? [])
            .DistinctBy(a => (participantNames.Resolve(a.Participant), a.Role))
            .ToList();
        SyncChildren(
            meeting.Attendance,
            roles,
            a => (a.Participant?.Slug ?? participants.Values.First(p => p.Id == a.ParticipantId).Slug, a.Role),
            j => (participantNames.Resolve(j.Participant)!, Enum.Parse<AttendanceRole>(j.Role!)),
            j => new MeetingAttendance { Participant = participants[participantNames.Resolve(j.Participant)!], Role = Enum.Parse<AttendanceRole>(j.Role!) },
            (a, j) =>
            {
                SetSources(a.Sources, j.Source, null);
                Restored(a, a.Id == 0, j.WithdrawnAt, j.WithdrawnReason); // an export's, on a line this load creates (decision 0039)
            });
    }

    private async Task WriteStatementsAsync(SeedSet set, CancellationToken ct)
    {
        // Drafts included: a statement staff added whose slug seed-data later uses too stays the secretariat's.
        var existing = await db.Statements.IgnoreQueryFilters()
            .Include(s => s.Paragraphs).ThenInclude(p => p.Themes)
            .Include(s => s.Paragraphs).ThenInclude(p => p.Mentions)
            .Include(s => s.AlsoMeetings)
            .AsSplitQuery()
            .ToDictionaryAsync(s => s.Slug, ct);
        foreach (var json in set.Statements.Select(s => s.Item))
        {
            // A staff statement from an export (decision 0031) is written like a seed one, once, with its marks; an
            // existing staff statement is never touched.
            var statement = GetOrAdd(existing, json.Slug!, () => RestoredOrSeed(json), db.Statements);
            if (statement.Origin != RecordOrigin.Seed && db.Entry(statement).State != EntityState.Added)
            {
                continue;
            }

            statement.Title = json.Title!;
            statement.Kind = Enum.Parse<StatementKind>(json.Kind!);
            (statement.Date, statement.DatePrecision) = Split(json.Date);
            var meeting = json.Meeting is null ? null : meetings[json.Meeting];
            SetReference(statement.Meeting, meeting, v => statement.Meeting = v);
            SetMembers(statement.AlsoMeetings, (json.AlsoMeetings ?? []).Distinct(StringComparer.Ordinal).Select(s => meetings[s]));
            var author = json.Author is null ? null : participants[participantNames.Resolve(json.Author)!];
            SetReference(statement.Author, author, v => statement.Author = v);
            SetSources(statement.Sources, json.Source, json.Sources);

            var year = statement.Date?.Year ?? meeting?.StartDate.Year;
            var paragraphs = json.Paragraphs ?? [];
            SyncChildren(
                statement.Paragraphs,
                paragraphs,
                p => p.Label,
                j => j.Label!,
                j => new Paragraph { Label = j.Label!, Text = j.Text!, Location = j.Location ?? $"paragraph {j.Label}" },
                (p, j) =>
                {
                    var keptText = p.Id == 0 ? null : p.Text;
                    p.Sequence = paragraphs.IndexOf(j) + 1;
                    p.Text = j.Text!;
                    p.LabelAddedByPortal = j.LabelAddedByPortal ?? false;
                    p.Section = j.Section;
                    p.Location = j.Location ?? $"paragraph {j.Label}";
                    p.Year = year;
                    // Not public while the statement is a draft or withdrawn (decision 0030): a reload never shows them again.
                    p.IsDraft = statement.IsDraft || statement.WithdrawnAt is not null;
                    SetThemes(p.Themes, j.Themes);
                    // A paragraph whose text staff corrected keeps that text (StaffCorrections), so its mentions follow it.
                    var mentionedIn = CorrectedParagraphTexts.Contains($"{statement.Slug}/{p.Label}") ? keptText ?? j.Text! : j.Text!;
                    SetMembers(p.Mentions, participantNames.FindMentions(mentionedIn).Select(slug => participants[slug]));
                });
        }
    }

    private async Task WriteDisagreementsAsync(SeedSet set, CancellationToken ct)
    {
        // Drafts included; a disagreement staff added is theirs (decision 0035), an export's is created once with its marks.
        var existing = await db.Disagreements.IgnoreQueryFilters().ToDictionaryAsync(d => (d.Subject, d.Field), ct);
        foreach (var json in set.Disagreements.Select(d => d.Item))
        {
            var key = (json.Subject!, json.Field!);
            if (!existing.TryGetValue(key, out var disagreement))
            {
                disagreement = new Disagreement { Subject = json.Subject!, Field = json.Field!, Description = json.Description! };
                Restore(disagreement, json.Origin, json.IsDraft, json.AddedBy, json.AddedByUserId, json.AddedAt, json.PublishedBy, json.PublishedByUserId, json.PublishedAt);
                Restored(disagreement, created: true, json.WithdrawnAt, json.WithdrawnReason);
                existing[key] = disagreement;
                db.Disagreements.Add(disagreement);
            }
            else if (disagreement.Origin == RecordOrigin.Staff)
            {
                continue;
            }

            disagreement.Description = json.Description!;
            var values = (json.Values ?? []).Select(v => new DisagreeingValue { Value = v.Value!, Source = ToSource(v.Source!) }).ToList();
            if (!values.Select(v => (v.Value, v.Source.Document, v.Source.Location))
                    .SequenceEqual(disagreement.Values.Select(v => (v.Value, v.Source.Document, v.Source.Location))))
            {
                disagreement.Values = values;
            }
        }
    }

    private static TEntity GetOrAdd<TEntity>(Dictionary<string, TEntity> existing, string slug, Func<TEntity> create, DbSet<TEntity> set)
        where TEntity : class
    {
        if (!existing.TryGetValue(slug, out var entity))
        {
            entity = create();
            existing[slug] = entity;
            set.Add(entity);
        }

        return entity;
    }

    /// <summary>
    /// Brings a child collection in line with the seed: matches by natural key, updates matches, adds the
    /// new and removes the ones the seed no longer has.
    /// </summary>
    private static void SyncChildren<TEntity, TJson, TKey>(
        List<TEntity> current, IReadOnlyList<TJson> wanted, Func<TEntity, TKey> entityKey, Func<TJson, TKey> jsonKey,
        Func<TJson, TEntity> create, Action<TEntity, TJson> update, Func<TEntity, bool>? untouched = null)
        where TKey : notnull
    {
        // Children staff added (untouched) are neither matched, updated nor removed: they are the secretariat's.
        untouched ??= _ => false;
        var byKey = current.Where(e => !untouched(e)).ToDictionary(entityKey);
        var wantedKeys = new HashSet<TKey>();
        foreach (var json in wanted)
        {
            var key = jsonKey(json);
            wantedKeys.Add(key);
            if (!byKey.TryGetValue(key, out var entity))
            {
                entity = create(json);
                current.Add(entity);
                byKey[key] = entity;
            }

            update(entity, json);
        }

        current.RemoveAll(e => !untouched(e) && !wantedKeys.Contains(entityKey(e)));
    }

    private void SetThemes(List<Theme> current, List<string>? slugs) =>
        SetMembers(current, (slugs ?? []).Distinct(StringComparer.Ordinal).Select(s => themes[s]));

    private static void SetMembers<T>(List<T> current, IEnumerable<T> wanted)
        where T : class
    {
        var wantedList = wanted.ToList();
        current.RemoveAll(x => !wantedList.Contains(x));
        foreach (var item in wantedList.Where(w => !current.Contains(w)))
        {
            current.Add(item);
        }
    }

    private static void SetList(List<string> current, List<string> wanted)
    {
        if (!current.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            current.Clear();
            current.AddRange(wanted);
        }
    }

    private static void SetReference<T>(T? current, T? wanted, Action<T?> set)
        where T : class
    {
        if (!ReferenceEquals(current, wanted))
        {
            set(wanted);
        }
    }

    /// <summary>Replaces the sources only when they differ, so an unchanged re-load writes nothing.</summary>
    private static void SetSources(List<SourceReference> current, SourceRefJson? source, List<SourceRefJson>? sources)
    {
        var wanted = (source is null ? [] : new[] { source }).Concat(sources ?? []).Select(ToSource)
            .DistinctBy(s => (s.Document, s.Location)).ToList();
        if (!wanted.Select(s => (s.Document, s.Location)).SequenceEqual(current.Select(s => (s.Document, s.Location))))
        {
            current.Clear();
            current.AddRange(wanted);
        }
    }

    private static SourceReference ToSource(SourceRefJson json) => new() { Document = json.Document!, Location = json.Location! };

    private static (DateOnly? Date, DatePrecision? Precision) Split(string? text) =>
        PartialDate.TryParse(text, out var date) ? (date.Value, date.Precision) : (null, null);
}
