using System.Text.RegularExpressions;
using BaliProcess.Data.Model;

namespace BaliProcess.Data.Seeding;

/// <summary>
/// Checks a <see cref="SeedSet"/> before anything is written: required fields, slugs, enum values, dates
/// and every cross-reference. Each problem names the file and the place in it.
/// </summary>
public sealed partial class SeedValidator
{
    private readonly SeedSet set;
    private readonly List<string> problems;
    private readonly HashSet<string> documents;
    private readonly HashSet<string> themes;
    private readonly HashSet<string> mechanisms;
    private readonly HashSet<string> meetings;

    private SeedValidator(SeedSet set, List<string> problems)
    {
        this.set = set;
        this.problems = problems;
        documents = set.Sources.Select(s => s.Item.File).OfType<string>().ToHashSet(StringComparer.Ordinal);
        themes = set.Themes.Select(t => t.Item.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        mechanisms = set.Mechanisms.Select(m => m.Item.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        meetings = set.Meetings.Select(m => m.Item.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var conflicts = new List<string>();
        Participants = new ParticipantMatcher(
            set.Participants.Where(p => p.Item.Slug is not null)
                .Select(p => (p.Item.Slug!, (IEnumerable<string>)[p.Item.Name ?? string.Empty, p.Item.FullName ?? string.Empty, .. p.Item.Aliases ?? []])),
            conflicts);
        problems.AddRange(conflicts.Select(c => $"participants: {c}"));
    }

    /// <summary>Resolves participant names and aliases; valid once validation has passed.</summary>
    public ParticipantMatcher Participants { get; }

    public static SeedValidator Validate(SeedSet set, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(set);
        var validator = new SeedValidator(set, problems);
        validator.Run();
        return validator;
    }

    private void Run()
    {
        foreach (var s in set.Sources)
        {
            Slug(s, s.Item.Slug);
            Required(s, "file", s.Item.File);
            Required(s, "title", s.Item.Title);
            OptionalDate(s, "date", s.Item.Date);
        }

        foreach (var t in set.Themes)
        {
            Slug(t, t.Item.Slug);
            Required(t, "name", t.Item.Name);
            if (t.Item.Parent is { } parent && !themes.Contains(parent))
            {
                Problem(t, $"parent theme '{parent}' does not exist");
            }
        }

        foreach (var p in set.Participants)
        {
            Slug(p, p.Item.Slug);
            Required(p, "name", p.Item.Name);
            Enum<ParticipantKind>(p, "kind", p.Item.Kind, required: true);
            if (p.Item.Region is { } region && !M49Regions.SubRegions.Contains(region))
            {
                Problem(p, $"region '{region}' is not a UN M49 sub-region (the portal's grouping follows M49; no document places a participant in a region)");
            }

            PortalAliases(p, p.Item.Name, [p.Item.FullName, .. p.Item.Aliases ?? []], p.Item.PortalAliases);
            Sources(p, p.Item.Source, p.Item.Sources);
            foreach (var (m, i) in (p.Item.Memberships ?? []).Select((m, i) => (m, i)))
            {
                Enum<MembershipStatus>(p, $"memberships[{i}].status", m.Status, required: true);
                OptionalDate(p, $"memberships[{i}].since", m.Since);
                Source(p, $"memberships[{i}].source", m.Source, required: true);
            }
        }

        foreach (var m in set.Mechanisms)
        {
            Slug(m, m.Item.Slug);
            Required(m, "name", m.Item.Name);
            Enum<MechanismKind>(m, "kind", m.Item.Kind, required: true);
            Enum<MechanismStatus>(m, "status", m.Item.Status, required: false);
            PortalAliases(m, m.Item.Name, [m.Item.ShortName, .. m.Item.Aliases ?? []], m.Item.PortalAliases);
            OptionalDate(m, "established", m.Item.Established);
            Reference(m, "establishedByMeeting", m.Item.EstablishedByMeeting, meetings, "meeting");
            Sources(m, m.Item.Source, m.Item.Sources);
        }

        foreach (var m in set.Meetings)
        {
            Slug(m, m.Item.Slug);
            Required(m, "title", m.Item.Title);
            Enum<MeetingKind>(m, "kind", m.Item.Kind, required: true);
            if (Required(m, "start", m.Item.Start))
            {
                OptionalDate(m, "start", m.Item.Start);
            }

            OptionalDate(m, "end", m.Item.End);
            Reference(m, "mechanism", m.Item.Mechanism, mechanisms, "mechanism");
            foreach (var (slug, i) in (m.Item.FacilitatedBy ?? []).Select((s, i) => (s, i)))
            {
                Reference(m, $"facilitatedBy[{i}]", slug, mechanisms, "mechanism");
            }

            if (m.Item.FacilitatedBy is { Count: > 0 } && m.Item.Mechanism is not null)
            {
                Problem(m, "facilitatedBy and mechanism are exclusive: a meeting several mechanisms facilitated is no one mechanism's");
            }

            Unique(m, "facilitatedBy[]", m.Item.FacilitatedBy ?? []);
            Sources(m, m.Item.Source, m.Item.Sources);
            foreach (var (name, i) in (m.Item.Hosts ?? []).Select((n, i) => (n, i)))
            {
                ParticipantReference(m, $"hosts[{i}]", name);
            }

            foreach (var (name, i) in (m.Item.CoChairs ?? []).Select((n, i) => (n, i)))
            {
                ParticipantReference(m, $"coChairs[{i}]", name);
            }

            foreach (var (a, i) in (m.Item.Attendance ?? []).Select((a, i) => (a, i)))
            {
                ParticipantReference(m, $"attendance[{i}].participant", a.Participant);
                Enum<AttendanceRole>(m, $"attendance[{i}].role", a.Role, required: true);
                Source(m, $"attendance[{i}].source", a.Source, required: false);
            }

            foreach (var (r, i) in (m.Item.ParticipantsReported ?? []).Select((r, i) => (r, i)))
            {
                Required(m, $"participantsReported[{i}].description", r.Description);
                Source(m, $"participantsReported[{i}].source", r.Source, required: true);
            }
        }

        foreach (var w in set.WorkPlans)
        {
            Slug(w, w.Item.Slug);
            Required(w, "title", w.Item.Title);
            Required(w, "period", w.Item.Period);
            Reference(w, "mechanism", w.Item.Mechanism, mechanisms, "mechanism");
            Reference(w, "adoptedAtMeeting", w.Item.AdoptedAtMeeting, meetings, "meeting");
            Reference(w, "updatedAtMeeting", w.Item.UpdatedAtMeeting, meetings, "meeting");
            if (w.Item.Origin is null)
            {
                Sources(w, w.Item.Source, w.Item.Sources);
            }

            Unique(w, "items[].number", (w.Item.Items ?? []).Select(i => i.Number));
            foreach (var (item, i) in (w.Item.Items ?? []).Select((x, i) => (x, i)))
            {
                Required(w, $"items[{i}].number", item.Number);
                Required(w, $"items[{i}].text", item.Text);
                Enum<ActionItemStatus>(w, $"items[{i}].status", item.Status, required: true);
                Themes(w, $"items[{i}].themes", item.Themes);
                Source(w, $"items[{i}].source", item.Source, required: false);
                AskedFor(w, $"items[{i}].askedFor", item.AskedFor);
            }
        }

        foreach (var s in set.Statements)
        {
            Slug(s, s.Item.Slug);
            Required(s, "title", s.Item.Title);
            Enum<StatementKind>(s, "kind", s.Item.Kind, required: true);
            Reference(s, "meeting", s.Item.Meeting, meetings, "meeting");
            foreach (var (slug, i) in (s.Item.AlsoMeetings ?? []).Select((x, i) => (x, i)))
            {
                Reference(s, $"alsoMeetings[{i}]", slug, meetings, "meeting");
                if (slug == s.Item.Meeting)
                {
                    Problem(s, $"alsoMeetings[{i}] repeats the statement's meeting");
                }
            }

            if (s.Item.AlsoMeetings is { Count: > 0 } && s.Item.Meeting is null)
            {
                Problem(s, "alsoMeetings needs meeting: name the meeting the heading names first");
            }

            OptionalDate(s, "date", s.Item.Date);
            if (s.Item.Author is not null)
            {
                ParticipantReference(s, "author", s.Item.Author);
            }

            Sources(s, s.Item.Source, s.Item.Sources);
            if (s.Item.Paragraphs is not { Count: > 0 })
            {
                Problem(s, "paragraphs: a statement needs at least one paragraph");
            }

            Unique(s, "paragraphs[].label", (s.Item.Paragraphs ?? []).Select(p => p.Label));
            foreach (var (p, i) in (s.Item.Paragraphs ?? []).Select((x, i) => (x, i)))
            {
                Required(s, $"paragraphs[{i}].label", p.Label);
                Required(s, $"paragraphs[{i}].text", p.Text);
                Themes(s, $"paragraphs[{i}].themes", p.Themes);
            }
        }

        foreach (var d in set.Disagreements)
        {
            Required(d, "subject", d.Item.Subject);
            Required(d, "field", d.Item.Field);
            Required(d, "description", d.Item.Description);
            if (d.Item.Values is not { Count: >= 2 })
            {
                Problem(d, "values: a disagreement needs at least two values");
            }

            foreach (var (v, i) in (d.Item.Values ?? []).Select((x, i) => (x, i)))
            {
                Required(d, $"values[{i}].value", v.Value);
                Source(d, $"values[{i}].source", v.Source, required: true);
            }
        }

        RunRecord();
        RunExport();

        DuplicateSlugs("source", set.Sources.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("theme", set.Themes.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("participant", set.Participants.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("mechanism", set.Mechanisms.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("meeting", set.Meetings.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("work plan", set.WorkPlans.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("statement", set.Statements.Select(s => (s.Place, s.Item.Slug)));
        DuplicateSlugs("disagreement", set.Disagreements.Select(s => (s.Place, (string?)$"{s.Item.Subject} / {s.Item.Field}")));
    }

    private void Problem(ILocated at, string message) => problems.Add($"{at.Place}: {message}");

    /// <summary>A portal alias is a search name no document spells: it may not repeat the name or a document's spelling.</summary>
    private void PortalAliases(ILocated at, string? name, IEnumerable<string?> documentNames, List<string>? portalAliases)
    {
        var spelled = documentNames.Append(name).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, i) in (portalAliases ?? []).Select((a, i) => (a, i)))
        {
            if (Required(at, $"portalAliases[{i}]", alias) && spelled.Contains(alias))
            {
                Problem(at, $"portalAliases[{i}] '{alias}' is also a name or alias the documents spell; keep it in one list");
            }
        }

        Unique(at, "portalAliases[]", portalAliases ?? []);
    }

    private bool Required(ILocated at, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Problem(at, $"{field} is missing");
        return false;
    }

    private void Slug(ILocated at, string? slug)
    {
        if (Required(at, "slug", slug) && !SlugPattern().IsMatch(slug!))
        {
            Problem(at, $"slug '{slug}' must be lowercase letters, digits and single hyphens");
        }
    }

    private void OptionalDate(ILocated at, string field, string? value)
    {
        if (value is not null && !PartialDate.TryParse(value, out _))
        {
            Problem(at, $"{field} '{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }

    private void Enum<TEnum>(ILocated at, string field, string? value, bool required)
        where TEnum : struct, System.Enum
    {
        if (value is null)
        {
            if (required)
            {
                Problem(at, $"{field} is missing (one of {string.Join(", ", System.Enum.GetNames<TEnum>())})");
            }

            return;
        }

        if (!System.Enum.TryParse<TEnum>(value, ignoreCase: false, out _) || int.TryParse(value, out _))
        {
            Problem(at, $"{field} '{value}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
        }
    }

    private void Reference(ILocated at, string field, string? slug, HashSet<string> known, string kind)
    {
        if (slug is not null && !known.Contains(slug))
        {
            Problem(at, $"{field} refers to {kind} '{slug}', which is not in the seed data");
        }
    }

    private void ParticipantReference(ILocated at, string field, string? name)
    {
        if (Required(at, field, name) && Participants.Resolve(name) is null)
        {
            Problem(at, $"{field} '{name}' is not the slug, name or alias of any participant");
        }
    }

    private void Themes(ILocated at, string field, List<string>? slugs)
    {
        foreach (var slug in slugs ?? [])
        {
            if (!themes.Contains(slug))
            {
                Problem(at, $"{field} refers to theme '{slug}', which is not in themes.json");
            }
        }
    }

    private void Sources(ILocated at, SourceRefJson? source, List<SourceRefJson>? sources)
    {
        if (source is null && sources is not { Count: > 0 })
        {
            Problem(at, "source is missing: every record says which document it comes from");
        }

        Source(at, "source", source, required: false);
        foreach (var (s, i) in (sources ?? []).Select((s, i) => (s, i)))
        {
            Source(at, $"sources[{i}]", s, required: true);
        }
    }

    private void Source(ILocated at, string field, SourceRefJson? source, bool required)
    {
        if (source is null)
        {
            if (required)
            {
                Problem(at, $"{field} is missing");
            }

            return;
        }

        if (Required(at, $"{field}.document", source.Document) && !documents.Contains(source.Document!))
        {
            Problem(at, $"{field}.document '{source.Document}' is not listed in sources.json");
        }

        Required(at, $"{field}.location", source.Location);
    }

    private void Unique(ILocated at, string field, IEnumerable<string?> values)
    {
        foreach (var duplicate in values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Problem(at, $"{field} '{duplicate.Key}' appears {duplicate.Count()} times");
        }
    }

    private void DuplicateSlugs(string kind, IEnumerable<(string Place, string? Slug)> entries)
    {
        foreach (var group in entries.Where(e => e.Slug is not null).GroupBy(e => e.Slug!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"duplicate {kind} slug '{group.Key}' at {string.Join(" and ", group.Select(g => g.Place))}");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
