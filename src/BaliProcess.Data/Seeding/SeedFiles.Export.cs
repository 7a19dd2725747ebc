using System.Text.Json;

namespace BaliProcess.Data.Seeding;

// Shapes of the two files an export adds to seed-data's (decision 0031): the append-only tables, kept verbatim.

/// <summary>
/// One entry of a work-plan item's status history (work-plan-history.json), as the append-only table holds it: the
/// seed's first entry and every change staff recorded, with who, when and why.
/// </summary>
public sealed record StatusChangeJson(
    string? WorkPlan, string? Item, string? FromStatus, string? ToStatus, string? Note, string? Effective,
    string? ChangedBy, string? ChangedByUserId, DateTimeOffset? ChangedAt, bool? FromSeed, string? SourceDocument);

/// <summary>One published change of a record (revisions.json), as record_revisions holds it; before and after are the JSON it stores.</summary>
public sealed record RevisionJson(
    string? RecordKind, string? RecordKey, string? ChangedBy, string? ChangedByUserId, DateTimeOffset? ChangedAt, string? Reason,
    JsonElement? Before, JsonElement? After);

/// <summary>
/// One correction or withdrawal (corrections.json), as record_corrections holds it: drafts, published and discarded
/// alike (decision 0030). The published ones tell the seed loader which fields are the staff's, so a seed load over a
/// restored export keeps them as it kept them before.
/// </summary>
public sealed record CorrectionJson(
    string? RecordKind, string? RecordKey, string? Action, JsonElement? Fields, JsonElement? Replaces, string? Reason,
    string? ProposedBy, string? ProposedByUserId, DateTimeOffset? ProposedAt, string? State,
    string? DecidedBy, string? DecidedByUserId, DateTimeOffset? DecidedAt, string? DecisionNote);
