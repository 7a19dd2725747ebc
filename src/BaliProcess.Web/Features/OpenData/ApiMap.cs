using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.Meetings;
using BaliProcess.Web.Features.Participants;
using BaliProcess.Web.Features.Programmes;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Statements;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Features.WorkingGroups;
using BaliProcess.Web.Features.WorkPlans;
using BaliProcess.Web.Features.Changes;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// From the feature services' records to the API's: the one mapping the API, the JSON downloads and the
/// CSV downloads share, so the three give the same rows.
/// </summary>
public static class ApiMap
{
    public static string? Date(PartialDate? date) => date?.ToIsoString();

    public static IReadOnlyList<ApiSource> Sources(IEnumerable<SourceReference>? sources) =>
        sources is null ? [] : [.. sources.Select(s => new ApiSource(s.Document, s.Location))];

    /// <summary>A paragraph's source: the statement's document and the paragraph's own place in it.</summary>
    public static IReadOnlyList<ApiSource> ParagraphSources(IEnumerable<SourceReference>? statementSources, string? location) =>
        statementSources?.FirstOrDefault() is { } first && location is not null
            ? [new ApiSource(first.Document, location)]
            : Sources(statementSources);

        public static ApiParticipant Participant(ParticipantRow r, MembershipStatus? status) => new(
        r.Slug, r.Name, r.FullName, r.Aliases, r.Kind, r.Region, status, PortalRoutes.Participant(r.Slug, status), Sources(r.Sources))
    {
        PortalAliases = r.PortalAliases ?? [],
    };

    public static ApiParticipantDetail Participant(ParticipantProfile p) => new(
        p.Slug, p.Name, p.FullName, p.Aliases, p.Kind, p.Region, p.Status,
        [.. p.Memberships.Select(m => new ApiMembership(m.Status, Date(m.Since), Sources(m.Sources)))],
        [.. p.Roles.Select(r => new ApiRole(new ApiRef(r.MechanismSlug, r.MechanismName, PortalRoutes.WorkingGroup(r.MechanismSlug)), Date(r.From), Date(r.To)))],
        [.. p.Meetings.Select(m => new ApiMeetingAttended(new ApiRef(m.Slug, m.Title, PortalRoutes.Meeting(m.Slug)), m.Start.ToIsoString(), Date(m.End), m.Roles))],
        [.. p.Mentions.Select(m => new ApiMention(new ApiRef(m.StatementSlug, m.StatementTitle, PortalRoutes.Statement(m.StatementSlug)), m.Label, PortalRoutes.Statement(m.StatementSlug, m.Label)))],
        p.PerspectiveSlug is { } ps ? new ApiRef(ps, $"Perspective of {p.Name}", PortalRoutes.Statement(ps)) : null,
        PortalRoutes.Participant(p.Slug, p.Status),
        Sources(p.Sources))
    {
        PortalAliases = p.PortalAliases,
    };

    public static ApiMeeting Meeting(MeetingRow m) => new(
        m.Slug, m.Title, m.Kind, m.Ordinal, m.Start.ToIsoString(), Date(m.End), m.Place, m.IsVirtual,
        m.GroupSlug is { } g ? new ApiRef(g, m.GroupName ?? g, PortalRoutes.WorkingGroup(g)) : null,
        PortalRoutes.Meeting(m.Slug), Sources(m.Sources));

    public static ApiMeetingDetail Meeting(MeetingDetail m) => new(
        m.Slug, m.Title, m.Kind, m.Ordinal, m.Start.ToIsoString(), Date(m.End), m.Place, m.IsVirtual,
        m.GroupSlug is { } g ? new ApiRef(g, m.GroupName ?? g, PortalRoutes.WorkingGroup(g)) : null,
        m.Summary, m.CoChairPeople,
        [.. m.ParticipantsReported.Select(r => new ApiReportedFigure(r.Count, r.Description, new ApiSource(r.Source.Document, r.Source.Location)))],
        [.. m.Attendance.Select(a => new ApiAttendance(new ApiRef(a.Slug, a.Name, PortalRoutes.Participant(a.Slug, a.Status)), a.Role))],
        [.. m.Outcomes.Select(o => new ApiOutcome(o.Title, o.Url, o.Note))],
        PortalRoutes.Meeting(m.Slug), Sources(m.Sources))
    {
        AttendanceAsWritten = [.. m.AttendanceAsWritten.Select(a => new ApiNameAsWritten(a.Name, a.Role, new ApiSource(a.Source.Document, a.Source.Location)))],
    };

    public static ApiMechanism Mechanism(MechanismRow m) => new(
        m.Slug, m.Name, m.ShortName, m.Kind, m.Status, m.IsWorkingGroup, Date(m.Established), m.MeetingCount,
        PortalRoutes.WorkingGroup(m.Slug), Sources(m.Sources));

    public static ApiMechanismDetail Mechanism(MechanismDetail m) => new(
        m.Slug, m.Name, m.ShortName, m.Aliases, m.Kind, m.Status, MechanismKinds.WorkingGroups.Contains(m.Kind), m.Mandate, Date(m.Established),
        m.EstablishedBySlug is { } e ? new ApiRef(e, m.EstablishedByTitle ?? e, PortalRoutes.Meeting(e)) : null,
        [.. m.CoChairs.Select(c => new ApiCoChair(new ApiRef(c.Slug, c.Name, PortalRoutes.Participant(c.Slug, c.Status)), Date(c.From), Date(c.To)))],
        m.CoChairPeople,
        [.. m.Meetings.Select(x => new ApiRef(x.Slug, x.Title, PortalRoutes.Meeting(x.Slug)))],
        [.. m.WorkPlans.Select(w => new ApiRef(w.Slug, w.Title, PortalRoutes.WorkPlan(w.Slug)))],
        PortalRoutes.WorkingGroup(m.Slug), Sources(m.Sources));

    public static ApiWorkPlan WorkPlan(WorkPlanSummary w) => new(
        w.Slug, w.Title, w.Period, w.StartYear, w.EndYear,
        w.GroupSlug is { } g ? new ApiRef(g, w.GroupName ?? g, PortalRoutes.WorkingGroup(g)) : null,
        w.Items, PortalRoutes.WorkPlan(w.Slug), Sources(w.Sources));

    public static ApiActionItem ActionItem(string planSlug, ActionItemView i, IReadOnlyList<StatusChangeView> history) => new(
        i.Number, i.Text, i.Status, i.StatusText,
        [.. i.Themes.Select(t => new ApiRef(t.Slug, t.Name, PortalRoutes.Theme(t.Slug)))],
        [.. history.Select(h => new ApiStatusChange(h.From, h.To, h.Note, Date(h.Effective)!, h.ChangedBy, h.ChangedAt, h.FromSeed, h.SourceDocument))],
        PortalRoutes.WorkPlanItem(planSlug, i.Number), Sources(i.Sources));

    public static ApiChange Change(ChangeEntry c) => new(
        c.Id, c.IsRevision ? "revision" : "status", c.Record.Kind, new ApiRef(c.Record.Key, c.Record.Title, c.Record.Href),
        c.Status is { } s ? new ApiRef(s.PlanSlug, s.PlanTitle, PortalRoutes.WorkPlan(s.PlanSlug)) : null,
        c.Status is { GroupSlug: { } g } w ? new ApiRef(g, w.GroupName ?? g, PortalRoutes.WorkingGroup(g)) : null,
        c.Status?.ItemNumber, c.Status?.ItemText, c.Status?.From, c.Status?.To, c.Status?.Note, c.Status is { } e ? Date(e.Effective) : null,
        c.ChangedBy, c.ChangedAt, c.Why, c.WhatChanged,
        [.. c.Fields.Select(f => new ApiFieldChange(f.Field, f.Before, f.After))],
        c.Record.Href, c.Record.HistoryHref);

    public static ApiWorkPlanDetail WorkPlan(WorkPlanView w, IReadOnlyDictionary<int, IReadOnlyList<StatusChangeView>> histories) => new(
        w.Slug, w.Title, w.Period,
        w.GroupSlug is { } g ? new ApiRef(g, w.GroupName ?? g, PortalRoutes.WorkingGroup(g)) : null,
        w.AdoptedAtSlug is { } a ? new ApiRef(a, w.AdoptedAtTitle ?? a, PortalRoutes.Meeting(a)) : null,
        w.UpdatedAtSlug is { } u ? new ApiRef(u, w.UpdatedAtTitle ?? u, PortalRoutes.Meeting(u)) : null,
        w.AllStatuses.Count,
        [.. w.Items.Select(i => ActionItem(w.Slug, i, histories.TryGetValue(i.Id, out var h) ? h : []))],
        PortalRoutes.WorkPlan(w.Slug), Sources(w.Sources));

    public static ApiStatement Statement(StatementListItem s) => new(
        s.Slug, s.Title, s.Kind, Date(s.When),
        s.MeetingSlug is { } m ? new ApiRef(m, s.MeetingTitle ?? m, PortalRoutes.Meeting(m)) : null,
        s.AuthorSlug, s.Paragraphs, PortalRoutes.Statement(s.Slug), Sources(s.Sources));

    public static ApiStatementDetail Statement(StatementDetail s) => new(
        s.Slug, s.Title, s.Kind, Date(s.When),
        s.Meeting is { } m ? new ApiRef(m.Slug, m.Title, PortalRoutes.Meeting(m.Slug)) : null,
        s.Author is { } a ? new ApiRef(a.Slug, a.Name, a.Href) : null,
        [.. s.Paragraphs.Select(p => new ApiParagraph(
            p.Label, p.LabelAddedByPortal, p.Location, p.Section, p.Text,
            [.. p.Themes.Select(t => new ApiRef(t.Slug, t.Name, PortalRoutes.Theme(t.Slug)))],
            [.. p.Mentions.Select(x => new ApiRef(x.Slug, x.Name, x.Href))],
            PortalRoutes.Statement(s.Slug, p.Label),
            ParagraphSources(s.Sources, p.Location)))],
        PortalRoutes.Statement(s.Slug), Sources(s.Sources));

    public static ApiTheme Theme(ThemeSummary t) => new(
        t.Slug, t.Name, t.Description, t.AdelaideArea, t.ParentSlug, t.Paragraphs, t.WorkPlanItems, PortalRoutes.Theme(t.Slug));

    public static ApiThemeDetail Theme(ThemeDetail t) => new(
        t.Slug, t.Name, t.Description, t.AdelaideArea,
        t.Parent is { } p ? new ApiRef(p.Slug, p.Name, PortalRoutes.Theme(p.Slug)) : null,
        [.. t.Children.Select(c => new ApiRef(c.Slug, c.Name, PortalRoutes.Theme(c.Slug)))],
        [.. t.PerYear.Select(y => new ApiYearCount(y.Year, y.Count))],
        t.Paragraphs.Count,
        [.. t.WorkPlanItems.Select(i => new ApiRef(i.Number, $"{i.WorkPlanTitle} ({i.Period}), item {i.Number}", PortalRoutes.WorkPlanItemInPlan(i.WorkPlanSlug, i.Number)))],
        PortalRoutes.Theme(t.Slug));

    public static ApiThemeParagraph ThemeParagraph(ThemeParagraph p) => new(
        new ApiRef(p.StatementSlug, p.StatementTitle, PortalRoutes.Statement(p.StatementSlug)), p.Year, p.Label, p.Text,
        PortalRoutes.Statement(p.StatementSlug, p.Label), ParagraphSources(p.StatementSources, p.Location));

    /// <summary>The highlighter's private-use markers, written as [[ and ]] for people and scripts.</summary>
    public static string Snippet(string marked) =>
        marked.Replace(Highlight.Start.ToString(), "[[", StringComparison.Ordinal).Replace(Highlight.Stop.ToString(), "]]", StringComparison.Ordinal);

    /// <summary>A row of a search's download: the whole paragraph, no highlight marks, links with the portal's address.</summary>
    public static ApiSearchDownloadRow SearchDownloadRow(ParagraphHit h, ParagraphText paragraph, string origin) => new(
        new ApiRef(h.StatementSlug, h.StatementTitle, origin + PortalRoutes.Statement(h.StatementSlug)), h.MeetingTitle, h.Year, h.Label, paragraph.Text,
        [.. h.Themes.Select(t => new ApiRef(t.Slug, t.Name, origin + PortalRoutes.Theme(t.Slug)))],
        origin + PortalRoutes.Statement(h.StatementSlug, h.Label), paragraph.Sources);

    public static ApiFacets Facets(SearchFacets f)
    {
        static IReadOnlyList<ApiFacetValue> Of(IReadOnlyList<FacetValue> values) => [.. values.Select(v => new ApiFacetValue(v.Value, v.Label, v.Count))];
        return new ApiFacets(Of(f.Themes), Of(f.Years), Of(f.Kinds), Of(f.Groups), Of(f.Members));
    }

    public static ApiSearchResults Search(SearchResults r, IReadOnlyDictionary<int, IReadOnlyList<ApiSource>> sources) => new(
        r.Criteria.Query, r.Mode.ToString(),
        [.. r.Hits.Select(h => new ApiSearchHit(
            SearchHitKinds.Paragraph, new ApiRef(h.StatementSlug, h.StatementTitle, PortalRoutes.Statement(h.StatementSlug)), h.MeetingTitle, h.Year, h.Label, Snippet(h.Snippet),
            [.. h.Themes.Select(t => new ApiRef(t.Slug, t.Name, PortalRoutes.Theme(t.Slug)))],
            PortalRoutes.Statement(h.StatementSlug, h.Label),
            sources.TryGetValue(h.Id, out var s) ? s : []))],
        r.Page, r.PageSize, r.Total, r.PageCount, Facets(r.Facets),
        [.. r.WorkPlanItems.Select(w => new ApiWorkPlanHit(SearchHitKinds.WorkPlanItem, new ApiRef(w.WorkPlanSlug, w.WorkPlanTitle, PortalRoutes.WorkPlan(w.WorkPlanSlug)), w.Number, Snippet(w.Snippet), w.Status, PortalRoutes.WorkPlanItemInPlan(w.WorkPlanSlug, w.Number)))],
        [.. r.Records.Select(x => new ApiRecordHit(x.Kind, x.KindLabel, x.Slug, x.Title, x.Date, Snippet(x.Snippet), x.Url))],
        r.Notes, r.Criteria.Link(r.Page));

    public static ApiProgramme Programme(ProgrammeLine p) => new(
        p.Slug, p.Name, p.NameAddedByPortal, p.Kind,
        p.MechanismSlug is { } m ? new ApiRef(m, p.MechanismName ?? m, PortalRoutes.WorkingGroup(m)) : null,
        p.ParticipantSlug is { } s ? new ApiRef(s, p.ParticipantName ?? s, PortalRoutes.Participant(s, p.ParticipantStatus)) : null,
        Date(p.Start), Date(p.End),
        [.. p.Quotes.Select(q => new ApiQuote(q.Text, new ApiSource(q.Source.Document, q.Source.Location)))],
        [.. p.Parts.Select(x => new ApiProgrammePart(
            x.Role, x.AsWritten,
            x.ParticipantSlug is { } ps ? new ApiRef(ps, x.ParticipantName ?? ps, PortalRoutes.Participant(ps, x.ParticipantStatus)) : null,
            x.MechanismSlug is { } ms ? new ApiRef(ms, x.MechanismName ?? ms, PortalRoutes.WorkingGroup(ms)) : null,
            Sources(x.Sources)))],
        p.ListedOn, Sources(p.Sources));

    public static ApiTimelineEvent TimelineEvent(TimelineEvent e) => new(
        e.Slug, e.Title, e.When.ToIsoString(), e.Summary, e.Place,
        e.Mechanism is { } m ? new ApiRef(m.Slug, m.Name, PortalRoutes.WorkingGroup(m.Slug)) : null,
        e.Participant is { } p ? new ApiRef(p.Slug, p.Name, PortalRoutes.Participant(p.Slug, null)) : null,
        PortalRoutes.TimelineEvent(e.Slug), Sources(e.Sources));

    public static ApiSourceDocument SourceDocument(Sources.SourceSummary d) => new(
        d.Slug, d.FileName, d.Title, d.Publisher, Date(d.Published), d.Description, PortalRoutes.Source(d.Slug));
}
