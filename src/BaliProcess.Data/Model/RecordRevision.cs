namespace BaliProcess.Data.Model;

/// <summary>
/// One published change of a record, of any kind: who, when (UTC), why, and the record's fields before and after
/// (JSON; null before a record that did not exist). Append-only: the database refuses UPDATE, DELETE and TRUNCATE
/// of the table, as it does for the work-plan history (decisions 0006, 0024).
/// </summary>
public class RecordRevision
{
    public const int ReasonMaxLength = 2000;

    public long Id { get; set; }

    /// <summary>The record's kind, as <see cref="RecordRevisionKinds"/> names it: "statement", later "meeting", ...</summary>
    public required string RecordKind { get; set; }

    /// <summary>The record's natural key (its slug).</summary>
    public required string RecordKey { get; set; }

    public required string ChangedBy { get; set; }
    public required string ChangedByUserId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Why: for a publication, who added the draft and who reviewed it.</summary>
    public required string Reason { get; set; }

    /// <summary>The fields before the change as a JSON object (jsonb); null for a new record.</summary>
    public string? Before { get; set; }

    /// <summary>The fields after the change as a JSON object (jsonb).</summary>
    public required string After { get; set; }
}

/// <summary>The record kinds revisions name.</summary>
public static class RecordRevisionKinds
{
    public const string Statement = "statement";

    // The kinds the history pages and /changes know (decision 0028); the key of each is the record's slug, except
    // a work-plan item's: "<plan slug>/<number>".
    public const string Meeting = "meeting";
    public const string Source = "source";
    public const string WorkPlan = "work-plan";
    public const string WorkPlanItem = "work-plan-item";
    public const string Participant = "participant";
    public const string Mechanism = "mechanism";
    public const string Person = "person";
    public const string Document = "document";
    public const string Theme = "theme";

    // Corrections and withdrawals (decision 0030): a paragraph is "<statement slug>/<label>", an attendance line
    // "<meeting slug>/<id>"; their revisions show on their statement's and meeting's history.
    public const string AttendanceLine = "attendance";
    public const string Paragraph = "paragraph";

    // Staff-added from a document (decision 0034): a change of membership is "<participant slug>/<id>", a mechanism
    // membership "<mechanism slug>/<id>" (as attendance lines); their revisions show on their participant's and mechanism's history.
    public const string Membership = "membership";
    public const string MechanismMembership = "mechanism-membership";
    // Records from a document (decision 0035): a person's role is "<person slug>/<id>" and shows on its person's history;
    // a timeline event is its slug; a disagreement or an open question is "<subject>/<field>".
    public const string PersonRole = "person-role";
    public const string TimelineEvent = "timeline-event";
    public const string Disagreement = "disagreement";
    public const string OpenQuestion = "open-question";
}
