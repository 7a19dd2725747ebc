using System.ComponentModel;
using BaliProcess.Data.Model;

namespace BaliProcess.Web.Features.OpenData;

// The records of the JSON API (/api/v1) and of the JSON downloads. Dates are strings whose form carries
// their precision ("2003", "2018-08", "2002-02-27"): the documents often give only a year or a month, and
// a JSON date type would invent a day. Names are as the documents write them ("Türkiye", "Viet Nam").
// Every record carries its sources: the document's file name and the place in it.

[Description("Where a fact comes from: a source document (by file name) and the place in it.")]
public sealed record ApiSource(
    [property: Description("The source document's file name, e.g. 004_14e3ad4cbde5a5fa.txt.")] string Document,
    [property: Description("Paragraph, section or page heading in that document.")] string Location);

[Description("A page of a list, with the total and the paging position.")]
public sealed record ApiPage<T>(
    [property: Description("The records on this page.")] IReadOnlyList<T> Items,
    [property: Description("The page number, from 1.")] int Page,
    [property: Description("Records per page (at most 100).")] int PageSize,
    [property: Description("Records in the whole list with these filters.")] int Total,
    [property: Description("Pages in the whole list with these filters (at least 1).")] int TotalPages);

[Description("A reference to another record: its slug, its name and its page on the portal.")]
public sealed record ApiRef(
    [property: Description("The record's permanent slug.")] string Slug,
    [property: Description("Its name or title as written.")] string Name,
    [property: Description("Its page on the portal (path).")] string Url);

[Description("A member, observer or other body in a list.")]
public sealed record ApiParticipant(
    [property: Description("Permanent slug, e.g. viet-nam.")] string Slug,
    [property: Description("The name as the member list of 004 spells it, e.g. Türkiye.")] string Name,
    [property: Description("The full name, when the documents give one.")] string? FullName,
    [property: Description("Other spellings the documents use, e.g. Vietnam, Lao PDR.")] IReadOnlyList<string> Aliases,
    [property: Description("Government, SpecialAdministrativeRegion, InternationalOrganisation or OtherBody.")] ParticipantKind Kind,
    [property: Description("The portal's own grouping, not a document's: the UN M49 sub-region of a state or territory, e.g. South-eastern Asia; null for organisations and other bodies.")] string? Region,
    [property: Description("Current status: Member, Observer, or null for other bodies.")] MembershipStatus? Status,
    [property: Description("Its page on the portal (path).")] string Url,
    [property: Description("Where the record comes from.")] IReadOnlyList<ApiSource> Sources)
{
    [Description("Search names the portal added that no document spells, e.g. UK.")]
    public IReadOnlyList<string> PortalAliases { get; init; } = [];
}

[Description("One entry of a participant's membership history.")]
public sealed record ApiMembership(
    MembershipStatus Status,
    [property: Description("Since when, at the precision the document gives; null when it gives none.")] string? Since,
    IReadOnlyList<ApiSource> Sources);

[Description("A participant's role in a working group or mechanism (co-chair or lead), over a period.")]
public sealed record ApiRole(
    ApiRef Mechanism,
    [property: Description("From, at its stated precision.")] string? From,
    [property: Description("To, at its stated precision; null while it lasts or when not stated.")] string? To);

[Description("A meeting a participant attended, and in what roles.")]
public sealed record ApiMeetingAttended(
    ApiRef Meeting,
    [property: Description("Start date at its stated precision.")] string Start,
    [property: Description("End date at its stated precision, when different.")] string? End,
    [property: Description("Attended, Observer, CoChair, Host.")] IReadOnlyList<AttendanceRole> Roles);

[Description("A statement paragraph that mentions the participant.")]
public sealed record ApiMention(
    ApiRef Statement,
    [property: Description("The paragraph's label, e.g. 15a.")] string Label,
    [property: Description("The paragraph's permanent link (path with anchor).")] string Url);

[Description("A member, observer or other body with its memberships, roles and meetings.")]
public sealed record ApiParticipantDetail(
    string Slug, string Name, string? FullName, IReadOnlyList<string> Aliases, ParticipantKind Kind, string? Region,
    MembershipStatus? Status,
    [property: Description("Membership history, oldest first.")] IReadOnlyList<ApiMembership> Memberships,
    [property: Description("Co-chair or lead roles in working groups and mechanisms.")] IReadOnlyList<ApiRole> Roles,
    [property: Description("Meetings attended, newest first.")] IReadOnlyList<ApiMeetingAttended> Meetings,
    [property: Description("Statement paragraphs that mention it.")] IReadOnlyList<ApiMention> Mentions,
    [property: Description("Its own perspective statement, if any.")] ApiRef? Perspective,
    string Url,
    IReadOnlyList<ApiSource> Sources)
{
    [Description("Search names the portal added that no document spells, e.g. UK.")]
    public IReadOnlyList<string> PortalAliases { get; init; } = [];
}

[Description("A meeting in a list.")]
public sealed record ApiMeeting(
    string Slug, string Title,
    [property: Description("MinisterialConference, WorkingGroupMeeting, Workshop, ...")] MeetingKind Kind,
    [property: Description("Ordinal (e.g. 8 for the Eighth Ministerial Conference), when stated.")] int? Ordinal,
    [property: Description("Start date at its stated precision.")] string Start,
    [property: Description("End date at its stated precision; null for one day or unknown.")] string? End,
    string? Place, [property: Description("True or false where a document states the format; null where none does.")] bool? IsVirtual,
    [property: Description("The working group or mechanism it belongs to.")] ApiRef? WorkingGroup,
    string Url,
    IReadOnlyList<ApiSource> Sources);

[Description("A participant's part in a meeting.")]
public sealed record ApiAttendance(ApiRef Participant, [property: Description("Attended, Observer, CoChair or Host.")] AttendanceRole Role);

[Description("A participant number as a document reports it, with its qualifiers (\"over 80\").")]
public sealed record ApiReportedFigure(int? Count, string Description, ApiSource Source);

[Description("What came out of a meeting: a statement, a work plan adopted or updated, a mechanism established.")]
public sealed record ApiOutcome(string Title, string Url, string Note);

[Description("A meeting with its attendance, reported figures and outcomes.")]
public sealed record ApiMeetingDetail(
    string Slug, string Title, MeetingKind Kind, int? Ordinal, string Start, string? End, string? Place, [property: Description("True or false where a document states the format; null where none does.")] bool? IsVirtual,
    ApiRef? WorkingGroup, string? Summary,
    [property: Description("Named people who co-chaired, as the documents describe them.")] IReadOnlyList<string> CoChairPeople,
    [property: Description("Participant numbers as reported.")] IReadOnlyList<ApiReportedFigure> ParticipantsReported,
    [property: Description("Hosts, co-chairs, attendees and observers.")] IReadOnlyList<ApiAttendance> Attendance,
    IReadOnlyList<ApiOutcome> Outcomes,
    string Url,
    IReadOnlyList<ApiSource> Sources)
{
    /// <summary>Names of an attendance list kept as the document writes them: no participant record (decision 0029).</summary>
    [Description("Names of an attendance list kept as the document writes them, linked to no participant record.")]
    public IReadOnlyList<ApiNameAsWritten> AttendanceAsWritten { get; init; } = [];
}

[Description("A name of an attendance list as the document writes it, with its role and source.")]
public sealed record ApiNameAsWritten(string Name, [property: Description("Attended, Observer, CoChair or Host.")] AttendanceRole Role, ApiSource Source);

[Description("A working group or other mechanism in a list.")]
public sealed record ApiMechanism(
    string Slug, string Name, string? ShortName,
    [property: Description("WorkingGroup, AdHocGroup, SteeringGroup, SupportOffice, ...")] MechanismKind Kind,
    [property: Description("Active or Concluded; null where no document states it.")] MechanismStatus? Status,
    [property: Description("True for the four groups 004 counts as working groups.")] bool IsWorkingGroup,
    [property: Description("When established, at its stated precision.")] string? Established,
    [property: Description("Meetings of it the documents name.")] int MeetingCount,
    string Url,
    IReadOnlyList<ApiSource> Sources);

[Description("A co-chair (or lead) of a mechanism over a period.")]
public sealed record ApiCoChair(ApiRef Participant, string? From, string? To);

[Description("A working group or mechanism with its co-chairs, meetings and work plans.")]
public sealed record ApiMechanismDetail(
    string Slug, string Name, string? ShortName, IReadOnlyList<string> Aliases, MechanismKind Kind, MechanismStatus? Status,
    bool IsWorkingGroup, string? Mandate, string? Established, ApiRef? EstablishedBy,
    IReadOnlyList<ApiCoChair> CoChairs, IReadOnlyList<string> CoChairPeople, IReadOnlyList<ApiRef> Meetings, IReadOnlyList<ApiRef> WorkPlans,
    string Url, IReadOnlyList<ApiSource> Sources);

[Description("A work plan in a list.")]
public sealed record ApiWorkPlan(
    string Slug, string Title, [property: Description("The period as written, e.g. 2015–17.")] string Period, int StartYear, int EndYear,
    ApiRef? WorkingGroup, [property: Description("Action items in the plan.")] int ItemCount, string Url, IReadOnlyList<ApiSource> Sources);

[Description("One entry of an action item's status history.")]
public sealed record ApiStatusChange(
    [property: Description("The status before; null for the first entry.")] ActionItemStatus? From,
    ActionItemStatus To,
    [property: Description("What happened and why, as recorded (for the first entry, the status cell of the source document).")] string Note,
    [property: Description("When the change took effect, at its precision: \"2016\", \"2016-05\" or \"2016-05-18\".")] string Effective,
    [property: Description("Who recorded it (display name), or the source document's heading.")] string ChangedBy,
    [property: Description("When it was recorded, as an ISO 8601 timestamp with offset.")] DateTimeOffset ChangedAt,
    [property: Description("True for the entry written from the source document.")] bool FromSeed,
    [property: Description("The source document's file name, for the entry drawn from a document.")] string? SourceDocument);

[Description("An action item of a work plan, with its current status and its full history.")]
public sealed record ApiActionItem(
    [property: Description("The item's number as written, e.g. 1 or 3a.")] string Number,
    [property: Description("The item's text, verbatim.")] string Text,
    [property: Description("Current status: ForAction, Ongoing, Continuing or Complete.")] ActionItemStatus Status,
    [property: Description("The status cell as the source words it.")] string? StatusText,
    IReadOnlyList<ApiRef> Themes,
    [property: Description("Status history, newest first.")] IReadOnlyList<ApiStatusChange> History,
    [property: Description("The item's permanent link (path with anchor).")] string Url,
    IReadOnlyList<ApiSource> Sources);

[Description("A work plan with its action items (filtered by status when asked).")]
public sealed record ApiWorkPlanDetail(
    string Slug, string Title, string Period, ApiRef? WorkingGroup, ApiRef? AdoptedAt, ApiRef? UpdatedAt,
    [property: Description("Items in the whole plan, whatever the filter.")] int ItemCount,
    IReadOnlyList<ApiActionItem> Items, string Url, IReadOnlyList<ApiSource> Sources);

[Description("A statement in a list.")]
public sealed record ApiStatement(
    string Slug, string Title,
    [property: Description("CoChairsStatement, CoChairsSummary, OutcomesSummary, Strategy, Perspective or Priorities.")] StatementKind Kind,
    [property: Description("Date at its stated precision.")] string? Date,
    ApiRef? Meeting,
    [property: Description("The member whose perspective this is.")] string? AuthorSlug,
    int ParagraphCount, string Url, IReadOnlyList<ApiSource> Sources);

[Description("A statement paragraph with its themes and the participants it mentions.")]
public sealed record ApiParagraph(
    [property: Description("The paragraph's label, e.g. 15a: the document's own, unless labelAddedByPortal.")] string Label,
    [property: Description("True when the document gives this item no number or letter and the label is the portal's; cite it by its location instead.")] bool LabelAddedByPortal,
    [property: Description("Where the paragraph stands in the document (and, for a portal label, the document's own way to find it).")] string Location,
    [property: Description("The section heading it sits under, if any.")] string? Section,
    [property: Description("The text, verbatim.")] string Text,
    IReadOnlyList<ApiRef> Themes,
    [property: Description("Members, observers and bodies it mentions.")] IReadOnlyList<ApiRef> Mentions,
    [property: Description("The paragraph's permanent link (path with anchor).")] string Url,
    IReadOnlyList<ApiSource> Sources);

[Description("A statement with its paragraphs.")]
public sealed record ApiStatementDetail(
    string Slug, string Title, StatementKind Kind, string? Date, ApiRef? Meeting, ApiRef? Author,
    IReadOnlyList<ApiParagraph> Paragraphs, string Url, IReadOnlyList<ApiSource> Sources);

[Description("A theme of the taxonomy.")]
public sealed record ApiTheme(
    string Slug, string Name, string? Description,
    [property: Description("1–8 for the Adelaide Strategy's areas of cooperation, otherwise null.")] int? AdelaideArea,
    string? ParentSlug, int ParagraphCount, int WorkPlanItemCount, string Url);

[Description("A statement paragraph tagged with a theme.")]
public sealed record ApiThemeParagraph(
    ApiRef Statement, int? Year, string Label, string Text, string Url, IReadOnlyList<ApiSource> Sources);

[Description("A theme with its sub-themes, counts per year and work-plan items; its paragraphs are at /api/v1/themes/{slug}/paragraphs.")]
public sealed record ApiThemeDetail(
    string Slug, string Name, string? Description, int? AdelaideArea, ApiRef? Parent, IReadOnlyList<ApiRef> Children,
    [property: Description("Tagged paragraphs per year.")] IReadOnlyList<ApiYearCount> PerYear,
    int ParagraphCount,
    IReadOnlyList<ApiRef> WorkPlanItems, string Url);

[Description("A count for one year.")]
public sealed record ApiYearCount(int Year, int Count);

[Description("A source document.")]
public sealed record ApiSourceDocument(
    string Slug, string FileName, string Title, string? Publisher,
    [property: Description("Publication date at its stated precision.")] string? Published,
    string? Description, string Url);

[Description("A paragraph found by search. The snippet marks matched words with [[ and ]].")]
public sealed record ApiSearchHit(
    [property: Description("What was found: always `paragraph` here (work-plan items and other records are listed apart, each with its kind).")] string Kind,
    ApiRef Statement, string? MeetingTitle, int? Year, string Label,
    [property: Description("One or two passages around the matches (or the whole text when browsing by filters); matches between [[ and ]].")] string Snippet,
    IReadOnlyList<ApiRef> Themes, string Url, IReadOnlyList<ApiSource> Sources);

/// <summary>A row of a search's CSV or JSON download (not part of the API, which gives highlighted passages).</summary>
public sealed record ApiSearchDownloadRow(
    ApiRef Statement, string? MeetingTitle, int? Year, string Label, string Text,
    IReadOnlyList<ApiRef> Themes, string Url, IReadOnlyList<ApiSource> Sources);

[Description("A facet value: its parameter value, its label and how many results choosing it leads to.")]
public sealed record ApiFacetValue(string Value, string Label, int Count);

[Description("Counts per theme, year, meeting kind, working group and member mentioned, as on the search page.")]
public sealed record ApiFacets(
    IReadOnlyList<ApiFacetValue> Themes, IReadOnlyList<ApiFacetValue> Years, IReadOnlyList<ApiFacetValue> Kinds,
    IReadOnlyList<ApiFacetValue> Groups, IReadOnlyList<ApiFacetValue> Members);

[Description("A work-plan item found by search.")]
public sealed record ApiWorkPlanHit(
    [property: Description("What was found: always `work-plan-item` here.")] string Kind,
    ApiRef WorkPlan, string Number, string Snippet, ActionItemStatus Status, string Url);

[Description("Search results: the same results, totals and facet counts as the /search page.")]
public sealed record ApiSearchResults(
    [property: Description("The words searched, after clean-up.")] string Query,
    [property: Description("Empty (nothing asked), Query (words) or Browse (filters only).")] string Mode,
    IReadOnlyList<ApiSearchHit> Items, int Page, int PageSize, int Total, int TotalPages,
    ApiFacets Facets, IReadOnlyList<ApiWorkPlanHit> WorkPlanItems,
    [property: Description("Timeline events and programmes found (up to 10 of each), each with its kind; not counted in `total`, which counts paragraphs.")] IReadOnlyList<ApiRecordHit> Records,
    [property: Description("What was changed or left out of the request, in plain words.")] IReadOnlyList<string> Notes,
    [property: Description("The same search on the portal (path).")] string Url);

[Description("A change published in the portal: a work-plan item's status change (type `status`) or a revision of a record of any kind (type `revision`, decision 0028).")]
public sealed record ApiChange(
    [property: Description("The change's id, unique within its type; newer changes of a type have larger ids.")] long Id,
    [property: Description("`status`: a work-plan item's status change; `revision`: a revision of a record (who, when, why, the fields before and after).")] string Type,
    [property: Description("The kind of record changed: statement, meeting, source, work-plan, work-plan-item, participant, mechanism, person, document or theme.")] string Kind,
    [property: Description("The record changed: its key (a slug; a work-plan item's is plan/number), title and page.")] ApiRef Record,
    [property: Description("A status change's work plan; null for a revision.")] ApiRef? WorkPlan,
    ApiRef? WorkingGroup,
    [property: Description("A status change's item number as written, e.g. 7; null for a revision.")] string? Item,
    [property: Description("A status change's item text, verbatim; null for a revision.")] string? ItemText,
    [property: Description("The status before the change.")] ActionItemStatus? From,
    [property: Description("The status after the change; null for a revision.")] ActionItemStatus? To,
    [property: Description("A status change's note: what happened and why; null for a revision (see reason).")] string? Note,
    [property: Description("When a status change took effect, at its precision; null for a revision.")] string? Effective,
    [property: Description("Who recorded or published it (display name).")] string ChangedBy,
    [property: Description("When it was recorded, as an ISO 8601 timestamp with offset.")] DateTimeOffset ChangedAt,
    [property: Description("Why: a status change's note, a revision's reason.")] string Reason,
    [property: Description("What changed, in a few words (\"new record\", \"changed title\", \"For action → Complete, effective 2018-03\").")] string Summary,
    [property: Description("A revision's fields that changed, before and after, named in words (every field of a new record); empty for a status change.")] IReadOnlyList<ApiFieldChange> Fields,
    [property: Description("The record's page (a status change's item page).")] string Url,
    [property: Description("The record's history page, with every revision's fields before and after.")] string History);

[Description("One field a revision changed.")]
public sealed record ApiFieldChange(
    [property: Description("The field, named in words (\"paragraph 4: text\").")] string Field,
    [property: Description("Its value before; null when it had none (a new record).")] string? Before,
    [property: Description("Its value after; null when the revision removed it.")] string? After);

[Description("A passage of a document, verbatim, with its source.")]
public sealed record ApiQuote(
    [property: Description("The document's words, verbatim.")] string Text,
    ApiSource Source);

[Description("Who runs, funds, implements, delivers, develops, supports or chairs a programme, or where it was held, in the document's words.")]
public sealed record ApiProgrammePart(
    [property: Description("The part in a word: RunBy, FundedBy, ImplementedBy, DeliveredBy, InPartnershipWith, HeldIn, DevelopedBy, BelongsTo, ChairedBy or SupportedBy.")] ProgrammePartRole Role,
    [property: Description("The document's own words for the part, verbatim.")] string AsWritten,
    [property: Description("The participant those words name; null where they name none (a body that is not a participant stays in asWritten).")] ApiRef? Participant,
    [property: Description("The mechanism those words name, if any.")] ApiRef? Mechanism,
    IReadOnlyList<ApiSource> Sources);

[Description("A programme, course, series of workshops or trainings, pilot, joint period of action, or a member's national plan, body, law or initiative, as the documents state it (decisions 0032, 0038).")]
public sealed record ApiProgramme(
    [property: Description("Permanent slug.")] string Slug,
    [property: Description("The name as a document writes it, unless nameAddedByPortal.")] string Name,
    [property: Description("True when no document names it so and the portal built the name from its words.")] bool NameAddedByPortal,
    [property: Description("Course, Programme, Workshops, JointPeriodOfAction, NationalPlan, NationalBody, NationalLaw, NationalInitiative, Trainings or Pilot.")] ProgrammeKind Kind,
    [property: Description("The mechanism a document says it belongs to, if any.")] ApiRef? Mechanism,
    [property: Description("The member whose own national plan, body, law or initiative it is, if any.")] ApiRef? Participant,
    [property: Description("Start at its stated precision; null where no document states it.")] string? Start,
    [property: Description("End at its stated precision; null where no document states it.")] string? End,
    [property: Description("What the documents say of it, verbatim.")] IReadOnlyList<ApiQuote> Quotes,
    IReadOnlyList<ApiProgrammePart> Parts,
    [property: Description("The portal page that lists it (path with anchor): programmes have no page of their own.")] string? Url,
    IReadOnlyList<ApiSource> Sources);

[Description("A timeline event or a programme found by search (decision 0040). The snippet marks matched words with [[ and ]].")]
public sealed record ApiRecordHit(
    [property: Description("What was found: `timeline-event` or `programme`.")] string Kind,
    [property: Description("The kind in words: \"Timeline event\", or a programme's own kind (\"Programme\", \"National law\", ...).")] string KindLabel,
    string Slug,
    [property: Description("Its title or name as written; a name the portal built is in [brackets].")] string Title,
    [property: Description("Its date, or a programme's period, in words; null when no document dates it.")] string? Date,
    [property: Description("Passages around the matches (or its summary or name when browsing by filters); matches between [[ and ]].")] string Snippet,
    [property: Description("Its page (path): an event's own page; for a programme, the page that lists it with the item's anchor.")] string Url);

[Description("A dated event that is not a meeting (a launch, a signing, an appointment), as a staff document states it (decision 0035).")]
public sealed record ApiTimelineEvent(
    string Slug,
    [property: Description("The title as the document writes it.")] string Title,
    [property: Description("Its date at its stated precision: YYYY, YYYY-MM or YYYY-MM-DD.")] string Date,
    [property: Description("What the document says of it, in its words.")] string? Summary,
    string? Place,
    [property: Description("The mechanism it concerns, if any.")] ApiRef? Mechanism,
    [property: Description("The member, observer or body it concerns, if any.")] ApiRef? Participant,
    [property: Description("Its page (path).")] string Url,
    IReadOnlyList<ApiSource> Sources);
