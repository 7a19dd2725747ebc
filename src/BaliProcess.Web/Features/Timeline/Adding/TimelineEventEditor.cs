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

namespace BaliProcess.Web.Features.Timeline.Adding;

/// <summary>
/// A dated event that is not a meeting, to add from a source document (decision 0035): its title as written, its date at
/// its precision, a summary in the document's words, the mechanism or participant it concerns, where, and the places in
/// the document that state it (one a line).
/// </summary>
public sealed record AddTimelineEventRequest(
    string SourceSlug, string? Title, string? Date, string? Summary, string? Place, string? Mechanism, string? Participant, string? Locations);

/// <summary>The write path for timeline events (decision 0035), as meetings (0029): check, add as a draft, publish (a second person).</summary>
public sealed class TimelineEventEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    IStringLocalizer<TimelineText> texts,
    ILogger<TimelineEventEditor> logger)
{
    public async Task<RecordCheck> CheckAsync(AddTimelineEventRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CheckAsync(db, request, ct);
        return c.Problems.Count > 0
            ? new RecordCheck(c.Problems, [])
            : new RecordCheck([], [
                new(texts["Title"], request.Title!.Trim()),
                PreviewRow.Portal(texts["When"], c.Date!.Value.ToString()),
                PreviewRow.Either(texts["Where"], Blank(request.Place), texts["Not stated"]),
                PreviewRow.Either(texts["Concerns"], string.Join("; ", new[] { c.Mechanism?.Name, c.Participant?.Name }.OfType<string>()) is { Length: > 0 } about ? about : null, texts["Nothing named"]),
                PreviewRow.Either(texts["In the document's words"], Blank(request.Summary), texts["No summary"]),
                new(texts["Source"], string.Join("; ", Lines(request.Locations).Select(l => $"{c.Source!.FileName}, {l}"))),
            ]);
    }

    public async Task<EditResult> AddAsync(ClaimsPrincipal? user, AddTimelineEventRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add timeline event", ct);
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

        var title = request.Title!.Trim();
        var date = c.Date!.Value;
        var e = new TimelineEvent
        {
            Slug = await FreeSlugAsync(db, SourceDocumentEditor.SlugFor(title, date), ct),
            Title = title,
            Date = date.Value,
            DatePrecision = date.Precision,
            Summary = Blank(request.Summary),
            Place = Blank(request.Place),
            Mechanism = c.Mechanism,
            Participant = c.Participant,
            Sources = [.. Lines(request.Locations).Select(l => Cite(c.Source!, l))],
        };
        MarkAdded(e, editor, time.GetUtcNow());
        db.TimelineEvents.Add(e);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("title", texts["An event with this title was added a moment ago; save again."]);
        }

        logger.LogInformation("Timeline event {Slug} (from {Document}) added as a draft by {Editor} ({UserId})", e.Slug, c.Source!.FileName, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = e.Slug };
    }

    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, string slug, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish timeline event", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var e = await db.TimelineEvents.FromSql($"SELECT * FROM timeline_events WHERE slug = {slug} FOR UPDATE").IgnoreQueryFilters()
            .Include(x => x.Mechanism).Include(x => x.Participant).FirstOrDefaultAsync(ct);
        if (e is null || e.Origin != RecordOrigin.Staff)
        {
            return EditResult.NotFound;
        }

        if (await RefusePublishAsync(db, e, e.Title, e.Sources, editor, editingOptions.Value, logger, "event", slug, ct) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        MarkPublished(e, editor, now);
        db.RecordRevisions.Add(Published(RecordRevisionKinds.TimelineEvent, e.Slug, e, editor, now, e.Sources, FieldsOf(e)));
        await changes.SaveAsync(db, ct);
        logger.LogInformation("Timeline event {Slug} published by {Editor} ({UserId})", slug, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = slug };
    }

    /// <summary>The event in the shape of timeline-events.json (decision 0035).</summary>
    internal static object FieldsOf(TimelineEvent e) => new
    {
        slug = e.Slug,
        title = e.Title,
        date = e.When.ToIsoString(),
        summary = e.Summary,
        place = e.Place,
        mechanism = e.Mechanism?.Slug,
        participant = e.Participant?.Name,
        sources = e.Sources.Select(Json),
        addedBy = e.AddedBy,
        addedAt = e.AddedAt,
        publishedBy = e.PublishedBy,
        publishedAt = e.PublishedAt,
    };

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    private sealed record Checked(List<FieldProblem> Problems, SourceDocument? Source, PartialDate? Date, Mechanism? Mechanism, Participant? Participant);

    private async Task<Checked> CheckAsync(BaliProcessDbContext db, AddTimelineEventRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var source = await StaffSourceAsync(db, request.SourceSlug, ct);
        if (source is null)
        {
            problems.Add(new("source", texts["There is no source document added in the portal at this address."]));
        }

        Text(problems, "title", "title", request.Title, ShortMaxLength, required: texts["Give the event's title, as the document writes it."]);
        var date = Date(problems, "date", request.Date, time, required: texts["Give the event's date, as precisely as the document gives it."]);
        Text(problems, "summary", "summary", request.Summary, TextMaxLength, multiline: true);
        Text(problems, "place", "place", request.Place, 200);
        Mechanism? mechanism = null;
        if (!string.IsNullOrWhiteSpace(request.Mechanism) && (mechanism = await db.Mechanisms.FirstOrDefaultAsync(m => m.Slug == request.Mechanism, ct)) is null)
        {
            problems.Add(new("mechanism", texts["There is no such working group or mechanism; choose one from the list."]));
        }

        Participant? participant = null;
        if (!string.IsNullOrWhiteSpace(request.Participant) && (participant = await db.Participants.FirstOrDefaultAsync(p => p.Slug == request.Participant, ct)) is null)
        {
            problems.Add(new("participant", texts["There is no such participant; choose one from the list."]));
        }

        var locations = Lines(request.Locations);
        if (locations.Count == 0)
        {
            problems.Add(new("locations", texts["Say where the document states the event (a paragraph, section or page), one place a line."]));
        }

        foreach (var location in locations)
        {
            Text(problems, "locations", "place in the document", location, LocationMaxLength);
        }

        return new Checked(problems, source, date, mechanism, participant);
    }

    private static async Task<string> FreeSlugAsync(BaliProcessDbContext db, string baseSlug, CancellationToken ct)
    {
        var taken = await db.TimelineEvents.IgnoreQueryFilters().Where(m => m.Slug.StartsWith(baseSlug)).Select(m => m.Slug).ToListAsync(ct);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }

        return slug;
    }
}
