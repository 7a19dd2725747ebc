namespace BaliProcess.Web.Infrastructure.Caching;

/// <summary>
/// The tags of the public page cache: one per kind of record. A page is tagged with every kind of record it
/// shows (a member's page shows meetings attended and statements that mention the member), so a change to
/// one kind evicts exactly the pages that can show it.
/// </summary>
public static class PublicCacheTags
{
    public const string Participants = "participants";
    public const string Meetings = "meetings";
    public const string WorkingGroups = "working-groups";
    public const string WorkPlans = "work-plans";
    public const string Statements = "statements";
    public const string Themes = "themes";
    public const string Sources = "sources";

    /// <summary>On every cached response; evicting it empties the whole public cache.</summary>
    public const string Everything = "public";

    public static readonly string[] AllKinds = [Participants, Meetings, WorkingGroups, WorkPlans, Statements, Themes, Sources];

    private static readonly string[] Home = [Everything, .. AllKinds];

    /// <summary>Which kinds of record each section's pages show, by first path segment.</summary>
    private static readonly Dictionary<string, string[]> BySection = new(StringComparer.OrdinalIgnoreCase)
    {
        ["members"] = [Everything, Participants, Meetings, Statements, WorkingGroups, Sources],
        ["observers"] = [Everything, Participants, Meetings, Statements, WorkingGroups, Sources],
        ["participants"] = [Everything, Participants, Meetings, Statements, WorkingGroups, Sources],
        ["meetings"] = [Everything, Meetings, Participants, Statements, WorkingGroups, WorkPlans, Sources],
        ["working-groups"] = [Everything, WorkingGroups, Participants, Meetings, WorkPlans, Sources],
        ["work-plans"] = [Everything, WorkPlans, WorkingGroups, Meetings, Themes, Sources],
        ["statements"] = [Everything, Statements, Meetings, Participants, Themes, Sources],
        ["themes"] = [Everything, Themes, Statements, WorkPlans],
    };

    /// <summary>
    /// The tags of a public URL. Sections not listed (home, timeline, search, sources, the API, pages added
    /// later) show several kinds of record: they get every tag, so no change can leave them stale.
    /// </summary>
    public static string[] ForPath(PathString path)
    {
        var value = path.Value ?? "/";
        var segment = value.TrimStart('/').Split('/', 2)[0];
        return BySection.TryGetValue(segment, out var tags) ? tags : Home;
    }
}
