using System.Security.Claims;
using System.Text;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

public sealed record AddItemRequest(int WorkPlanId, string? Number, string? Text, ActionItemStatus? Status, string? Note, DateOnly? EffectiveDate);

public sealed record NewWorkPlanRequest(string? MechanismSlug, string? Title, string? Period, int? StartYear, int? EndYear, string? AdoptedAtMeetingSlug);

/// <summary>
/// The portal's only write path for work plans. Every method first checks the caller on the server
/// (<see cref="EditorAccess"/>: signed in, enabled, an editing role in the account store), writes nothing
/// when refused, and runs in one short transaction of its own. A status change is optimistic: it lands only
/// if the item still has the version (xmin) the editor saw, and it appends exactly one history entry in the
/// same transaction.
/// </summary>
public sealed class WorkPlanEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory, EditorAccess access, TimeProvider time, RecordChanges changes, ILogger<WorkPlanEditor> logger,
    IStringLocalizer<WorkPlansText> t)
{

    public const int ItemTextMaxLength = 4000;
    public const int TitleMaxLength = 300;

    public async Task<EditResult> ChangeStatusAsync(ClaimsPrincipal? user, StatusChangeRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "status change", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var item = await db.ActionItems.FirstOrDefaultAsync(i => i.Id == request.ItemId, ct);
        if (item is null)
        {
            return EditResult.NotFound;
        }

        if (item.Version != request.SeenVersion)
        {
            // Someone saved since the editor opened the item: show them what is there now.
            return new EditResult(EditOutcome.Conflict) { Current = await StateAsync(db, item.Id, ct) };
        }

        var problems = StatusChangeRules.Check(request, item.Status, StatusChangeRules.LatestEffectiveDate(time));
        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        var from = item.Status;
        var note = request.Note!.Trim();

        // The item first, guarded by the version the editor saw (UPDATE ... WHERE xmin = seen). Its row lock is
        // held until commit, so the history of one item is appended in the order its changes land.
        db.Entry(item).Property(i => i.Version).OriginalValue = request.SeenVersion;
        item.Status = request.NewStatus!.Value;
        item.StatusText = note;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return new EditResult(EditOutcome.Conflict) { Current = await StateAsync(fresh, request.ItemId, ct) };
        }

        var change = new ActionItemStatusChange
        {
            ActionItemId = item.Id,
            FromStatus = from,
            ToStatus = item.Status,
            Note = note,
            EffectiveDate = request.EffectiveDate!.Value,
            EffectivePrecision = DatePrecision.Day,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = time.GetUtcNow(),
        };
        db.ActionItemStatusChanges.Add(change);
        await changes.SaveAsync(db, ct);
        logger.LogInformation("Status of item {ItemId} changed from {From} to {To} by {Editor} ({UserId})", item.Id, from, item.Status, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved)
        {
            ChangeId = change.Id,
            Current = new ItemState(item.Id, item.Status, item.StatusText, item.Version, change.ChangedBy, change.ChangedAt, change.Note, change.Effective),
        };
    }

    public async Task<EditResult> AddItemAsync(ClaimsPrincipal? user, AddItemRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add item", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        var problems = new List<FieldProblem>();
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            problems.Add(new("text", t["Write the action item's text."]));
        }
        else if (text.Length > ItemTextMaxLength)
        {
            problems.Add(new("text", t["The text has {0:N0} characters; at most {1:N0} are allowed.", text.Length, ItemTextMaxLength]));
        }
        else if (StaffText.Problem(text, StaffText.Field(t["Text"]), multiline: true) is { } unsafeText)
        {
            problems.Add(new("text", unsafeText));
        }

        var number = request.Number?.Trim();
        if (number is { Length: > 20 })
        {
            problems.Add(new("number", t["An item number has at most 20 characters."]));
        }
        else if (StaffText.Problem(number, t["item number"]) is { } unsafeNumber)
        {
            problems.Add(new("number", unsafeNumber));
        }

        // The first status follows the same rules as a change (there is no current status to repeat).
        problems.AddRange(StatusChangeRules.Check(
            new StatusChangeRequest(0, 0, request.Status, request.Note, request.EffectiveDate), (ActionItemStatus)(-1), StatusChangeRules.LatestEffectiveDate(time)));
        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await db.WorkPlans.Include(w => w.Items).FirstOrDefaultAsync(w => w.Id == request.WorkPlanId, ct);
        if (plan is null)
        {
            return EditResult.NotFound;
        }

        number = string.IsNullOrEmpty(number) ? NextNumber(plan.Items) : number;
        if (plan.Items.Any(i => string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase)))
        {
            return EditResult.Invalid("number", t["The work plan already has an item {0}.", number]);
        }

        var now = time.GetUtcNow();
        var note = request.Note!.Trim();
        var item = new ActionItem
        {
            Number = number,
            Text = text,
            Status = request.Status!.Value,
            StatusText = note,
            Sequence = plan.Items.Count == 0 ? 1 : plan.Items.Max(i => i.Sequence) + 1,
            Origin = RecordOrigin.Staff,
        };
        item.StatusChanges.Add(new ActionItemStatusChange
        {
            ToStatus = item.Status,
            Note = note,
            EffectiveDate = request.EffectiveDate!.Value,
            EffectivePrecision = DatePrecision.Day,
            ChangedBy = editor.DisplayName,
            ChangedByUserId = editor.UserId,
            ChangedAt = now,
        });
        plan.Items.Add(item);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("number", t["Someone added an item {0} to this work plan a moment ago; reload and choose another number.", number]);
        }

        logger.LogInformation("Item {Number} added to work plan {Plan} by {Editor} ({UserId})", number, plan.Slug, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = number };
    }

    public async Task<EditResult> CreateWorkPlanAsync(ClaimsPrincipal? user, NewWorkPlanRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "create work plan", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        var problems = new List<FieldProblem>();
        var title = request.Title?.Trim() ?? "";
        var period = request.Period?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new("title", t["Give the work plan's title."]));
        }
        else if (title.Length > TitleMaxLength)
        {
            problems.Add(new("title", t["A title has at most {0} characters.", TitleMaxLength]));
        }
        else if (StaffText.Problem(title, StaffText.Field(t["Title"])) is { } unsafeTitle)
        {
            problems.Add(new("title", unsafeTitle));
        }

        if (period.Length == 0)
        {
            problems.Add(new("period", t["Give the period as the documents write it, for example 2017–19."]));
        }
        else if (period.Length > 40)
        {
            problems.Add(new("period", t["A period has at most 40 characters."]));
        }
        else if (StaffText.Problem(period, StaffText.Field(t["Period"])) is { } unsafePeriod)
        {
            problems.Add(new("period", unsafePeriod));
        }

        if (request.StartYear is not (>= 2002 and <= 2100))
        {
            problems.Add(new("startYear", t["Give the first year (2002 or later)."]));
        }

        if (request.EndYear is not { } end || end < (request.StartYear ?? 0) || end > (request.StartYear ?? 0) + 20)
        {
            problems.Add(new("endYear", t["Give the last year: not before the first year, and at most 20 years after it."]));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mechanism = string.IsNullOrWhiteSpace(request.MechanismSlug) ? null
            : await db.Mechanisms.FirstOrDefaultAsync(m => m.Slug == request.MechanismSlug, ct);
        if (mechanism is null)
        {
            problems.Add(new("mechanism", t["Choose the working group the plan belongs to."]));
        }

        Meeting? meeting = null;
        if (!string.IsNullOrWhiteSpace(request.AdoptedAtMeetingSlug))
        {
            meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Slug == request.AdoptedAtMeetingSlug, ct);
            if (meeting is null)
            {
                problems.Add(new("meeting", t["The meeting chosen is not in the portal."]));
            }
        }

        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        var baseSlug = Slugify(title);
        var taken = await db.WorkPlans.Where(w => w.Slug.StartsWith(baseSlug)).Select(w => w.Slug).ToListAsync(ct);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        db.WorkPlans.Add(new WorkPlan
        {
            Slug = slug,
            Title = title,
            Period = period,
            StartYear = request.StartYear!.Value,
            EndYear = request.EndYear!.Value,
            Mechanism = mechanism,
            AdoptedAtMeeting = meeting,
            Origin = RecordOrigin.Staff,
        });
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("title", t["A work plan with this title was created a moment ago; reload the list."]);
        }

        logger.LogInformation("Work plan {Slug} created by {Editor} ({UserId})", slug, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    public Task<EditResult> LinkParagraphAsync(ClaimsPrincipal? user, int itemId, int paragraphId, CancellationToken ct = default) =>
        SetParagraphLinkAsync(user, itemId, paragraphId, linked: true, ct);

    public Task<EditResult> UnlinkParagraphAsync(ClaimsPrincipal? user, int itemId, int paragraphId, CancellationToken ct = default) =>
        SetParagraphLinkAsync(user, itemId, paragraphId, linked: false, ct);

    public Task<EditResult> LinkThemeAsync(ClaimsPrincipal? user, int itemId, string themeSlug, CancellationToken ct = default) =>
        SetThemeAsync(user, itemId, themeSlug, linked: true, ct);

    public Task<EditResult> UnlinkThemeAsync(ClaimsPrincipal? user, int itemId, string themeSlug, CancellationToken ct = default) =>
        SetThemeAsync(user, itemId, themeSlug, linked: false, ct);

    private async Task<EditResult> SetParagraphLinkAsync(ClaimsPrincipal? user, int itemId, int paragraphId, bool linked, CancellationToken ct)
    {
        var (editor, refusal) = await access.CheckAsync(user, linked ? "link paragraph" : "unlink paragraph", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ActionItems.Include(i => i.ParagraphLinks).FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || !await db.Paragraphs.AnyAsync(p => p.Id == paragraphId, ct))
        {
            return EditResult.NotFound;
        }

        // From the first staff edit on, this item's list is the secretariat's: a seed load leaves it alone.
        var before = item.Version;
        item.ParagraphLinksSetByStaff = true;
        var existing = item.ParagraphLinks.FirstOrDefault(l => l.ParagraphId == paragraphId);
        if (linked && existing is null)
        {
            item.ParagraphLinks.Add(new ActionItemParagraphLink
            {
                ParagraphId = paragraphId,
                Origin = RecordOrigin.Staff,
                LinkedBy = editor.DisplayName,
                LinkedAt = time.GetUtcNow(),
            });
        }
        else if (!linked && existing is not null)
        {
            item.ParagraphLinks.Remove(existing);
        }

        await changes.SaveAsync(db, ct);
        logger.LogInformation("Paragraph {ParagraphId} {Action} item {ItemId} by {Editor} ({UserId})", paragraphId, linked ? "linked to" : "unlinked from", itemId, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { VersionBefore = before, VersionAfter = item.Version };
    }

    private async Task<EditResult> SetThemeAsync(ClaimsPrincipal? user, int itemId, string themeSlug, bool linked, CancellationToken ct)
    {
        var (editor, refusal) = await access.CheckAsync(user, linked ? "link theme" : "unlink theme", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ActionItems.Include(i => i.Themes).FirstOrDefaultAsync(i => i.Id == itemId, ct);
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Slug == themeSlug, ct);
        if (item is null || theme is null)
        {
            return EditResult.NotFound;
        }

        var before = item.Version;
        item.ThemesSetByStaff = true;
        if (linked && !item.Themes.Contains(theme))
        {
            item.Themes.Add(theme);
        }
        else if (!linked)
        {
            item.Themes.Remove(theme);
        }

        await changes.SaveAsync(db, ct);
        logger.LogInformation("Theme {Theme} {Action} item {ItemId} by {Editor} ({UserId})", themeSlug, linked ? "linked to" : "unlinked from", itemId, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { VersionBefore = before, VersionAfter = item.Version };
    }

    /// <summary>The item now, with its latest history entry.</summary>
    public static async Task<ItemState?> StateAsync(BaliProcessDbContext db, int itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.ActionItems.AsNoTracking()
            .Where(i => i.Id == itemId)
            .Select(i => new
            {
                i.Id, i.Status, i.StatusText, i.Version,
                Last = i.StatusChanges.OrderByDescending(c => c.Id).Select(c => new { c.ChangedBy, c.ChangedAt, c.Note, c.EffectiveDate, c.EffectivePrecision }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new ItemState(
            row.Id, row.Status, row.StatusText, row.Version, row.Last?.ChangedBy, row.Last?.ChangedAt, row.Last?.Note,
            row.Last is { } l ? new PartialDate(l.EffectiveDate, l.EffectivePrecision) : null);
    }

    /// <summary>One more than the highest numeric item number ("11" after "10").</summary>
    private static string NextNumber(IEnumerable<ActionItem> items) =>
        ((items.Select(i => int.TryParse(i.Number, out var n) ? n : 0).DefaultIfEmpty(0).Max()) + 1)
        .ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Lowercase ASCII words joined by hyphens, as seed-data slugs are ("forward-work-plan-2017-19").</summary>
    public static string Slugify(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark
                     && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-');
        }

        return slug.Length == 0 ? "work-plan" : slug;
    }
}
