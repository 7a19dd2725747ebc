using System.Globalization;
using System.Security.Claims;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Sources.FromDocument;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;
using static BaliProcess.Web.Features.Sources.FromDocument.DocumentRecordRules;

namespace BaliProcess.Web.Features.Notes.Adding;

/// <summary>One document's value in a disagreement: the value as the document gives it, and where (<see cref="CitationInput"/>).</summary>
public sealed record DisagreeingValueInput(string? Value, string? Document, string? Location);

/// <summary>
/// A disagreement between documents to add (decision 0035): what it is about (<see cref="Subject"/>, "meeting:slug" or
/// "general", as seed-data/disagreements.json), the field, a description, and each document's value with its place.
/// </summary>
public sealed record AddDisagreementRequest(string SourceSlug, string? Subject, string? Field, string? Description, IReadOnlyList<DisagreeingValueInput> Values);

/// <summary>A question the documents leave open, to add (decision 0035), as seed-data/open-questions.json: subject, field, description, places.</summary>
public sealed record AddOpenQuestionRequest(string SourceSlug, string? Subject, string? Field, string? Description, IReadOnlyList<CitationInput> Citations);

/// <summary>
/// The write path for the notes a record's page shows beside its facts (decision 0035): where the documents disagree, and
/// what they leave open. As meetings (0029): check, add as a draft, publish (a second person), a revision appended. Each
/// write first asks <see cref="EditorAccess"/>. A note cites the document it is drawn from and, for the other side of a
/// disagreement, any published document.
/// </summary>
public sealed class NoteEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    IStringLocalizer<NotesText> texts,
    ILogger<NoteEditor> logger)
{
    public const int FieldMaxLength = 200;

    /// <summary>The key of a note in revisions and corrections: "subject/field" (a subject never holds a slash).</summary>
    public static string KeyOf(string subject, string field) => $"{subject}/{field}";

    public async Task<RecordCheck> CheckDisagreementAsync(AddDisagreementRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, _, values) = await CheckAsync(db, request, ct);
        return problems.Count > 0
            ? new RecordCheck(problems, [])
            : new RecordCheck([], [
                new(texts["About"], request.Subject!), new(texts["Field"], request.Field!.Trim()), new(texts["Description"], request.Description!.Trim()),
                .. values.Select((v, i) => new PreviewRow(texts["Value {0}", i + 1], $"“{v.Value}” — {v.Source}"))]);
    }

    public async Task<RecordCheck> CheckOpenQuestionAsync(AddOpenQuestionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, _, sources) = await CheckAsync(db, request, ct);
        return problems.Count > 0
            ? new RecordCheck(problems, [])
            : new RecordCheck([], [
                new(texts["About"], request.Subject!), new(texts["Field"], request.Field!.Trim()), new(texts["Description"], request.Description!.Trim()),
                new(texts["Sources"], string.Join("; ", sources.Select(s => s.ToString())))]);
    }

    public async Task<EditResult> AddDisagreementAsync(ClaimsPrincipal? user, AddDisagreementRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add disagreement", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, source, values) = await CheckAsync(db, request, ct);
        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        var d = new Disagreement { Subject = request.Subject!.Trim(), Field = request.Field!.Trim(), Description = request.Description!.Trim(), Values = values };
        MarkAdded(d, editor, time.GetUtcNow());
        db.Disagreements.Add(d);
        return await SaveAsync(db, "disagreement", source!, editor, () => d.Id, ct);
    }

    public async Task<EditResult> AddOpenQuestionAsync(ClaimsPrincipal? user, AddOpenQuestionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add open question", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, source, sources) = await CheckAsync(db, request, ct);
        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        var q = new OpenQuestion { Subject = request.Subject!.Trim(), Field = request.Field!.Trim(), Description = request.Description!.Trim(), Sources = sources };
        MarkAdded(q, editor, time.GetUtcNow());
        db.OpenQuestions.Add(q);
        return await SaveAsync(db, "open question", source!, editor, () => q.Id, ct);
    }

    public async Task<EditResult> PublishDisagreementAsync(ClaimsPrincipal? user, int id, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish disagreement", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var d = await db.Disagreements.FromSql($"SELECT * FROM disagreements WHERE id = {id} FOR UPDATE").IgnoreQueryFilters().FirstOrDefaultAsync(ct);
        if (d is null || d.Origin != RecordOrigin.Staff)
        {
            return EditResult.NotFound;
        }

        var key = KeyOf(d.Subject, d.Field);
        if (await RefusePublishAsync(db, d, texts["The disagreement on the {0}", d.Field], d.Sources, editor, editingOptions.Value, logger, "disagreement", key, ct) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        MarkPublished(d, editor, now);
        db.RecordRevisions.Add(Published(RecordRevisionKinds.Disagreement, key, d, editor, now, d.Sources, FieldsOf(d)));
        await changes.SaveAsync(db, ct);
        logger.LogInformation("Disagreement {Key} published by {Editor} ({UserId})", key, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = key };
    }

    public async Task<EditResult> PublishOpenQuestionAsync(ClaimsPrincipal? user, int id, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish open question", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var q = await db.OpenQuestions.FromSql($"SELECT * FROM open_questions WHERE id = {id} FOR UPDATE").IgnoreQueryFilters().FirstOrDefaultAsync(ct);
        if (q is null || q.Origin != RecordOrigin.Staff)
        {
            return EditResult.NotFound;
        }

        var key = KeyOf(q.Subject, q.Field);
        if (await RefusePublishAsync(db, q, texts["The open question on the {0}", q.Field], q.Sources, editor, editingOptions.Value, logger, "open question", key, ct) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        MarkPublished(q, editor, now);
        db.RecordRevisions.Add(Published(RecordRevisionKinds.OpenQuestion, key, q, editor, now, q.Sources, FieldsOf(q)));
        await changes.SaveAsync(db, ct);
        logger.LogInformation("Open question {Key} published by {Editor} ({UserId})", key, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = key };
    }

    /// <summary>The disagreement in the shape of seed-data/disagreements.json.</summary>
    internal static object FieldsOf(Disagreement d) => new
    {
        subject = d.Subject,
        field = d.Field,
        description = d.Description,
        values = d.Values.Select(v => new { value = v.Value, source = Json(v.Source) }),
        addedBy = d.AddedBy,
        addedAt = d.AddedAt,
        publishedBy = d.PublishedBy,
        publishedAt = d.PublishedAt,
    };

    /// <summary>The question in the shape of seed-data/open-questions.json.</summary>
    internal static object FieldsOf(OpenQuestion q) => new
    {
        subject = q.Subject,
        field = q.Field,
        description = q.Description,
        sources = q.Sources.Select(Json),
        addedBy = q.AddedBy,
        addedAt = q.AddedAt,
        publishedBy = q.PublishedBy,
        publishedAt = q.PublishedAt,
    };

    /// <summary>Commits a new note; <paramref name="id"/> reads its id once saved.</summary>
    private async Task<EditResult> SaveAsync(BaliProcessDbContext db, string what, SourceDocument source, Editor editor, Func<int> id, CancellationToken ct)
    {
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("field", what == "disagreement" ? texts["A disagreement on this field of this record was added a moment ago: correct that one instead."] : texts["An open question on this field of this record was added a moment ago: correct that one instead."]);
        }

        logger.LogInformation("{What} {Id} (from {Document}) added as a draft by {Editor} ({UserId})", what, id(), source.FileName, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = id().ToString(CultureInfo.InvariantCulture) };
    }

    private async Task<(List<FieldProblem> Problems, SourceDocument? Source)> CheckCommonAsync(
        BaliProcessDbContext db, string sourceSlug, string? subject, string? field, string? description, bool disagreement, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var source = await StaffSourceAsync(db, sourceSlug, ct);
        if (source is null)
        {
            problems.Add(new("source", texts["There is no source document added in the portal at this address."]));
        }

        if (await SubjectProblemAsync(db, subject?.Trim(), ct) is { } subjectProblem)
        {
            problems.Add(new("subject", subjectProblem));
        }

        Text(problems, "field", texts["note's field"], field, FieldMaxLength, required: texts["Say which field it is about (“date”, “title”, “co-chairs”)."]);
        Text(problems, "description", texts["note's description"], description, TextMaxLength, required: texts["Describe it: what each document says, or what none says."], multiline: true);
        if (problems.Count == 0)
        {
            // One note per record and field, drafts included (the table's unique key): a second is a correction of the first.
            var (s, f) = (subject!.Trim(), field!.Trim());
            // A withdrawn one (decision 0039) still holds the key, and correcting it would not bring it back: say so.
            var taken = disagreement
                ? await db.Disagreements.IgnoreQueryFilters().Where(d => d.Subject == s && d.Field == f).Select(d => new { d.WithdrawnAt }).FirstOrDefaultAsync(ct)
                : await db.OpenQuestions.IgnoreQueryFilters().Where(q => q.Subject == s && q.Field == f).Select(q => new { q.WithdrawnAt }).FirstOrDefaultAsync(ct);
            if (taken is { WithdrawnAt: { } withdrawnAt })
            {
                problems.Add(new("field", disagreement
                    ? texts["The record had a disagreement on the {0}, withdrawn on {1}: one note per field, so name this one's field apart (“{0}, as the documents now give it”, say).", f, withdrawnAt.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)]
                    : texts["The record had an open question on the {0}, withdrawn on {1}: one note per field, so name this one's field apart (“{0}, as the documents now give it”, say).", f, withdrawnAt.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)]));
            }
            else if (taken is not null)
            {
                problems.Add(new("field", disagreement
                    ? texts["The record already has a disagreement on the {0}: correct that one instead.", f]
                    : texts["The record already has an open question on the {0}: correct that one instead.", f]));
            }
        }

        return (problems, source);
    }

    private async Task<(List<FieldProblem> Problems, SourceDocument? Source, List<DisagreeingValue> Values)> CheckAsync(
        BaliProcessDbContext db, AddDisagreementRequest request, CancellationToken ct)
    {
        var (problems, source) = await CheckCommonAsync(db, request.SourceSlug, request.Subject, request.Field, request.Description, disagreement: true, ct);
        var values = new List<DisagreeingValue>();
        if (source is null)
        {
            return (problems, source, values);
        }

        var used = request.Values.Where(v => !string.IsNullOrWhiteSpace(v.Value) || !string.IsNullOrWhiteSpace(v.Location)).ToList();
        foreach (var (v, i) in used.Select((v, i) => (v, i + 1)))
        {
            Text(problems, "values", texts["value in row {0}", i], v.Value, ShortMaxLength,
                required: texts["Row {0}: give the value as the document gives it.", i]);
        }

        var cited = await CitationsAsync(db, source, used.Select(v => new CitationInput(v.Document, v.Location)), problems, "values", ct);
        if (used.Count < 2)
        {
            problems.Add(new("values", texts["A disagreement has at least two values, each with the place that gives it."]));
        }
        else if (problems.Count == 0)
        {
            values = [.. used.Zip(cited, (v, s) => new DisagreeingValue { Value = v.Value!.Trim(), Source = s })];
        }

        return (problems, source, values);
    }

    private async Task<(List<FieldProblem> Problems, SourceDocument? Source, List<SourceReference> Sources)> CheckAsync(
        BaliProcessDbContext db, AddOpenQuestionRequest request, CancellationToken ct)
    {
        var (problems, source) = await CheckCommonAsync(db, request.SourceSlug, request.Subject, request.Field, request.Description, disagreement: false, ct);
        if (source is null)
        {
            return (problems, source, []);
        }

        var used = request.Citations.Where(c => !string.IsNullOrWhiteSpace(c.Location) || !string.IsNullOrWhiteSpace(c.Document)).ToList();
        var sources = await CitationsAsync(db, source, used, problems, "sources", ct);
        if (used.Count == 0)
        {
            problems.Add(new("sources", texts["Say where the document leaves it open (a paragraph, section or page)."]));
        }

        return (problems, source, sources);
    }
}
