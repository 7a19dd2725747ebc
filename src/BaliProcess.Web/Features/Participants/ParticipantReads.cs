using LinqKit;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Data.Seeding;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.People;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkingGroups;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Participants;

/// <summary>A row of the members, observers or other-bodies list (also the API's and the downloads' record).</summary>
public sealed record ParticipantRow(
    string Slug, string Name, IReadOnlyList<string> Aliases, ParticipantKind Kind, string? Region,
    string? FullName = null, IReadOnlyList<SourceReference>? Sources = null, IReadOnlyList<string>? PortalAliases = null);

/// <summary>The filters of the members and observers lists, as they appear in the query string.</summary>
/// <param name="Mechanism">A mechanism's slug: only its members (as the documents list them) are kept.</param>
public sealed record ParticipantFilter(string? Name, ParticipantKind? Kind, string? Region, string Sort, string? Mechanism = null)
{
    public const string SortByName = "name";
    public const string SortByRegion = "region";
    public const string SortByKind = "kind";

    /// <summary>
    /// The filter a page (or its download) reads from its query string. Unknown values in a hand-edited
    /// URL are ignored rather than failing the page; the API checks the same values strictly instead.
    /// </summary>
    public static ParticipantFilter FromQuery(string? name, string? kind, string? region, string? sort, string? mechanism = null) => new(
        QueryText.Clean(name),
        UrlWords.Parse<ParticipantKind>(kind),
        QueryText.Clean(region),
        sort is SortByRegion or SortByKind ? sort : SortByName,
        QueryText.Clean(mechanism));

    public bool IsFiltered => !string.IsNullOrEmpty(Name) || Kind is not null || !string.IsNullOrEmpty(Region) || !string.IsNullOrEmpty(Mechanism);

    /// <summary>The query string of this filter (what a page's download links carry).</summary>
    public string ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["name"] = Name, ["kind"] = Kind is { } k ? UrlWords.Of(k) : null, ["region"] = Region, ["sort"] = Sort == SortByName ? null : Sort,
        ["mechanism"] = Mechanism,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    /// <summary>
    /// Applies the filters. The name filter matches the name and every alias, ignoring case, accents of
    /// apostrophes and hyphens, so "laos", "Lao PDR" and "timor leste" all find their member.
    /// </summary>
    public IReadOnlyList<ParticipantRow> Apply(IEnumerable<ParticipantRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var needle = Name is { Length: > 0 } ? Fold(Name) : null;
        var filtered = rows
            .Where(r => Kind is null || r.Kind == Kind)
            .Where(r => Region is not { Length: > 0 } || string.Equals(r.Region, Region, StringComparison.OrdinalIgnoreCase))
            .Where(r => needle is null || r.Aliases.Concat(r.PortalAliases ?? []).Prepend(r.Name).Any(n => Fold(n).Contains(needle, StringComparison.Ordinal)));
        var sorted = Sort switch
        {
            SortByRegion => filtered.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            SortByKind => filtered.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            _ => filtered.OrderBy(r => r.Name, StringComparer.CurrentCulture),
        };
        return sorted.ToList();
    }

    private static string Fold(string text) =>
        ParticipantMatcher.Normalise(text).Replace('-', ' ').Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}

public sealed record MembershipEntry(MembershipStatus Status, PartialDate? Since, IReadOnlyList<SourceReference> Sources);

public sealed record RoleInMechanism(string MechanismSlug, string MechanismName, PartialDate? From, PartialDate? To);

public sealed record MeetingAttended(string Slug, string Title, PartialDate Start, PartialDate? End, IReadOnlyList<AttendanceRole> Roles);

public sealed record ParagraphMention(string StatementSlug, string StatementTitle, string Label, string Anchor, string Excerpt, bool LabelAddedByPortal = false);

public sealed record ParticipantProfile(
    string Slug, string Name, string? FullName, IReadOnlyList<string> Aliases, ParticipantKind Kind, string? Region,
    MembershipStatus? Status, IReadOnlyList<MembershipEntry> Memberships, IReadOnlyList<RoleInMechanism> Roles,
    IReadOnlyList<MeetingAttended> Meetings, IReadOnlyList<ParagraphMention> Mentions,
    string? PerspectiveSlug, IReadOnlyList<(string Label, string Text)> Perspective, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>Search names no document spells, shown apart from <see cref="Aliases"/> as the portal's.</summary>
    public IReadOnlyList<string> PortalAliases { get; init; } = [];
}

/// <summary>A mechanism the members list can be filtered by.</summary>
public sealed record MechanismChoice(string Slug, string Name);

/// <summary>Members, observers and other bodies: the lists, and everything a profile shows.</summary>
public sealed class ParticipantReads(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records)
{
    public const int ExcerptLength = 220;

    /// <summary>
    /// Everyone whose current status is <paramref name="status"/> (null: bodies that are neither members nor
    /// observers), filtered and sorted in memory (there are fewer than a hundred).
    /// </summary>
    public Task<IReadOnlyList<ParticipantRow>> ListAsync(MembershipStatus? status, ParticipantFilter filter, CancellationToken ct = default) =>
        records.GetOrLoadAsync((status, filter), token => ListFromDatabaseAsync(status, filter, token), ct);

    private async Task<IReadOnlyList<ParticipantRow>> ListFromDatabaseAsync(MembershipStatus? status, ParticipantFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Participants.AsNoTracking()
            .Where(p => ParticipantStatus.Current.Invoke(p) == status)
            .Where(p => filter.Mechanism == null || p.MechanismMemberships.Any(m => m.Mechanism!.Slug == filter.Mechanism && m.Role == MechanismRole.Member))
            .Select(p => new ParticipantRow(p.Slug, p.Name, p.Aliases, p.Kind, p.Region, p.FullName, p.Sources, p.PortalAliases))
            .ToListAsync(ct);
        return filter.Apply(rows);
    }

    /// <summary>The regions that occur among participants of this status, for the filter's choices.</summary>
    public Task<IReadOnlyList<string>> RegionsAsync(MembershipStatus? status, CancellationToken ct = default) =>
        records.GetOrLoadAsync(status, token => RegionsFromDatabaseAsync(status, token), ct);

    private async Task<IReadOnlyList<string>> RegionsFromDatabaseAsync(MembershipStatus? status, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Participants.AsNoTracking()
            .Where(p => p.Region != null && (status == null ? !p.Memberships.Any() : p.Memberships.Any(m => m.Status == status)))
            .Select(p => p.Region!).Distinct().OrderBy(r => r).ToListAsync(ct);
    }

    public Task<ParticipantProfile?> GetAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => GetFromDatabaseAsync(slug, token), ct);

    private async Task<ParticipantProfile?> GetFromDatabaseAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Participants.AsNoTracking()
            .Include(x => x.Memberships)
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (p is null)
        {
            return null;
        }

        // Co-chair roles in mechanisms (not the Bali Process as a whole), for the API's list of roles.
        var roles = await db.MechanismMemberships.AsNoTracking()
            .Where(c => c.ParticipantId == p.Id && c.Role == MechanismRole.CoChair && c.MechanismId != null)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Mechanism!.Slug, c.Mechanism.Name, c.FromDate, c.FromPrecision, c.ToDate, c.ToPrecision })
            .ToListAsync(ct);

        var attendance = await db.MeetingAttendance.AsNoTracking()
            .Where(a => a.ParticipantId == p.Id)
            .Select(a => new { a.Meeting!.Slug, a.Meeting.Title, a.Meeting.StartDate, a.Meeting.StartPrecision, a.Meeting.EndDate, a.Meeting.EndPrecision, a.Role })
            .ToListAsync(ct);
        var meetings = attendance
            .GroupBy(a => a.Slug)
            .Select(g => g.First() is var m
                ? new MeetingAttended(m.Slug, m.Title, new PartialDate(m.StartDate, m.StartPrecision), PartialDate.FromColumns(m.EndDate, m.EndPrecision), g.Select(x => x.Role).Order().ToList())
                : null!)
            .OrderByDescending(m => m.Start)
            .ToList();

        var mentions = await db.Paragraphs.AsNoTracking()
            .Where(x => x.Mentions.Any(m => m.Id == p.Id) && x.Statement!.AuthorId != p.Id)
            .OrderByDescending(x => x.Statement!.Date).ThenBy(x => x.StatementId).ThenBy(x => x.Sequence)
            .Select(x => new { x.Statement!.Slug, x.Statement.Title, x.Label, x.Text, x.LabelAddedByPortal })
            .ToListAsync(ct);

        var perspective = await db.Statements.AsNoTracking()
            .Where(s => s.AuthorId == p.Id && s.Kind == StatementKind.Perspective)
            .Select(s => new { s.Slug, Paragraphs = s.Paragraphs.OrderBy(x => x.Sequence).Select(x => new { x.Label, x.Text }).ToList() })
            .FirstOrDefaultAsync(ct);

        return new ParticipantProfile(
            p.Slug, p.Name, p.FullName, p.Aliases, p.Kind, p.Region, p.CurrentStatus,
            p.Memberships.OrderBy(m => m.SinceDate).Select(m => new MembershipEntry(m.Status, m.Since, m.Sources)).ToList(),
            roles.Select(r => new RoleInMechanism(r.Slug, r.Name, PartialDate.FromColumns(r.FromDate, r.FromPrecision), PartialDate.FromColumns(r.ToDate, r.ToPrecision))).ToList(),
            meetings,
            mentions.Select(m => new ParagraphMention(m.Slug, m.Title, m.Label, Paragraph.AnchorFor(m.Label), Excerpt(m.Text), m.LabelAddedByPortal)).ToList(),
            perspective?.Slug,
            perspective?.Paragraphs.Select(x => (x.Label, x.Text)).ToList() ?? [],
            p.Sources)
        {
            PortalAliases = p.PortalAliases,
        };
    }

    /// <summary>The mechanisms that have members, for the members list's filter.</summary>
    public Task<IReadOnlyList<MechanismChoice>> MechanismsWithMembersAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, token => MechanismsWithMembersFromDatabaseAsync(token), ct);

    private async Task<IReadOnlyList<MechanismChoice>> MechanismsWithMembersFromDatabaseAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Mechanisms.AsNoTracking()
            .Where(m => m.Memberships.Any(x => x.Role == MechanismRole.Member))
            .OrderBy(m => m.Name)
            .Select(m => new MechanismChoice(m.Slug, m.Name))
            .ToListAsync(ct);
    }

    /// <summary>This participant's parts in mechanisms, and in the Bali Process as a whole.</summary>
    public Task<IReadOnlyList<MembershipLine>> MechanismsAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => WorkingGroupReads.MembershipLinesAsync(dbFactory, m => m.Participant!.Slug == slug, token), ct);

    /// <summary>The people the documents name in a role for this participant (its ministers, officials, co-chairs).</summary>
    public Task<IReadOnlyList<PersonLine>> PeopleAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => PeopleReads.LinesAsync(dbFactory, r => r.Participant!.Slug == slug, token), ct);

    /// <summary>What the documents leave open about this participant, and where they disagree on it.</summary>
    public Task<SourceNotes> NotesAsync(string slug, CancellationToken ct = default) =>
        records.GetOrLoadAsync(slug, token => SourceNotes.LoadAsync(dbFactory, $"participant:{slug}", token), ct);

    /// <summary>Where the documents disagree on how many observers there are, for the observers list.</summary>
    public Task<IReadOnlyList<Disagreement>> ObserverCountNotesAsync(CancellationToken ct = default) =>
        records.GetOrLoadAsync(null, async token => (IReadOnlyList<Disagreement>)(await SourceNotes.LoadAsync(dbFactory, "general", token)).Disagreements
            .Where(d => d.Field.Contains("observer", StringComparison.OrdinalIgnoreCase)).ToList(), ct);

    private static string Excerpt(string text) =>
        text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, text.LastIndexOf(' ', ExcerptLength) is var cut and > 0 ? cut : ExcerptLength), " …");
}
