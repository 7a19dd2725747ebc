using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BaliProcess.Data;
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

namespace BaliProcess.Web.Features.Statements.Adding;

/// <summary>
/// A statement to add from a source document: its meeting (slug), kind, title, date at its precision ("2017",
/// "2017-05", "2017-05-25") and the text staff trimmed from the document's. <see cref="SplitHash"/> is the hash of the
/// text whose split the person reviewed (<see cref="StatementEditor.HashOf"/>); a save with another text is refused.
/// <see cref="Location"/> is where the document gives the statement (empty: the pages the paragraphs are on), and
/// <see cref="Edits"/> what the person changed in the reviewed split, one entry per paragraph in its order (decision 0036).
/// </summary>
public sealed record AddStatementRequest(
    string SourceSlug, string? MeetingSlug, string? Kind, string? Title, string? Date, string? Text, string? SplitHash = null,
    string? Location = null, IReadOnlyList<ParagraphEdit>? Edits = null);

/// <summary>
/// A reviewed paragraph as the person left it: its label, the heading of the section it belongs to (the portal's, as
/// seed-data/'s "Key themes"), and where the document gives it. Null or empty label and place keep the split's.
/// </summary>
public sealed record ParagraphEdit(string? Label, string? Section, string? Location);

/// <summary>One paragraph as the review shows it: the split and the themes suggested for it.</summary>
public sealed record ReviewedParagraph(SplitParagraph Paragraph, IReadOnlyList<ThemeSuggestion> Suggestions);

/// <summary>A theme a person may tick for any paragraph (the whole taxonomy, besides the suggestions).</summary>
public sealed record ThemeChoice(string Slug, string Name);

/// <summary>The split of a statement's text, for review before saving; or what is wrong with the request.</summary>
public sealed record StatementReview(IReadOnlyList<FieldProblem> Problems, IReadOnlyList<ReviewedParagraph> Paragraphs, string SplitHash)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Every theme, by name: a person may tick one the suggestions leave out.</summary>
    public IReadOnlyList<ThemeChoice> Themes { get; init; } = [];
}

/// <summary>
/// The write path for statements drawn from a staff-added source document (decision 0024): review the split, add it
/// as a draft with the themes a person accepted, publish a draft (a second person). As every editor (decision 0006),
/// each write first asks <see cref="EditorAccess"/>, writes nothing when refused, and commits through
/// <see cref="RecordChanges"/> so every instance's caches and search index move on with the commit (decision 0018).
/// </summary>
public sealed class StatementEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    IStringLocalizer<StatementsText> texts,
    ILogger<StatementEditor> logger)
{
    public const int TitleMaxLength = 500;
    // A statement may be as long as the documents staff upload (Sources:MaxPages): a 100-page PDF of dense text extracts
    // to about 270,000 characters, and 1,000,000 stays well inside ASP.NET Core's 4 MB limit on one form value.
    public const int TextMaxLength = 1_000_000;
    public const int MaxParagraphs = 500;
    public const int LabelMaxLength = 20;
    public const int SectionMaxLength = 200;
    public const int LocationMaxLength = 300;

    /// <summary>The kinds a statement drawn from a document may have (a member's perspective needs its author: not here).</summary>
    public static readonly IReadOnlyList<StatementKind> Kinds =
        [StatementKind.CoChairsStatement, StatementKind.CoChairsSummary, StatementKind.OutcomesSummary, StatementKind.Strategy, StatementKind.Priorities];

    /// <summary>Checks the request, splits its text and ranks themes for each paragraph. Writes nothing.</summary>
    public async Task<StatementReview> ReviewAsync(AddStatementRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, _, _, split) = await CheckAsync(db, request, ct);
        if (problems.Count > 0)
        {
            return new StatementReview(problems, [], "");
        }

        var suggester = await SuggesterAsync(db, ct);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new ThemeChoice(t.Slug, t.Name)).ToListAsync(ct);
        return new StatementReview([], [.. split.Select(p => new ReviewedParagraph(p, suggester.Suggest(p.Text)))], HashOf(request.Text!)) { Themes = themes };
    }

    /// <summary>
    /// Adds the statement as a draft: its paragraphs as split, each with the themes accepted for it (label to theme
    /// slugs; nothing else is tagged), citing the source document and the place in it.
    /// </summary>
    public async Task<EditResult> AddAsync(
        ClaimsPrincipal? user, AddStatementRequest request, IReadOnlyDictionary<string, IReadOnlyList<string>> acceptedThemes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(acceptedThemes);
        var (editor, refusal) = await access.CheckAsync(user, "add statement", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, source, meeting, split) = await CheckAsync(db, request, ct);
        if (problems.Count == 0 && request.SplitHash != HashOf(request.Text!))
        {
            problems.Add(new("text", texts["The text changed since its split was shown: check the paragraphs below and save again."]));
        }

        var themeSlugs = acceptedThemes.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToList();
        var themes = await db.Themes.Where(t => themeSlugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        if (themeSlugs.Except(themes.Keys).FirstOrDefault() is { } unknownTheme)
        {
            problems.Add(new("themes", texts["There is no theme “{0}”; nothing was added.", unknownTheme]));
        }

        if (acceptedThemes.Keys.Except(split.Select(p => p.Label)).FirstOrDefault() is { } unknownLabel)
        {
            problems.Add(new("themes", texts["There is no paragraph {0} in the split; check the paragraphs and save again.", unknownLabel]));
        }

        var (edited, sections, editProblems) = Edited(split, request.Edits);
        problems.AddRange(editProblems);
        var statementLocation = string.IsNullOrWhiteSpace(request.Location) ? null : request.Location.Trim();
        if (statementLocation is { Length: > LocationMaxLength })
        {
            problems.Add(new("location", texts["Where the document gives the statement has at most {0} characters.", LocationMaxLength]));
        }
        else if (StaffText.Problem(statementLocation, texts["place in the document"]) is { } locationProblem)
        {
            problems.Add(new("location", locationProblem));
        }

        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        var date = ParseDate(request.Date, out _);
        var kind = Enum.Parse<StatementKind>(request.Kind!);
        var slug = await FreeSlugAsync(db, BaseSlug(meeting, kind, request.Title!.Trim(), date), ct);
        var year = date?.Year ?? meeting?.StartDate.Year;
        var mentions = await MentionFinderAsync(db, ct);
        var pages = split.Where(p => p.Page is not null).Select(p => p.Page!.Value).ToList();
        var statement = new Statement
        {
            Slug = slug,
            Kind = kind,
            Title = request.Title.Trim(),
            Meeting = meeting,
            Date = date?.Value,
            DatePrecision = date?.Precision,
            Origin = RecordOrigin.Staff,
            IsDraft = true,
            AddedBy = editor.DisplayName,
            AddedByUserId = editor.UserId,
            AddedAt = time.GetUtcNow(),
            Sources = [new SourceReference { Document = source!.FileName, Location = statementLocation ?? WhereInDocument(pages) }],
            // Themes were ticked against the split's labels; the paragraph keeps the label the person gave it.
            Paragraphs = [.. split.Select((p, i) => new Paragraph
            {
                Label = edited[i].Label,
                LabelAddedByPortal = edited[i].LabelAddedByPortal,
                Section = sections[i],
                Text = p.Text,
                Location = edited[i].Location,
                Sequence = i + 1,
                Year = year,
                IsDraft = true,
                Themes = [.. acceptedThemes.GetValueOrDefault(p.Label, []).Distinct(StringComparer.Ordinal).Select(t => themes[t])],
                Mentions = [.. mentions.Find(p.Text)],
            })],
        };
        db.Statements.Add(statement);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("title", texts["A statement with this name was added a moment ago; save again."]);
        }

        logger.LogInformation(
            "Statement {Slug} ({Paragraphs} paragraphs, from {Document}) added as a draft by {Editor} ({UserId})",
            slug, statement.Paragraphs.Count, source.FileName, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>
    /// Publishes a draft statement: from then on it is on its page, in the API, CSV, feeds, sitemap and search, and a
    /// revision records it. Refused to the account that added it unless <see cref="EditingOptions.AllowSelfPublish"/>,
    /// and while the document it cites is still a draft (the public page would cite a document nobody can see).
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, string slug, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish statement", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The row is locked until commit, so two reviewers publishing at once cannot both record themselves.
        var statement = await db.Statements
            .FromSql($"SELECT * FROM statements WHERE slug = {slug} FOR UPDATE")
            .IgnoreQueryFilters()
            .Include(s => s.Meeting)
            .Include(s => s.Paragraphs.OrderBy(p => p.Sequence)).ThenInclude(p => p.Themes)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (statement is null || statement.Origin != RecordOrigin.Staff)
        {
            return EditResult.NotFound;
        }

        if (!statement.IsDraft)
        {
            return EditResult.Invalid("publish", texts["{0} was already published by {1} on {2} UTC.", statement.Title, statement.PublishedBy ?? "", statement.PublishedAt?.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) ?? ""]);
        }

        if (editingOptions.Value.RefuseOwnDraft(statement.AddedByUserId, editor, logger, "statement", slug) is { } ownDraft)
        {
            return ownDraft;
        }

        var cited = statement.Sources.Select(s => s.Document).ToList();
        if (await EditingOptions.RefuseDraftCitationAsync(db, cited, "statement", ct) is { } draftCitation)
        {
            return draftCitation;
        }

        if (statement.Meeting is { IsDraft: true } draftMeeting)
        {
            return EditResult.Invalid("publish", texts["Its meeting, “{0}”, is still a draft: publish the meeting first, so the statement's readers can open it.", draftMeeting.Title]);
        }

        var now = time.GetUtcNow();
        statement.IsDraft = false;
        statement.PublishedBy = editor.DisplayName;
        statement.PublishedByUserId = editor.UserId;
        statement.PublishedAt = now;
        foreach (var paragraph in statement.Paragraphs)
        {
            paragraph.IsDraft = false;
        }

        db.RecordRevisions.Add(new RecordRevision
        {
            RecordKind = RecordRevisionKinds.Statement,
            RecordKey = statement.Slug,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = now,
            Reason = string.Create(CultureInfo.InvariantCulture, $"Published: added by {statement.AddedBy} on {statement.AddedAt:d MMMM yyyy HH:mm} UTC from {string.Join(", ", cited)}, reviewed and published by {editor.DisplayName}."),
            Before = null,
            After = FieldsOf(statement),
        });
        await changes.SaveAsync(db, ct);
        logger.LogInformation("Statement {Slug} published by {Editor} ({UserId})", slug, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>A short hash of the text whose split was reviewed (line ends as a browser may send them, made equal).</summary>
    public static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())))[..32];

    /// <summary>The statement's fields as a revision keeps them, in the seed-data shape (JSON).</summary>
    internal static string FieldsOf(Statement s) => JsonSerializer.Serialize(new
    {
        slug = s.Slug,
        kind = s.Kind.ToString(),
        title = s.Title,
        meeting = s.Meeting?.Slug,
        date = s.When?.ToString(),
        sources = s.Sources.Select(r => new { document = r.Document, location = r.Location }),
        addedBy = s.AddedBy,
        addedAt = s.AddedAt,
        publishedBy = s.PublishedBy,
        publishedAt = s.PublishedAt,
        paragraphs = s.Paragraphs.OrderBy(p => p.Sequence).Select(p => new
        {
            label = p.Label,
            section = p.Section,
            text = p.Text,
            themes = p.Themes.Select(t => t.Slug).Order(StringComparer.Ordinal),
            location = p.Location,
            labelAddedByPortal = p.LabelAddedByPortal,
        }),
    });

    private async Task<(List<FieldProblem> Problems, SourceDocument? Source, Meeting? Meeting, IReadOnlyList<SplitParagraph> Split)> CheckAsync(
        BaliProcessDbContext db, AddStatementRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var source = await db.SourceDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Slug == request.SourceSlug && d.Origin == RecordOrigin.Staff, ct);
        if (source is null)
        {
            problems.Add(new("source", texts["There is no source document added in the portal at this address."]));
        }

        Meeting? meeting = null;
        if (string.IsNullOrWhiteSpace(request.MeetingSlug))
        {
            problems.Add(new("meeting", texts["Choose the meeting the statement comes from."]));
        }
        // A draft meeting may be chosen (the meeting and its statement drawn from one new document); the statement is
        // then published only after its meeting (decision 0029).
        else if ((meeting = await db.Meetings.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Slug == request.MeetingSlug, ct)) is null)
        {
            problems.Add(new("meeting", texts["There is no such meeting; choose one from the list."]));
        }

        if (!Enum.TryParse<StatementKind>(request.Kind, out var kind) || !Kinds.Contains(kind))
        {
            problems.Add(new("kind", texts["Choose what kind of statement it is."]));
        }

        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new("title", texts["Give the statement's title, as the document writes it."]));
        }
        else if (title.Length > TitleMaxLength)
        {
            problems.Add(new("title", texts["A title has at most {0} characters.", TitleMaxLength]));
        }
        else if (StaffText.Problem(title, texts["title"]) is { } titleProblem)
        {
            problems.Add(new("title", titleProblem));
        }

        ParseDate(request.Date, out var dateProblem);
        if (dateProblem is not null)
        {
            problems.Add(new("date", dateProblem));
        }

        IReadOnlyList<SplitParagraph> split = [];
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            problems.Add(new("text", texts["Give the statement's text: the document's text, trimmed to the statement's paragraphs."]));
        }
        else if (request.Text.Length > TextMaxLength)
        {
            problems.Add(new("text", texts["The text has more than {0} characters; trim it to the statement.", TextMaxLength.ToString("N0", CultureInfo.CurrentCulture)]));
        }
        else if (StaffText.Problem(request.Text, texts["statement's text"], multiline: true) is { } textProblem)
        {
            problems.Add(new("text", textProblem));
        }
        else if ((split = StatementSplitter.Split(request.Text)).Count > MaxParagraphs)
        {
            problems.Add(new("text", texts["The text splits into {0} paragraphs, more than a statement has ({1}); trim it to the statement.", split.Count.ToString("N0", CultureInfo.CurrentCulture), MaxParagraphs]));
        }

        return (problems, source, meeting, split);
    }

    /// <summary>
    /// The split with the person's edits (decision 0036): a label they changed is the portal's (the document does not
    /// number the paragraph so), unique, letters, digits and hyphens; a section heading and a place are one line of
    /// staff text. Edits beyond the split's paragraphs are ignored (the text changed; the hash refuses the save anyway).
    /// </summary>
    public (IReadOnlyList<SplitParagraph> Paragraphs, IReadOnlyList<string?> Sections, List<FieldProblem> Problems) Edited(
        IReadOnlyList<SplitParagraph> split, IReadOnlyList<ParagraphEdit>? edits)
    {
        ArgumentNullException.ThrowIfNull(split);
        var problems = new List<FieldProblem>();
        var paragraphs = new List<SplitParagraph>();
        var sections = new List<string?>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < split.Count; i++)
        {
            var p = split[i];
            var edit = edits is not null && i < edits.Count ? edits[i] : null;
            var label = string.IsNullOrWhiteSpace(edit?.Label) ? p.Label : edit.Label.Trim();
            var location = string.IsNullOrWhiteSpace(edit?.Location) ? p.Location : edit.Location.Trim();
            var section = string.IsNullOrWhiteSpace(edit?.Section) ? null : edit.Section.Trim();
            if (label != p.Label && (label.Length > LabelMaxLength || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                problems.Add(new("labels", texts["The label “{0}” (paragraph {1}) may have up to {2} letters, digits and hyphens.", label, i + 1, LabelMaxLength]));
            }
            else if (!labels.Add(label))
            {
                problems.Add(new("labels", texts["Two paragraphs are labelled “{0}”; give each its own label.", label]));
            }

            if (location.Length > LocationMaxLength || StaffText.Problem(location, "place") is not null)
            {
                problems.Add(new("labels", texts["The place of paragraph {0} has at most {1} characters, on one line.", label, LocationMaxLength]));
            }

            if (section is { Length: > SectionMaxLength } || StaffText.Problem(section, "section") is not null)
            {
                problems.Add(new("labels", texts["The section heading of paragraph {0} has at most {1} characters, on one line.", label, SectionMaxLength]));
            }

            paragraphs.Add(p with { Label = label, LabelAddedByPortal = p.LabelAddedByPortal || label != p.Label, Location = location });
            sections.Add(section);
        }

        return (paragraphs, sections, problems);
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
            problem = texts["Write the date as precisely as the document gives it: 2017, 2017-05 or 2017-05-25."];
            return null;
        }

        if (parsed.Value < new DateOnly(1990, 1, 1) || parsed.Value > StatusChangeRules.LatestEffectiveDate(time))
        {
            problem = texts["The date is before 1990 or in the future; check it."];
            return null;
        }

        return parsed;
    }

    /// <summary>"pages 36–39" of a PDF, "page 3", or "the whole document" when the text has no pages.</summary>
    private static string WhereInDocument(List<int> pages) => pages.Count == 0
        ? "the statement's text in the document"
        : pages.Min() == pages.Max()
            ? string.Create(CultureInfo.InvariantCulture, $"page {pages.Min()}")
            : string.Create(CultureInfo.InvariantCulture, $"pages {pages.Min()}–{pages.Max()}");

    /// <summary>As the seeded statements are named: the meeting's slug and the kind ("…-co-chairs-statement").</summary>
    private static string BaseSlug(Meeting? meeting, StatementKind kind, string title, PartialDate? date)
    {
        var kindSlug = WorkPlanEditor.Slugify(string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + c : c.ToString())));
        return meeting is null ? SourceDocumentEditor.SlugFor(title, date) : $"{meeting.Slug}-{kindSlug}";
    }

    private static async Task<string> FreeSlugAsync(BaliProcessDbContext db, string baseSlug, CancellationToken ct)
    {
        var taken = await db.Statements.IgnoreQueryFilters().Where(s => s.Slug.StartsWith(baseSlug)).Select(s => s.Slug).ToListAsync(ct);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }

        return slug;
    }

    private static async Task<ThemeSuggester> SuggesterAsync(BaliProcessDbContext db, CancellationToken ct)
    {
        var names = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Name, StringComparer.Ordinal, ct);
        var tagged = await db.Paragraphs.AsNoTracking()
            .Where(p => p.Themes.Any())
            .Select(p => new { p.Text, Themes = p.Themes.Select(t => t.Slug).ToList() })
            .ToListAsync(ct);
        return new ThemeSuggester(tagged.Select(t => (t.Text, (IReadOnlyCollection<string>)t.Themes)), names);
    }

    /// <summary>The members and observers a paragraph names (by name, full name or alias), as the seed loader finds them.</summary>
    private static async Task<MentionFinder> MentionFinderAsync(BaliProcessDbContext db, CancellationToken ct)
    {
        var participants = await db.Participants.ToListAsync(ct);
        var matcher = new ParticipantMatcher(participants.Select(p => (p.Slug, (IEnumerable<string>)[p.Name, p.FullName ?? "", .. p.Aliases])));
        var bySlug = participants.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        return new MentionFinder(text => [.. matcher.FindMentions(text).Select(s => bySlug[s])]);
    }

    private sealed record MentionFinder(Func<string, List<Participant>> Find);
}
