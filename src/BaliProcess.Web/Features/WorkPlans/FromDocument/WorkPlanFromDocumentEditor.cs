using System.Security.Claims;
using System.Text.Json;
using BaliProcess.Data;
using BaliProcess.Data.Corrections;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Documents.Adding;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BaliProcess.Web.Features.WorkPlans.FromDocument;

/// <summary>
/// What the review step lets a person set for one split item: its place (prefilled), the status the document gives
/// (empty: the plan's), the status cell's words, its themes (slugs) and the statement paragraphs that asked for it
/// ("statement-slug/10b", separated by commas).
/// </summary>
public sealed record ItemInput(string? Location, string? Status, string? StatusText, IReadOnlyList<string> Themes, string? AskedFor);

/// <summary>
/// A work plan to add from a source document (decision 0033): title as written, optional address, period as written,
/// working group, the meetings that adopted or updated it, the places that set it out (one a line), the items pasted as
/// text with the place of the list, the status the document gives its items (<see cref="ActionItemStatus.NotStated"/>
/// when it gives none) and, after the check, one <see cref="ItemInput"/> per split item. <see cref="ItemsHash"/> is the
/// hash of the pasted items whose split the person saw.
/// </summary>
public sealed record AddWorkPlanRequest(
    string SourceSlug, string? Title, string? Slug, string? Period, string? Mechanism, string? AdoptedAtMeeting, string? UpdatedAtMeeting,
    string? Locations, string? ItemsText, string? ItemsLocation, string? Status, IReadOnlyList<ItemInput> Items, string? ItemsHash = null);

/// <summary>The check of a work plan: its items as split, or what is wrong, and the hash a save must carry.</summary>
public sealed record WorkPlanCheck(IReadOnlyList<FieldProblem> Problems, IReadOnlyList<SplitItem> Items, string ItemsHash)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The write path for work plans a staff-added document sets out (decision 0033), as meetings (0029) and statements
/// (0024): check the request and split the pasted items for review, add the plan and its items as a draft, publish a
/// draft (a second person), when each item gets its first status entry, drawn from the document as a seeded item's is.
/// Each write first asks <see cref="EditorAccess"/>, writes nothing when refused, and commits through <see cref="RecordChanges"/>.
/// </summary>
public sealed partial class WorkPlanFromDocumentEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    ILogger<WorkPlanFromDocumentEditor> logger)
{
    public const int ItemsMaxLength = 60_000;
    public const int MaxItems = 200;

    /// <summary>Checks the request and splits the items. Writes nothing.</summary>
    public async Task<WorkPlanCheck> CheckAsync(AddWorkPlanRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, _, split) = await BuildAsync(db, request, withItemInputs: false, ct);
        return new WorkPlanCheck(problems, problems.Count == 0 ? split : [], problems.Count == 0 ? HashOf(request) : "");
    }

    /// <summary>Adds the plan and its items as a draft; the items have no status history until it is published.</summary>
    public async Task<EditResult> AddAsync(ClaimsPrincipal? user, AddWorkPlanRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add work plan", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, plan, _) = await BuildAsync(db, request, withItemInputs: true, ct);
        if (problems.Count == 0 && request.ItemsHash != HashOf(request))
        {
            problems.Add(new("items", WorkPlansText.Say("The items changed since they were split: check the items below and save again.")));
        }

        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        foreach (var link in plan!.Items.SelectMany(i => i.ParagraphLinks))
        {
            link.LinkedBy = editor.DisplayName;
        }

        plan.Origin = RecordOrigin.Staff;
        plan.IsDraft = true;
        plan.AddedBy = editor.DisplayName;
        plan.AddedByUserId = editor.UserId;
        plan.AddedAt = time.GetUtcNow();
        db.WorkPlans.Add(plan);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("slug", WorkPlansText.Say("A work plan with this address was added a moment ago; choose another address."));
        }

        logger.LogInformation("Work plan {Slug} ({Items} items) added as a draft by {Editor} ({UserId})", plan.Slug, plan.Items.Count, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = plan.Slug };
    }

    /// <summary>
    /// Publishes a draft plan: from then on it is on /work-plans, its page, its items' pages, the working group's page,
    /// theme pages, search, the API, CSV and the data package; each item gets its first status entry (the status the
    /// document gives, dated with the document, as a seeded item's), and a revision records it. Refused to the account
    /// that added it unless <see cref="EditingOptions.AllowSelfPublish"/>, while a document it cites is a draft, and
    /// while its meetings or the statements that asked for its items are.
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, string slug, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish work plan", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await db.WorkPlans
            .FromSql($"SELECT * FROM work_plans WHERE slug = {slug} FOR UPDATE")
            .IgnoreQueryFilters()
            .Include(w => w.Mechanism).Include(w => w.AdoptedAtMeeting).Include(w => w.UpdatedAtMeeting)
            .Include(w => w.Items).ThenInclude(i => i.Themes)
            .Include(w => w.Items).ThenInclude(i => i.ParagraphLinks).ThenInclude(l => l.Paragraph!.Statement)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (plan is null || plan.Origin != RecordOrigin.Staff || plan.AddedBy is null)
        {
            return EditResult.NotFound;
        }

        if (!plan.IsDraft)
        {
            return EditResult.Invalid("publish", WorkPlansText.Say("{0} was already published by {1} on {2:d MMMM yyyy HH:mm} UTC.", plan.Title, plan.PublishedBy, plan.PublishedAt));
        }

        if (editingOptions.Value.RefuseOwnDraft(plan.AddedByUserId, editor, logger, "work plan", slug) is { } ownDraft)
        {
            return ownDraft;
        }

        var cited = plan.Sources.Concat(plan.Items.SelectMany(i => i.Sources)).Select(s => s.Document).Distinct(StringComparer.Ordinal).ToList();
        var documents = await db.SourceDocuments.IgnoreQueryFilters().Where(d => cited.Contains(d.FileName)).ToListAsync(ct);
        if (documents.FirstOrDefault(d => d.IsDraft) is { } draftDocument)
        {
            return EditResult.Invalid("publish", WorkPlansText.Say("The document it cites, “{0}”, is still a draft: publish the document first, so readers can open what it cites.", draftDocument.Title));
        }

        if (new[] { plan.AdoptedAtMeeting, plan.UpdatedAtMeeting }.FirstOrDefault(m => m is { IsDraft: true }) is { } draftMeeting)
        {
            return EditResult.Invalid("publish", WorkPlansText.Say("Its meeting “{0}” is still a draft: publish the meeting first.", draftMeeting.Title));
        }

        if (plan.Items.SelectMany(i => i.ParagraphLinks).FirstOrDefault(l => l.Paragraph!.IsDraft) is { } draftLink)
        {
            return EditResult.Invalid("publish", WorkPlansText.Say("The statement “{0}” that asked for one of its items is still a draft: publish the statement first.", draftLink.Paragraph!.Statement!.Title));
        }

        var now = time.GetUtcNow();
        var dates = documents.ToDictionary(d => d.FileName, d => d.Published, StringComparer.Ordinal);
        foreach (var item in plan.Items)
        {
            // The first entry is the document's, as the seed loader writes a seeded item's (SeedWriter.NewSeedItem): the
            // status it gives, dated with the document, attributed to the plan, marked as drawn from the document.
            var source = item.Sources.FirstOrDefault() ?? plan.Sources.FirstOrDefault();
            var effective = source is not null && dates.GetValueOrDefault(source.Document) is { } d
                ? d
                : new PartialDate(new DateOnly(Math.Max(plan.StartYear, 1), 1, 1), DatePrecision.Year);
            var note = string.IsNullOrWhiteSpace(item.StatusText)
                ? $"Status as recorded in {source?.Document ?? "the source document"}{(source?.Location is { } l ? ", " + l : "")}"
                : item.StatusText;
            item.StatusChanges.Add(new ActionItemStatusChange
            {
                ToStatus = item.Status,
                Note = note.Length > ActionItemStatusChange.NoteMaxLength ? note[..ActionItemStatusChange.NoteMaxLength] : note,
                EffectiveDate = effective.Value,
                EffectivePrecision = effective.Precision,
                ChangedBy = plan.Title,
                ChangedAt = now,
                FromSeed = true,
                SourceDocument = source?.Document,
            });
        }

        plan.IsDraft = false;
        plan.PublishedBy = editor.DisplayName;
        plan.PublishedByUserId = editor.UserId;
        plan.PublishedAt = now;
        db.RecordRevisions.Add(new RecordRevision
        {
            RecordKind = RecordRevisionKinds.WorkPlan,
            RecordKey = plan.Slug,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = now,
            Reason = Reason($"Published: added by {plan.AddedBy} on {plan.AddedAt:d MMMM yyyy HH:mm} UTC from {string.Join(", ", cited)}, reviewed and published by {editor.DisplayName}."),
            Before = null,
            After = FieldsOf(plan),
        });
        await changes.SaveAsync(db, ct); // commits the transaction that holds the lock
        logger.LogInformation("Work plan {Slug} ({Items} items) published by {Editor} ({UserId})", slug, plan.Items.Count, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>The hash of the pasted items and the place of the list, whose split the person saw.</summary>
    public static string HashOf(AddWorkPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CitedPlaces.Hash([request.ItemsText, request.ItemsLocation]);
    }

    /// <summary>The plan as a revision keeps it, in the seed-data shape of work-plans.json (plus who added and published it).</summary>
    internal static string FieldsOf(WorkPlan w) => JsonSerializer.Serialize(new
    {
        slug = w.Slug,
        title = w.Title,
        mechanism = w.Mechanism?.Slug,
        period = w.Period,
        startYear = w.StartYear,
        endYear = w.EndYear,
        adoptedAtMeeting = w.AdoptedAtMeeting?.Slug,
        updatedAtMeeting = w.UpdatedAtMeeting?.Slug,
        sources = w.Sources.Select(Json),
        items = w.Items.OrderBy(i => i.Sequence).Select(i => new
        {
            number = i.Number,
            numberAddedByPortal = i.NumberAddedByPortal,
            text = i.Text,
            status = i.Status.ToString(),
            statusText = i.StatusText,
            themes = i.Themes.Select(t => t.Slug).Order(StringComparer.Ordinal),
            source = i.Sources.Select(Json).FirstOrDefault(),
            askedFor = i.ParagraphLinks.Select(l => new { statement = l.Paragraph?.Statement?.Slug, paragraph = l.Paragraph?.Label }),
        }),
        addedBy = w.AddedBy,
        addedAt = w.AddedAt,
        publishedBy = w.PublishedBy,
        publishedAt = w.PublishedAt,
    });

    private static object Json(SourceReference s) => new { document = s.Document, location = s.Location };

    private static string Reason(string text) => text.Length <= RecordRevision.ReasonMaxLength ? text : text[..(RecordRevision.ReasonMaxLength - 1)] + "…";

    private async Task<(List<FieldProblem> Problems, WorkPlan? Plan, IReadOnlyList<SplitItem> Split)> BuildAsync(
        BaliProcessDbContext db, AddWorkPlanRequest request, bool withItemInputs, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var source = await db.SourceDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Slug == request.SourceSlug && d.Origin == RecordOrigin.Staff, ct);
        if (source is null)
        {
            problems.Add(new("source", WorkPlansText.Say("There is no source document added in the portal at this address.")));
            return (problems, null, []);
        }

        var knownFiles = await db.SourceDocuments.IgnoreQueryFilters().Select(d => d.FileName).ToListAsync(ct);
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new("title", WorkPlansText.Say("Give the work plan's title, as the document writes it.")));
        }
        else if (title.Length > WorkPlanEditor.TitleMaxLength)
        {
            problems.Add(new("title", WorkPlansText.Say("A title has at most {0} characters.", WorkPlanEditor.TitleMaxLength)));
        }
        else if (StaffText.Problem(title, StaffText.Field(WorkPlansText.Say("Title"))) is { } unsafeTitle)
        {
            problems.Add(new("title", unsafeTitle));
        }

        var slug = string.IsNullOrWhiteSpace(request.Slug) ? WorkPlanEditor.Slugify(title.Length == 0 ? "work-plan" : title) : request.Slug.Trim();
        if (!string.IsNullOrWhiteSpace(request.Slug) && (slug.Length > 100 || !SlugShape().IsMatch(slug)))
        {
            problems.Add(new("slug", WorkPlansText.Say("The address is lowercase letters, digits and single hyphens (“tip-working-group-forward-work-plan-2017-19”), at most 100 characters.")));
        }
        else if (await db.WorkPlans.IgnoreQueryFilters().AnyAsync(w => w.Slug == slug, ct))
        {
            problems.Add(new("slug", WorkPlansText.Say("The address “{0}” is another work plan's; give another.", slug)));
        }

        var period = request.Period?.Trim() ?? "";
        int start = 0, end = 0;
        if (period.Length is 0 or > 40 || StaffText.Problem(period, "period") is not null || CorrectableRecords.ParsePeriod(period, out start, out end) is not null)
        {
            problems.Add(new("period", WorkPlansText.Say("Write the period as the document gives it: 2017–19, 2017-2019.")));
        }

        var mechanism = string.IsNullOrWhiteSpace(request.Mechanism) ? null : await db.Mechanisms.FirstOrDefaultAsync(m => m.Slug == request.Mechanism, ct);
        if (mechanism is null)
        {
            problems.Add(new("mechanism", WorkPlansText.Say("Choose the working group or mechanism whose plan it is.")));
        }

        async Task<Meeting?> MeetingAsync(string? meetingSlug)
        {
            if (string.IsNullOrWhiteSpace(meetingSlug))
            {
                return null;
            }

            var meeting = await db.Meetings.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Slug == meetingSlug && m.WithdrawnAt == null, ct);
            if (meeting is null)
            {
                problems.Add(new("meeting", WorkPlansText.Say("There is no meeting “{0}”; choose one from the list.", meetingSlug)));
            }

            return meeting;
        }

        var adopted = await MeetingAsync(request.AdoptedAtMeeting);
        var updated = await MeetingAsync(request.UpdatedAtMeeting);
        var sources = new List<SourceReference>();
        var locations = CitedPlaces.Lines(request.Locations);
        if (locations.Count == 0)
        {
            problems.Add(new("locations", WorkPlansText.Say("Say where the document sets out the plan (a paragraph, section or page), one place a line.")));
        }

        foreach (var location in locations)
        {
            if (CitedPlaces.Cite(location, source.FileName, knownFiles, "plan", out var problem) is { } cite)
            {
                sources.Add(cite);
            }
            else
            {
                problems.Add(new("locations", problem!));
            }
        }

        if (!Enum.TryParse<ActionItemStatus>(request.Status, out var status) || !Enum.IsDefined(status) || int.TryParse(request.Status, out _))
        {
            problems.Add(new("status", WorkPlansText.Say("Choose the status the document gives the items (“not stated” when it gives none).")));
        }

        IReadOnlyList<SplitItem> split = [];
        if (string.IsNullOrWhiteSpace(request.ItemsText))
        {
            problems.Add(new("items", WorkPlansText.Say("Paste the plan's items as the document writes them.")));
        }
        else if (request.ItemsText.Length > ItemsMaxLength || StaffText.Problem(request.ItemsText, StaffText.Field(WorkPlansText.Say("Items")), multiline: true) is not null)
        {
            problems.Add(new("items", request.ItemsText.Length > ItemsMaxLength ? WorkPlansText.Say("The items are longer than {0:N0} characters.", ItemsMaxLength) : StaffText.Problem(request.ItemsText, StaffText.Field(WorkPlansText.Say("Items")), multiline: true)!));
        }
        else if (CitedPlaces.Cite(request.ItemsLocation, source.FileName, knownFiles, "list of items", out var listProblem) is null)
        {
            problems.Add(new("itemsLocation", listProblem!));
        }
        else
        {
            split = WorkPlanItemSplitter.Split(request.ItemsText, request.ItemsLocation);
            if (split.Count > MaxItems)
            {
                problems.Add(new("items", WorkPlansText.Say("The text splits into {0} items, more than a plan holds ({1}).", split.Count, MaxItems)));
            }

            foreach (var twice in split.GroupBy(i => i.Number, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add(new("items", WorkPlansText.Say("Two items are numbered {0}; number each once.", twice.Key)));
            }
        }

        if (!withItemInputs || problems.Count > 0)
        {
            return (problems, null, split);
        }

        if (request.Items.Count != split.Count)
        {
            problems.Add(new("items", WorkPlansText.Say("Check the items again: the list of items and their details do not match.")));
            return (problems, null, split);
        }

        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        var plan = new WorkPlan
        {
            Slug = slug,
            Title = title,
            Period = period,
            StartYear = start,
            EndYear = end,
            Mechanism = mechanism,
            AdoptedAtMeeting = adopted,
            UpdatedAtMeeting = updated,
            Sources = sources,
        };
        foreach (var (item, i) in split.Select((item, i) => (item, i)))
        {
            var input = request.Items[i];
            var label = StaffText.Field(WorkPlansText.Say("Item {0}", item.Number));
            var itemStatus = status;
            if (!string.IsNullOrWhiteSpace(input.Status)
                && !(Enum.TryParse(input.Status, out itemStatus) && Enum.IsDefined(itemStatus) && !int.TryParse(input.Status, out _)))
            {
                problems.Add(new("items", WorkPlansText.Say("Choose the status of item {0}.", item.Number)));
            }

            var statusText = string.IsNullOrWhiteSpace(input.StatusText) ? null : input.StatusText.Trim();
            if (statusText is { Length: > ActionItemStatusChange.NoteMaxLength } || StaffText.Problem(statusText, $"status of {label}", multiline: true) is not null)
            {
                problems.Add(new("items", WorkPlansText.Say("The status words of item {0} are longer than {1:N0} characters or hold characters a text may not.", item.Number, ActionItemStatusChange.NoteMaxLength)));
            }

            var cite = CitedPlaces.Cite(string.IsNullOrWhiteSpace(input.Location) ? item.Location : input.Location, source.FileName, knownFiles, label, out var placeProblem);
            if (cite is null)
            {
                problems.Add(new("items", placeProblem!));
            }

            var actionItem = new ActionItem
            {
                Number = item.Number,
                NumberAddedByPortal = item.NumberAddedByPortal,
                Sequence = i + 1,
                Text = item.Text,
                Status = itemStatus,
                StatusText = statusText,
                Origin = RecordOrigin.Staff,
                Sources = cite is null ? [] : [cite],
            };
            foreach (var theme in input.Themes.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal))
            {
                if (themes.TryGetValue(theme, out var t))
                {
                    actionItem.Themes.Add(t);
                }
                else
                {
                    problems.Add(new("items", WorkPlansText.Say("There is no theme “{0}” (on item {1}).", theme, item.Number)));
                }
            }

            foreach (var reference in CitedPlaces.References(input.AskedFor))
            {
                var r = CitedPlaces.ParagraphRef(reference);
                var paragraph = r is null ? null : await db.Paragraphs.IgnoreQueryFilters()
                    .FirstOrDefaultAsync(p => p.Statement!.Slug == r.Value.Statement && p.Label == r.Value.Label && p.Statement.WithdrawnAt == null, ct);
                if (paragraph is null)
                {
                    problems.Add(new("items", WorkPlansText.Say("“{0}” (on item {1}) is no statement paragraph: write the statement's address and the paragraph's number, e.g. tip-working-group-third-meeting-2017-co-chairs-statement/10a.", reference, item.Number)));
                }
                else if (!actionItem.ParagraphLinks.Any(l => l.ParagraphId == paragraph.Id))
                {
                    actionItem.ParagraphLinks.Add(new ActionItemParagraphLink
                    {
                        ParagraphId = paragraph.Id,
                        Origin = RecordOrigin.Staff,
                        LinkedBy = "", // set below, once the editor is known to the caller
                        LinkedAt = time.GetUtcNow(),
                        Sources = cite is null ? [] : [cite],
                    });
                }
            }

            plan.Items.Add(actionItem);
        }

        return (problems, problems.Count == 0 ? plan : null, split);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex SlugShape();
}
