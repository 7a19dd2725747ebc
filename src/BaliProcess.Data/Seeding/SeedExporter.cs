using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Seeding;

/// <summary>What an export wrote: files, records and the bytes of the source files.</summary>
public sealed record ExportSummary(int Files, int Records, int StaffRecords, int Drafts, long SourceFileBytes);

/// <summary>
/// Writes the whole record, seed and staff alike, drafts and the append-only tables included, in the seed-data format
/// (decision 0031): the same files and shapes as seed-data/, each staff record marked with its origin and who added and
/// published it when, the originals and extracted texts of staff source documents in source-files/ next to the JSON,
/// the work-plan status history in work-plan-history.json and the revisions in revisions.json. <see cref="SeedLoader"/>
/// reads such a folder as it reads seed-data/ and restores all of it into an empty database; the export of a database
/// seeded from seed-data/ and changed by nobody is seed-data/ again (JSON-equal; the test lists the few differences of
/// spelling). A backup a person can read, diff and correct.
/// </summary>
public sealed partial class SeedExporter(BaliProcessDbContext db)
{
    public const string HistoryFile = "work-plan-history.json";
    public const string RevisionsFile = "revisions.json";
    public const string CorrectionsFile = "corrections.json";

    /// <summary>Dated events that are not meetings (decision 0035); written only when there are some, as seed-data/ has none.</summary>
    public const string TimelineEventsFile = "timeline-events.json";
    public const string SourceFilesFolder = "source-files";
    public const string MembersFile = "participants/members-and-observers.json";
    public const string OtherBodiesFile = "participants/other-bodies.json";

    /// <summary>As seed-data/ is written: camelCase, two-space indent, letters such as “–” and ’ as themselves.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private ParticipantMatcher names = null!;
    private Dictionary<int, Participant> participantsById = [];
    private int records;
    private int staffRecords;
    private int drafts;
    private long sourceFileBytes;
    private int files;

    /// <summary>Writes the export into <paramref name="folder"/> (created if missing; files of the same names are replaced).</summary>
    public Task<ExportSummary> ExportToFolderAsync(string folder, CancellationToken ct = default) =>
        ExportAsync(
            path =>
            {
                var full = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                return File.Create(full);
            },
            ct);

    /// <summary>Writes the export as a zip archive into <paramref name="output"/> (left open).</summary>
    public async Task<ExportSummary> ExportToZipAsync(Stream output, CancellationToken ct = default)
    {
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        return await ExportAsync(path => zip.CreateEntry(path, CompressionLevel.Optimal).Open(), ct);
    }

    /// <summary>Reads everything (drafts included: it is a backup) in one snapshot and writes each file through <paramref name="create"/>.</summary>
    public async Task<ExportSummary> ExportAsync(Func<string, Stream> create, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(create);

        // One snapshot of every table, so a change committed meanwhile is either wholly in the export or not at all.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            records = staffRecords = drafts = files = 0;
            sourceFileBytes = 0;
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, token);
            var participants = await db.Participants.IgnoreQueryFilters().AsNoTracking().Include(p => p.Memberships.OrderBy(m => m.Id)).OrderBy(p => p.Id).ToListAsync(token);
            foreach (var p in participants)
            {
                Count(p.Origin, p.IsDraft);
            }
            participantsById = participants.ToDictionary(p => p.Id);
            names = new ParticipantMatcher(participants.Select(p => (p.Slug, (IEnumerable<string>)[p.Name, p.FullName ?? "", .. p.Aliases])));

            await WriteAsync(create, "sources.json", await SourcesAsync(create, token), token);
            await WriteAsync(create, "themes.json", await ThemesAsync(token), token);
            await WriteAsync(create, MembersFile, participants.Where(p => p.Memberships.Count > 0).Select(Participant).ToList(), token);
            await WriteAsync(create, OtherBodiesFile, participants.Where(p => p.Memberships.Count == 0).Select(Participant).ToList(), token);
            await WriteAsync(create, "mechanisms.json", await MechanismsAsync(token), token);
            await WriteAsync(create, "meetings.json", await MeetingsAsync(token), token);
            await WriteAsync(create, "work-plans.json", await WorkPlansAsync(token), token);
            foreach (var statement in await StatementsAsync(token))
            {
                await WriteAsync(create, $"statements/{statement.Slug}.json", statement, token);
            }

            await WriteAsync(create, "disagreements.json", await DisagreementsAsync(token), token);
            await WriteAsync(create, "mechanism-memberships.json", await MechanismMembershipsAsync(token), token);
            await WriteAsync(create, "mechanism-relations.json", await MechanismRelationsAsync(token), token);
            await WriteAsync(create, "outcome-documents.json", await OutcomeDocumentsAsync(token), token);
            await WriteAsync(create, "people.json", await PeopleAsync(token), token);
            await WriteAsync(create, "open-questions.json", await OpenQuestionsAsync(token), token);
            await WriteAsync(create, "programmes.json", await ProgrammesAsync(token), token);
            if (await TimelineEventsAsync(token) is { Count: > 0 } events)
            {
                await WriteAsync(create, TimelineEventsFile, events, token);
            }

            await WriteAsync(create, HistoryFile, await HistoryAsync(token), token);
            await WriteAsync(create, RevisionsFile, await RevisionsAsync(token), token);
            await WriteAsync(create, CorrectionsFile, await CorrectionsAsync(token), token);
            await transaction.CommitAsync(token);
            return new ExportSummary(files, records, staffRecords, drafts, sourceFileBytes);
        }, ct);
    }

    private async Task WriteAsync<T>(Func<string, Stream> create, string path, T value, CancellationToken ct)
    {
        records += value is System.Collections.ICollection list ? list.Count : 1;
        await using var stream = create(path);
        await JsonSerializer.SerializeAsync(stream, value, JsonOptions, ct);
        files++;
    }

    private async Task<List<SourceDocumentJson>> SourcesAsync(Func<string, Stream> create, CancellationToken ct)
    {
        var documents = await db.SourceDocuments.IgnoreQueryFilters().AsNoTracking().Include(d => d.File).OrderBy(d => d.Id).ToListAsync(ct);
        var list = new List<SourceDocumentJson>();
        foreach (var d in documents)
        {
            SourceOriginalJson? original = null;
            if (d.File is { } f)
            {
                // Named by the document's slug (its file name is the slug and the kind's extension), never the uploaded name.
                var file = $"{SourceFilesFolder}/{d.FileName}";
                var textFile = $"{SourceFilesFolder}/{d.Slug}.text.txt";
                await using (var stream = create(file))
                {
                    await stream.WriteAsync(f.Content, ct);
                }

                await using (var stream = create(textFile))
                {
                    await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(f.Text), ct);
                }

                files += 2;
                sourceFileBytes += f.Content.Length;
                original = new SourceOriginalJson(
                    file, f.Sha256, f.MediaType, f.OriginalFileName, f.SizeBytes, f.PageCount, textFile,
                    f.AddedBy, f.AddedByUserId, f.AddedAt, f.PublishedBy, f.PublishedByUserId, f.PublishedAt);
            }

            Count(d.Origin, d.IsDraft);
            list.Add(new SourceDocumentJson(
                d.Slug, d.FileName, d.Title, d.Publisher, d.Published?.ToIsoString(), d.Description,
                d.OriginalUrl, Origin(d.Origin), Draft(d.IsDraft), original, d.WithdrawnAt, d.WithdrawnReason));
        }

        return list;
    }

    private async Task<List<ThemeJson>> ThemesAsync(CancellationToken ct) =>
        (await db.Themes.AsNoTracking().Include(t => t.Parent).OrderBy(t => t.Id).ToListAsync(ct))
            .Select(t => new ThemeJson(t.Slug, t.Name, t.Description, t.Parent?.Slug, t.AdelaideArea)).ToList();

    // A participant, membership, mechanism or mechanism membership staff added (decision 0034) carries its marks; a seed
    // one exports in the seed's own shape.
    private ParticipantJson Participant(Participant p)
    {
        var staff = p.Origin == RecordOrigin.Staff;
        return new(
            p.Slug, p.Name, p.FullName, [.. p.Aliases], p.Kind.ToString(), p.Region,
            [.. p.Memberships.Select(m =>
            {
                var own = m.Origin == RecordOrigin.Staff;
                if (own && !staff)
                {
                    Count(m.Origin, m.IsDraft);
                }

                return new MembershipJson(
                    m.Status.ToString(), m.Since?.ToIsoString(), One(m.Sources), Origin(m.Origin), Draft(m.IsDraft),
                    own ? m.AddedBy : null, own ? m.AddedByUserId : null, own ? m.AddedAt : null,
                    own ? m.PublishedBy : null, own ? m.PublishedByUserId : null, own ? m.PublishedAt : null,
                    m.WithdrawnAt, m.WithdrawnReason);
            })],
            One(p.Sources), Many(p.Sources, unlessOne: true), NullIfEmpty(p.PortalAliases),
            NullIfEmpty(p.StaffAliases.Select(a => new StaffAliasJson(a.Alias, Ref(a.Source), a.MeetingSlug)).ToList()), Origin(p.Origin), Draft(p.IsDraft),
            staff ? p.AddedBy : null, staff ? p.AddedByUserId : null, staff ? p.AddedAt : null,
            staff ? p.PublishedBy : null, staff ? p.PublishedByUserId : null, staff ? p.PublishedAt : null);
    }

    private async Task<List<MechanismJson>> MechanismsAsync(CancellationToken ct) =>
        (await db.Mechanisms.IgnoreQueryFilters().AsNoTracking().Include(m => m.EstablishedByMeeting).OrderBy(m => m.Id).ToListAsync(ct))
            .Select(m =>
            {
                Count(m.Origin, m.IsDraft);
                var staff = m.Origin == RecordOrigin.Staff;
                return new MechanismJson(
                    m.Slug, m.Name, m.ShortName, [.. m.Aliases], m.Kind.ToString(), m.Mandate, m.Established?.ToIsoString(),
                    m.EstablishedByMeeting?.Slug, m.Status?.ToString(), NullIfEmpty(m.CoChairPeople), null, Many(m.Sources), NullIfEmpty(m.PortalAliases),
                    True(m.NameAddedByPortal), Origin(m.Origin), Draft(m.IsDraft),
                    staff ? m.AddedBy : null, staff ? m.AddedByUserId : null, staff ? m.AddedAt : null,
                    staff ? m.PublishedBy : null, staff ? m.PublishedByUserId : null, staff ? m.PublishedAt : null,
                    m.WithdrawnAt, m.WithdrawnReason);
            })
            .ToList();

    private async Task<List<MeetingJson>> MeetingsAsync(CancellationToken ct)
    {
        // Drafts and withdrawn meetings included: it is a backup.
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking()
            .Include(m => m.Mechanism)
            .Include(m => m.FacilitatedBy.OrderBy(x => x.Id))
            .Include(m => m.Attendance.OrderBy(a => a.Id))
            .AsSplitQuery()
            .OrderBy(m => m.Id)
            .ToListAsync(ct);

        // The loader keeps hosts and co-chairs as attendance rows with their role; rows without a source came from the
        // hosts and coChairs lists and go back there, the others (with the place a document names them) to attendance.
        // A withdrawn host or co-chair line goes to attendance, where its withdrawal can be written (decision 0039).
        static bool Listed(MeetingAttendance a, AttendanceRole role) => a.Role == role && a.Sources.Count == 0 && a.WithdrawnAt is null;
        return meetings.Select(m =>
        {
            Count(m.Origin, m.IsDraft);
            var staff = m.Origin == RecordOrigin.Staff;
            return new MeetingJson(
            m.Slug, m.Kind.ToString(), m.Ordinal, m.Title, m.Start.ToIsoString(), m.End?.ToIsoString(), m.Place, m.IsVirtual, m.Mechanism?.Slug,
            [.. m.Attendance.Where(a => Listed(a, AttendanceRole.Host)).Select(a => ParticipantName(a.ParticipantId))],
            [.. m.Attendance.Where(a => Listed(a, AttendanceRole.CoChair)).Select(a => ParticipantName(a.ParticipantId))],
            [.. m.CoChairPeople],
            [.. m.ParticipantsReported.Select(r => new ReportedParticipationJson(r.Count, r.Qualifier, r.Description, Ref(r.Source)))],
            [.. m.Attendance.Where(a => !Listed(a, AttendanceRole.Host) && !Listed(a, AttendanceRole.CoChair))
                .Select(a => new AttendanceJson(ParticipantName(a.ParticipantId), a.Role.ToString(), One(a.Sources), a.WithdrawnAt, a.WithdrawnReason))],
            m.Summary, null, Many(m.Sources), NullIfEmpty(m.FacilitatedBy.Select(f => f.Slug).ToList()),
            NullIfEmpty(m.AttendanceAsWritten.Select(a => new AttendanceAsWrittenJson(a.Name, a.Role.ToString(), Ref(a.Source))).ToList()),
            NullIfEmpty(m.NewAliases.Select(a => new NewAliasJson(a.ParticipantSlug, a.Alias, Ref(a.Source))).ToList()),
            Origin(m.Origin), Draft(m.IsDraft),
            staff ? m.AddedBy : null, staff ? m.AddedByUserId : null, staff ? m.AddedAt : null,
            staff ? m.PublishedBy : null, staff ? m.PublishedByUserId : null, staff ? m.PublishedAt : null,
            m.WithdrawnAt, m.WithdrawnReason);
        }).ToList();
    }

    private async Task<List<WorkPlanJson>> WorkPlansAsync(CancellationToken ct)
    {
        var plans = await db.WorkPlans.IgnoreQueryFilters().AsNoTracking()
            .Include(w => w.Mechanism).Include(w => w.AdoptedAtMeeting).Include(w => w.UpdatedAtMeeting)
            .Include(w => w.Items).ThenInclude(i => i.Themes)
            .Include(w => w.Items).ThenInclude(i => i.ParagraphLinks).ThenInclude(l => l.Paragraph!.Statement)
            .AsSplitQuery()
            .OrderBy(w => w.Id)
            .ToListAsync(ct);
        return plans.Select(w =>
        {
            Count(w.Origin, w.IsDraft);
            var fromDocument = w.AddedBy is not null;
            return new WorkPlanJson(
                w.Slug, w.Title, w.Mechanism?.Slug, w.Period, w.StartYear, w.EndYear, w.AdoptedAtMeeting?.Slug, w.UpdatedAtMeeting?.Slug,
                One(w.Sources), Many(w.Sources, unlessOne: true),
                [.. w.Items.OrderBy(i => i.Sequence).Select(i =>
                {
                    Count(i.Origin, false);
                    return new ActionItemJson(
                        i.Number, i.Text, i.Status.ToString(), i.StatusText, [.. i.Themes.OrderBy(t => t.Id).Select(t => t.Slug)], One(i.Sources),
                        NullIfEmpty(i.ParagraphLinks.OrderBy(l => l.ParagraphId).Select(l => new AskedForJson(
                            l.Paragraph!.Statement!.Slug, l.Paragraph.Label, One(l.Sources),
                            Origin(l.Origin), l.Origin == RecordOrigin.Staff ? l.LinkedBy : null, l.Origin == RecordOrigin.Staff ? l.LinkedAt : null)).ToList()),
                        True(i.NumberAddedByPortal), Origin(i.Origin), True(i.ThemesSetByStaff), True(i.ParagraphLinksSetByStaff),
                        i.WithdrawnAt, i.WithdrawnReason);
                })],
                Origin(w.Origin), Draft(w.IsDraft),
                fromDocument ? w.AddedBy : null, fromDocument ? w.AddedByUserId : null, fromDocument ? w.AddedAt : null,
                fromDocument ? w.PublishedBy : null, fromDocument ? w.PublishedByUserId : null, fromDocument ? w.PublishedAt : null,
                w.WithdrawnAt, w.WithdrawnReason);
        }).ToList();
    }

    private async Task<List<StatementJson>> StatementsAsync(CancellationToken ct)
    {
        var statements = await db.Statements.IgnoreQueryFilters().AsNoTracking()
            .Include(s => s.Meeting)
            .Include(s => s.AlsoMeetings.OrderBy(m => m.Id))
            .Include(s => s.Paragraphs.OrderBy(p => p.Sequence)).ThenInclude(p => p.Themes)
            .AsSplitQuery()
            .OrderBy(s => s.Id)
            .ToListAsync(ct);
        return statements.Select(s =>
        {
            Count(s.Origin, s.IsDraft);
            var staff = s.Origin == RecordOrigin.Staff;
            return new StatementJson(
                s.Slug, s.Kind.ToString(), s.Title, s.Meeting?.Slug, s.When?.ToIsoString(), s.AuthorId is { } author ? ParticipantName(author) : null,
                One(s.Sources), Many(s.Sources, unlessOne: true),
                [.. s.Paragraphs.Select(p => new ParagraphJson(
                    p.Label, p.Section, p.Text, [.. p.Themes.OrderBy(t => t.Id).Select(t => t.Slug)], p.Location, True(p.LabelAddedByPortal)))],
                NullIfEmpty(s.AlsoMeetings.Select(m => m.Slug).ToList()),
                Origin(s.Origin), Draft(s.IsDraft),
                staff ? s.AddedBy : null, staff ? s.AddedByUserId : null, staff ? s.AddedAt : null,
                staff ? s.PublishedBy : null, staff ? s.PublishedByUserId : null, staff ? s.PublishedAt : null,
                s.WithdrawnAt, s.WithdrawnReason);
        }).ToList();
    }

    private async Task<List<DisagreementJson>> DisagreementsAsync(CancellationToken ct) =>
        (await db.Disagreements.IgnoreQueryFilters().AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct))
            .Select(d =>
            {
                var m = Marks(d);
                return new DisagreementJson(
                    d.Subject, d.Field, d.Description, [.. d.Values.Select(v => new DisagreeingValueJson(v.Value, Ref(v.Source)))],
                    m.Origin, m.IsDraft, m.AddedBy, m.AddedByUserId, m.AddedAt, m.PublishedBy, m.PublishedByUserId, m.PublishedAt,
                    d.WithdrawnAt, d.WithdrawnReason);
            })
            .ToList();

    /// <summary>What an export says of a record staff added (decision 0035): nothing for a seed record, which exports in the seed's own shape.</summary>
    private sealed record StaffMarks(
        string? Origin, bool? IsDraft, string? AddedBy, string? AddedByUserId, DateTimeOffset? AddedAt, string? PublishedBy, string? PublishedByUserId, DateTimeOffset? PublishedAt);

    private StaffMarks Marks(IStaffAddedRecord r)
    {
        Count(r.Origin, r.IsDraft);
        return r.Origin != RecordOrigin.Staff
            ? new StaffMarks(null, null, null, null, null, null, null, null)
            : new StaffMarks(Origin(r.Origin), Draft(r.IsDraft), r.AddedBy, r.AddedByUserId, r.AddedAt, r.PublishedBy, r.PublishedByUserId, r.PublishedAt);
    }

    private async Task<List<StatusChangeJson>> HistoryAsync(CancellationToken ct) =>
        (await db.ActionItemStatusChanges.IgnoreQueryFilters().AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new { Plan = c.ActionItem!.WorkPlan!.Slug, c.ActionItem.Number, Change = c })
            .ToListAsync(ct))
        .Select(x => new StatusChangeJson(
            x.Plan, x.Number, x.Change.FromStatus?.ToString(), x.Change.ToStatus.ToString(), x.Change.Note, x.Change.Effective.ToIsoString(),
            x.Change.ChangedBy, x.Change.ChangedByUserId, x.Change.ChangedAt, x.Change.FromSeed, x.Change.SourceDocument))
        .ToList();

    private async Task<List<RevisionJson>> RevisionsAsync(CancellationToken ct) =>
        (await db.RecordRevisions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => new RevisionJson(
                r.RecordKind, r.RecordKey, r.ChangedBy, r.ChangedByUserId, r.ChangedAt, r.Reason,
                r.Before is null ? null : JsonDocument.Parse(r.Before).RootElement.Clone(), JsonDocument.Parse(r.After).RootElement.Clone()))
            .ToList();

    private async Task<List<CorrectionJson>> CorrectionsAsync(CancellationToken ct) =>
        (await db.RecordCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct))
            .Select(c => new CorrectionJson(
                c.RecordKind, c.RecordKey, c.Action.ToString(), JsonDocument.Parse(c.Fields).RootElement.Clone(), JsonDocument.Parse(c.Replaces).RootElement.Clone(),
                c.Reason, c.ProposedBy, c.ProposedByUserId, c.ProposedAt, c.State.ToString(), c.DecidedBy, c.DecidedByUserId, c.DecidedAt, c.DecisionNote))
            .ToList();

    /// <summary>A participant as references name it: its name, or its slug where the name would resolve to another participant.</summary>
    private string ParticipantName(int id)
    {
        var p = participantsById[id];
        return names.Resolve(p.Name) == p.Slug ? p.Name : p.Slug;
    }

    private void Count(RecordOrigin origin, bool isDraft)
    {
        staffRecords += origin == RecordOrigin.Staff ? 1 : 0;
        drafts += isDraft ? 1 : 0;
    }

    private static SourceRefJson Ref(SourceReference s) => new(s.Document, s.Location);

    /// <summary>The "source" of a kind seed-data gives one source: the only one, or null when there are none or several.</summary>
    private static SourceRefJson? One(List<SourceReference> sources) => sources.Count == 1 ? Ref(sources[0]) : null;

    /// <summary>The "sources" list; for a kind seed-data gives one source (<paramref name="unlessOne"/>), only when it has several.</summary>
    private static List<SourceRefJson>? Many(List<SourceReference> sources, bool unlessOne = false) =>
        unlessOne && sources.Count <= 1 ? null : [.. sources.Select(Ref)];

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : [.. list];

    private static bool? True(bool value) => value ? true : null;

    /// <summary>Only staff records name their origin: a seed record exports in the seed's own shape.</summary>
    private static string? Origin(RecordOrigin origin) => origin == RecordOrigin.Staff ? nameof(RecordOrigin.Staff) : null;

    private static bool? Draft(bool isDraft) => isDraft ? true : null;
}
