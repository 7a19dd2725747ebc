using System.Globalization;
using BaliProcess.Data.Model;

namespace BaliProcess.Web.Components;

/// <summary>
/// Every address of the portal's pages and files, in one place: each page's route template (the page
/// declares it with <c>@attribute [Route(PortalRoutes.MeetingTemplate)]</c>) next to the builder that links
/// to it, so a page's address changes here and only here. Builders escape each slug, item number and query
/// value once; callers pass them as they are. A test (PortalRoutesTests) builds a link of every kind for a
/// real record and checks that the router sends it to its page.
/// </summary>
public static class PortalRoutes
{
    public const string Home = "/";

    // The pages the portal shows instead of an answer: "page not found" and "something went wrong".
    public const string NotFound = "/not-found";
    public const string Error = "/error";

    // Members, observers and other bodies: one profile page with an address per status.
    public const string Members = "/members";
    public const string MemberTemplate = "/members/{Slug}";
    public const string Observers = "/observers";
    public const string ObserverTemplate = "/observers/{Slug}";
    public const string OtherBodies = "/participants";
    public const string OtherBodyTemplate = "/participants/{Slug}";

    /// <summary>A participant's profile: members, observers and other bodies each have their own path.</summary>
    public static string Participant(string slug, MembershipStatus? status) => status switch
    {
        MembershipStatus.Member => $"{Members}/{Escape(slug)}",
        MembershipStatus.Observer => $"{Observers}/{Escape(slug)}",
        _ => $"{OtherBodies}/{Escape(slug)}",
    };

    /// <summary>The members list of one mechanism (as the documents list them).</summary>
    public static string MembersOf(string mechanismSlug) => $"{Members}?mechanism={Escape(mechanismSlug)}";

    public const string Meetings = "/meetings";
    public const string MeetingTemplate = "/meetings/{Slug}";

    public static string Meeting(string slug) => $"{Meetings}/{Escape(slug)}";

    public const string WorkingGroups = "/working-groups";
    public const string WorkingGroupTemplate = "/working-groups/{Slug}";

    public static string WorkingGroup(string slug) => $"{WorkingGroups}/{Escape(slug)}";

    // Work plans have no list page of their own: they are listed on their working group's page.
    /// <summary>Every work plan (each lives under this address, so the address itself answers too).</summary>
    public const string WorkPlans = "/work-plans";
    public const string WorkPlanTemplate = "/work-plans/{Slug}";
    public const string WorkPlanItemTemplate = "/work-plans/{Slug}/items/{Number}";

    public static string WorkPlan(string slug) => $"/work-plans/{Escape(slug)}";

    /// <summary>An action item in its work plan's page (<see cref="ItemAnchor"/>).</summary>
    public static string WorkPlanItemInPlan(string planSlug, string number) => $"{WorkPlan(planSlug)}#{ItemAnchor(number)}";

    /// <summary>An action item's own page, with its full history.</summary>
    public static string WorkPlanItem(string planSlug, string number) => $"{WorkPlan(planSlug)}/items/{Escape(number)}";

    public static string WorkPlanItemHistory(string planSlug, string number) => WorkPlanItem(planSlug, number) + "#history";

    /// <summary>The id of an action item's section on its work plan's page: "item-7".</summary>
    public static string ItemAnchor(string number) => "item-" + number;

    public const string WorkPlanChangesFeedTemplate = "/work-plans/{slug}/changes.atom";

    public static string WorkPlanChangesFeed(string planSlug) => $"{WorkPlan(planSlug)}/changes.atom";

    public const string Statements = "/statements";
    public const string StatementTemplate = "/statements/{Slug}";

    public static string Statement(string slug) => $"{Statements}/{Escape(slug)}";

    /// <summary>A paragraph's permanent link: its statement's page at the paragraph ("#p-15a").</summary>
    public static string Statement(string slug, string paragraphLabel) => $"{Statement(slug)}#{Paragraph.AnchorFor(paragraphLabel)}";

    /// <summary>A paragraph with the words of a search marked (from the search page).</summary>
    public static string Statement(string slug, string paragraphLabel, string? highlight) =>
        $"{Statement(slug)}{(string.IsNullOrEmpty(highlight) ? "" : "?hl=" + Escape(highlight))}#{Paragraph.AnchorFor(paragraphLabel)}";

    /// <summary>The citation endpoint's template for a format's extension (ris, bib, json).</summary>
    public static string StatementCitationTemplate(string extension) => $"{Statements}/{{slug}}/cite.{extension}";

    /// <summary>A statement's (or one paragraph's) citation as a file: RIS, BibTeX or CSL-JSON.</summary>
    public static string StatementCitation(string slug, string extension, string? paragraphLabel = null) =>
        $"{Statement(slug)}/cite.{extension}{(paragraphLabel is null ? "" : "?paragraph=" + Escape(paragraphLabel))}";

    public const string Themes = "/themes";
    public const string ThemeTemplate = "/themes/{Slug}";

    public static string Theme(string slug) => $"{Themes}/{Escape(slug)}";

    public const string Sources = "/sources";
    public const string SourceTemplate = "/sources/{Slug}";

    public static string Source(string slug) => $"{Sources}/{Escape(slug)}";

    /// <summary>The original file of a published source document added in the portal (decision 0021).</summary>
    public const string SourceOriginalTemplate = "/sources/{slug}/original";

    public static string SourceOriginal(string slug) => $"{Source(slug)}/original";

    public const string Documents = "/documents";
    public const string DocumentTemplate = "/documents/{Slug}";

    public static string Document(string slug) => $"{Documents}/{Escape(slug)}";

    public const string People = "/people";
    public const string PersonTemplate = "/people/{Slug}";

    public static string Person(string slug) => $"{People}/{Escape(slug)}";

    public const string Timeline = "/timeline";

    /// <summary>A dated event that is not a meeting (decision 0035): its own page under the timeline.</summary>
    public const string TimelineEventTemplate = "/timeline/{Slug}";

    public static string TimelineEvent(string slug) => $"{Timeline}/{Escape(slug)}";

    public const string Search = "/search";

    /// <summary>A search: the values given, in the order the search page writes them; page 1 is left out so links stay short.</summary>
    public static string SearchFor(
        string? query = null, string? theme = null, int? year = null, string? kind = null, string? group = null, string? member = null, int page = 1)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Escape(value));
            }
        }

        Add("q", query);
        Add("theme", theme);
        Add("year", year?.ToString(CultureInfo.InvariantCulture));
        Add("kind", kind);
        Add("group", group);
        Add("member", member);
        if (page > 1)
        {
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? Search : Search + "?" + string.Join('&', parts);
    }

    public const string Changes = "/changes";
    public const string ChangesFeed = "/changes.atom";

    /// <summary>One change in the list of recent changes.</summary>
    public static string Change(long id) => $"{Changes}#{ChangeAnchor(id)}";

    /// <summary>The id of a change's entry on the list of recent changes: "change-42".</summary>
    public static string ChangeAnchor(long id) => "change-" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id of a revision's entry on /changes and on its record's history: "revision-7" (decision 0028).</summary>
    public static string RevisionAnchor(long id) => "revision-" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The recent changes of one kind of record ("statement", "work-plan-item").</summary>
    public static string ChangesOfKind(string kind) => $"{Changes}?kind={Escape(kind)}";

    // A record's history: its page's address and "/history", one scheme for every kind (decision 0028). The first
    // segment names the kind ("statements", "members", ...); work-plan items have their own, longer address.
    public const string HistoryTemplate = "/{Section}/{Slug}/history";
    public const string ItemHistoryTemplate = "/work-plans/{Slug}/items/{Number}/history";

    /// <summary>The history of the record whose page is <paramref name="recordPath"/> (a path this class built).</summary>
    public static string History(string recordPath) => recordPath + "/history";

    // Open data: downloads of each list and the API.
    public const string DataPackage = "/download/datapackage.zip";
    public const string ApiPrefix = "/api/v1";
    public const string ApiReference = "/api/reference";
    public const string Sitemap = "/sitemap.xml";

    /// <summary>A list's download ("members", "themes/{slug}/paragraphs") as csv or json, with the page's filters ("?kind=Government").</summary>
    public static string Download(string list, string extension, string query = "") => $"/download/{list}.{extension}{query}";

    /// <summary>A path of the JSON API ("members", "themes/{slug}/paragraphs"), with a query string.</summary>
    public static string Api(string path, string query = "") => $"{ApiPrefix}/{path}{query}";

    // Lists of one record, by their path under /download and /api/v1.
    public static string ThemeParagraphsData(string themeSlug) => $"themes/{Escape(themeSlug)}/paragraphs";

    public static string WorkPlanData(string planSlug) => $"work-plans/{Escape(planSlug)}";

    public static string WorkPlanItemsData(string planSlug) => $"{WorkPlanData(planSlug)}/items";

    public static string ProgrammeData(string slug) => $"programmes/{Escape(slug)}";

    /// <summary>Timeline events that are not meetings (decision 0035), in the API (decision 0040).</summary>
    public const string TimelineEventsData = "timeline-events";

    public static string TimelineEventData(string slug) => $"{TimelineEventsData}/{Escape(slug)}";

    // Staff: editing work plans.
    public const string Staff = "/staff";
    public const string NewWorkPlan = "/staff/work-plans/new";
    public const string StaffWorkPlanTemplate = "/staff/work-plans/{Slug}";
    public const string StaffWorkPlanItemTemplate = "/staff/work-plans/{Slug}/items/{Number}";

    /// <summary>A work plan's editing page; <paramref name="added"/> names an item just added (the page says so).</summary>
    public static string StaffWorkPlan(string slug, string? added = null) =>
        $"{Staff}/work-plans/{Escape(slug)}{(added is null ? "" : "?added=" + Escape(added))}";

    public static string StaffWorkPlanItem(string planSlug, string number) => $"{StaffWorkPlan(planSlug)}/items/{Escape(number)}";

    // Administrators: the whole record as a zip in the seed-data format (decision 0031).
    public const string StaffExport = "/staff/export";

    // Staff: source documents added in the portal, drafts until a second person publishes them (decision 0021).
    public const string StaffSources = "/staff/sources";
    public const string NewSource = "/staff/sources/new";
    public const string StaffSourceTemplate = "/staff/sources/{Slug}";
    public const string StaffSourceOriginalTemplate = "/staff/sources/{slug}/original";

    /// <summary>A source document's staff page; <paramref name="outcome"/> ("added", "published") says what just happened.</summary>
    public static string StaffSource(string slug, string? outcome = null) =>
        $"{StaffSources}/{Escape(slug)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    public static string StaffSourceOriginal(string slug) => $"{StaffSources}/{Escape(slug)}/original";

    /// <summary>The staff list of source documents after a draft was discarded (decision 0030), naming it.</summary>
    public static string StaffSourcesDiscarded(string title) => $"{StaffSources}?discarded={Escape(title)}";

    // Staff: statements drawn from a staff-added source document, drafts until a second person publishes them (decision 0024).
    public const string NewStatementTemplate = "/staff/sources/{SourceSlug}/statements/new";
    public const string StaffStatementTemplate = "/staff/statements/{Slug}";

    public static string NewStatement(string sourceSlug) => $"{StaffSource(sourceSlug)}/statements/new";

    /// <summary>A statement's staff page; <paramref name="outcome"/> ("added", "published") says what just happened.</summary>
    public static string StaffStatement(string slug, string? outcome = null) =>
        $"{Staff}/statements/{Escape(slug)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    // Staff: meetings drawn from a staff-added source document, drafts until a second person publishes them (decision 0029).
    public const string NewMeetingTemplate = "/staff/sources/{SourceSlug}/meetings/new";
    public const string StaffMeetingTemplate = "/staff/meetings/{Slug}";

    public static string NewMeeting(string sourceSlug) => $"{StaffSource(sourceSlug)}/meetings/new";

    /// <summary>A staff meeting's page; <paramref name="outcome"/> "added" or "published" after a redirect.</summary>
    public static string StaffMeeting(string slug, string? outcome = null) =>
        $"{Staff}/meetings/{Escape(slug)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    // Staff: outcome documents and work plans drawn from a staff-added source document, drafts until a second person publishes them (decision 0033).
    public const string NewOutcomeDocumentTemplate = "/staff/sources/{SourceSlug}/documents/new";
    public const string StaffOutcomeDocumentTemplate = "/staff/documents/{Slug}";
    public const string NewWorkPlanFromDocumentTemplate = "/staff/sources/{SourceSlug}/work-plans/new";
    public const string StaffDraftWorkPlanTemplate = "/staff/work-plans/{Slug}/draft";

    public static string NewOutcomeDocument(string sourceSlug) => $"{StaffSource(sourceSlug)}/documents/new";

    /// <summary>A staff outcome document's page; <paramref name="outcome"/> "added" or "published" after a redirect.</summary>
    public static string StaffOutcomeDocument(string slug, string? outcome = null) =>
        $"{Staff}/documents/{Escape(slug)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    public static string NewWorkPlanFromDocument(string sourceSlug) => $"{StaffSource(sourceSlug)}/work-plans/new";

    /// <summary>A work plan drawn from a document, as staff review it; <paramref name="outcome"/> "added" or "published" after a redirect.</summary>
    public static string StaffDraftWorkPlan(string slug, string? outcome = null) =>
        $"{Staff}/work-plans/{Escape(slug)}/draft{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    // Staff: changes of membership, mechanisms and who belongs to them, drawn from a staff-added source document, drafts
    // until a second person publishes them (decision 0034).
    public const string NewMembershipTemplate = "/staff/sources/{SourceSlug}/memberships/new";
    public const string StaffParticipantTemplate = "/staff/participants/{Slug}";
    public const string NewMechanismTemplate = "/staff/sources/{SourceSlug}/mechanisms/new";
    public const string StaffMechanismTemplate = "/staff/mechanisms/{Slug}";

    public static string NewMembership(string sourceSlug) => $"{StaffSource(sourceSlug)}/memberships/new";

    public static string NewMechanism(string sourceSlug) => $"{StaffSource(sourceSlug)}/mechanisms/new";

    /// <summary>A participant's staff page (its draft changes of membership); <paramref name="outcome"/> "added" or "published".</summary>
    public static string StaffParticipant(string slug, string? outcome = null) =>
        $"{Staff}/participants/{Escape(slug)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    /// <summary>A mechanism's staff page (its draft and its draft members); <paramref name="outcome"/> "added" or "published".</summary>
    public static string StaffMechanism(string slug, string? outcome = null) =>
        $"{Staff}/mechanisms/{Escape(slug)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    // Staff: people's roles, timeline events, disagreements and open questions drawn from a staff-added source document,
    // drafts until a second person publishes them (decision 0035).
    public const string NewPersonRoleTemplate = "/staff/sources/{SourceSlug}/person-roles/new";
    public const string NewTimelineEventTemplate = "/staff/sources/{SourceSlug}/timeline-events/new";
    public const string NewDisagreementTemplate = "/staff/sources/{SourceSlug}/disagreements/new";
    public const string NewOpenQuestionTemplate = "/staff/sources/{SourceSlug}/open-questions/new";
    public const string StaffPersonRoleTemplate = "/staff/person-roles/{Id:int}";
    public const string StaffTimelineEventTemplate = "/staff/timeline-events/{Slug}";
    public const string StaffDisagreementTemplate = "/staff/disagreements/{Id:int}";
    public const string StaffOpenQuestionTemplate = "/staff/open-questions/{Id:int}";

    public static string NewPersonRole(string sourceSlug) => $"{StaffSource(sourceSlug)}/person-roles/new";

    public static string NewTimelineEvent(string sourceSlug) => $"{StaffSource(sourceSlug)}/timeline-events/new";

    public static string NewDisagreement(string sourceSlug) => $"{StaffSource(sourceSlug)}/disagreements/new";

    public static string NewOpenQuestion(string sourceSlug) => $"{StaffSource(sourceSlug)}/open-questions/new";

    public static string StaffPersonRole(int id, string? outcome = null) =>
        $"{Staff}/person-roles/{id.ToString(CultureInfo.InvariantCulture)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    public static string StaffTimelineEvent(string slug, string? outcome = null) =>
        $"{Staff}/timeline-events/{Escape(slug)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    public static string StaffDisagreement(int id, string? outcome = null) =>
        $"{Staff}/disagreements/{id.ToString(CultureInfo.InvariantCulture)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    public static string StaffOpenQuestion(int id, string? outcome = null) =>
        $"{Staff}/open-questions/{id.ToString(CultureInfo.InvariantCulture)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    // Staff: corrections and withdrawals of any record, drafts until a second person publishes them (decision 0030).
    public const string StaffCorrections = "/staff/corrections";
    public const string NewCorrectionTemplate = "/staff/corrections/new";
    public const string StaffCorrectionTemplate = "/staff/corrections/{Id:long}";

    /// <summary>"Correct this record": the form for a record of a kind (<c>meeting</c>, <c>work-plan-item</c>, ...) by its key.</summary>
    public static string NewCorrection(string kind, string key) => $"{NewCorrectionTemplate}?kind={Escape(kind)}&key={Escape(key)}";

    /// <summary>A correction's staff page; <paramref name="outcome"/> ("drafted", "published") says what just happened.</summary>
    public static string StaffCorrection(long id, string? outcome = null) =>
        $"{StaffCorrections}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(outcome is null ? "" : "?done=" + Escape(outcome))}";

    // Staff accounts: signing in and out, one's own settings, and (for administrators) everyone's accounts.
    public const string SignIn = "/account/sign-in";
    public const string SignInWithCode = "/account/sign-in/code";
    public const string SignInWithRecoveryCode = "/account/sign-in/recovery";
    public const string SignOut = "/account/sign-out";
    public const string ChangePassword = "/account/change-password";
    public const string Authenticator = "/account/authenticator";
    public const string AccessDenied = "/account/access-denied";

    /// <summary>The administrators' area: every address under it is an administrator's page.</summary>
    public const string Admin = "/admin";
    public const string Accounts = "/admin/accounts";
    public const string AccountTemplate = "/admin/accounts/{Id}";
    public const string AccountActivity = "/admin/activity";

    public static string Account(string id) => $"{Accounts}/{Escape(id)}";

    /// <summary>Signing in, then on to <paramref name="returnUrl"/> (a local address).</summary>
    public static string SignInThen(string returnUrl) => $"{SignIn}?returnUrl={Escape(returnUrl)}";

    /// <summary>The authenticator page when an administrator must add one before anything else.</summary>
    public const string AuthenticatorRequired = Authenticator + "?required=true";

    /// <summary>The second step of signing in (the authenticator's code), then on to <paramref name="returnUrl"/>.</summary>
    public static string SignInWithCodeThen(string returnUrl) => $"{SignInWithCode}?returnUrl={Escape(returnUrl)}";

    /// <summary>Signing in with a recovery code instead of the authenticator's, then on to <paramref name="returnUrl"/>.</summary>
    public static string SignInWithRecoveryCodeThen(string returnUrl) => $"{SignInWithRecoveryCode}?returnUrl={Escape(returnUrl)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
