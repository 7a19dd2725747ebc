using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Web.Tests.Journeys;

/// <summary>
/// "The seed data without the records drawn from document X" (issue 18's proof, decision 0036): a copy of seed-data/
/// that a portal can start on before a Secretariat user enters X's records again from the document.
/// </summary>
/// <remarks>
/// What it removes, in this order, and nothing else (every file it does not change is copied byte for byte):
/// 1. X's entry in sources.json;
/// 2. the records drawn from X: those named (<paramref name="drawn"/>, e.g. "meeting:regional-symposium-…", which may
///    also cite another document for a fact or two) and every record whose citations are all of X;
/// 3. X's citations in the records that cite X among other documents: a citation in a list goes; a list entry whose
///    own source is X (an attendance row, a count, a disagreement's value, a quote) goes with it;
/// 4. what would point at a removed record: a disagreement or open question about it, a list entry naming it
///    ("mentionedIn", a person's role at the meeting); a record whose own field names it is removed too;
/// 5. what the validator would refuse: a disagreement left with fewer than two values is removed.
/// Every removal beyond X's own records is in <see cref="Dropped"/>, for the decision to list.
/// </remarks>
public sealed class SeedWithoutDocument
{
    private static readonly JsonSerializerOptions Writing = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Record files: one array of records each, and the kind their subjects ("meeting:slug") use.</summary>
    private static readonly (string File, string Kind)[] ArrayFiles =
    [
        ("meetings.json", "meeting"), ("mechanisms.json", "mechanism"), ("work-plans.json", "work-plan"),
        ("outcome-documents.json", "outcome-document"), ("people.json", "person"), ("programmes.json", "programme"),
        ("mechanism-memberships.json", "mechanism-membership"), ("mechanism-relations.json", "mechanism-relation"),
        ("participants/members-and-observers.json", "participant"), ("participants/other-bodies.json", "participant"),
        ("disagreements.json", "disagreement"), ("open-questions.json", "open-question"),
    ];

    /// <summary>Properties that name a meeting, a statement or a work plan by slug (a reference the loader resolves).</summary>
    private static readonly Dictionary<string, string> ReferenceKinds = new(StringComparer.Ordinal)
    {
        ["meeting"] = "meeting", ["adoptedAtMeeting"] = "meeting", ["updatedAtMeeting"] = "meeting", ["establishedByMeeting"] = "meeting",
        ["statement"] = "statement", ["workPlan"] = "work-plan",
    };

    private readonly string document;
    private readonly HashSet<string> removed;
    private readonly HashSet<JsonNode> removedNodes = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> dropped = [];

    private SeedWithoutDocument(string document, IEnumerable<string> drawn)
    {
        this.document = document;
        removed = new HashSet<string>(drawn, StringComparer.Ordinal);
    }

    /// <summary>The copy's folder.</summary>
    public string Directory { get; private set; } = "";

    /// <summary>Records removed besides X's (subject and why), and citations removed from records that stay.</summary>
    public IReadOnlyList<string> Dropped => dropped;

    /// <summary>Every record removed, as "kind:slug" (the named ones, those citing only X, and those that depended on them).</summary>
    public IReadOnlyCollection<string> Removed => removed;

    /// <summary>Writes the copy of <paramref name="seedDirectory"/> without <paramref name="document"/>'s records into a new temporary folder.</summary>
    public static SeedWithoutDocument Write(string seedDirectory, string document, params string[] drawn)
    {
        var result = new SeedWithoutDocument(document, drawn);
        result.Directory = System.IO.Directory.CreateTempSubdirectory("bp-seed-without-").FullName;
        result.Build(seedDirectory);
        return result;
    }

    private void Build(string seed)
    {
        var files = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        JsonNode Read(string relative) => files.TryGetValue(relative, out var node) ? node
            : files[relative] = JsonNode.Parse(File.ReadAllText(Path.Combine(seed, relative)))!;

        var sources = Read("sources.json").AsArray();
        sources.Remove(sources.Single(s => (string?)s!["file"] == document));

        var statements = System.IO.Directory.GetFiles(Path.Combine(seed, "statements"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(seed, f).Replace('\\', '/')).ToList();

        // Records removed until nothing more depends on a removed one (a statement of a removed meeting, …).
        for (var before = -1; before != removedNodes.Count;)
        {
            before = removedNodes.Count;
            foreach (var (file, kind) in ArrayFiles)
            {
                foreach (var record in Read(file).AsArray().ToList())
                {
                    var key = KeyOf(kind, record!);
                    if (!removedNodes.Contains(record!) && (IsNamed(record!, key) || RemovalReason(record!) is not null))
                    {
                        var reason = IsNamed(record!, key) ? "" : RemovalReason(record!)!;
                        Remove(record!, key);
                        if (reason.Length > 0)
                        {
                            dropped.Add($"{key}: {reason}");
                        }
                    }
                }
            }

            foreach (var file in statements)
            {
                var record = Read(file);
                var key = "statement:" + (string?)record["slug"];
                if (!removedNodes.Contains(record) && (IsNamed(record, key) || RemovalReason(record) is not null))
                {
                    var reason = IsNamed(record, key) ? "" : RemovalReason(record)!;
                    Remove(record, key);
                    if (reason.Length > 0)
                    {
                        dropped.Add($"{key}: {reason}");
                    }
                }
            }
        }

        // What stays loses X's citations and its entries that point at removed records.
        foreach (var (file, kind) in ArrayFiles)
        {
            var records = Read(file).AsArray();
            foreach (var record in records.ToList())
            {
                var key = KeyOf(kind, record!);
                if (removedNodes.Contains(record!))
                {
                    records.Remove(record);
                    continue;
                }

                Prune(record!, key);
                if (kind == "disagreement" && record!["values"] is JsonArray { Count: < 2 })
                {
                    records.Remove(record);
                    dropped.Add($"{key}: left with fewer than two values once {document}'s were removed (the validator refuses it)");
                }
            }
        }

        foreach (var file in statements)
        {
            if (removedNodes.Contains(Read(file)))
            {
                files.Remove(file);
                continue;
            }

            Prune(Read(file), "statement:" + (string?)Read(file)["slug"]);
        }

        foreach (var original in System.IO.Directory.GetFiles(seed, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(seed, original).Replace('\\', '/');
            var target = Path.Combine(Directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (relative.StartsWith("statements/", StringComparison.Ordinal) && !files.ContainsKey(relative))
            {
                continue;
            }

            var text = File.ReadAllText(original);
            var written = files.TryGetValue(relative, out var node) ? node.ToJsonString(Writing) + "\n" : null;

            // Unchanged files keep their bytes; only a file this helper changed is written anew.
            if (written is null || JsonNode.DeepEquals(node, JsonNode.Parse(text)))
            {
                File.Copy(original, target);
            }
            else
            {
                File.WriteAllText(target, written);
            }
        }
    }

    /// <summary>A record named as drawn from X (records without a slug are never named, and their keys need not be unique).</summary>
    private bool IsNamed(JsonNode record, string key) => record["slug"] is not null && removed.Contains(key);

    private void Remove(JsonNode record, string key)
    {
        removedNodes.Add(record);
        if (record["slug"] is not null)
        {
            removed.Add(key);
        }
    }

    /// <summary>Why a record goes ("" for X's own), or null when it stays.</summary>
    private string? RemovalReason(JsonNode record)
    {
        var cited = Citations(record).ToList();
        if (cited.Count > 0 && cited.All(d => d == document))
        {
            return "";
        }

        if (record["subject"]?.GetValue<string>() is { } subject && removed.Contains(subject))
        {
            return $"about {subject}, which is drawn from {document}";
        }

        foreach (var (property, kind) in ReferenceKinds)
        {
            if (record[property] is JsonValue value && value.TryGetValue<string>(out var slug) && removed.Contains($"{kind}:{slug}"))
            {
                return $"its {property} is {kind}:{slug}, which is drawn from {document}";
            }
        }

        return null;
    }

    /// <summary>Removes X's citations and the entries that name a removed record, anywhere inside <paramref name="node"/>.</summary>
    private void Prune(JsonNode node, string key)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonObject { } source && name is "source" && (string?)source["document"] == document)
                    {
                        // A record's own single source of X with other citations elsewhere: nothing to cite it by; left to the
                        // list handling below (an entry whose source is X goes), and at record level it cannot happen (the
                        // record would cite only X or be named).
                        continue;
                    }

                    if (child is not null)
                    {
                        Prune(child, key);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    if (item is JsonObject entry && (IsCitationOfX(entry) || ((string?)entry["source"]?["document"]) == document || NamesRemoved(entry)))
                    {
                        array.Remove(item);
                        dropped.Add($"{key}: {Describe(entry)} removed");
                    }
                    else if (item is JsonValue value && value.TryGetValue<string>(out var slug) && removed.Contains("meeting:" + slug) && IsMeetingList(array))
                    {
                        array.Remove(item);
                        dropped.Add($"{key}: the mention of meeting:{slug} removed");
                    }
                    else if (item is not null)
                    {
                        Prune(item, key);
                    }
                }

                break;
        }
    }

    private bool IsCitationOfX(JsonObject entry) => entry.Count <= 2 && entry.ContainsKey("document") && (string?)entry["document"] == document;

    private bool NamesRemoved(JsonObject entry) => ReferenceKinds.Any(r =>
        entry[r.Key] is JsonValue value && value.TryGetValue<string>(out var slug) && removed.Contains($"{r.Value}:{slug}"));

    private static bool IsMeetingList(JsonArray array) => array.Parent is JsonObject parent
        && parent.FirstOrDefault(p => ReferenceEquals(p.Value, array)).Key is "mentionedAtMeetings" or "alsoMeetings";

    private string Describe(JsonObject entry) =>
        IsCitationOfX(entry) ? $"the citation of {document} at “{(string?)entry["location"]}”"
        : NamesRemoved(entry) ? $"an entry naming a removed record ({string.Join(", ", ReferenceKinds.Keys.Where(entry.ContainsKey).Select(k => $"{k} {entry[k]}"))})"
        : $"an entry whose source is {document} (“{Shorten(entry)}”)";

    private static string Shorten(JsonObject entry)
    {
        var text = (string?)(entry["value"] ?? entry["participant"] ?? entry["description"] ?? entry["text"]) ?? entry.ToJsonString();
        return text.Length <= 60 ? text : text[..57] + "…";
    }

    /// <summary>Every document a record cites, at any depth.</summary>
    private static IEnumerable<string> Citations(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["document"] is JsonValue d && d.TryGetValue<string>(out var file) ? [file] : Enumerable.Empty<string>())
            .Concat(obj.SelectMany(p => Citations(p.Value))),
        JsonArray array => array.SelectMany(Citations),
        _ => [],
    };

    private static string KeyOf(string kind, JsonNode record) => record["slug"]?.GetValue<string>() is { } slug
        ? $"{kind}:{slug}"
        : $"{kind}:{(string?)record["subject"] ?? (string?)record["participant"] ?? (string?)record["from"] ?? "?"}|{(string?)record["field"] ?? (string?)record["mechanism"] ?? (string?)record["to"] ?? ""}|{(string?)record["role"] ?? (string?)record["kind"] ?? ""}";
}
