using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Sources.FromDocument;

/// <summary>
/// One line of what a "Check" shows will be saved: a label (the portal's) and the value as it will be public, in
/// parts: the record's words (names and titles as written, typed values, places), which an Indonesian page marks as
/// English, and the portal's words around them ("Not stated", a kind, a date).
/// </summary>
public sealed record PreviewRow(string Label, IReadOnlyList<PreviewPart> Parts)
{
    /// <summary>Where the record's words go in a portal sentence given to <see cref="Around"/>.</summary>
    public const string Slot = "\uE000";

    /// <summary>A value that is the record's words only.</summary>
    public PreviewRow(string label, string recordWords)
        : this(label, [new PreviewPart(recordWords, IsRecordWords: true)])
    {
    }

    public string Value => string.Concat(Parts.Select(p => p.Text));

    /// <summary>A value that is the portal's words only ("Not stated", a date in the page's language).</summary>
    public static PreviewRow Portal(string label, string portalWords) => new(label, [new PreviewPart(portalWords, IsRecordWords: false)]);

    /// <summary>Either the record's words or, when there are none, the portal's.</summary>
    public static PreviewRow Either(string label, string? recordWords, string portalWords) =>
        recordWords is null ? Portal(label, portalWords) : new(label, recordWords);

    /// <summary>A portal sentence, filled with <see cref="Slot"/>, around the record's words.</summary>
    public static PreviewRow Around(string label, string sentence, string recordWords)
    {
        var at = sentence.IndexOf(Slot, StringComparison.Ordinal);
        return at < 0
            ? Portal(label, sentence)
            : new(label, [new PreviewPart(sentence[..at], false), new PreviewPart(recordWords, true), new PreviewPart(sentence[(at + Slot.Length)..], false)]);
    }
}

/// <summary>A part of a <see cref="PreviewRow"/>'s value: the record's own words, or the portal's.</summary>
public sealed record PreviewPart(string Text, bool IsRecordWords);

/// <summary>A "Check" of a record from a document: what is wrong with the request, or what will be saved.</summary>
public sealed record RecordCheck(IReadOnlyList<FieldProblem> Problems, IReadOnlyList<PreviewRow> Preview)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>A place in a document that states a fact, as the forms take it: the document's file name (empty: the document the form is for) and where.</summary>
public sealed record CitationInput(string? Document, string? Location);

/// <summary>
/// The rules every record added from a source document shares (decision 0035, after 0024 and 0029): the staff document
/// it is drawn from, staff text through <see cref="StaffText"/>, dates at their precision, citations, the marks of a
/// draft, and the checks before publishing (not yet published, a second person, no cited document a draft). Kept in one
/// place so people's roles, timeline events, disagreements and open questions refuse the same things with the same words.
/// </summary>
public static class DocumentRecordRules
{
    public const int ShortMaxLength = 500;
    public const int TextMaxLength = 4000;
    public const int LocationMaxLength = 300;

    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<FromDocumentText>();

    /// <summary>A message in the editor's language (FromDocumentText; the English words when none is written).</summary>
    public static string Say(string english) => Texts.Text(english);

    private static string Say(string english, params object[] args) => string.Format(CultureInfo.CurrentCulture, Say(english), args);

    /// <summary>
    /// A field's name inside a message, as the callers give it in English ("title", "place in the document", "value 2"):
    /// its text in the editor's language, keyed by the English name (a trailing row number as "{0}").
    /// </summary>
    public static string FieldName(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        if (Texts.Find(english) is { } text)
        {
            return text;
        }

        var space = english.LastIndexOf(' ');
        return space > 0 && int.TryParse(english[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && Texts.Find(english[..space] + " {0}") is { } numbered
            ? string.Format(CultureInfo.CurrentCulture, numbered, n)
            : english;
    }

    /// <summary>The staff-added document a record is drawn from (drafts included: records are often drawn before it is published).</summary>
    public static Task<SourceDocument?> StaffSourceAsync(BaliProcessDbContext db, string slug, CancellationToken ct) =>
        db.SourceDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Slug == slug && d.Origin == RecordOrigin.Staff, ct);

    public static void Text(List<FieldProblem> problems, string field, string name, string? value, int maxLength, string? required = null, bool multiline = false)
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
            problems.Add(new(field, Say("The {0} has at most {1:N0} characters.", FieldName(name), maxLength)));
        }
        else if (StaffText.Problem(value, FieldName(name), multiline) is { } problem)
        {
            problems.Add(new(field, problem));
        }
    }

    /// <summary>A date as precisely as the document gives it ("2015", "2015-03", "2015-03-25"), from 1990 to five years ahead.</summary>
    public static PartialDate? Date(List<FieldProblem> problems, string field, string? text, TimeProvider time, string? required = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required is not null)
            {
                problems.Add(new(field, required));
            }

            return null;
        }

        if (!PartialDate.TryParse(text.Trim(), out var parsed))
        {
            problems.Add(new(field, Say("Write the date as precisely as the document gives it: 2015, 2015-03 or 2015-03-25.")));
            return null;
        }

        if (parsed.Value < new DateOnly(1990, 1, 1) || parsed.Value > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(5))
        {
            problems.Add(new(field, Say("The date is before 1990 or years ahead; check it.")));
            return null;
        }

        return parsed;
    }

    /// <summary>
    /// The citations of a form's rows that are filled in: each names this document (empty) or another published one by its
    /// file name, and the place in it. Problems name the row.
    /// </summary>
    public static async Task<List<SourceReference>> CitationsAsync(
        BaliProcessDbContext db, SourceDocument source, IEnumerable<CitationInput> rows, List<FieldProblem> problems, string field, CancellationToken ct)
    {
        var cited = new List<SourceReference>();
        foreach (var (row, i) in rows.Select((r, i) => (r, i + 1)))
        {
            var document = string.IsNullOrWhiteSpace(row.Document) ? source.FileName : row.Document.Trim();
            if (document != source.FileName && !await db.SourceDocuments.AnyAsync(d => d.FileName == document, ct))
            {
                problems.Add(new(field, Say("Row {0}: cite this document or a published one from the list.", i)));
                continue;
            }

            Text(problems, field, string.Create(CultureInfo.InvariantCulture, $"place of row {i}"), row.Location, LocationMaxLength,
                required: Say("Row {0}: say where the document states it (a paragraph, section or page).", i));
            if (!string.IsNullOrWhiteSpace(row.Location))
            {
                cited.Add(new SourceReference { Document = document, Location = row.Location.Trim() });
            }
        }

        return cited;
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static SourceReference Cite(SourceDocument source, string location) => new() { Document = source.FileName, Location = location.Trim() };

    /// <summary>Marks a new record as a staff draft added now by <paramref name="editor"/>.</summary>
    public static void MarkAdded(IStaffAddedRecord record, Editor editor, DateTimeOffset now)
    {
        record.Origin = RecordOrigin.Staff;
        record.IsDraft = true;
        (record.AddedBy, record.AddedByUserId, record.AddedAt) = (editor.DisplayName, editor.UserId, now);
    }

    public static void MarkPublished(IStaffAddedRecord record, Editor editor, DateTimeOffset now)
    {
        record.IsDraft = false;
        (record.PublishedBy, record.PublishedByUserId, record.PublishedAt) = (editor.DisplayName, editor.UserId, now);
    }

    /// <summary>
    /// Why a draft may not be published now, or null: it is not a staff draft (already published: says by whom), the
    /// editor added it (<see cref="EditingOptions.RefuseOwnDraft"/>, the one rule), or a document it cites is a draft.
    /// </summary>
    public static async Task<EditResult?> RefusePublishAsync(
        BaliProcessDbContext db, IStaffAddedRecord record, string title, IEnumerable<SourceReference> sources, Editor editor,
        EditingOptions options, ILogger logger, string what, string key, CancellationToken ct)
    {
        if (!record.IsDraft)
        {
            return EditResult.Invalid("publish", Say("{0} was already published by {1} on {2} UTC.", title, record.PublishedBy ?? "",
                record.PublishedAt?.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) ?? ""));
        }

        if (options.RefuseOwnDraft(record.AddedByUserId, editor, logger, what, key) is { } ownDraft)
        {
            return ownDraft;
        }

        var cited = sources.Select(s => s.Document).Distinct(StringComparer.Ordinal).ToList();
        var draftDocument = await db.SourceDocuments.IgnoreQueryFilters().Where(d => cited.Contains(d.FileName) && d.IsDraft).Select(d => d.Title).FirstOrDefaultAsync(ct);
        return draftDocument is null
            ? null
            : EditResult.Invalid("publish", Say("The document it cites, “{0}”, is still a draft: publish the document first, so readers can open what it cites.", draftDocument));
    }

    /// <summary>The revision a publication appends: nothing before, the record after in its seed-data shape.</summary>
    public static RecordRevision Published(string kind, string key, IStaffAddedRecord record, Editor editor, DateTimeOffset now, IEnumerable<SourceReference> sources, object after)
    {
        var cited = string.Join(", ", sources.Select(s => s.Document).Distinct(StringComparer.Ordinal));
        // Stored record data: English, with an invariant date, whatever the editor's page language.
        var reason = string.Create(CultureInfo.InvariantCulture, $"Published: added by {record.AddedBy} on {record.AddedAt:d MMMM yyyy HH:mm} UTC from {cited}, reviewed and published by {editor.DisplayName}.");
        return new RecordRevision
        {
            RecordKind = kind,
            RecordKey = key,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = now,
            Reason = reason.Length <= RecordRevision.ReasonMaxLength ? reason : reason[..(RecordRevision.ReasonMaxLength - 1)] + "…",
            Before = null,
            After = JsonSerializer.Serialize(after),
        };
    }

    public static object Json(SourceReference s) => new { document = s.Document, location = s.Location };

    /// <summary>
    /// A note's subject as seed-data writes it: "general", or a kind and the slug of a public record ("meeting:…",
    /// "mechanism:…", "participant:…", "statement:…", "document:…", "person:…", "programme:…"). Null when it is one.
    /// </summary>
    public static async Task<string?> SubjectProblemAsync(BaliProcessDbContext db, string? subject, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return Say("Choose what it is about: a record, or the Bali Process in general.");
        }

        var colon = subject.IndexOf(':', StringComparison.Ordinal);
        var (kind, slug) = colon < 0 ? (subject, "") : (subject[..colon], subject[(colon + 1)..]);
        var found = kind switch
        {
            "general" => colon < 0,
            "meeting" => await db.Meetings.AnyAsync(x => x.Slug == slug, ct),
            "mechanism" => await db.Mechanisms.AnyAsync(x => x.Slug == slug, ct),
            "participant" => await db.Participants.AnyAsync(x => x.Slug == slug, ct),
            "statement" => await db.Statements.AnyAsync(x => x.Slug == slug, ct),
            "document" => await db.OutcomeDocuments.AnyAsync(x => x.Slug == slug, ct),
            "person" => await db.People.AnyAsync(x => x.Slug == slug, ct),
            "programme" => await db.Programmes.AnyAsync(x => x.Slug == slug, ct),
            _ => false,
        };
        return found ? null : Say("There is no such published record; choose one from the list (a draft cannot carry a public note).");
    }

    /// <summary>The public records a note can be about, as a select lists them: "meeting:slug" and a label.</summary>
    public static async Task<IReadOnlyList<(string Value, string Label)>> SubjectsAsync(BaliProcessDbContext db, CancellationToken ct)
    {
        var list = new List<(string, string)> { ("general", Say("The Bali Process in general")) };
        list.AddRange((await db.Meetings.AsNoTracking().OrderBy(m => m.StartDate).Select(m => new { m.Slug, m.Title }).ToListAsync(ct)).Select(m => ("meeting:" + m.Slug, Say("Meeting: {0}", m.Title))));
        list.AddRange((await db.Mechanisms.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Slug, m.Name }).ToListAsync(ct)).Select(m => ("mechanism:" + m.Slug, Say("Working group or mechanism: {0}", m.Name))));
        list.AddRange((await db.Participants.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Slug, m.Name }).ToListAsync(ct)).Select(m => ("participant:" + m.Slug, Say("Participant: {0}", m.Name))));
        list.AddRange((await db.Statements.AsNoTracking().OrderBy(m => m.Title).Select(m => new { m.Slug, m.Title }).ToListAsync(ct)).Select(m => ("statement:" + m.Slug, Say("Statement: {0}", m.Title))));
        list.AddRange((await db.OutcomeDocuments.AsNoTracking().OrderBy(m => m.Title).Select(m => new { m.Slug, m.Title }).ToListAsync(ct)).Select(m => ("document:" + m.Slug, Say("Outcome document: {0}", m.Title))));
        list.AddRange((await db.People.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Slug, m.Name }).ToListAsync(ct)).Select(m => ("person:" + m.Slug, Say("Person: {0}", m.Name))));
        list.AddRange((await db.Programmes.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Slug, m.Name }).ToListAsync(ct)).Select(m => ("programme:" + m.Slug, Say("Programme: {0}", m.Name))));
        return list;
    }
}
