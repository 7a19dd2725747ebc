using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Corrections;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using BaliProcess.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using static BaliProcess.Web.Features.Participants.Adding.StaffRecordInput;

namespace BaliProcess.Web.Features.WorkingGroups.Adding;

/// <summary>Who belongs to the mechanism, in what role, in the document's words, from when to when, and where it says so (one place a line).</summary>
public sealed record MechanismMemberInput(string? Participant, string? Role, string? AsWritten, string? From, string? To, string? Locations);

/// <summary>A relation of a new mechanism to another, in the document's words (<see cref="Direction"/> "from": the new one is the relation's subject).</summary>
public sealed record MechanismRelationInput(string? Kind, string? Other, string? Direction, string? AsWritten, string? Location);

/// <summary>
/// A mechanism to add from a source document, or members to add to an existing one (<see cref="Mechanism"/> its slug;
/// the mechanism's own fields are then ignored), decision 0034. Dates in the seed-data form; places one a line.
/// </summary>
public sealed record AddMechanismRequest(
    string SourceSlug, string? Mechanism, string? Name, bool NameAddedByPortal, string? ShortName, string? Aliases, string? Kind, string? Mandate,
    string? Established, string? EstablishedByMeeting, string? Status, string? Locations,
    IReadOnlyList<MechanismMemberInput> Members, IReadOnlyList<MechanismRelationInput>? Relations = null);

/// <summary>A member as the check shows it, as it will be public.</summary>
public sealed record MemberPreview(string ParticipantName, MechanismRole Role, string? AsWritten, PartialDate? From, PartialDate? To, IReadOnlyList<SourceReference> Sources);

public sealed record MechanismCheck(IReadOnlyList<FieldProblem> Problems, string? MechanismName, bool IsNewMechanism, IReadOnlyList<MemberPreview> Members)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The write path for mechanisms and mechanism memberships drawn from a staff-added document (decision 0034), as meetings
/// (0029): check, add as a draft (a new mechanism with its members and relations, or new members of an existing one),
/// publish (a second person). Each write first asks <see cref="EditorAccess"/>, writes nothing when refused, and commits
/// through <see cref="RecordChanges"/>.
/// </summary>
public sealed class MechanismEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    IStringLocalizer<WorkingGroupsText> texts,
    ILogger<MechanismEditor> logger)
{
    public const int MaxMembers = 60;

    public async Task<MechanismCheck> CheckAsync(AddMechanismRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CheckAsync(db, request, ct);
        return new MechanismCheck(c.Problems, c.Problems.Count == 0 ? c.Mechanism?.Name ?? request.Name?.Trim() : null, c.Mechanism is null,
            c.Problems.Count == 0 ? [.. c.Members.Select(m => new MemberPreview(m.Participant.Name, m.Role, m.AsWritten, m.From, m.To, m.Sources))] : []);
    }

    /// <summary>Adds the mechanism (a draft) or the new members of an existing one (drafts); the created key is the mechanism's slug.</summary>
    public async Task<EditResult> AddAsync(ClaimsPrincipal? user, AddMechanismRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add mechanism", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CheckAsync(db, request, ct);
        if (c.Problems.Count > 0)
        {
            return EditResult.Invalid(c.Problems);
        }

        var now = time.GetUtcNow();
        var mechanism = c.Mechanism;
        if (mechanism is null)
        {
            var name = request.Name!.Trim();
            var slug = SourceDocumentEditor.SlugFor(name, null);
            var taken = await db.Mechanisms.IgnoreQueryFilters().Where(m => m.Slug.StartsWith(slug)).Select(m => m.Slug).ToListAsync(ct);
            var free = slug;
            for (var n = 2; taken.Contains(free); n++)
            {
                free = $"{slug}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            }

            mechanism = new Mechanism
            {
                Slug = free,
                Name = name,
                NameAddedByPortal = request.NameAddedByPortal,
                ShortName = Blank(request.ShortName),
                Aliases = Lines(request.Aliases),
                Kind = c.Kind,
                Mandate = Blank(request.Mandate),
                EstablishedDate = c.Established?.Value,
                EstablishedPrecision = c.Established?.Precision,
                EstablishedByMeeting = c.EstablishedBy,
                Status = c.Status,
                Sources = [.. Lines(request.Locations).Select(l => Cite(c.Source!, l))],
                Origin = RecordOrigin.Staff,
                IsDraft = true,
                AddedBy = editor.DisplayName,
                AddedByUserId = editor.UserId,
                AddedAt = now,
            };
            db.Mechanisms.Add(mechanism);
            foreach (var (kind, other, from, asWritten, location) in c.Relations)
            {
                db.MechanismRelations.Add(new MechanismRelation
                {
                    FromMechanism = from ? mechanism : other,
                    ToMechanism = from ? other : mechanism,
                    Kind = kind,
                    AsWritten = asWritten,
                    Sources = [Cite(c.Source!, location)],
                });
            }
        }

        foreach (var m in c.Members)
        {
            db.MechanismMemberships.Add(new MechanismMembership
            {
                Mechanism = mechanism,
                Participant = m.Participant,
                Role = m.Role,
                AsWritten = m.AsWritten,
                FromDate = m.From?.Value,
                FromPrecision = m.From?.Precision,
                ToDate = m.To?.Value,
                ToPrecision = m.To?.Precision,
                Sources = [.. m.Sources],
                Origin = RecordOrigin.Staff,
                IsDraft = true,
                AddedBy = editor.DisplayName,
                AddedByUserId = editor.UserId,
                AddedAt = now,
            });
        }

        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("members", texts["The same member in the same role was added a moment ago; check again."]);
        }

        logger.LogInformation(
            "Mechanism {Slug} ({New}, {Members} draft members) from {Document} added by {Editor} ({UserId})",
            mechanism.Slug, c.Mechanism is null ? "new, a draft" : "existing", c.Members.Count, c.Source!.FileName, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = mechanism.Slug };
    }

    /// <summary>
    /// Publishes a mechanism's drafts: the mechanism itself when it is new, and every draft member. From then on they are
    /// on the working groups' pages, participants' pages, the API, CSV and data package, with a revision each. Refused to
    /// an account that added any of them (unless Editing:AllowSelfPublish) and while a cited document is a draft.
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, string slug, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish mechanism", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mechanism = await db.Mechanisms
            .FromSql($"SELECT * FROM mechanisms WHERE slug = {slug} FOR UPDATE")
            .IgnoreQueryFilters()
            .Include(m => m.EstablishedByMeeting)
            .Include(m => m.Memberships).ThenInclude(x => x.Participant)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        var drafts = mechanism?.Memberships.Where(m => m.IsDraft).OrderBy(m => m.Id).ToList() ?? [];
        if (mechanism is null || (drafts.Count == 0 && !mechanism.IsDraft))
        {
            return mechanism is null ? EditResult.NotFound : EditResult.Invalid("publish", texts["{0} has nothing in draft to publish.", mechanism.Name]);
        }

        foreach (var author in drafts.Select(m => m.AddedByUserId).Append(mechanism.IsDraft ? mechanism.AddedByUserId : null).Distinct())
        {
            if (author is not null && editingOptions.Value.RefuseOwnDraft(author, editor, logger, "mechanism", slug) is { } ownDraft)
            {
                return ownDraft;
            }
        }

        var relations = mechanism.IsDraft
            ? await db.MechanismRelations.IgnoreQueryFilters().Include(r => r.FromMechanism).Include(r => r.ToMechanism)
                .Where(r => r.FromMechanismId == mechanism.Id || r.ToMechanismId == mechanism.Id).OrderBy(r => r.Id).ToListAsync(ct)
            : [];
        var cited = drafts.SelectMany(m => m.Sources).Concat(mechanism.IsDraft ? mechanism.Sources : []).Concat(relations.SelectMany(r => r.Sources))
            .Select(s => s.Document).Distinct(StringComparer.Ordinal).ToList();
        if (await DraftDocumentAsync(db, cited, ct) is { } draftDocument)
        {
            return EditResult.Invalid("publish", texts["The document it cites, “{0}”, is still a draft: publish the document first, so readers can open what it cites.", draftDocument]);
        }

        var now = time.GetUtcNow();
        var wasNew = mechanism.IsDraft;
        foreach (var row in drafts)
        {
            row.IsDraft = false;
            (row.PublishedBy, row.PublishedByUserId, row.PublishedAt) = (editor.DisplayName, editor.UserId, now);
        }

        if (wasNew)
        {
            mechanism.IsDraft = false;
            (mechanism.PublishedBy, mechanism.PublishedByUserId, mechanism.PublishedAt) = (editor.DisplayName, editor.UserId, now);
            db.RecordRevisions.Add(Revision(RecordRevisionKinds.Mechanism, mechanism.Slug, editor, now,
                $"Published: added by {mechanism.AddedBy} on {Utc(mechanism.AddedAt)} from {string.Join(", ", cited)}, reviewed and published by {editor.DisplayName}.",
                FieldsOf(mechanism, relations)));
        }

        foreach (var row in drafts)
        {
            db.RecordRevisions.Add(Revision(RecordRevisionKinds.MechanismMembership, CorrectableRecords.MechanismMembershipKey(row), editor, now,
                $"Published: {row.Participant!.Name} ({row.Role}) in {mechanism.Name}, added by {row.AddedBy} on {Utc(row.AddedAt)}, reviewed and published by {editor.DisplayName}.",
                FieldsOf(row)));
        }

        await changes.SaveAsync(db, ct); // commits the transaction that holds the lock
        logger.LogInformation("Mechanism {Slug} published by {Editor} ({UserId}): {Members} members{New}", slug, editor.DisplayName, editor.UserId, drafts.Count, wasNew ? ", new mechanism" : "");
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>The mechanism as a revision keeps it, in the shape of seed-data/mechanisms.json (plus its relations, who added and published it).</summary>
    internal static string FieldsOf(Mechanism m, IReadOnlyList<MechanismRelation> relations) => JsonSerializer.Serialize(new
    {
        slug = m.Slug,
        name = m.Name,
        nameAddedByPortal = m.NameAddedByPortal ? true : (bool?)null,
        shortName = m.ShortName,
        aliases = m.Aliases,
        kind = m.Kind.ToString(),
        mandate = m.Mandate,
        established = m.Established?.ToIsoString(),
        establishedByMeeting = m.EstablishedByMeeting?.Slug,
        status = m.Status?.ToString(),
        sources = m.Sources.Select(Json),
        relations = relations.Select(r => new { from = r.FromMechanism!.Slug, to = r.ToMechanism!.Slug, kind = r.Kind.ToString(), asWritten = r.AsWritten, sources = r.Sources.Select(Json) }),
        addedBy = m.AddedBy,
        addedAt = m.AddedAt,
        publishedBy = m.PublishedBy,
        publishedAt = m.PublishedAt,
    });

    /// <summary>A mechanism membership as a revision keeps it, in the shape of seed-data/mechanism-memberships.json.</summary>
    internal static string FieldsOf(MechanismMembership m) => JsonSerializer.Serialize(new
    {
        mechanism = m.Mechanism?.Slug,
        participant = m.Participant!.Name,
        role = m.Role.ToString(),
        asWritten = m.AsWritten,
        from = m.From?.ToIsoString(),
        to = m.To?.ToIsoString(),
        sources = m.Sources.Select(Json),
        addedBy = m.AddedBy,
        addedAt = m.AddedAt,
        publishedBy = m.PublishedBy,
        publishedAt = m.PublishedAt,
    });

    private static RecordRevision Revision(string kind, string key, Editor editor, DateTimeOffset now, string reason, string after) => new()
    {
        RecordKind = kind,
        RecordKey = key,
        ChangedBy = editor.DisplayName,
        ChangedByUserId = editor.UserId,
        ChangedAt = now,
        Reason = Reason(reason),
        Before = null,
        After = after,
    };

    private sealed record CheckedMember(Participant Participant, MechanismRole Role, string? AsWritten, PartialDate? From, PartialDate? To, List<SourceReference> Sources);

    private sealed record Checked(
        List<FieldProblem> Problems, SourceDocument? Source, Mechanism? Mechanism, MechanismKind Kind, MechanismStatus? Status, PartialDate? Established,
        Meeting? EstablishedBy, List<CheckedMember> Members, List<(MechanismRelationKind Kind, Mechanism Other, bool From, string AsWritten, string Location)> Relations);

    private async Task<Checked> CheckAsync(BaliProcessDbContext db, AddMechanismRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var source = await SourceAsync(db, request.SourceSlug, problems, ct);
        Mechanism? mechanism = null;
        var kind = MechanismKind.Other;
        MechanismStatus? status = null;
        PartialDate? established = null;
        Meeting? establishedBy = null;
        var relations = new List<(MechanismRelationKind, Mechanism, bool, string, string)>();
        if (!string.IsNullOrWhiteSpace(request.Mechanism))
        {
            mechanism = await db.Mechanisms.FirstOrDefaultAsync(m => m.Slug == request.Mechanism, ct);
            if (mechanism is null)
            {
                problems.Add(new("mechanism", texts["There is no such working group or mechanism; choose one from the list, or leave it empty to add a new one."]));
            }
        }
        else
        {
            Text(problems, "name", "name", request.Name, NameMaxLength, required: texts["Give the mechanism's name, as the document writes it (or choose an existing mechanism)."]);
            Text(problems, "shortName", "short name", request.ShortName, NameMaxLength);
            foreach (var alias in Lines(request.Aliases))
            {
                Text(problems, "aliases", "alias", alias, NameMaxLength);
            }

            if (!ParseEnum(request.Kind, out kind))
            {
                problems.Add(new("kind", texts["Choose what kind of mechanism it is."]));
            }

            if (!string.IsNullOrWhiteSpace(request.Status) && !ParseEnum<MechanismStatus>(request.Status, out _))
            {
                problems.Add(new("status", texts["Choose Active, Concluded, or not stated."]));
            }
            else
            {
                status = string.IsNullOrWhiteSpace(request.Status) ? null : Enum.Parse<MechanismStatus>(request.Status);
            }

            Text(problems, "mandate", "mandate", request.Mandate, TextMaxLength, multiline: true);
            established = Date(problems, "established", request.Established, time);
            if (!string.IsNullOrWhiteSpace(request.EstablishedByMeeting)
                && (establishedBy = await db.Meetings.FirstOrDefaultAsync(m => m.Slug == request.EstablishedByMeeting, ct)) is null)
            {
                problems.Add(new("establishedByMeeting", texts["There is no such meeting; choose one from the list."]));
            }

            Locations(problems, "locations", request.Locations, texts["Say where the document states these facts (a paragraph, section or page), one place a line."]);
            if (!string.IsNullOrWhiteSpace(request.Name)
                && await db.Mechanisms.IgnoreQueryFilters().AnyAsync(m => m.Name == request.Name.Trim() || m.Aliases.Contains(request.Name.Trim()), ct))
            {
                problems.Add(new("name", texts["“{0}” already names a mechanism: choose it from the list to add members to it.", request.Name.Trim()]));
            }

            foreach (var (r, i) in (request.Relations ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Other) || !string.IsNullOrWhiteSpace(r.AsWritten)).Select((r, i) => (r, i + 1)))
            {
                var other = await db.Mechanisms.FirstOrDefaultAsync(m => m.Slug == r.Other, ct);
                if (other is null || !ParseEnum<MechanismRelationKind>(r.Kind, out var relationKind))
                {
                    problems.Add(new("relations", texts["Relation {0}: choose its kind and the other mechanism.", i]));
                    continue;
                }

                Text(problems, "relations", texts["words of relation {0}", i], r.AsWritten, TextMaxLength, required: texts["Relation {0}: give the document's words.", i], multiline: true);
                Text(problems, "relations", texts["place of relation {0}", i], r.Location, LocationMaxLength, required: texts["Relation {0}: say where the document states it.", i]);
                if (!string.IsNullOrWhiteSpace(r.AsWritten) && !string.IsNullOrWhiteSpace(r.Location))
                {
                    relations.Add((relationKind, other, r.Direction != "to", r.AsWritten.Trim(), r.Location.Trim()));
                }
            }
        }

        var members = new List<CheckedMember>();
        var used = request.Members.Where(m => !string.IsNullOrWhiteSpace(m.Participant) || !string.IsNullOrWhiteSpace(m.AsWritten)).ToList();
        if (used.Count > MaxMembers)
        {
            problems.Add(new("members", texts["At most {0} members at once.", MaxMembers]));
        }

        if (mechanism is not null && used.Count == 0)
        {
            problems.Add(new("members", texts["Give at least one member to add to the mechanism."]));
        }

        foreach (var (m, i) in used.Select((m, i) => (m, i + 1)))
        {
            var participant = await db.Participants.FirstOrDefaultAsync(p => p.Slug == m.Participant, ct);
            if (participant is null)
            {
                problems.Add(new("members", texts["Member {0}: choose a member, observer or other body from the list (add a new one first from this document).", i]));
            }

            if (!ParseEnum<MechanismRole>(m.Role, out var role))
            {
                problems.Add(new("members", texts["Member {0}: choose its role.", i]));
            }

            Text(problems, "members", texts["words of member {0}", i], m.AsWritten, TextMaxLength, multiline: true);
            var from = Date(problems, "members", m.From, time);
            var to = Date(problems, "members", m.To, time);
            if (from is { } f && to is { } t && t.Value < f.Value)
            {
                problems.Add(new("members", texts["Member {0}: the role ends before it begins; check the dates.", i]));
            }

            Locations(problems, "members", m.Locations, texts["Member {0}: say where the document states it.", i]);
            // One row per mechanism, participant, role and words (decision 0041): the same role in other words is another row.
            var words = Blank(m.AsWritten);
            if (participant is not null && source is not null
                && (members.Any(x => x.Participant == participant && x.Role == role && x.AsWritten == words)
                    || (mechanism is not null && await db.MechanismMemberships.IgnoreQueryFilters().AnyAsync(x => x.MechanismId == mechanism.Id && x.ParticipantId == participant.Id && x.Role == role && x.AsWritten == words, ct))))
            {
                problems.Add(new("members", texts["Member {0}: {1} is already {2} of this mechanism in these words (or a draft says so).", i, participant.Name, Words.Of(role)]));
            }

            if (participant is not null && source is not null)
            {
                members.Add(new CheckedMember(participant, role, Blank(m.AsWritten), from, to, [.. Lines(m.Locations).Select(l => Cite(source, l))]));
            }
        }

        return new Checked(problems, source, mechanism, kind, status, established, establishedBy, members, relations);
    }
}
