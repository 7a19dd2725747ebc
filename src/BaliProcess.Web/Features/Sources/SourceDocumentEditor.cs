using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Sources.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Languages;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BaliProcess.Web.Features.Sources;

/// <summary>
/// A source document to add: a file (its bytes and the name it had) or pasted text, and what the uploader says of it.
/// The date is written at its precision, as seed-data/ writes it: "2017", "2017-05" or "2017-05-25".
/// </summary>
public sealed record AddSourceRequest(
    string? Title, string? Publisher, string? Date, string? OriginalUrl, string? Description,
    byte[]? FileContent, string? FileName, string? PastedText);

/// <summary>Configuration section "Editing": who may publish what.</summary>
public sealed class EditingOptions
{
    public const string Section = "Editing";

    /// <summary>
    /// Lets the account that added a draft publish it too (a one-person secretariat). Off by default: another
    /// Secretariat user or an Administrator publishes, a second pair of eyes.
    /// </summary>
    public bool AllowSelfPublish { get; set; }

    /// <summary>
    /// The second pair of eyes, one rule for every draft (sources, statements, meetings, corrections): the account that
    /// <paramref name="verb"/> a draft does not publish it, unless <see cref="AllowSelfPublish"/>. Null when the editor
    /// may publish; otherwise the refusal, logged, with nothing written.
    /// </summary>
    /// <param name="what">The draft in words: "meeting", "document", "correction".</param>
    /// <param name="scope">What the rule covers, for the message: "record", "source", "change".</param>
    public EditResult? RefuseOwnDraft(string? authorUserId, Editor editor, ILogger logger, string what, string key, string verb = "added", string scope = "record")
    {
        if (authorUserId != editor.UserId || AllowSelfPublish)
        {
            return null;
        }

        logger.LogWarning("Refused publish {What} {Key}: {Editor} ({UserId}) {Verb} it; nothing was written", what, key, editor.DisplayName, editor.UserId, verb);
        // A whole sentence per combination the callers use (word order differs between languages); another falls back to English.
        var sentence = $"You {verb} this {what}, so another Secretariat user or an Administrator publishes it: a second pair of eyes on every {scope}.";
        return EditResult.Invalid("publish", Texts.Text(sentence));
    }

    /// <summary>The texts of the Sources folder (SourcesText), for these options, which are not built by the container.</summary>
    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<SourcesText>();

    /// <summary>
    /// A record is published only after every document it cites (<paramref name="cited"/>: the file names its sources
    /// give): its public page would otherwise cite a document nobody can open. Null when none is a draft; otherwise the
    /// refusal naming the first draft document, nothing written.
    /// </summary>
    /// <param name="what">The record in words, for the message: "statement", "meeting".</param>
    public static async Task<EditResult?> RefuseDraftCitationAsync(BaliProcessDbContext db, IReadOnlyCollection<string> cited, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var draftDocument = await db.SourceDocuments.IgnoreQueryFilters()
            .Where(d => cited.Contains(d.FileName) && d.IsDraft).Select(d => d.Title).FirstOrDefaultAsync(ct);
        return draftDocument is null
            ? null
            : EditResult.Invalid("publish", string.Format(CultureInfo.CurrentCulture,
                Texts.Find($"The document it cites, “{{0}}”, is still a draft: publish the document first, so the {what}'s readers can open what it cites.")
                ?? $"The document it cites, “{{0}}”, is still a draft: publish the document first, so the {what}'s readers can open what it cites.", draftDocument));
    }
}

/// <summary>
/// The write path for source documents (decision 0021): add one as a draft, publish a draft. As the work-plan
/// editor does (decision 0006), every method first asks <see cref="EditorAccess"/> (signed in, enabled, an editing
/// role in the account store, not the cookie), writes nothing when refused, and commits through
/// <see cref="RecordChanges"/> so every instance's caches move on with the commit (decision 0018).
/// </summary>
public sealed class SourceDocumentEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<SourceFileOptions> fileOptions,
    IOptions<EditingOptions> editingOptions,
    ILogger<SourceDocumentEditor> logger,
    IStringLocalizer<SourcesText> T)
{
    public const int TitleMaxLength = 500;
    public const int PublisherMaxLength = 500;
    public const int DescriptionMaxLength = 4000;
    public const int UrlMaxLength = 2000;

    public async Task<EditResult> AddAsync(ClaimsPrincipal? user, AddSourceRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add source document", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        var problems = new List<FieldProblem>();
        var title = request.Title?.Trim() ?? "";
        var publisher = request.Publisher?.Trim() ?? "";
        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        var url = string.IsNullOrWhiteSpace(request.OriginalUrl) ? null : request.OriginalUrl.Trim();
        if (title.Length == 0)
        {
            problems.Add(new("title", T["Give the document's title, as the document writes it."]));
        }
        else if (title.Length > TitleMaxLength)
        {
            problems.Add(new("title", T["A title has at most {0} characters.", TitleMaxLength]));
        }
        else if (StaffText.Problem(title, T["title"]) is { } titleProblem)
        {
            problems.Add(new("title", titleProblem));
        }

        if (publisher.Length == 0)
        {
            problems.Add(new("publisher", T["Give the body that issued the document, as the document names it."]));
        }
        else if (publisher.Length > PublisherMaxLength)
        {
            problems.Add(new("publisher", T["The issuing body has at most {0} characters.", PublisherMaxLength]));
        }
        else if (StaffText.Problem(publisher, StaffText.Field(T["Issuing body"])) is { } publisherProblem)
        {
            problems.Add(new("publisher", publisherProblem));
        }

        if (description is { Length: > DescriptionMaxLength })
        {
            problems.Add(new("description", T["The description has at most {0:N0} characters.", DescriptionMaxLength]));
        }
        else if (StaffText.Problem(description, T["description"], multiline: true) is { } descriptionProblem)
        {
            problems.Add(new("description", descriptionProblem));
        }

        PartialDate? date = null;
        if (!string.IsNullOrWhiteSpace(request.Date))
        {
            if (!PartialDate.TryParse(request.Date, out var parsed))
            {
                problems.Add(new("date", T["Write the date as precisely as the document gives it: 2017, 2017-05 or 2017-05-25."]));
            }
            else if (parsed.Value < new DateOnly(1990, 1, 1) || parsed.Value > StatusChangeRules.LatestEffectiveDate(time))
            {
                problems.Add(new("date", T["The date is before 1990 or in the future; check it."]));
            }
            else
            {
                date = parsed;
            }
        }

        if (url is not null && (url.Length > UrlMaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var address)
                                || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add(new("originalUrl", T["The public address must be a full web address starting with https:// (or http://)."]));
        }

        var hasFile = request.FileContent is not null && !string.IsNullOrEmpty(request.FileName);
        var hasText = !string.IsNullOrWhiteSpace(request.PastedText);
        SourceFileOutcome? read = null;
        byte[] content = [];
        if (hasFile && hasText)
        {
            problems.Add(new("file", T["Upload a file or paste the text, not both."]));
        }
        else if (!hasFile && !hasText)
        {
            problems.Add(new("file", T["Upload the document's file (PDF, DOCX or plain text) or paste its text."]));
        }
        else
        {
            // Pasted text is kept as a UTF-8 text file, so it has an original, a SHA-256 and a download like an upload.
            content = hasFile ? request.FileContent! : Encoding.UTF8.GetBytes(request.PastedText!.Replace("\r\n", "\n", StringComparison.Ordinal));
            read = SourceFileReader.Read(content, hasFile ? request.FileName : "The pasted text.txt", fileOptions.Value);
            if (read.Problem is not null)
            {
                problems.Add(new("file", read.Problem));
            }
        }

        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        var file = read!.File!;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DuplicateOfAsync(db, sha256, ct) is { } first)
        {
            return EditResult.Invalid("file", first);
        }

        var baseSlug = SlugFor(title, date);
        var taken = await db.SourceDocuments.IgnoreQueryFilters()
            .Where(d => d.Slug.StartsWith(baseSlug))
            .Select(d => d.Slug)
            .ToListAsync(ct);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }

        var originalName = hasFile ? Path.GetFileName(request.FileName!) : slug + ".txt";
        var document = new SourceDocument
        {
            Slug = slug,
            // What records' sources will cite. Seeded names are "NNN_<hash>.txt"; a slug has no underscore, so the two never meet.
            FileName = slug + file.Extension,
            Title = title,
            Publisher = publisher,
            PublishedOn = date?.Value,
            PublishedPrecision = date?.Precision,
            Description = description,
            OriginalUrl = url,
            Origin = RecordOrigin.Staff,
            IsDraft = true,
            File = new SourceDocumentFile
            {
                Content = content,
                MediaType = file.MediaType,
                OriginalFileName = originalName.Length > 300 ? originalName[^300..] : originalName,
                SizeBytes = content.LongLength,
                Sha256 = sha256,
                Text = file.Text,
                PageCount = file.PageCount,
                AddedBy = editor.DisplayName,
                AddedByUserId = editor.UserId,
                AddedAt = time.GetUtcNow(),
            },
        };
        db.SourceDocuments.Add(document);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Someone added the same file (or took the slug) between the check above and this save.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await DuplicateOfAsync(fresh, sha256, ct) is { } other
                ? EditResult.Invalid("file", other)
                : EditResult.Invalid("title", T["A document with this title was added a moment ago ({0}); add it again.", unique.ConstraintName!]);
        }

        logger.LogInformation(
            "Source document {Slug} ({MediaType}, {Size} bytes, SHA-256 {Sha256}) added as a draft by {Editor} ({UserId})",
            slug, file.MediaType, content.LongLength, sha256, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>
    /// Publishes a draft: from then on it shows at /sources/{slug}, in the API, the sitemap and the data package.
    /// Refused to the account that added it unless <see cref="EditingOptions.AllowSelfPublish"/>.
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, string slug, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish source document", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The row is locked until commit, so two people publishing at once cannot both record themselves.
        var document = await db.SourceDocuments
            .FromSql($"SELECT * FROM source_documents WHERE slug = {slug} FOR UPDATE")
            .IgnoreQueryFilters()
            .Include(d => d.File)
            .FirstOrDefaultAsync(ct);
        if (document?.File is not { } file)
        {
            return EditResult.NotFound;
        }

        if (!document.IsDraft)
        {
            return EditResult.Invalid("publish", T["{0} was already published by {1} on {2} UTC.", document.Title, file.PublishedBy!, file.PublishedAt?.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) ?? ""]);
        }

        if (editingOptions.Value.RefuseOwnDraft(file.AddedByUserId, editor, logger, "document", slug, scope: "source") is { } ownDraft)
        {
            return ownDraft;
        }

        var now = time.GetUtcNow();
        document.IsDraft = false;
        file.PublishedBy = editor.DisplayName;
        file.PublishedByUserId = editor.UserId;
        file.PublishedAt = now;

        // Every published change appends a revision (decisions 0024, 0028): in the same save, so both or neither land.
        db.RecordRevisions.Add(new RecordRevision
        {
            RecordKind = RecordRevisionKinds.Source,
            RecordKey = document.Slug,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = now,
            Reason = PublishReason(file, editor.DisplayName),
            Before = null,
            After = FieldsOf(document, file),
        });
        await changes.SaveAsync(db, ct);
        logger.LogInformation("Source document {Slug} published by {Editor} ({UserId})", slug, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>Why the revision was appended; an uploaded file's name may be long, and the reason has a bounded column.</summary>
    private static string PublishReason(SourceDocumentFile file, string reviewer)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"Published: added by {file.AddedBy} on {file.AddedAt:d MMMM yyyy HH:mm} UTC ({file.OriginalFileName}), reviewed and published by {reviewer}.");
        return reason.Length <= RecordRevision.ReasonMaxLength ? reason : reason[..(RecordRevision.ReasonMaxLength - 1)] + "…";
    }

    /// <summary>The document's fields as a revision keeps them, in the seed-data shape of sources.json, with its file's facts (JSON).</summary>
    internal static string FieldsOf(SourceDocument d, SourceDocumentFile f) => System.Text.Json.JsonSerializer.Serialize(new
    {
        slug = d.Slug,
        file = d.FileName,
        title = d.Title,
        publisher = d.Publisher,
        date = d.Published?.ToString(),
        description = d.Description,
        originalUrl = d.OriginalUrl,
        originalFileName = f.OriginalFileName,
        mediaType = f.MediaType,
        sizeBytes = f.SizeBytes,
        sha256 = f.Sha256,
        pageCount = f.PageCount,
        addedBy = f.AddedBy,
        addedAt = f.AddedAt,
        publishedBy = f.PublishedBy,
        publishedAt = f.PublishedAt,
    });

    /// <summary>The sentence that names the document already holding these bytes (draft or published), or null.</summary>
    private async Task<string?> DuplicateOfAsync(BaliProcessDbContext db, string sha256, CancellationToken ct)
    {
        var first = await db.SourceDocumentFiles.IgnoreQueryFilters()
            .Where(f => f.Sha256 == sha256)
            .Select(f => new { f.Document!.Title, f.Document.Slug, f.Document.IsDraft, f.AddedBy, f.AddedAt })
            .FirstOrDefaultAsync(ct);
        return first is null ? null
            : first.IsDraft
                ? T["This file is already in the portal as “{0}” (a draft at {1}, added by {2} on {3}); nothing was added.", first.Title, LanguageLinks.Link(Components.PortalRoutes.StaffSource(first.Slug)), first.AddedBy, first.AddedAt.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)].Value
                : T["This file is already in the portal as “{0}” (published at {1}, added by {2} on {3}); nothing was added.", first.Title, LanguageLinks.Link(Components.PortalRoutes.Source(first.Slug)), first.AddedBy, first.AddedAt.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)].Value;
    }

    /// <summary>The title's slug, ending with its year as the seeded documents' slugs do, at most about 80 characters.</summary>
    public static string SlugFor(string title, PartialDate? date)
    {
        var slug = WorkPlanEditor.Slugify(title);
        if (slug.Length > 80)
        {
            var cut = slug.LastIndexOf('-', 80);
            slug = slug[..(cut > 20 ? cut : 80)];
        }

        if (slug.Length == 0)
        {
            slug = "document";
        }

        var year = date?.Year.ToString(CultureInfo.InvariantCulture);
        return year is null || slug.EndsWith("-" + year, StringComparison.Ordinal) ? slug : $"{slug}-{year}";
    }
}
