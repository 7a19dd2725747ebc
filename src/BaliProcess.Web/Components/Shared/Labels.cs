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
        AttendanceRole.Support => "Support",
        AttendanceRole.Contributor => "Thanked for a contribution",
        _ => role.ToString(),
    };

    public static string Of(ActionItemStatus status) => status switch
    {
        ActionItemStatus.ForAction => "For action",
        ActionItemStatus.Ongoing => "Ongoing",
        ActionItemStatus.Continuing => "Continuing",
        ActionItemStatus.Complete => "Complete",
        ActionItemStatus.Discontinued => "Discontinued",
        ActionItemStatus.NotStated => "Status not stated",
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

    /// <summary>
    /// A statement's kind where a meeting lists what came out of it (the meeting page and the API's outcome
    /// note). The statement pages, citations and JSON-LD say it as <see cref="AsTitled"/> does: the two have
    /// differed since the first pass, and making them one would change the API's note or the citations.
    /// </summary>
    public static string Of(StatementKind kind) => kind switch
    {
        StatementKind.CoChairsStatement => "Co-chairs' statement",
        StatementKind.CoChairsSummary => "Co-chairs' summary",
        StatementKind.OutcomesSummary => "Outcomes summary",
        StatementKind.Strategy => "Strategy",
        StatementKind.Perspective => "Member's perspective",
        StatementKind.Priorities => "Priorities",
        StatementKind.SignedStatement => "Signed statement",
        StatementKind.Principles => "Principles",
        _ => kind.ToString(),
    };

    /// <summary>A statement's kind on its own page, in the statements list, citations and JSON-LD, in the documents' capitals.</summary>
    public static string AsTitled(StatementKind kind) => kind switch
    {
        StatementKind.CoChairsStatement => "Co-Chairs' statement",
        StatementKind.CoChairsSummary => "Co-Chairs' summary",
        StatementKind.OutcomesSummary => "Outcomes",
        _ => Of(kind),
    };

    public static string Of(MechanismRole role) => role switch
    {
        MechanismRole.Member => "Member",
        MechanismRole.CoChair => "Co-chair",
        MechanismRole.Host => "Host",
        MechanismRole.Participant => "Participant",
        MechanismRole.Coordinator => "Coordinator",
        MechanismRole.Support => "Support",
        MechanismRole.Partner => "Partner",
        _ => role.ToString(),
    };

    public static string Plural(MechanismRole role) => role switch
    {
        MechanismRole.Member => "Members",
        MechanismRole.CoChair => "Co-chairs",
        MechanismRole.Host => "Hosts",
        MechanismRole.Participant => "Participants",
        MechanismRole.Coordinator => "Coordinators",
        MechanismRole.Support => "Support",
        MechanismRole.Partner => "Partners and links",
        _ => role.ToString(),
    };

    public static string Of(ProgrammeKind kind) => kind switch
    {
        ProgrammeKind.Course => "Course",
        ProgrammeKind.Programme => "Programme",
        ProgrammeKind.Workshops => "Workshops",
        ProgrammeKind.JointPeriodOfAction => "Joint period of action",
        ProgrammeKind.NationalPlan => "National plan",
        ProgrammeKind.NationalBody => "National body",
        ProgrammeKind.NationalLaw => "National law",
        ProgrammeKind.NationalInitiative => "National initiative",
        ProgrammeKind.Trainings => "Trainings",
        ProgrammeKind.Pilot => "Pilot",
        _ => kind.ToString(),
    };

    public static string Of(ProgrammePartRole role) => role switch
    {
        ProgrammePartRole.RunBy => "Run by",
        ProgrammePartRole.FundedBy => "Funded by",
        ProgrammePartRole.ImplementedBy => "Implemented by",
        ProgrammePartRole.DeliveredBy => "Delivered by",
        ProgrammePartRole.InPartnershipWith => "In partnership with",
        ProgrammePartRole.HeldIn => "Held in",
        ProgrammePartRole.DevelopedBy => "Developed by",
        ProgrammePartRole.BelongsTo => "Belongs to",
        ProgrammePartRole.ChairedBy => "Chaired by",
        ProgrammePartRole.SupportedBy => "Supported by",
        _ => role.ToString(),
    };

    public static string Of(MechanismRelationKind kind, bool outgoing) => (kind, outgoing) switch
    {
        (MechanismRelationKind.LedBy, true) => "Led by",
        (MechanismRelationKind.LedBy, false) => "Leads",
        (MechanismRelationKind.OverseesWith, true) => "Oversees, with the Senior Official Co-Chairs,",
        (MechanismRelationKind.OverseesWith, false) => "Overseen, with the Senior Official Co-Chairs, by",
        (MechanismRelationKind.Supports, true) => "Supports",
        (MechanismRelationKind.Supports, false) => "Supported by",
        (MechanismRelationKind.BecamePartOf, true) => "Became part of",
        (MechanismRelationKind.BecamePartOf, false) => "Formed from",
        (MechanismRelationKind.Implements, true) => "Implements",
        (MechanismRelationKind.Implements, false) => "Implemented by",
        (MechanismRelationKind.CollaboratesWith, _) => "Collaborates with",
        (MechanismRelationKind.Oversees, true) => "Oversees",
        (MechanismRelationKind.Oversees, false) => "Overseen by",
        _ => kind.ToString(),
    };

    public static string Of(OutcomeDocumentKind kind) => kind switch
    {
        OutcomeDocumentKind.Declaration => "Declaration",
        OutcomeDocumentKind.Strategy => "Strategy",
        OutcomeDocumentKind.PolicyGuide => "Policy guide",
        OutcomeDocumentKind.TrainingModule => "Training module",
        OutcomeDocumentKind.Report => "Report",
        OutcomeDocumentKind.Recommendations => "Recommendations",
        OutcomeDocumentKind.Framework => "Framework",
        OutcomeDocumentKind.TermsOfReference => "Terms of reference",
        OutcomeDocumentKind.Statement => "Statement",
        OutcomeDocumentKind.Toolkit => "Tool kit",
        OutcomeDocumentKind.Roadmap => "Roadmap",
        OutcomeDocumentKind.ModelLegislation => "Model legislation",
        OutcomeDocumentKind.WorkPlan => "Forward work plan",
        _ => kind.ToString(),
    };

    public static string Of(OutcomeAction action) => action switch
    {
        OutcomeAction.Adopted => "adopted",
        OutcomeAction.Endorsed => "endorsed",
        OutcomeAction.Agreed => "agreed",
        OutcomeAction.Developed => "developed",
        OutcomeAction.ResultedIn => "resulted in",
        OutcomeAction.Updated => "updated",
        OutcomeAction.RecommendedForEndorsement => "recommended for endorsement",
        OutcomeAction.Noted => "noted",
        _ => action.ToString(),
    };

    public static string Of(PersonRoleKind kind) => kind switch
    {
        PersonRoleKind.CoChair => "Co-chair",
        PersonRoleKind.Chair => "Chair (jointly)",
        PersonRoleKind.BusinessCoChair => "Business Co-Chair",
        PersonRoleKind.SeniorOfficialCoChair => "Senior Official Co-Chair",
        PersonRoleKind.MinisterialCoChair => "Ministerial Co-Chair",
        PersonRoleKind.OpenedMeeting => "Opened the meeting",
        PersonRoleKind.KeynoteSpeaker => "Keynote address",
        PersonRoleKind.DeliveredStatement => "Statement or update",
        PersonRoleKind.Coordinator => "Coordinator",
        PersonRoleKind.CoManager => "Co-Manager",
        PersonRoleKind.Pictured => "Pictured",
        _ => kind.ToString(),
    };

    /// <summary>A title the portal built (no document gives one) in [brackets], as labels the portal adds are shown.</summary>
    public static string Title(string title, bool addedByPortal) => addedByPortal ? $"[{title}]" : title;

    /// <summary>Whether a meeting was virtual, as far as a document states it.</summary>
    public static string Where(bool? isVirtual, string? place) => isVirtual switch
    {
        true => place is null ? "Virtual" : $"Virtual ({place})",
        _ => place ?? "Not stated in the documents",
    };

    public static string Dates(PartialDate? from, PartialDate? to) =>
        (from, to) switch
        {
            ({ } f, { } t) => $", {f} to {t}",
            ({ } f, null) => $", from {f}",
            (null, { } t) => $", until {t}",
            _ => string.Empty,
        };

    /// <summary>
    /// How a citation names a paragraph: "paragraph 15a" when the label is the document's own; when the
    /// portal added the label (the document gives the item no number or letter), the document's own place
    /// instead, and nothing of the portal's label (the portal's address of the item is the citation's URL).
    /// </summary>
    public static string ParagraphReference(string label, bool labelAddedByPortal, string location) =>
        labelAddedByPortal
            ? location
            : $"paragraph {label}";

    /// <summary>
    /// A paragraph in a list of links: "paragraph 4", or "item [4]" when the label is the portal's; the list says
    /// once what the brackets mean (<c>PortalLabelNote</c>).
    /// </summary>
    public static string ParagraphShort(string label, bool labelAddedByPortal) =>
        labelAddedByPortal ? $"item [{label}]" : $"paragraph {label}";

    /// <summary>A source document's original file, by its media type (decision 0021).</summary>
    public static string OfMediaType(string mediaType) => mediaType switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word document",
        "text/plain" => "plain text",
        _ => mediaType,
    };
}
