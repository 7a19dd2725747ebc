using BaliProcess.Data.Model;

namespace BaliProcess.Web.Features.Record;

/// <summary>Words people read for the record's enums.</summary>
public static class RecordLabels
{
    public static string Of(MechanismRole role) => role switch
    {
        MechanismRole.Member => "Member",
        MechanismRole.CoChair => "Co-chair",
        MechanismRole.Host => "Host",
        MechanismRole.Participant => "Participant",
        MechanismRole.Coordinator => "Coordinator",
        MechanismRole.Support => "Support",
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

    public static string Dates(PartialDate? from, PartialDate? to) =>
        (from, to) switch
        {
            ({ } f, { } t) => $", {f} to {t}",
            ({ } f, null) => $", from {f}",
            (null, { } t) => $", until {t}",
            _ => string.Empty,
        };
}
