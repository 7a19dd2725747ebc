using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Corrections;
using BaliProcess.Data.Model;
using BaliProcess.Data.Seeding;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BaliProcess.Web.Features.Corrections;

/// <summary>
/// A correction or withdrawal as the form posts it: the record (kind and key), the values typed for its correctable
/// fields, the values the form showed when it was opened (<paramref name="Seen"/>: if the record changed since, the
/// draft is refused and the other change shown), and the reason.
/// </summary>
public sealed record CorrectionRequest(
    string? Kind,
    string? Key,
    CorrectionAction Action,
    IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyDictionary<string, string?> Seen,
    string? Reason);

/// <summary>
/// The write path for corrections and withdrawals of existing records (decision 0030): a correction is a draft that
/// leaves the record as it is; a second person publishes it (unless <see cref="EditingOptions.AllowSelfPublish"/>),
/// which applies it, appends a <see cref="RecordRevision"/> and commits through <see cref="RecordChanges"/>. Refused,
/// writing nothing, when the record changed since the person saw it. Every write first asks <see cref="EditorAccess"/>.
/// </summary>
public sealed class CorrectionEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    IStringLocalizer<CorrectionsText> text,
    ILogger<CorrectionEditor> logger)
{
    /// <summary>The longest reason: the revision's reason adds who proposed and published it.</summary>
    public const int ReasonMaxLength = 1500;

    /// <summary>Saves the correction (or withdrawal) as a draft; the record itself is not touched.</summary>
    public async Task<EditResult> DraftAsync(ClaimsPrincipal? user, CorrectionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, request.Action == CorrectionAction.Withdraw ? "draft withdrawal" : "draft correction", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        if (CorrectableRecords.Kind(request.Kind) is not { } kind || string.IsNullOrEmpty(request.Key))
        {
            return EditResult.NotFound;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await kind.Find(db, request.Key, ct) is not { } record)
        {
            return EditResult.NotFound;
        }

        var problems = new List<FieldProblem>();
        var reason = Clean(request.Reason);
        if (reason is null)
        {
            problems.Add(new("reason", text["Give the reason: what is wrong and where the right value is stated (the document and its place)."]));
        }
        else if (reason.Length > ReasonMaxLength)
        {
            problems.Add(new("reason", text["A reason has at most {0} characters.", ReasonMaxLength.ToString("N0", CultureInfo.CurrentCulture)]));
        }
        else if (StaffText.Problem(reason, FieldName("Reason"), multiline: true) is { } reasonProblem)
        {
            problems.Add(new("reason", reasonProblem));
        }

        // Another person's change since the form was opened: refused, with their values, so nobody overwrites a change unseen.
        var current = kind.Fields.ToDictionary(f => f.Name, f => f.Read(record), StringComparer.Ordinal);
        foreach (var field in kind.Fields)
        {
            if (request.Seen.TryGetValue(field.Name, out var seen) && (Clean(seen) ?? "") != (current[field.Name] ?? ""))
            {
                problems.Add(new(field.Name, text["{0} was changed by someone else since you opened this form: it is now “{1}”. Your text is kept below; check it against theirs and save again.", text[field.Label], current[field.Name] ?? ""]));
            }
        }

        var proposed = new Dictionary<string, string?>(StringComparer.Ordinal);
        var replaces = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (request.Action == CorrectionAction.Withdraw)
        {
            if (!kind.Withdrawable)
            {
                return EditResult.Invalid("action", text["This kind of record ({0}) cannot be withdrawn; correct it instead.", text[kind.Label]]);
            }

            if (record is IWithdrawable { WithdrawnAt: { } at })
            {
                problems.Add(new("action", text["It was already withdrawn on {0} UTC.", Shown(at)]));
            }
        }
        else if (problems.All(p => p.Field == "reason"))
        {
            foreach (var field in kind.Fields)
            {
                if (!request.Fields.TryGetValue(field.Name, out var typed))
                {
                    continue;
                }

                var value = Clean(typed);
                if (value == current[field.Name])
                {
                    continue;
                }

                var problem = value is null && field.Required
                    ? text["{0} may not be empty.", text[field.Label]]
                    : StaffText.Problem(value, FieldName(field.Label), field.Multiline) ?? Shown(await field.Write(db, record, value, ct));
                if (problem is not null)
                {
                    problems.Add(new(field.Name, problem));
                    continue;
                }

                proposed[field.Name] = value;
                replaces[field.Name] = current[field.Name];
            }

            if (proposed.Count == 0 && problems.Count == 0)
            {
                problems.Add(new("fields", text["Nothing to correct: every field is as it is now. Change a value, or go back."]));
            }
        }

        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        // The values were only tried on the tracked record, to check them: the record itself is not saved.
        db.ChangeTracker.Clear();
        var correction = new RecordCorrection
        {
            RecordKind = kind.Name,
            RecordKey = request.Key,
            Action = request.Action,
            Fields = JsonSerializer.Serialize(proposed),
            Replaces = JsonSerializer.Serialize(replaces),
            Reason = reason!,
            ProposedBy = editor.DisplayName,
            ProposedByUserId = editor.UserId,
            ProposedAt = time.GetUtcNow(),
            State = CorrectionState.Draft,
        };
        db.RecordCorrections.Add(correction);
        // Nothing public changes with a draft, but staff lists on other instances do: saved through RecordChanges too.
        await changes.SaveAsync(db, ct);
        logger.LogInformation(
            "{Action} {Id} of {Kind} {Key} ({Fields}) drafted by {Editor} ({UserId})",
            request.Action, correction.Id, kind.Name, request.Key, string.Join(", ", proposed.Keys), editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = correction.Id.ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>
    /// Publishes a draft: applies it to the record and appends a revision, in one transaction. Refused to the person who
    /// drafted it (unless AllowSelfPublish), and when any of its fields changed since it was drafted (the other change is
    /// named: <see cref="EditOutcome.Conflict"/>, nothing written).
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, long id, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish correction", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The correction's row is locked until commit, so two reviewers cannot both publish it.
        var correction = await db.RecordCorrections.FromSql($"SELECT * FROM record_corrections WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (correction is null || CorrectableRecords.Kind(correction.RecordKind) is not { } kind)
        {
            return EditResult.NotFound;
        }

        if (correction.State != CorrectionState.Draft)
        {
            return EditResult.Invalid("publish", correction.State == CorrectionState.Published
                ? text["This correction was already published by {0} on {1} UTC.", correction.DecidedBy ?? "", correction.DecidedAt is { } published ? Shown(published) : ""]
                : text["This correction was already discarded by {0} on {1} UTC.", correction.DecidedBy ?? "", correction.DecidedAt is { } discarded ? Shown(discarded) : ""]);
        }

        if (editingOptions.Value.RefuseOwnDraft(
                correction.ProposedByUserId, editor, logger, "correction", id.ToString(CultureInfo.InvariantCulture), verb: "drafted", scope: "change") is { } ownDraft)
        {
            return ownDraft;
        }

        // One record's corrections are published one after another, whichever correction each is.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({correction.RecordKind + ":" + correction.RecordKey}))", ct);
        if (await kind.Find(db, correction.RecordKey, ct) is not { } record)
        {
            return EditResult.Invalid("publish", text["The record this correction is for no longer exists under its key; nothing was changed."]);
        }

        var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(correction.Fields) ?? [];
        var replaces = JsonSerializer.Deserialize<Dictionary<string, string?>>(correction.Replaces) ?? [];
        var stale = await StaleAsync(db, kind, record, correction, replaces, ct);
        if (stale.Count > 0)
        {
            logger.LogInformation("Refused publish correction {Id} of {Kind} {Key}: the record changed since it was drafted", id, kind.Name, correction.RecordKey);
            return new EditResult(EditOutcome.Conflict) { Problems = stale };
        }

        var now = time.GetUtcNow();
        string before, after;
        if (correction.Action == CorrectionAction.Withdraw)
        {
            if (record is not IWithdrawable withdrawable || withdrawable.WithdrawnAt is not null)
            {
                return EditResult.Invalid("publish", text["This record was already withdrawn; nothing was changed."]);
            }

            withdrawable.WithdrawnAt = now;
            withdrawable.WithdrawnReason = correction.Reason;
            if (record is Statement statement)
            {
                // Its paragraphs leave search and every read as a draft's do (decision 0030).
                foreach (var paragraph in statement.Paragraphs)
                {
                    paragraph.IsDraft = true;
                }
            }

            before = JsonSerializer.Serialize(new { withdrawn = (string?)null });
            after = JsonSerializer.Serialize(new { withdrawn = now.ToString("O", CultureInfo.InvariantCulture), withdrawnReason = correction.Reason });
        }
        else
        {
            var problems = new List<FieldProblem>();
            foreach (var (name, value) in fields)
            {
                if (kind.Field(name) is { } field && await field.Write(db, record, value, ct) is { } problem)
                {
                    problems.Add(new(name, Shown(problem)));
                }
            }

            if (problems.Count > 0)
            {
                return EditResult.Invalid(problems);
            }

            if (record is Paragraph paragraph && fields.ContainsKey("text"))
            {
                await MentionsFollowTextAsync(db, paragraph, ct);
            }

            before = correction.Replaces;
            after = correction.Fields;
        }

        correction.State = CorrectionState.Published;
        correction.DecidedBy = editor.DisplayName;
        correction.DecidedByUserId = editor.UserId;
        correction.DecidedAt = now;
        db.RecordRevisions.Add(new RecordRevision
        {
            RecordKind = kind.Name,
            RecordKey = correction.RecordKey,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = now,
            // Stored record data: English, with invariant dates, whatever the language of the page that published it.
            Reason = string.Create(CultureInfo.InvariantCulture, $"{(correction.Action == CorrectionAction.Withdraw ? "Withdrawn" : "Corrected")}: {correction.Reason} (proposed by {correction.ProposedBy} on {correction.ProposedAt:d MMMM yyyy HH:mm} UTC, reviewed and published by {editor.DisplayName})"),
            Before = before,
            After = after,
        });
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("publish", text["The record would then repeat another one (the same participant and role at this meeting, say); nothing was changed."]);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EditResult(EditOutcome.Conflict) { Problems = [new("publish", text["Someone saved this record a moment ago; open the correction again to see their change."])] };
        }

        logger.LogInformation(
            "{Action} {Id} of {Kind} {Key} published by {Editor} ({UserId})", correction.Action, id, kind.Name, correction.RecordKey, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = correction.Id.ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>
    /// A corrected paragraph names the participants its new text names, found as the seed loader and the statement
    /// editor find them (name, full name or alias), so the member pages and search's member facet follow the text.
    /// Its themes stay as they were: a person accepted each, and the model has no "to review" mark to set (decision 0030).
    /// </summary>
    private async Task MentionsFollowTextAsync(BaliProcessDbContext db, Paragraph paragraph, CancellationToken ct)
    {
        var participants = await db.Participants.ToListAsync(ct);
        await db.Entry(paragraph).Collection(p => p.Mentions).LoadAsync(ct);
        var matcher = new ParticipantMatcher(participants.Select(p => (p.Slug, (IEnumerable<string>)[p.Name, p.FullName ?? "", .. p.Aliases])));
        var wanted = matcher.FindMentions(paragraph.Text).Select(slug => participants.Single(p => p.Slug == slug)).ToList();
        var removed = paragraph.Mentions.Where(p => !wanted.Contains(p)).Select(p => p.Slug).ToList();
        var added = wanted.Where(p => !paragraph.Mentions.Contains(p)).Select(p => p.Slug).ToList();
        var toAdd = wanted.Where(p => !paragraph.Mentions.Contains(p)).ToList();
        paragraph.Mentions.RemoveAll(p => !wanted.Contains(p));
        paragraph.Mentions.AddRange(toAdd);
        if (removed.Count + added.Count > 0)
        {
            logger.LogInformation(
                "Paragraph {Statement}/{Label}: mentions follow the corrected text (added {Added}; removed {Removed})",
                paragraph.Statement?.Slug, paragraph.Label, string.Join(", ", added), string.Join(", ", removed));
        }
    }

    /// <summary>The fields that no longer hold the value the correction replaces, each with the change that moved it.</summary>
    private async Task<List<FieldProblem>> StaleAsync(
        BaliProcessDbContext db, CorrectableKind kind, object record, RecordCorrection correction, Dictionary<string, string?> replaces, CancellationToken ct)
    {
        var stale = new List<FieldProblem>();
        var latest = await db.RecordRevisions.AsNoTracking()
            .Where(r => r.RecordKind == kind.Name && r.RecordKey == correction.RecordKey && r.ChangedAt > correction.ProposedAt)
            .OrderByDescending(r => r.ChangedAt)
            .FirstOrDefaultAsync(ct);
        var by = latest is null ? "" : $" ({latest.ChangedBy}, {Shown(latest.ChangedAt)} UTC: {latest.Reason})";
        foreach (var (name, replaced) in replaces)
        {
            var now = kind.Field(name)?.Read(record);
            if ((now ?? "") != (replaced ?? ""))
            {
                stale.Add(new(name, text["{0} changed since this correction was drafted: it was “{1}”, it is now “{2}”{3}. Nothing was changed; draft the correction again from the record as it is.", text[kind.Field(name)!.Label], replaced ?? "", now ?? "", by]));
            }
        }

        if (correction.Action == CorrectionAction.Withdraw && record is IWithdrawable { WithdrawnAt: { } at } w)
        {
            stale.Add(new("publish", text["It was withdrawn on {0} UTC meanwhile: {1}", Shown(at), w.WithdrawnReason ?? ""]));
        }

        return stale;
    }

    /// <summary>Trimmed, line ends as a browser may send them made equal; null for empty.</summary>
    public static string? Clean(string? text)
    {
        var trimmed = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// A Data-project refusal in the page's language: its English sentence is the key; a field's label is the
    /// form's, named as inside a sentence; the values a person must type stay as they are.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(problem))]
    private string? Shown(ValueProblem? problem) =>
        problem is null ? null : text[problem.Template, [.. problem.Args.Select(a => a is FieldLabel l ? FieldName(l.Label) : a)]].Value;

    /// <summary>A field's label, in the page's language, as a sentence names it ("Title" → "title").</summary>
    private string FieldName(string label) => StaffText.Field(text[label]);

    /// <summary>A moment as a message shows it, in the page's language.</summary>
    private static string Shown(DateTimeOffset at) => at.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
