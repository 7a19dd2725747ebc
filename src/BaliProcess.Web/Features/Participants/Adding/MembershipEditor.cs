using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Corrections;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Meetings.Adding;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using static BaliProcess.Web.Features.Participants.Adding.StaffRecordInput;

namespace BaliProcess.Web.Features.Participants.Adding;

/// <summary>
/// A change of membership to add from a source document (decision 0034): an existing participant's new status
/// (<see cref="Participant"/> is its slug: an observer becoming a member), or a new member or observer (no
/// <see cref="Participant"/>: its name, full name and aliases as the document writes them, its kind, the portal's region
/// and where the document names it). <see cref="Since"/> is at the precision the document gives ("2011", "2011-03").
/// </summary>
public sealed record AddMembershipRequest(
    string SourceSlug, string? Participant, string? Name, string? FullName, string? Aliases, string? Kind, string? Region, string? NameLocation,
    string? Status, string? Since, string? Location);

/// <summary>What the check shows before saving: the participant, its status now and the change, as it will be public.</summary>
public sealed record MembershipPreview(
    string ParticipantName, bool IsNewParticipant, MembershipStatus? StatusNow, MembershipStatus Status, PartialDate? Since,
    IReadOnlyList<string> Aliases, ParticipantKind Kind, string? Region, SourceReference Source, SourceReference? NameSource);

public sealed record MembershipCheck(IReadOnlyList<FieldProblem> Problems, MembershipPreview? Preview)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The write path for changes of membership drawn from a staff-added document (decision 0034), as meetings (0029): check,
/// add as a draft (a new participant is a draft with its first membership), publish (a second person). Each write first
/// asks <see cref="EditorAccess"/>, writes nothing when refused, and commits through <see cref="RecordChanges"/>.
/// </summary>
public sealed class MembershipEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    IStringLocalizer<ParticipantsText> texts,
    ILogger<MembershipEditor> logger)
{
    public async Task<MembershipCheck> CheckAsync(AddMembershipRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, preview, _, _) = await CheckAsync(db, request, ct);
        return new MembershipCheck(problems, problems.Count == 0 ? preview : null);
    }

    /// <summary>Adds the change as a draft (and the new participant with it); the created key is the participant's slug.</summary>
    public async Task<EditResult> AddAsync(ClaimsPrincipal? user, AddMembershipRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add membership", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, preview, participant, source) = await CheckAsync(db, request, ct);
        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        var now = time.GetUtcNow();
        if (participant is null)
        {
            var name = request.Name!.Trim();
            participant = new Participant
            {
                Slug = await FreeSlugAsync(db, MeetingSlug(name), ct),
                Name = name,
                FullName = Blank(request.FullName),
                Aliases = [.. preview!.Aliases],
                Kind = preview.Kind,
                Region = preview.Region,
                Sources = [Cite(source!, preview.NameSource!.Location)],
                Origin = RecordOrigin.Staff,
                IsDraft = true,
                AddedBy = editor.DisplayName,
                AddedByUserId = editor.UserId,
                AddedAt = now,
            };
            db.Participants.Add(participant);
        }

        var membership = new Membership
        {
            Participant = participant,
            Status = preview!.Status,
            SinceDate = preview.Since?.Value,
            SincePrecision = preview.Since?.Precision,
            Sources = [Cite(source!, preview.Source.Location)],
            Origin = RecordOrigin.Staff,
            IsDraft = true,
            AddedBy = editor.DisplayName,
            AddedByUserId = editor.UserId,
            AddedAt = now,
        };
        db.Memberships.Add(membership);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("name", texts["A participant with this name was added a moment ago; check again."]);
        }

        logger.LogInformation(
            "Membership {Status} of {Participant} ({New}) from {Document} added as a draft by {Editor} ({UserId})",
            membership.Status, participant.Slug, participant.IsDraft ? "new participant" : "existing participant", source!.FileName, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = participant.Slug };
    }

    /// <summary>
    /// Publishes a participant's draft changes of membership (and the participant, when it is new): from then on they
    /// are on the members and observers pages, its page, the API, CSV and the data package, with a revision each.
    /// Refused to an account that added any of them (unless Editing:AllowSelfPublish) and while a cited document is a draft.
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, string participantSlug, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish membership", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The participant's row is locked until commit: two reviewers publishing at once cannot both record themselves.
        var participant = await db.Participants
            .FromSql($"SELECT * FROM participants WHERE slug = {participantSlug} FOR UPDATE")
            .IgnoreQueryFilters()
            .Include(p => p.Memberships)
            .FirstOrDefaultAsync(ct);
        var drafts = participant?.Memberships.Where(m => m.IsDraft).OrderBy(m => m.Id).ToList() ?? [];
        if (participant is null || (drafts.Count == 0 && !participant.IsDraft))
        {
            return participant is null ? EditResult.NotFound : EditResult.Invalid("publish", texts["{0} has no draft change of membership to publish.", participant.Name]);
        }

        foreach (var author in drafts.Select(m => m.AddedByUserId).Append(participant.IsDraft ? participant.AddedByUserId : null).Distinct())
        {
            if (author is not null && editingOptions.Value.RefuseOwnDraft(author, editor, logger, "change of membership", participantSlug) is { } ownDraft)
            {
                return ownDraft;
            }
        }

        var cited = drafts.SelectMany(m => m.Sources).Concat(participant.IsDraft ? participant.Sources : []).Select(s => s.Document).Distinct(StringComparer.Ordinal).ToList();
        if (await DraftDocumentAsync(db, cited, ct) is { } draftDocument)
        {
            return EditResult.Invalid("publish", texts["The document it cites, “{0}”, is still a draft: publish the document first, so readers can open what it cites.", draftDocument]);
        }

        var now = time.GetUtcNow();
        var wasNew = participant.IsDraft;
        foreach (var row in drafts)
        {
            row.IsDraft = false;
            (row.PublishedBy, row.PublishedByUserId, row.PublishedAt) = (editor.DisplayName, editor.UserId, now);
        }

        if (wasNew)
        {
            participant.IsDraft = false;
            (participant.PublishedBy, participant.PublishedByUserId, participant.PublishedAt) = (editor.DisplayName, editor.UserId, now);
            db.RecordRevisions.Add(Revision(RecordRevisionKinds.Participant, participant.Slug, editor, now,
                $"Published: a new {(drafts.FirstOrDefault()?.Status.ToString().ToLowerInvariant() ?? "participant")} added by {participant.AddedBy} on {Utc(participant.AddedAt)} from {string.Join(", ", cited)}, reviewed and published by {editor.DisplayName}.",
                FieldsOf(participant)));
        }

        await db.SaveChangesAsync(ct); // the ids the membership revisions name
        foreach (var row in drafts)
        {
            db.RecordRevisions.Add(Revision(RecordRevisionKinds.Membership, CorrectableRecords.MembershipKey(row), editor, now,
                $"Published: {participant.Name} {(row.Status == MembershipStatus.Member ? "a member" : "an observer")}{(row.Since is { } s ? $" since {s.ToIsoString()}" : "")}, added by {row.AddedBy} on {Utc(row.AddedAt)}, reviewed and published by {editor.DisplayName}.",
                FieldsOf(participant, row)));
        }

        await changes.SaveAsync(db, ct); // commits the transaction that holds the lock
        logger.LogInformation("Memberships of {Participant} published by {Editor} ({UserId}): {Count}{New}", participantSlug, editor.DisplayName, editor.UserId, drafts.Count, wasNew ? ", new participant" : "");
        return new EditResult(EditOutcome.Saved) { CreatedKey = participantSlug };
    }

    /// <summary>The participant as a revision keeps it, in the shape of seed-data/participants/*.json (plus who added and published it).</summary>
    internal static string FieldsOf(Participant p) => JsonSerializer.Serialize(new
    {
        slug = p.Slug,
        name = p.Name,
        fullName = p.FullName,
        aliases = p.Aliases,
        kind = p.Kind.ToString(),
        region = p.Region,
        memberships = p.Memberships.OrderBy(m => m.Id).Select(m => new { status = m.Status.ToString(), since = m.Since?.ToIsoString(), source = m.Sources.Count == 1 ? Json(m.Sources[0]) : null }),
        source = p.Sources.Count == 1 ? Json(p.Sources[0]) : null,
        addedBy = p.AddedBy,
        addedAt = p.AddedAt,
        publishedBy = p.PublishedBy,
        publishedAt = p.PublishedAt,
    });

    /// <summary>A change of membership as a revision keeps it: one entry of participants/*.json's "memberships", with its participant.</summary>
    internal static string FieldsOf(Participant p, Membership m) => JsonSerializer.Serialize(new
    {
        participant = p.Slug,
        status = m.Status.ToString(),
        since = m.Since?.ToIsoString(),
        source = m.Sources.Count == 1 ? Json(m.Sources[0]) : null,
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

    private async Task<(List<FieldProblem> Problems, MembershipPreview? Preview, Participant? Existing, SourceDocument? Source)> CheckAsync(
        BaliProcessDbContext db, AddMembershipRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var source = await SourceAsync(db, request.SourceSlug, problems, ct);
        if (!ParseEnum<MembershipStatus>(request.Status, out var status))
        {
            problems.Add(new("status", texts["Choose whether it became a member or an observer."]));
        }

        var since = Date(problems, "since", request.Since, time);
        Text(problems, "location", "place in the document", request.Location, LocationMaxLength, required: texts["Say where the document states the change (a paragraph, section or page)."]);

        Participant? existing = null;
        var aliases = Lines(request.Aliases);
        var kind = ParticipantKind.Government;
        string? region = null;
        DateOnly? sinceDate = since?.Value;
        if (!string.IsNullOrWhiteSpace(request.Participant))
        {
            existing = await db.Participants.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Slug == request.Participant, ct);
            if (existing is null)
            {
                problems.Add(new("participant", texts["There is no such member, observer or other body; choose one from the list, or leave it empty to add a new one."]));
            }
            else if (existing.Memberships.Any(m => m.Status == status && m.SinceDate == sinceDate)
                     || await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.ParticipantId == existing.Id && m.IsDraft && m.Status == status && m.SinceDate == sinceDate, ct))
            {
                problems.Add(new("status", texts["{0} already has this status from this date (or a draft says so).", existing.Name]));
            }
        }
        else
        {
            Text(problems, "name", "name", request.Name, NameMaxLength, required: texts["Give the new member's or observer's name, as the document writes it (or choose an existing participant)."]);
            Text(problems, "fullName", "full name", request.FullName, NameMaxLength);
            Text(problems, "nameLocation", "place that names it", request.NameLocation, LocationMaxLength, required: texts["Say where the document names the new participant."]);
            if (!ParseEnum(request.Kind, out kind))
            {
                problems.Add(new("kind", texts["Choose what kind of participant it is."]));
            }

            region = Blank(request.Region);
            if (region is not null && (!M49Regions.SubRegions.Contains(region) || kind is not (ParticipantKind.Government or ParticipantKind.SpecialAdministrativeRegion)))
            {
                problems.Add(new("region", texts["A region is one of the UN M49 sub-regions, for a state or territory only."]));
            }

            foreach (var alias in aliases)
            {
                Text(problems, "aliases", "alias", alias, NameMaxLength);
            }

            // A name or alias that already names a participant (drafts included) would make two records of one body.
            var everyone = await db.Participants.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
            var matcher = MeetingEditor.Matcher(everyone);
            foreach (var spelling in new[] { request.Name, request.FullName }.Concat(aliases).Where(s => !string.IsNullOrWhiteSpace(s)))
            {
                if (matcher.Resolve(spelling!.Trim()) is { } taken)
                {
                    problems.Add(new("name", texts["“{0}” already names {1}: choose it from the list instead.", spelling.Trim(), everyone.Single(p => p.Slug == taken).Name]));
                }
            }
        }

        if (problems.Count > 0)
        {
            return (problems, null, existing, source);
        }

        var preview = new MembershipPreview(
            existing?.Name ?? request.Name!.Trim(), existing is null, existing?.CurrentStatus, status, since,
            existing?.Aliases ?? aliases, existing?.Kind ?? kind, existing?.Region ?? region,
            Cite(source!, request.Location!), existing is null ? Cite(source!, request.NameLocation!) : null);
        return (problems, preview, existing, source);
    }

    private static string MeetingSlug(string name) => SourceDocumentEditor.SlugFor(name, null);

    private static async Task<string> FreeSlugAsync(BaliProcessDbContext db, string baseSlug, CancellationToken ct)
    {
        var taken = await db.Participants.IgnoreQueryFilters().Where(p => p.Slug.StartsWith(baseSlug)).Select(p => p.Slug).ToListAsync(ct);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }

        return slug;
    }
}
