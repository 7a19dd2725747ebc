using BaliProcess.Data.Model;

namespace BaliProcess.Web.Components.Shared;

/// <summary>Words people read for the model's enums, in one place so every page says the same.</summary>
public static class Labels
{
    public static string Of(MeetingKind kind) => kind switch
    {
        MeetingKind.MinisterialConference => "Ministerial conference",
        MeetingKind.AdHocGroupSeniorOfficialsMeeting => "Ad Hoc Group senior officials' meeting",
        MeetingKind.SteeringGroupMeeting => "Steering Group meeting",
        MeetingKind.WorkingGroupMeeting => "Working group meeting",
        MeetingKind.ExpertsGroupMeeting => "Experts group meeting",
        MeetingKind.Workshop => "Workshop",
        MeetingKind.Forum => "Forum",
        MeetingKind.Symposium => "Symposium",
        MeetingKind.GovernmentAndBusinessForum => "Government and Business Forum",
        MeetingKind.ForeignMinistersMeeting => "Foreign ministers' meeting",
        MeetingKind.Event => "Event",
        MeetingKind.SeniorOfficialsMeeting => "Senior officials' meeting",
        MeetingKind.Unspecified => "Meeting (kind not stated)",
        _ => kind.ToString(),
    };

    public static string Of(ParticipantKind kind) => kind switch
    {
        ParticipantKind.Government => "Government",
        ParticipantKind.SpecialAdministrativeRegion => "Special administrative region",
        ParticipantKind.InternationalOrganisation => "International organisation",
        ParticipantKind.OtherBody => "Other body",
        _ => kind.ToString(),
    };

    public static string Of(AttendanceRole role) => role switch
    {
        AttendanceRole.Attended => "Attended",
        AttendanceRole.Observer => "Observer",
        AttendanceRole.CoChair => "Co-chair",
        AttendanceRole.Host => "Host",
        _ => role.ToString(),
    };

    public static string Of(ActionItemStatus status) => status switch
    {
        ActionItemStatus.ForAction => "For action",
        ActionItemStatus.Ongoing => "Ongoing",
        ActionItemStatus.Continuing => "Continuing",
        ActionItemStatus.Complete => "Complete",
        ActionItemStatus.Discontinued => "Discontinued",
        _ => status.ToString(),
    };

    public static string Of(MechanismKind kind) => kind switch
    {
        MechanismKind.WorkingGroup => "Working group",
        MechanismKind.AdHocGroup => "Ad Hoc Group",
        MechanismKind.SteeringGroup => "Steering Group",
        MechanismKind.SupportOffice => "Support office",
        MechanismKind.BusinessForum => "Business forum",
        MechanismKind.ConsultationMechanism => "Consultation mechanism",
        MechanismKind.ExpertsGroup => "Experts group",
        MechanismKind.TaskForce => "Task force",
        MechanismKind.Network => "Network",
        _ => "Other mechanism",
    };

    public static string Of(StatementKind kind) => kind switch
    {
        StatementKind.CoChairsStatement => "Co-chairs' statement",
        StatementKind.CoChairsSummary => "Co-chairs' summary",
        StatementKind.OutcomesSummary => "Outcomes summary",
        StatementKind.Strategy => "Strategy",
        StatementKind.Perspective => "Member's perspective",
        StatementKind.Priorities => "Priorities",
        _ => kind.ToString(),
    };

    /// <summary>
    /// How a citation names a paragraph: "paragraph 15a" when the label is the document's own; when the
    /// portal added the label (the document gives the item no number or letter), the label is marked as the
    /// portal's and the document's own place is given instead.
    /// </summary>
    public static string ParagraphReference(string label, bool labelAddedByPortal, string location) =>
        labelAddedByPortal
            ? $"{location} (the label “{label}” is added by the portal; the document does not number this item)"
            : $"paragraph {label}";

    /// <summary>A paragraph in a list of links: "paragraph 4", or "item [4] (label added by the portal)".</summary>
    public static string ParagraphShort(string label, bool labelAddedByPortal) =>
        labelAddedByPortal ? $"item [{label}] (label added by the portal)" : $"paragraph {label}";
}
