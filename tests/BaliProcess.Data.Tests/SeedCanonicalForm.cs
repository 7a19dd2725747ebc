using System.Text.Json.Nodes;
using BaliProcess.Data.Seeding;

namespace BaliProcess.Data.Tests;

/// <summary>
/// seed-data/ as the database holds it, to compare an export with (decision 0031). Only two things a person wrote into
/// seed-data/ do not survive a load, both by design of the loader, and are made canonical here:
/// <list type="number">
/// <item>A participant reference spelled as the document spells it ("Lao PDR", "Vietnam": 14 of 251 references) is
/// stored as the participant, so it exports as the participant's name.</item>
/// <item>A meeting's hosts and co-chairs are attendance rows with their role (one per participant and role), so an
/// attendance entry that repeats a <c>hosts</c> or <c>coChairs</c> entry (19 of them) is the same row and exports once, in the list.</item>
/// <item>A source repeated within one record's list (same document and place) is stored once (seed-data/ has none since
/// decision 0041 split IOM's support, whose entry listed two sources twice).</item>
/// <item>The order of lists the database keeps as rows or links without a position (the records of a file, a paragraph's
/// themes, a meeting's attendance, a person's roles, …): rows get their ids in the order EF Core sends the inserts, not
/// the order of the file, so such lists are compared sorted. Lists with a position (paragraphs, items) or kept whole in
/// one column (sources, aliases, quotes, reported counts) are compared in order.</item>
/// </list>
/// Everything else must be equal as JSON (objects compared by their properties in any order).
/// </summary>
internal static class SeedCanonicalForm
{
    /// <summary>Lists whose order the database keeps: a sequence column, or the whole list in one jsonb or array column.</summary>
    private static readonly HashSet<string> Ordered = ["paragraphs", "items", "sources", "aliases", "portalAliases", "quotes", "values", "participantsReported", "coChairPeople"];

    /// <summary>The node with every list the database keeps without an order sorted (by each entry's JSON, keys sorted).</summary>
    public static JsonNode? Sorted(JsonNode? node, string? property = null)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    copy[key] = Sorted(value, key);
                }

                return copy;
            case JsonArray a:
                var entries = a.Select(e => Sorted(e)).ToList();
                if (property is null || !Ordered.Contains(property))
                {
                    entries = [.. entries.OrderBy(e => e?.ToJsonString() ?? "null", StringComparer.Ordinal)];
                }

                return new JsonArray([.. entries]);
            default:
                return node?.DeepClone();
        }
    }

    public static Dictionary<string, JsonNode?> Of(string seedDirectory)
    {
        var files = Directory.GetFiles(seedDirectory, "*.json", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(seedDirectory, f), f => JsonNode.Parse(File.ReadAllText(f)), StringComparer.Ordinal);
        var participants = files.Where(f => f.Key.StartsWith("participants", StringComparison.Ordinal)).SelectMany(f => f.Value!.AsArray()).ToList();
        var matcher = new ParticipantMatcher(participants.Select(p => (
            (string)p!["slug"]!,
            (IEnumerable<string>)[(string)p["name"]!, (string?)p["fullName"] ?? "", .. p["aliases"]!.AsArray().Select(a => (string)a!)])));
        var nameBySlug = participants.ToDictionary(p => (string)p!["slug"]!, p => (string)p!["name"]!, StringComparer.Ordinal);
        string Canonical(JsonNode? reference) => nameBySlug[matcher.Resolve((string)reference!)!];
        void Rewrite(JsonNode? node, string property)
        {
            if (node?[property] is JsonValue value)
            {
                node[property] = Canonical(value);
            }
        }

        foreach (var meeting in files["meetings.json"]!.AsArray())
        {
            foreach (var list in new[] { "hosts", "coChairs" })
            {
                var array = meeting![list]!.AsArray();
                var names = array.Select(Canonical).ToList();
                array.Clear();
                names.ForEach(n => array.Add(n));
            }

            var attendance = meeting!["attendance"]!.AsArray();
            attendance.ToList().ForEach(a => Rewrite(a, "participant"));
            var listed = meeting["hosts"]!.AsArray().Select(h => ((string)h!, "Host"))
                .Concat(meeting["coChairs"]!.AsArray().Select(c => ((string)c!, "CoChair"))).ToHashSet();
            foreach (var repeated in attendance.Where(a => listed.Contains(((string)a!["participant"]!, (string)a["role"]!))).ToList())
            {
                attendance.Remove(repeated);
            }
        }

        files["mechanism-memberships.json"]!.AsArray().ToList().ForEach(m => Rewrite(m, "participant"));
        foreach (var sources in files.Values.SelectMany(f => Descendants(f)).OfType<JsonObject>().Select(o => o["sources"]).OfType<JsonArray>().ToList())
        {
            var distinct = sources.DistinctBy(s => s!.ToJsonString()).Select(s => s!.DeepClone()).ToList();
            sources.Clear();
            distinct.ForEach(sources.Add);
        }

        files["people.json"]!.AsArray().SelectMany(p => p!["roles"]!.AsArray()).ToList().ForEach(r => Rewrite(r, "participant"));
        files.Where(f => f.Key.StartsWith("statements", StringComparison.Ordinal)).ToList().ForEach(s => Rewrite(s.Value, "author"));
        return files;
    }

    private static IEnumerable<JsonNode?> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Descendants(p.Value)).Prepend(o),
        JsonArray a => a.SelectMany(Descendants).Prepend(a),
        _ => [node],
    };

    /// <summary>Where two JSON trees differ, as "file path: expected … exported …" lines.</summary>
    public static IEnumerable<string> Differences(string file, JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        yield return $"{file} {path}.{key}: {(e.ContainsKey(key) ? "not exported" : "exported but not in seed-data")} ({(e[key] ?? a[key])?.ToJsonString()})";
                        continue;
                    }

                    foreach (var d in Differences(file, e[key], a[key], $"{path}.{key}"))
                    {
                        yield return d;
                    }
                }

                break;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    yield return $"{file} {path}: {e.Count} entries in seed-data, {a.Count} exported";
                    yield break;
                }

                for (var i = 0; i < e.Count; i++)
                {
                    foreach (var d in Differences(file, e[i], a[i], $"{path}[{i}]"))
                    {
                        yield return d;
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    yield return $"{file} {path}: seed-data {expected?.ToJsonString() ?? "null"}, exported {actual?.ToJsonString() ?? "null"}";
                }

                break;
        }
    }
}
