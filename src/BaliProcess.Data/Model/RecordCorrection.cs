namespace BaliProcess.Data.Model;

/// <summary>What a correction does to its record: change some fields, or withdraw the record.</summary>
public enum CorrectionAction
{
    Correct,
    Withdraw,
}

/// <summary>A correction is a draft until a second person publishes it (or it is refused as stale).</summary>
public enum CorrectionState
{
    Draft,
    Published,

    /// <summary>Not published: the record changed since the draft was made, or the record is gone.</summary>
    Discarded,
}

/// <summary>
/// A proposed change to an existing record (seeded or staff-made), or its withdrawal, with the reason (decision 0030).
/// A draft never touches the live record: it holds the fields it proposes and the values they replace, so that
/// publishing can tell whether the record changed meanwhile. Publishing applies it and appends a
/// <see cref="RecordRevision"/>; a published correction also tells the seed loader which fields are the staff's.
/// </summary>
public class RecordCorrection
{
    public const int ReasonMaxLength = RecordRevision.ReasonMaxLength;

    public long Id { get; set; }

    /// <summary>The record's kind, as <see cref="RecordRevisionKinds"/> names it ("meeting", "work-plan-item", ...).</summary>
    public required string RecordKind { get; set; }

    /// <summary>The record's key: its slug, or "plan/number", "statement/label", "meeting/id" for the parts of a record.</summary>
    public required string RecordKey { get; set; }

    public CorrectionAction Action { get; set; }

    /// <summary>Field name to proposed value (text as the form shows it; null for empty), as a JSON object (jsonb).</summary>
    public required string Fields { get; set; }

    /// <summary>The same fields' values when the draft was made (JSON object, jsonb): what the correction replaces.</summary>
    public required string Replaces { get; set; }

    public required string Reason { get; set; }

    public required string ProposedBy { get; set; }
    public required string ProposedByUserId { get; set; }
    public DateTimeOffset ProposedAt { get; set; }

    public CorrectionState State { get; set; }

    /// <summary>Who published (or discarded) it and when (UTC).</summary>
    public string? DecidedBy { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why it was discarded (the other change it would have overwritten).</summary>
    public string? DecisionNote { get; set; }
}

/// <summary>
/// A record that can be withdrawn (decision 0030): it is never deleted; a query filter then leaves it out of every
/// public read, and its public address answers 410 with <see cref="WithdrawnReason"/>.
/// </summary>
public interface IWithdrawable
{
    DateTimeOffset? WithdrawnAt { get; set; }
    string? WithdrawnReason { get; set; }
}
