using BaliProcess.Data.Model;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

public enum EditOutcome
{
    /// <summary>The change was written (with its history entry, for a status change).</summary>
    Saved,

    /// <summary>Someone saved the item after the editor opened it; nothing was written. See <see cref="EditResult.Current"/>.</summary>
    Conflict,

    /// <summary>The input breaks a rule; nothing was written. See <see cref="EditResult.Problems"/>.</summary>
    Invalid,

    /// <summary>The caller may not edit; nothing was written, and the refusal was logged.</summary>
    Refused,

    /// <summary>The item, work plan, paragraph or theme does not exist.</summary>
    NotFound,
}

/// <summary>An item as it is now in the database: what an editor whose save was refused must see.</summary>
public sealed record ItemState(
    int ItemId, ActionItemStatus Status, string? StatusText, uint Version,
    string? LastChangedBy, DateTimeOffset? LastChangedAt, string? LastNote, PartialDate? LastEffective);

/// <summary>What a write did. Only <see cref="EditOutcome.Saved"/> wrote anything.</summary>
public sealed record EditResult(EditOutcome Outcome)
{
    public IReadOnlyList<FieldProblem> Problems { get; init; } = [];

    /// <summary>With <see cref="EditOutcome.Conflict"/> (the other editor's change) and after a save (the new state).</summary>
    public ItemState? Current { get; init; }

    public RefusalReason? Refusal { get; init; }

    /// <summary>
    /// For a link change: the item's version before and after it (marking a list as the secretariat's updates
    /// the item row). An editor that had seen <see cref="VersionBefore"/> may carry on with <see cref="VersionAfter"/>.
    /// </summary>
    public uint? VersionBefore { get; init; }

    public uint? VersionAfter { get; init; }

    /// <summary>The id of the history entry a status change appended.</summary>
    public long? ChangeId { get; init; }

    /// <summary>The new work plan's slug, or the new item's number.</summary>
    public string? CreatedKey { get; init; }

    public bool Succeeded => Outcome == EditOutcome.Saved;

    public static EditResult Refused(RefusalReason reason) => new(EditOutcome.Refused) { Refusal = reason };

    public static EditResult Invalid(IReadOnlyList<FieldProblem> problems) => new(EditOutcome.Invalid) { Problems = problems };

    public static EditResult Invalid(string field, string message) => Invalid([new FieldProblem(field, message)]);

    public static readonly EditResult NotFound = new(EditOutcome.NotFound);
}
