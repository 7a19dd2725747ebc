using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BaliProcess.Web.Features.Documents.Adding;

/// <summary>A passage the document states of the outcome document, verbatim, and where (a place may name another document: <see cref="CitedPlaces"/>).</summary>
public sealed record QuoteInput(string? Text, string? Location);

/// <summary>
/// Who developed the outcome document, as a document states it (decision 0041): the words verbatim, the published
/// participant and/or mechanism (slugs) the words name, if any, and the place (as <see cref="CitedPlaces"/> reads it).
/// </summary>
public sealed record DeveloperInput(string? AsWritten, string? Participant, string? Mechanism, string? Location);

/// <summary>
/// An outcome document to add from a source document (decision 0033). <see cref="Date"/> is in the seed-data form ("2017",
/// "2017-05", "2017-05-26"); <see cref="Meeting"/> is the meeting that took the action, <see cref="MentionedAtMeetings"/>
/// other meetings that mention it (slugs); <see cref="MentionedIn"/> holds statement paragraphs ("statement-slug/10b"),
/// one a line; <see cref="Locations"/> the places that state it, one a line. <see cref="Slug"/> is optional (the title's
/// otherwise). <see cref="CheckedHash"/> is the hash of the request whose check the person saw. <see cref="DevelopedBy"/>:
/// who developed it, where a document says so (none otherwise; decision 0041).
/// </summary>
public sealed record AddOutcomeDocumentRequest(
    string SourceSlug, string? Kind, string? Title, bool TitleAddedByPortal, string? Slug, string? Action, string? Date, string? Meeting,
    IReadOnlyList<string> MentionedAtMeetings, string? MentionedIn, string? Locations, IReadOnlyList<QuoteInput> Quotes, string? CheckedHash = null,
    IReadOnlyList<DeveloperInput>? DevelopedBy = null);

/// <summary>The check of an outcome document: what will be saved, or what is wrong, and the hash a save must carry.</summary>
public sealed record OutcomeDocumentCheck(IReadOnlyList<FieldProblem> Problems, OutcomeDocument? Preview, IReadOnlyList<string> MentionedInTitles, string Hash)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The write path for outcome documents drawn from a staff-added source document (decision 0033), as meetings (0029):
/// check the request and show what will be saved, add it as a draft, publish a draft (a second person). Each write first
/// asks <see cref="EditorAccess"/>, writes nothing when refused, and commits through <see cref="RecordChanges"/>.
/// </summary>
public sealed partial class OutcomeDocumentEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    ILogger<OutcomeDocumentEditor> logger,
    IStringLocalizer<DocumentsText> T)
{
    public const int TitleMaxLength = 500;
    public const int QuoteMaxLength = 4000;
    public const int MaxQuotes = 20;
    public const int DeveloperWordsMaxLength = 1000;
    public const int MaxDevelopers = 10;

    /// <summary>Checks the request and builds the record it would save. Writes nothing.</summary>
    public async Task<OutcomeDocumentCheck> CheckAsync(AddOutcomeDocumentRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, doc, titles) = await BuildAsync(db, request, ct);
        return new OutcomeDocumentCheck(problems, problems.Count == 0 ? doc : null, titles, problems.Count == 0 ? HashOf(request) : "");
    }

    /// <summary>Adds the outcome document as a draft, every fact citing the places given.</summary>
    public async Task<EditResult> AddAsync(ClaimsPrincipal? user, AddOutcomeDocumentRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add outcome document", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, doc, _) = await BuildAsync(db, request, ct);
        if (problems.Count == 0 && request.CheckedHash != HashOf(request))
        {
            problems.Add(new("check", T["The details changed since they were checked: check what will be saved below and save again."]));
        }

        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        doc!.Origin = RecordOrigin.Staff;
        doc.IsDraft = true;
        doc.AddedBy = editor.DisplayName;
        doc.AddedByUserId = editor.UserId;
        doc.AddedAt = time.GetUtcNow();
        db.OutcomeDocuments.Add(doc);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("slug", T["An outcome document with this address was added a moment ago; choose another address."]);
        }

        logger.LogInformation("Outcome document {Slug} ({Quotes} quotes) added as a draft by {Editor} ({UserId})", doc.Slug, doc.Quotes.Count, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = doc.Slug };
    }

    /// <summary>
    /// Publishes a draft: from then on it is on /documents, its page, its meetings' and statements' pages, the API, the
    /// data package and the sitemap, and a revision records it. Refused to the account that added it unless
    /// <see cref="EditingOptions.AllowSelfPublish"/>, while a document it cites is a draft, and while its meetings or
    /// statements are (publish those first).
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, string slug, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish outcome document", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The row is locked until commit, so two reviewers publishing at once cannot both record themselves.
        var doc = await db.OutcomeDocuments
            .FromSql($"SELECT * FROM outcome_documents WHERE slug = {slug} FOR UPDATE")
            .IgnoreQueryFilters()
            .Include(d => d.Meeting)
            .Include(d => d.MentionedAtMeetings)
            .Include(d => d.MentionedIn).ThenInclude(p => p.Statement)
            .Include(d => d.DevelopedBy.OrderBy(x => x.Id)).ThenInclude(x => x.Participant)
            .Include(d => d.DevelopedBy).ThenInclude(x => x.Mechanism)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (doc is null || doc.Origin != RecordOrigin.Staff)
        {
            return EditResult.NotFound;
        }

        if (!doc.IsDraft)
        {
            return EditResult.Invalid("publish", T["{0} was already published by {1} on {2} UTC.", doc.Title, doc.PublishedBy ?? "", doc.PublishedAt?.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) ?? ""]);
        }

        if (editingOptions.Value.RefuseOwnDraft(doc.AddedByUserId, editor, logger, "outcome document", slug) is { } ownDraft)
        {
            return ownDraft;
        }

        var cited = doc.Sources.Select(s => s.Document).Concat(doc.Quotes.Select(q => q.Source.Document))
            .Concat(doc.DevelopedBy.SelectMany(x => x.Sources.Select(s => s.Document))).Distinct(StringComparer.Ordinal).ToList();
        var draftDocument = await db.SourceDocuments.IgnoreQueryFilters().Where(d => cited.Contains(d.FileName) && d.IsDraft).Select(d => d.Title).FirstOrDefaultAsync(ct);
        if (draftDocument is not null)
        {
            return EditResult.Invalid("publish", T["The document it cites, “{0}”, is still a draft: publish the document first, so readers can open what it cites.", draftDocument]);
        }

        if (new[] { doc.Meeting }.Concat(doc.MentionedAtMeetings).FirstOrDefault(m => m is { IsDraft: true }) is { } draftMeeting)
        {
            return EditResult.Invalid("publish", T["Its meeting “{0}” is still a draft: publish the meeting first.", draftMeeting.Title]);
        }

        if (doc.MentionedIn.FirstOrDefault(p => p.IsDraft) is { } draftParagraph)
        {
            return EditResult.Invalid("publish", T["The statement “{0}” that mentions it is still a draft: publish the statement first.", draftParagraph.Statement!.Title]);
        }

        var now = time.GetUtcNow();
        doc.IsDraft = false;
        doc.PublishedBy = editor.DisplayName;
        doc.PublishedByUserId = editor.UserId;
        doc.PublishedAt = now;
        db.RecordRevisions.Add(new RecordRevision
        {
            RecordKind = RecordRevisionKinds.Document,
            RecordKey = doc.Slug,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = now,
            Reason = Reason(string.Create(CultureInfo.InvariantCulture, $"Published: added by {doc.AddedBy} on {doc.AddedAt:d MMMM yyyy HH:mm} UTC from {string.Join(", ", cited)}, reviewed and published by {editor.DisplayName}.")),
            Before = null,
            After = FieldsOf(doc),
        });
        await changes.SaveAsync(db, ct); // commits the transaction that holds the lock
        logger.LogInformation("Outcome document {Slug} published by {Editor} ({UserId})", slug, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>The hash of everything a check shows.</summary>
    public static string HashOf(AddOutcomeDocumentRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return CitedPlaces.Hash([
            r.SourceSlug, r.Kind, r.Title, r.TitleAddedByPortal ? "portal" : "", r.Slug, r.Action, r.Date, r.Meeting,
            string.Join(",", r.MentionedAtMeetings.Order(StringComparer.Ordinal)), r.MentionedIn, r.Locations,
            .. UsedQuotes(r.Quotes).SelectMany(q => new[] { q.Text, q.Location }),
            "developedBy", .. UsedDevelopers(r.DevelopedBy).SelectMany(x => new[] { x.AsWritten, x.Participant, x.Mechanism, x.Location })]);
    }

    /// <summary>The outcome document as a revision keeps it, in the seed-data shape of outcome-documents.json (plus who added and published it).</summary>
    internal static string FieldsOf(OutcomeDocument d) => JsonSerializer.Serialize(new
    {
        slug = d.Slug,
        kind = d.Kind.ToString(),
        title = d.Title,
        titleAddedByPortal = d.TitleAddedByPortal,
        meeting = d.Meeting?.Slug,
        action = d.Action?.ToString(),
        date = d.When?.ToIsoString(),
        quotes = d.Quotes.Select(q => new { text = q.Text, source = Json(q.Source) }),
        mentionedAtMeetings = d.MentionedAtMeetings.Select(m => m.Slug),
        mentionedIn = d.MentionedIn.Select(p => new { statement = p.Statement?.Slug, label = p.Label }),
        developedBy = d.DevelopedBy.Select(x => new { asWritten = x.AsWritten, participant = x.Participant?.Slug, mechanism = x.Mechanism?.Slug, sources = x.Sources.Select(Json) }),
        sources = d.Sources.Select(Json),
        addedBy = d.AddedBy,
        addedAt = d.AddedAt,
        publishedBy = d.PublishedBy,
        publishedAt = d.PublishedAt,
    });

    private static object Json(SourceReference s) => new { document = s.Document, location = s.Location };

    private static string Reason(string text) => text.Length <= RecordRevision.ReasonMaxLength ? text : text[..(RecordRevision.ReasonMaxLength - 1)] + "…";

    private static IEnumerable<QuoteInput> UsedQuotes(IReadOnlyList<QuoteInput> quotes) =>
        quotes.Where(q => !string.IsNullOrWhiteSpace(q.Text) || !string.IsNullOrWhiteSpace(q.Location));

    private static IEnumerable<DeveloperInput> UsedDevelopers(IReadOnlyList<DeveloperInput>? developers) =>
        (developers ?? []).Where(x => !string.IsNullOrWhiteSpace(x.AsWritten) || !string.IsNullOrWhiteSpace(x.Participant)
            || !string.IsNullOrWhiteSpace(x.Mechanism) || !string.IsNullOrWhiteSpace(x.Location));

    /// <summary>
    /// Who developed it (decision 0041), stored as the seed loader stores <c>developedBy</c>: one row per distinct words,
    /// verbatim, linked to a published participant or mechanism only where chosen, citing its place.
    /// </summary>
    private async Task<List<OutcomeDocumentDeveloper>> DevelopersAsync(
        BaliProcessDbContext db, IReadOnlyList<DeveloperInput>? input, string ownFile, IReadOnlyCollection<string> knownFiles, List<FieldProblem> problems, CancellationToken ct)
    {
        var used = UsedDevelopers(input).ToList();
        var developers = new List<OutcomeDocumentDeveloper>();
        if (used.Count > MaxDevelopers)
        {
            problems.Add(new("developedBy", T["At most {0} entries of who developed it.", MaxDevelopers]));
            return developers;
        }

        // Published records only (the query filters hide drafts and withdrawn ones): a link must lead to a public page.
        var participantSlugs = used.Select(x => x.Participant?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        var mechanismSlugs = used.Select(x => x.Mechanism?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        var participants = await db.Participants.Where(p => participantSlugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, ct);
        var mechanisms = await db.Mechanisms.Where(m => mechanismSlugs.Contains(m.Slug)).ToDictionaryAsync(m => m.Slug, StringComparer.Ordinal, ct);
        foreach (var (x, i) in used.Select((x, i) => (x, i + 1)))
        {
            var words = x.AsWritten?.Trim() ?? "";
            var what = T["Developed by, entry {0}", i].Value;
            if (words.Length == 0)
            {
                problems.Add(new("developedBy", T["{0}: paste the document's words that say who developed it, verbatim.", what]));
                continue;
            }

            if (words.Length > DeveloperWordsMaxLength)
            {
                problems.Add(new("developedBy", T["{0} has more than {1} characters.", what, DeveloperWordsMaxLength.ToString("N0", CultureInfo.CurrentCulture)]));
                continue;
            }

            if (StaffText.Problem(words, StaffText.Field(what)) is { } unsafeWords)
            {
                problems.Add(new("developedBy", unsafeWords));
                continue;
            }

            if (developers.Any(d => d.AsWritten == words))
            {
                problems.Add(new("developedBy", T["{0}: these words are given twice; give them once, with one place.", what]));
                continue;
            }

            Participant? participant = null;
            if (!string.IsNullOrWhiteSpace(x.Participant) && !participants.TryGetValue(x.Participant.Trim(), out participant))
            {
                problems.Add(new("developedBy", T["{0}: there is no published participant “{1}”; choose one from the list.", what, x.Participant.Trim()]));
                continue;
            }

            Mechanism? mechanism = null;
            if (!string.IsNullOrWhiteSpace(x.Mechanism) && !mechanisms.TryGetValue(x.Mechanism.Trim(), out mechanism))
            {
                problems.Add(new("developedBy", T["{0}: there is no published mechanism “{1}”; choose one from the list.", what, x.Mechanism.Trim()]));
                continue;
            }

            if (CitedPlaces.Cite(x.Location, ownFile, knownFiles, StaffText.Field(what), out var problem) is not { } cite)
            {
                problems.Add(new("developedBy", problem!));
                continue;
            }

            developers.Add(new OutcomeDocumentDeveloper { AsWritten = words, Participant = participant, Mechanism = mechanism, Sources = [cite] });
        }

        return developers;
    }

    private async Task<(List<FieldProblem> Problems, OutcomeDocument? Doc, List<string> MentionedInTitles)> BuildAsync(
        BaliProcessDbContext db, AddOutcomeDocumentRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var titles = new List<string>();
        var source = await db.SourceDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Slug == request.SourceSlug && d.Origin == RecordOrigin.Staff, ct);
        if (source is null)
        {
            problems.Add(new("source", T["There is no source document added in the portal at this address."]));
            return (problems, null, titles);
        }

        var knownFiles = await db.SourceDocuments.IgnoreQueryFilters().Select(d => d.FileName).ToListAsync(ct);
        if (!Enum.TryParse<OutcomeDocumentKind>(request.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            problems.Add(new("kind", T["Choose what kind of document it is."]));
        }

        OutcomeAction? action = null;
        if (!string.IsNullOrWhiteSpace(request.Action))
        {
            if (Enum.TryParse<OutcomeAction>(request.Action, out var a) && Enum.IsDefined(a) && !int.TryParse(request.Action, out _))
            {
                action = a;
            }
            else
            {
                problems.Add(new("action", T["Choose what the document says was done with it, or “not stated”."]));
            }
        }

        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new("title", T["Give the document's title as the document writes it (or, with the box ticked, the portal's words for it)."]));
        }
        else if (title.Length > TitleMaxLength)
        {
            problems.Add(new("title", T["The title has at most {0} characters.", TitleMaxLength.ToString("N0", CultureInfo.CurrentCulture)]));
        }
        else if (StaffText.Problem(title, StaffText.Field(T["Title"])) is { } unsafeTitle)
        {
            problems.Add(new("title", unsafeTitle));
        }

        PartialDate? date = null;
        if (!string.IsNullOrWhiteSpace(request.Date))
        {
            if (!PartialDate.TryParse(request.Date.Trim(), out var parsed) || parsed.Value.Year < 1990 || parsed.Value > StatusChangeRules.LatestEffectiveDate(time).AddYears(5))
            {
                problems.Add(new("date", T["Write the date as precisely as the document gives it: 2017, 2017-05 or 2017-05-26 (from 1990)."]));
            }
            else
            {
                date = parsed;
            }
        }

        var slug = string.IsNullOrWhiteSpace(request.Slug) ? WorkPlanEditor.Slugify(title.Length == 0 ? "document" : title) : request.Slug.Trim();
        if (!string.IsNullOrWhiteSpace(request.Slug) && (slug.Length > 100 || !SlugShape().IsMatch(slug)))
        {
            problems.Add(new("slug", T["The address is lowercase letters, digits and single hyphens (“financial-footprints-report”), at most 100 characters."]));
        }
        else if (await db.OutcomeDocuments.IgnoreQueryFilters().AnyAsync(d => d.Slug == slug, ct))
        {
            problems.Add(new("slug", T["The address “{0}” is another outcome document's; give another.", slug]));
        }

        // Meetings a draft may name: published ones and drafts (a meeting and its outcomes are often drawn from one document).
        var meetingSlugs = new[] { request.Meeting }.Concat(request.MentionedAtMeetings).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var meetings = await db.Meetings.IgnoreQueryFilters().Where(m => meetingSlugs.Contains(m.Slug) && m.WithdrawnAt == null).ToDictionaryAsync(m => m.Slug, StringComparer.Ordinal, ct);
        foreach (var missing in meetingSlugs.Where(s => !meetings.ContainsKey(s)))
        {
            problems.Add(new("meeting", T["There is no meeting “{0}”; choose one from the list.", missing]));
        }

        var paragraphs = new List<Paragraph>();
        foreach (var reference in CitedPlaces.References(request.MentionedIn))
        {
            if (CitedPlaces.ParagraphRef(reference) is not { } r)
            {
                problems.Add(new("mentionedIn", T["“{0}” is not a statement paragraph: write the statement's address and the paragraph's number, e.g. tip-working-group-third-meeting-2017-co-chairs-statement/10b.", reference]));
                continue;
            }

            var paragraph = await db.Paragraphs.IgnoreQueryFilters().Include(p => p.Statement)
                .FirstOrDefaultAsync(p => p.Statement!.Slug == r.Statement && p.Label == r.Label && p.Statement.WithdrawnAt == null, ct);
            if (paragraph is null)
            {
                problems.Add(new("mentionedIn", T["There is no paragraph {0} in a statement “{1}”.", r.Label, r.Statement]));
            }
            else if (!paragraphs.Contains(paragraph))
            {
                paragraphs.Add(paragraph);
                titles.Add($"{paragraph.Statement!.Title}, paragraph {paragraph.Label}");
            }
        }

        var sources = new List<SourceReference>();
        var locations = CitedPlaces.Lines(request.Locations);
        if (locations.Count == 0)
        {
            problems.Add(new("locations", T["Say where the document states these facts (a paragraph, section or page), one place a line."]));
        }

        foreach (var location in locations)
        {
            if (CitedPlaces.Cite(location, source.FileName, knownFiles, T["facts"], out var problem) is { } cite)
            {
                sources.Add(cite);
            }
            else
            {
                problems.Add(new("locations", problem!));
            }
        }

        var quotes = new List<Quote>();
        foreach (var (q, i) in UsedQuotes(request.Quotes).Select((q, i) => (q, i + 1)))
        {
            var text = q.Text?.Trim() ?? "";
            if (text.Length == 0 || text.Length > QuoteMaxLength)
            {
                problems.Add(new("quotes", text.Length == 0 ? T["Quote {0}: paste the passage, verbatim.", i] : T["Quote {0} has more than {1} characters.", i, QuoteMaxLength.ToString("N0", CultureInfo.CurrentCulture)]));
            }
            else if (StaffText.Problem(text, StaffText.Field(T["Quote {0}", i]), multiline: true) is { } unsafeQuote)
            {
                problems.Add(new("quotes", unsafeQuote));
            }
            else if (CitedPlaces.Cite(q.Location, source.FileName, knownFiles, StaffText.Field(T["Quote {0}", i]), out var problem) is { } cite)
            {
                quotes.Add(new Quote { Text = text, Source = cite });
            }
            else
            {
                problems.Add(new("quotes", problem!));
            }
        }

        if (quotes.Count > MaxQuotes)
        {
            problems.Add(new("quotes", T["At most {0} quotes.", MaxQuotes]));
        }

        var developers = await DevelopersAsync(db, request.DevelopedBy, source.FileName, knownFiles, problems, ct);

        if (problems.Count > 0)
        {
            return (problems, null, titles);
        }

        var doc = new OutcomeDocument
        {
            Slug = slug,
            Kind = kind,
            Title = title,
            TitleAddedByPortal = request.TitleAddedByPortal,
            Meeting = string.IsNullOrWhiteSpace(request.Meeting) ? null : meetings[request.Meeting.Trim()],
            Action = action,
            Date = date?.Value,
            DatePrecision = date?.Precision,
            Quotes = quotes,
            Sources = sources,
            MentionedAtMeetings = [.. request.MentionedAtMeetings.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => meetings[s.Trim()]).Distinct()],
            MentionedIn = paragraphs,
            DevelopedBy = developers,
        };
        return (problems, doc, titles);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex SlugShape();
}
