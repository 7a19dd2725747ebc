using System.Security.Claims;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace BaliProcess.Web.Features.Drafts;

/// <summary>The drafts staff may discard: records added in the portal and not yet published.</summary>
public enum DraftKind
{
    Source,
    Statement,
    Meeting,
}

/// <summary>
/// Discards a draft nobody should publish (a mistaken upload, a statement split wrongly): the person who added it or an
/// Administrator removes it, with a reason that goes to the log (decision 0030). Only drafts: a published record is
/// withdrawn, never deleted, and a draft was never public, so the public record, its revisions and every export after it
/// lose nothing. Refused while another record cites the draft (a statement citing a draft document, a statement of a
/// draft meeting), so nothing is left citing what is gone. As every write (decision 0006): <see cref="EditorAccess"/>
/// first, nothing written when refused, committed through <see cref="RecordChanges"/> (decision 0018).
/// </summary>
public sealed class DraftDiscarder(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    IEditorAccounts accounts,
    RecordChanges changes,
    IStringLocalizer<DraftsText> text,
    ILogger<DraftDiscarder> logger)
{
    public const int ReasonMaxLength = 1_500;

    public async Task<EditResult> DiscardAsync(ClaimsPrincipal? user, DraftKind kind, string slug, string? reason, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, $"discard draft {kind.ToString().ToLowerInvariant()}", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return EditResult.Invalid("reason", text["Say why the draft is discarded (a mistaken upload, a wrong split…): the log keeps it."]);
        }

        if (reason.Length > ReasonMaxLength)
        {
            return EditResult.Invalid("reason", text["The reason has at most {0} characters.", ReasonMaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]);
        }

        if (StaffText.Problem(reason, text["reason"], multiline: true) is { } textProblem)
        {
            return EditResult.Invalid("reason", textProblem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var draft = await FindAsync(db, kind, slug, ct);
        if (draft is null)
        {
            return EditResult.NotFound;
        }

        if (!draft.IsDraft)
        {
            return EditResult.Invalid("discard", text["“{0}” is published: a published record is withdrawn with a reason (Correct this record), never discarded.", draft.Title]);
        }

        if (draft.AddedByUserId != editor.UserId && (await accounts.FindAsync(editor.UserId, ct))?.Roles.Contains(PortalRoles.Administrator) != true)
        {
            logger.LogWarning("Refused discard {Kind} {Slug}: {Editor} ({UserId}) did not add it and is no Administrator; nothing was written", kind, slug, editor.DisplayName, editor.UserId);
            return EditResult.Invalid("discard", text["Only {0}, who added this draft, or an Administrator may discard it.", draft.AddedBy ?? ""]);
        }

        if (await CitedByAsync(db, kind, draft, ct) is { } citing)
        {
            return EditResult.Invalid("discard", text["“{0}” cites this draft: discard or change it first, so nothing cites what is gone.", citing]);
        }

        // A document's file first: the relationship does not cascade in the model (a file is never severed from its document otherwise).
        if (draft.Entity is SourceDocument { File: { } file })
        {
            db.Remove(file);
        }

        db.Remove(draft.Entity);
        try
        {
            await changes.SaveAsync(db, ct); // commits the transaction that holds the row lock
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // Something cited it between the check and the delete: the database refuses, nothing is removed.
            return EditResult.Invalid("discard", text["Another record cites this draft since a moment ago; nothing was discarded."]);
        }

        logger.LogWarning(
            "Draft {Kind} {Slug} (“{Title}”, added by {AddedBy} ({AddedByUserId}) on {AddedAt:O}{File}) discarded by {Editor} ({UserId}): {Reason}",
            kind, slug, draft.Title, draft.AddedBy, draft.AddedByUserId, draft.AddedAt, draft.File, editor.DisplayName, editor.UserId, reason);
        return new EditResult(EditOutcome.Saved) { CreatedKey = draft.Title };
    }

    private sealed record Draft(object Entity, string Title, bool IsDraft, string? AddedBy, string? AddedByUserId, DateTimeOffset? AddedAt, string Cited, string File = "");

    /// <summary>The draft, its row locked until the transaction ends (two people discarding or publishing it wait in turn).</summary>
    private static async Task<Draft?> FindAsync(BaliProcessDbContext db, DraftKind kind, string slug, CancellationToken ct)
    {
        switch (kind)
        {
            case DraftKind.Source:
                var d = await db.SourceDocuments.FromSql($"SELECT * FROM source_documents WHERE slug = {slug} FOR UPDATE")
                    .IgnoreQueryFilters().Include(x => x.File).FirstOrDefaultAsync(ct);
                return d?.File is not { } f ? null
                    : new Draft(d, d.Title, d.IsDraft, f.AddedBy, f.AddedByUserId, f.AddedAt, d.FileName, $", file {f.OriginalFileName}, SHA-256 {f.Sha256}");
            case DraftKind.Statement:
                var s = await db.Statements.FromSql($"SELECT * FROM statements WHERE slug = {slug} FOR UPDATE")
                    .IgnoreQueryFilters().Include(x => x.Paragraphs).FirstOrDefaultAsync(ct);
                return s is null || s.Origin != RecordOrigin.Staff ? null : new Draft(s, s.Title, s.IsDraft, s.AddedBy, s.AddedByUserId, s.AddedAt, s.Slug);
            default:
                var m = await db.Meetings.FromSql($"SELECT * FROM meetings WHERE slug = {slug} FOR UPDATE")
                    .IgnoreQueryFilters().Include(x => x.Attendance).FirstOrDefaultAsync(ct);
                return m is null || m.Origin != RecordOrigin.Staff ? null : new Draft(m, m.Title, m.IsDraft, m.AddedBy, m.AddedByUserId, m.AddedAt, m.Slug);
        }
    }

    /// <summary>The title of a record that cites the draft, drafts and published alike, or null.</summary>
    private static async Task<string?> CitedByAsync(BaliProcessDbContext db, DraftKind kind, Draft draft, CancellationToken ct)
    {
        switch (kind)
        {
            case DraftKind.Source:
                // Sources are JSON in each row; only records added in the portal can cite a document added in the portal.
                var file = draft.Cited;
                var statements = await db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => s.Origin == RecordOrigin.Staff).ToListAsync(ct);
                var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.Origin == RecordOrigin.Staff)
                    .Include(m => m.Attendance).AsSplitQuery().ToListAsync(ct);
                return statements.FirstOrDefault(s => s.Sources.Any(x => x.Document == file))?.Title
                       ?? meetings.FirstOrDefault(m => m.Sources.Any(x => x.Document == file)
                                                       || m.ParticipantsReported.Any(r => r.Source.Document == file)
                                                       || m.AttendanceAsWritten.Any(a => a.Source.Document == file)
                                                       || m.NewAliases.Any(a => a.Source.Document == file)
                                                       || m.Attendance.Any(a => a.Sources.Any(x => x.Document == file)))?.Title;
            case DraftKind.Statement:
                var statement = (Statement)draft.Entity;
                var paragraphIds = statement.Paragraphs.Select(p => p.Id).ToList();
                return await db.Set<ActionItemParagraphLink>().IgnoreQueryFilters().Where(l => paragraphIds.Contains(l.ParagraphId))
                    .Select(l => "work-plan item " + l.ActionItem!.Number + " of " + l.ActionItem.WorkPlan!.Title).FirstOrDefaultAsync(ct);
            default:
                var meeting = (Meeting)draft.Entity;
                return await db.Statements.IgnoreQueryFilters()
                           .Where(s => s.MeetingId == meeting.Id || s.AlsoMeetings.Any(m => m.Id == meeting.Id)).Select(s => s.Title).FirstOrDefaultAsync(ct)
                       ?? await db.WorkPlans.IgnoreQueryFilters()
                           .Where(w => w.AdoptedAtMeetingId == meeting.Id || w.UpdatedAtMeetingId == meeting.Id).Select(w => w.Title).FirstOrDefaultAsync(ct);
        }
    }
}

public static class DraftDiscardSetup
{
    public static IServiceCollection AddDraftDiscarding(this IServiceCollection services) => services.AddScoped<DraftDiscarder>();
}
