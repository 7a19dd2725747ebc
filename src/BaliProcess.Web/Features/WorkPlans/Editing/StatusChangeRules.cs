using BaliProcess.Data.Model;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

/// <summary>What an editor asks for: the new status, the note, the date it took effect, and the version seen.</summary>
public sealed record StatusChangeRequest(int ItemId, uint SeenVersion, ActionItemStatus? NewStatus, string? Note, DateOnly? EffectiveDate);

/// <summary>A problem with one field, worded for the editor.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// The rules a status change must meet, in one place the editor page and the write service share (the page
/// shows them as the user types; the service enforces them again on save).
/// </summary>
public static class StatusChangeRules
{
    /// <summary>The Bali Process began in 2002: an earlier date is a typing mistake.</summary>
    public static readonly DateOnly Earliest = new(2002, 1, 1);

    /// <summary>
    /// The latest date that is not in the future anywhere: staff in the Pacific (UTC+14 at most) work a day
    /// ahead of UTC, and "today" for them must be accepted.
    /// </summary>
    public static DateOnly LatestEffectiveDate(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(14));
    }

    public static IReadOnlyList<FieldProblem> Check(StatusChangeRequest request, ActionItemStatus currentStatus, DateOnly latestDate)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<FieldProblem>();
        if (request.NewStatus is not { } status || !Enum.IsDefined(status))
        {
            problems.Add(new("status", WorkPlansText.Say("Choose the new status.")));
        }
        else if (status == currentStatus)
        {
            problems.Add(new("status", WorkPlansText.Say("The status is already “{0}”: choose a different one.", Components.Shared.Words.Of(currentStatus))));
        }

        var note = request.Note?.Trim() ?? "";
        if (note.Length == 0)
        {
            problems.Add(new("note", WorkPlansText.Say("Write a note saying what happened and why.")));
        }
        else if (note.Length > ActionItemStatusChange.NoteMaxLength)
        {
            problems.Add(new("note", WorkPlansText.Say("The note has {0:N0} characters; at most {1:N0} are allowed.", note.Length, ActionItemStatusChange.NoteMaxLength)));
        }
        else if (Infrastructure.Security.StaffText.Problem(note, WorkPlansText.Say("note"), multiline: true) is { } unsafeText)
        {
            problems.Add(new("note", unsafeText));
        }

        if (request.EffectiveDate is not { } date)
        {
            problems.Add(new("date", WorkPlansText.Say("Give the date the change took effect.")));
        }
        else if (date > latestDate)
        {
            problems.Add(new("date", WorkPlansText.Say("The date the change took effect cannot be in the future.")));
        }
        else if (date < Earliest)
        {
            problems.Add(new("date", WorkPlansText.Say("The date is before the Bali Process began (2002).")));
        }

        return problems;
    }
}

/// <summary>The status editor's fields as typed.</summary>
public sealed record StatusChangeInput(ActionItemStatus? Status, string? Note, DateOnly? EffectiveDate);
