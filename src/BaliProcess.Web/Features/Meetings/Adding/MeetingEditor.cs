using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Data.Seeding;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BaliProcess.Web.Features.Meetings.Adding;

/// <summary>A participant number as the form takes it: the count, the document's qualifier ("over"), what is counted, and where.</summary>
public sealed record ReportedCountInput(string? Count, string? Qualifier, string? Description, string? Location);

/// <summary>An attendance list as pasted for one role ("Thailand, Australia"), with the place in the document that gives it.</summary>
public sealed record AttendanceListInput(AttendanceRole Role, string? Names, string? Location);

/// <summary>
/// A meeting to add from a source document (decision 0029). Dates are in the seed-data form ("2015", "2015-03",
/// "2015-03-25"); <see cref="Format"/> is "", "in-person" or "virtual"; <see cref="Locations"/> holds the places in the
/// document that state the meeting's facts, one a line. <see cref="AttendanceHash"/> is the hash of the attendance lists
/// whose check the person saw (<see cref="MeetingEditor.HashOf"/>); a save with other lists is refused.
/// </summary>
public sealed record AddMeetingRequest(
    string SourceSlug, string? Kind, string? Ordinal, string? Title, string? Start, string? End, string? Place, string? Format,
    string? Mechanism, string? Summary, string? Locations, IReadOnlyList<ReportedCountInput> Counts, IReadOnlyList<AttendanceListInput> Attendance,
    string? AttendanceHash = null);

public enum NameDecisionKind
{
    /// <summary>The name is this participant, this time (nothing else changes).</summary>
    Participant,

    /// <summary>The name is another spelling of this participant: it becomes an alias when the meeting is published.</summary>
    Alias,

    /// <summary>Kept as the document writes it, linked to nothing.</summary>
    AsWritten,
}

/// <summary>What a person decided for a name that resolves to no participant.</summary>
public sealed record NameDecision(NameDecisionKind Kind, string? ParticipantSlug = null);

/// <summary>One name of a pasted attendance list, as the check shows it: the participant it resolves to, or none.</summary>
public sealed record CheckedName(string Name, AttendanceRole Role, string Location, string? ParticipantSlug, string? ParticipantName);

/// <summary>The check of a meeting before saving: every name resolved or not, or what is wrong with the request.</summary>
public sealed record MeetingCheck(IReadOnlyList<FieldProblem> Problems, IReadOnlyList<CheckedName> Names, string AttendanceHash)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The distinct names that resolve to no participant: each needs a decision before saving.</summary>
    public IReadOnlyList<string> Unresolved => [.. Names.Where(n => n.ParticipantSlug is null).Select(n => n.Name).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// The write path for meetings drawn from a staff-added source document (decision 0029), as statements (0024): check the
/// request and resolve the attendance lists by name and alias (<see cref="ParticipantMatcher"/>), add it as a draft with
/// a decision for every name that resolves to nothing, publish a draft (a second person). Each write first asks
/// <see cref="EditorAccess"/>, writes nothing when refused, and commits through <see cref="RecordChanges"/>.
/// </summary>
public sealed partial class MeetingEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    ILogger<MeetingEditor> logger)
{
    public const int TitleMaxLength = 500;
    public const int PlaceMaxLength = 200;
    public const int SummaryMaxLength = 2000;
    public const int LocationMaxLength = 300;
    public const int ListMaxLength = 20_000;
    public const int MaxNames = 300;

    /// <summary>The roles an attendance list may be pasted for, in the form's order.</summary>
    public static readonly IReadOnlyList<AttendanceRole> ListRoles = [AttendanceRole.Host, AttendanceRole.CoChair, AttendanceRole.Attended, AttendanceRole.Observer];

    /// <summary>Checks the request and resolves every pasted name. Writes nothing.</summary>
    public async Task<MeetingCheck> CheckAsync(AddMeetingRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, _, _, names) = await CheckAsync(db, request, ct);
        return problems.Count > 0 ? new MeetingCheck(problems, [], "") : new MeetingCheck([], names, HashOf(request.Attendance));
    }

    /// <summary>
    /// Adds the meeting as a draft: its facts citing the document and the places given, the reported counts, and an
    /// attendance row for every name that resolves (or that a decision links to a participant); names kept as written
    /// are stored in the document's words, and new aliases wait for the publication.
    /// </summary>
    public async Task<EditResult> AddAsync(
        ClaimsPrincipal? user, AddMeetingRequest request, IReadOnlyDictionary<string, NameDecision> decisions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decisions);
        var (editor, refusal) = await access.CheckAsync(user, "add meeting", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, source, mechanism, names) = await CheckAsync(db, request, ct);
        if (problems.Count == 0 && request.AttendanceHash != HashOf(request.Attendance))
        {
            problems.Add(new("attendance", MeetingsText.Say("The attendance lists changed since they were checked: check the names below and save again.")));
        }

        var participants = await db.Participants.ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, ct);
        if (problems.Count == 0)
        {
            foreach (var name in names.Where(n => n.ParticipantSlug is null).Select(n => n.Name).Distinct(StringComparer.Ordinal))
            {
                if (!decisions.TryGetValue(name, out var decision))
                {
                    problems.Add(new("attendance", MeetingsText.Say("Decide what “{0}” is: an existing participant, a new alias of one, or kept as the document writes it.", name)));
                }
                else if (decision.Kind != NameDecisionKind.AsWritten && (decision.ParticipantSlug is null || !participants.ContainsKey(decision.ParticipantSlug)))
                {
                    problems.Add(new("attendance", MeetingsText.Say("Choose the participant “{0}” is (or keep it as the document writes it).", name)));
                }
            }
        }

        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        var published = await PublishedDocumentsAsync(db, ct);
        var start = ParseDate(request.Start, out _)!.Value;
        var end = ParseDate(request.End, out _);
        var title = request.Title!.Trim();
        var meeting = new Meeting
        {
            Slug = await FreeSlugAsync(db, SourceDocumentEditor.SlugFor(title, start), ct),
            Kind = Enum.Parse<MeetingKind>(request.Kind!),
            Ordinal = string.IsNullOrWhiteSpace(request.Ordinal) ? null : int.Parse(request.Ordinal.Trim(), CultureInfo.InvariantCulture),
            Title = title,
            StartDate = start.Value,
            StartPrecision = start.Precision,
            EndDate = end?.Value,
            EndPrecision = end?.Precision,
            Place = Blank(request.Place),
            IsVirtual = request.Format switch { "virtual" => true, "in-person" => false, _ => null },
            Mechanism = mechanism,
            Summary = Blank(request.Summary),
            Origin = RecordOrigin.Staff,
            IsDraft = true,
            AddedBy = editor.DisplayName,
            AddedByUserId = editor.UserId,
            AddedAt = time.GetUtcNow(),
            Sources = [.. Lines(request.Locations).Select(l => Cite(source!, l, published))],
            ParticipantsReported = [.. UsedCounts(request.Counts).Select(c => new ReportedParticipation
            {
                Count = string.IsNullOrWhiteSpace(c.Count) ? null : int.Parse(c.Count.Trim(), CultureInfo.InvariantCulture),
                Qualifier = Blank(c.Qualifier),
                Description = c.Description!.Trim(),
                Source = Cite(source!, c.Location!.Trim(), published),
            })],
        };

        foreach (var name in names)
        {
            var decision = name.ParticipantSlug is null ? decisions[name.Name] : null;
            var slug = name.ParticipantSlug ?? decision!.ParticipantSlug;
            if (decision?.Kind == NameDecisionKind.AsWritten)
            {
                if (!meeting.AttendanceAsWritten.Any(a => a.Name == name.Name && a.Role == name.Role))
                {
                    meeting.AttendanceAsWritten.Add(new AttendanceAsWritten { Name = name.Name, Role = name.Role, Source = Cite(source!, name.Location, published) });
                }

                continue;
            }

            if (decision?.Kind == NameDecisionKind.Alias && !meeting.NewAliases.Any(a => a.Alias == name.Name))
            {
                meeting.NewAliases.Add(new NewParticipantAlias { ParticipantSlug = slug!, Alias = name.Name, Source = Cite(source!, name.Location, published) });
            }

            // Two names of one participant in one role ("Viet Nam", "Vietnam") are one attendance row, as in the seed.
            var participant = participants[slug!];
            if (!meeting.Attendance.Any(a => a.Participant == participant && a.Role == name.Role))
            {
                meeting.Attendance.Add(new MeetingAttendance { Participant = participant, Role = name.Role, Sources = [Cite(source!, name.Location, published)] });
            }
        }

        db.Meetings.Add(meeting);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("title", MeetingsText.Say("A meeting with this name was added a moment ago; save again."));
        }

        logger.LogInformation(
            "Meeting {Slug} ({Attendance} attendance rows, {AsWritten} names as written, {Aliases} new aliases, from {Document}) added as a draft by {Editor} ({UserId})",
            meeting.Slug, meeting.Attendance.Count, meeting.AttendanceAsWritten.Count, meeting.NewAliases.Count, source!.FileName, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = meeting.Slug };
    }

    /// <summary>
    /// Publishes a draft meeting: from then on it is on /meetings, its page, the timeline, its participants' pages, the
    /// API, CSV, data package and sitemap, its new aliases are its participants', and a revision records it. Refused to
    /// the account that added it unless <see cref="EditingOptions.AllowSelfPublish"/>, and while the document it cites
    /// is a draft.
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, string slug, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish meeting", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The row is locked until commit, so two reviewers publishing at once cannot both record themselves.
        var meeting = await db.Meetings
            .FromSql($"SELECT * FROM meetings WHERE slug = {slug} FOR UPDATE")
            .IgnoreQueryFilters()
            .Include(m => m.Mechanism)
            .Include(m => m.Attendance).ThenInclude(a => a.Participant)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (meeting is null || meeting.Origin != RecordOrigin.Staff)
        {
            return EditResult.NotFound;
        }

        if (!meeting.IsDraft)
        {
            return EditResult.Invalid("publish", MeetingsText.Say("{0} was already published by {1} on {2:d MMMM yyyy HH:mm} UTC.", meeting.Title, meeting.PublishedBy, meeting.PublishedAt));
        }

        if (editingOptions.Value.RefuseOwnDraft(meeting.AddedByUserId, editor, logger, "meeting", slug) is { } ownDraft)
        {
            return ownDraft;
        }

        var cited = CitedDocuments(meeting);
        if (await EditingOptions.RefuseDraftCitationAsync(db, cited, "meeting", ct) is { } draftCitation)
        {
            return draftCitation;
        }

        // New aliases become the participants' now. A name that has meanwhile come to mean another participant is not
        // given to a second one (the matcher would refuse the clash at the next seed load).
        var participants = await db.Participants.ToListAsync(ct);
        var matcher = Matcher(participants);
        foreach (var alias in meeting.NewAliases)
        {
            var participant = participants.Single(p => p.Slug == alias.ParticipantSlug);
            var already = matcher.Resolve(alias.Alias);
            if (already is not null && already != participant.Slug)
            {
                return EditResult.Invalid("publish", MeetingsText.Say("“{0}” now names {1}, so it cannot become an alias of {2}; nothing was published.", alias.Alias, participants.Single(p => p.Slug == already).Name, participant.Name));
            }

            if (already is null)
            {
                participant.Aliases.Add(alias.Alias);
                participant.StaffAliases.Add(new StaffAlias { Alias = alias.Alias, Source = Cite(alias.Source), MeetingSlug = meeting.Slug });
                matcher = Matcher(participants);
            }
        }

        var now = time.GetUtcNow();
        meeting.IsDraft = false;
        meeting.PublishedBy = editor.DisplayName;
        meeting.PublishedByUserId = editor.UserId;
        meeting.PublishedAt = now;
        db.RecordRevisions.Add(new RecordRevision
        {
            RecordKind = RecordRevisionKinds.Meeting,
            RecordKey = meeting.Slug,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = now,
            Reason = Reason($"Published: added by {meeting.AddedBy} on {meeting.AddedAt:d MMMM yyyy HH:mm} UTC from {string.Join(", ", cited)}, reviewed and published by {editor.DisplayName}."),
            Before = null,
            After = FieldsOf(meeting),
        });
        await changes.SaveAsync(db, ct); // commits the transaction that holds the lock
        logger.LogInformation("Meeting {Slug} published by {Editor} ({UserId})", slug, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>A short hash of the attendance lists whose check was shown (line ends as a browser may send them, made equal).</summary>
    public static string HashOf(IEnumerable<AttendanceListInput> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var text = string.Join("\u001e", lists.OrderBy(l => l.Role).Select(l =>
            $"{l.Role}\u001f{(l.Names ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim()}\u001f{(l.Location ?? "").Trim()}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>
    /// The names of a pasted list as the document writes them: one a line, or separated by commas or semicolons; a
    /// leading "and", bullets and a closing full stop dropped ("Thailand, Australia, and Viet Nam." gives three). An
    /// "and" inside a name is kept ("Trinidad and Tobago"), so two names joined by "and" alone need a comma or a line.
    /// </summary>
    public static IReadOnlyList<string> SplitNames(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split(['\n', ',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(part => LeadingBulletOrAnd().Replace(part, "").TrimEnd('.', ' ').Trim())
                .Where(part => part.Length > 0)
                .Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"^(?:[-•*\u2022\u25AA\uF0B7]\s*|and\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingBulletOrAnd();

    /// <summary>The meeting as a revision keeps it, in the seed-data shape of meetings.json (plus who added and published it).</summary>
    internal static string FieldsOf(Meeting m) => JsonSerializer.Serialize(new
    {
        slug = m.Slug,
        kind = m.Kind.ToString(),
        ordinal = m.Ordinal,
        title = m.Title,
        start = m.Start.ToIsoString(),
        end = m.End?.ToIsoString(),
        place = m.Place,
        isVirtual = m.IsVirtual,
        mechanism = m.Mechanism?.Slug,
        hosts = m.Attendance.Where(a => a.Role == AttendanceRole.Host).Select(a => a.Participant!.Name),
        coChairs = m.Attendance.Where(a => a.Role == AttendanceRole.CoChair).Select(a => a.Participant!.Name),
        coChairPeople = m.CoChairPeople,
        participantsReported = m.ParticipantsReported.Select(r => new { count = r.Count, qualifier = r.Qualifier, description = r.Description, source = Json(r.Source) }),
        attendance = m.Attendance.Select(a => new { participant = a.Participant!.Name, role = a.Role.ToString(), source = Json(a.Sources[0]) }),
        attendanceAsWritten = m.AttendanceAsWritten.Select(a => new { name = a.Name, role = a.Role.ToString(), source = Json(a.Source) }),
        newAliases = m.NewAliases.Select(a => new { participant = a.ParticipantSlug, alias = a.Alias, source = Json(a.Source) }),
        summary = m.Summary,
        sources = m.Sources.Select(Json),
        addedBy = m.AddedBy,
        addedAt = m.AddedAt,
        publishedBy = m.PublishedBy,
        publishedAt = m.PublishedAt,
    });

    private static object Json(SourceReference s) => new { document = s.Document, location = s.Location };

    private static string Reason(string text) => text.Length <= RecordRevision.ReasonMaxLength ? text : text[..(RecordRevision.ReasonMaxLength - 1)] + "…";

    /// <summary>Every document the meeting cites: its facts, its counts, its attendance and its names.</summary>
    private static List<string> CitedDocuments(Meeting m) =>
        [.. m.Sources.Select(s => s.Document)
            .Concat(m.ParticipantsReported.Select(r => r.Source.Document))
            .Concat(m.Attendance.SelectMany(a => a.Sources).Select(s => s.Document))
            .Concat(m.AttendanceAsWritten.Select(a => a.Source.Document))
            .Concat(m.NewAliases.Select(a => a.Source.Document))
            .Distinct(StringComparer.Ordinal)];

    private async Task<(List<FieldProblem> Problems, SourceDocument? Source, Mechanism? Mechanism, List<CheckedName> Names)> CheckAsync(
        BaliProcessDbContext db, AddMeetingRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var source = await db.SourceDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Slug == request.SourceSlug && d.Origin == RecordOrigin.Staff, ct);
        if (source is null)
        {
            problems.Add(new("source", MeetingsText.Say("There is no source document added in the portal at this address.")));
        }

        if (!Enum.TryParse<MeetingKind>(request.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            problems.Add(new("kind", MeetingsText.Say("Choose what kind of meeting it is.")));
        }

        if (!string.IsNullOrWhiteSpace(request.Ordinal) && !(int.TryParse(request.Ordinal.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) && ordinal is >= 1 and <= 500))
        {
            problems.Add(new("ordinal", MeetingsText.Say("The ordinal is a whole number, 8 for the Eighth; leave it empty when the document gives none.")));
        }

        Text(problems, "title", MeetingsText.Say("title"), request.Title, TitleMaxLength, required: MeetingsText.Say("Give the meeting's title, as the document writes it."));
        var start = ParseDate(request.Start, out var startProblem);
        if (startProblem is not null || start is null)
        {
            problems.Add(new("start", startProblem ?? MeetingsText.Say("Give the date it began, as precisely as the document gives it.")));
        }

        var end = ParseDate(request.End, out var endProblem);
        if (endProblem is not null)
        {
            problems.Add(new("end", endProblem));
        }
        else if (end is { } e && start is { } s && e.Value < s.Value)
        {
            problems.Add(new("end", MeetingsText.Say("The meeting ends before it begins; check the dates.")));
        }

        Text(problems, "place", MeetingsText.Say("place of the meeting"), request.Place, PlaceMaxLength);
        if (request.Format is not (null or "" or "in-person" or "virtual"))
        {
            problems.Add(new("format", MeetingsText.Say("Choose whether the document says it was held in person or online, or that it does not say.")));
        }

        Mechanism? mechanism = null;
        if (!string.IsNullOrWhiteSpace(request.Mechanism) && (mechanism = await db.Mechanisms.FirstOrDefaultAsync(m => m.Slug == request.Mechanism, ct)) is null)
        {
            problems.Add(new("mechanism", MeetingsText.Say("There is no such working group or mechanism; choose one from the list.")));
        }

        Text(problems, "summary", MeetingsText.Say("summary"), request.Summary, SummaryMaxLength, multiline: true);
        var locations = Lines(request.Locations);
        if (locations.Count == 0)
        {
            problems.Add(new("locations", MeetingsText.Say("Say where the document states these facts (a paragraph, section or page), one place a line.")));
        }

        foreach (var location in locations)
        {
            Text(problems, "locations", MeetingsText.Say("place in the document"), location, LocationMaxLength);
        }

        var published = await PublishedDocumentsAsync(db, ct);
        OtherDocuments(problems, "locations", locations, published);
        OtherDocuments(problems, "counts", UsedCounts(request.Counts).Select(c => c.Location), published);

        foreach (var (c, i) in UsedCounts(request.Counts).Select((c, i) => (c, i + 1)))
        {
            if (!string.IsNullOrWhiteSpace(c.Count) && !(int.TryParse(c.Count.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1_000_000))
            {
                problems.Add(new("counts", MeetingsText.Say("Count {0}: a whole number, as the document gives it (its words such as “over” go in the qualifier).", i)));
            }

            Text(problems, "counts", MeetingsText.Say("description of count {0}", i), c.Description, LocationMaxLength, required: MeetingsText.Say("Count {0}: say what is counted, in the document's words (“participants”, “member countries”).", i));
            Text(problems, "counts", MeetingsText.Say("qualifier of the count {0}", i), c.Qualifier, 50);
            Text(problems, "counts", MeetingsText.Say("place of count {0}", i), c.Location, LocationMaxLength, required: MeetingsText.Say("Count {0}: say where the document gives it.", i));
        }

        var names = new List<CheckedName>();
        var matcher = Matcher(await db.Participants.AsNoTracking().ToListAsync(ct));
        var participantNames = await db.Participants.AsNoTracking().ToDictionaryAsync(p => p.Slug, p => p.Name, StringComparer.Ordinal, ct);
        foreach (var list in request.Attendance.Where(l => !string.IsNullOrWhiteSpace(l.Names)))
        {
            var label = RoleName(list.Role);
            if (!ListRoles.Contains(list.Role))
            {
                problems.Add(new("attendance", MeetingsText.Say("Attendance is pasted for hosts, co-chairs, participants or observers.")));
                continue;
            }

            if (list.Names!.Length > ListMaxLength || StaffText.Problem(list.Names, MeetingsText.Say($"list of {label}"), multiline: true) is { } listProblem)
            {
                problems.Add(new("attendance", list.Names.Length > ListMaxLength ? MeetingsText.Say("The {0} is longer than {1:N0} characters.", MeetingsText.Say($"list of {label}"), ListMaxLength) : StaffText.Problem(list.Names, MeetingsText.Say($"list of {label}"), multiline: true)!));
                continue;
            }

            Text(problems, "attendance", MeetingsText.Say($"place of the list of {label}"), list.Location, LocationMaxLength, required: MeetingsText.Say($"Say where the document lists the {label}."));
            foreach (var name in SplitNames(list.Names))
            {
                var slug = matcher.Resolve(name);
                names.Add(new CheckedName(name, list.Role, list.Location?.Trim() ?? "", slug, slug is null ? null : participantNames[slug]));
            }
        }

        if (names.Count > MaxNames)
        {
            problems.Add(new("attendance", MeetingsText.Say("The lists hold {0} names, more than a meeting's attendance ({1}).", names.Count, MaxNames)));
        }

        return (problems, source, mechanism, names);
    }

    private static void Text(List<FieldProblem> problems, string field, string name, string? value, int maxLength, string? required = null, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required is not null)
            {
                problems.Add(new(field, required));
            }
        }
        else if (value.Trim().Length > maxLength)
        {
            problems.Add(new(field, MeetingsText.Say("The {0} has at most {1:N0} characters.", name, maxLength)));
        }
        else if (StaffText.Problem(value, name, multiline) is { } problem)
        {
            problems.Add(new(field, problem));
        }
    }

    private PartialDate? ParseDate(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!PartialDate.TryParse(text.Trim(), out var parsed))
        {
            problem = MeetingsText.Say("Write the date as precisely as the document gives it: 2015, 2015-03 or 2015-03-25.");
            return null;
        }

        if (parsed.Value < new DateOnly(1990, 1, 1) || parsed.Value > StatusChangeRules.LatestEffectiveDate(time).AddYears(5))
        {
            problem = MeetingsText.Say("The date is before 1990 or years ahead; check it.");
            return null;
        }

        return parsed;
    }

    /// <summary>The participant matcher of the seed loader, over every name a participant goes by (aliases staff added included).</summary>
    internal static ParticipantMatcher Matcher(IEnumerable<Participant> participants) =>
        new(participants.Select(p => (p.Slug, (IEnumerable<string>)[p.Name, p.FullName ?? "", .. p.Aliases])));

    internal static string RoleName(AttendanceRole role) => role switch
    {
        AttendanceRole.Host => "hosts",
        AttendanceRole.CoChair => "co-chairs",
        AttendanceRole.Observer => "observers",
        _ => "participants",
    };

    private static IEnumerable<ReportedCountInput> UsedCounts(IReadOnlyList<ReportedCountInput> counts) =>
        counts.Where(c => !string.IsNullOrWhiteSpace(c.Count) || !string.IsNullOrWhiteSpace(c.Qualifier) || !string.IsNullOrWhiteSpace(c.Description) || !string.IsNullOrWhiteSpace(c.Location));

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The citation a place stands for: the document the meeting is added from, or, for a place written
    /// "001_2f1693fd15a085f6.txt: Action item 4 (status)", that published document (decision 0036: a meeting's facts that
    /// a second document states, as the seed's symposium cites 001 for its counts).
    /// </summary>
    private static SourceReference Cite(SourceDocument source, string location, HashSet<string> published) =>
        OtherDocument().Match(location) is { Success: true } other && published.Contains(other.Groups["file"].Value)
            ? new() { Document = other.Groups["file"].Value, Location = other.Groups["place"].Value.Trim() }
            : new() { Document = source.FileName, Location = location };

    /// <summary>The file names of the published source documents (the query filter leaves drafts and withdrawn ones out).</summary>
    private static async Task<HashSet<string>> PublishedDocumentsAsync(BaliProcessDbContext db, CancellationToken ct) =>
        (await db.SourceDocuments.AsNoTracking().Select(d => d.FileName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Problems with places that name another document: one that is not a published source document.</summary>
    private static void OtherDocuments(List<FieldProblem> problems, string field, IEnumerable<string?> places, HashSet<string> published)
    {
        foreach (var place in places.OfType<string>())
        {
            if (OtherDocument().Match(place.Trim()) is { Success: true } other && !published.Contains(other.Groups["file"].Value))
            {
                problems.Add(new(field, MeetingsText.Say("“{0}” is not a published source document: cite a place in this document, or a published one by its file name.", other.Groups["file"].Value)));
            }
        }
    }

    [GeneratedRegex(@"^(?<file>[\w.-]+\.(?:txt|pdf|docx)):\s*(?<place>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherDocument();

    private static SourceReference Cite(SourceReference s) => new() { Document = s.Document, Location = s.Location };

    private static async Task<string> FreeSlugAsync(BaliProcessDbContext db, string baseSlug, CancellationToken ct)
    {
        var taken = await db.Meetings.IgnoreQueryFilters().Where(m => m.Slug.StartsWith(baseSlug)).Select(m => m.Slug).ToListAsync(ct);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }

        return slug;
    }
}
