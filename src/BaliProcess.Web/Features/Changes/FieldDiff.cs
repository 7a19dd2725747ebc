using System.Globalization;
using System.Text;
using System.Text.Json;
using DiffPlex;
using DiffPlex.Chunkers;

namespace BaliProcess.Web.Features.Changes;

/// <summary>One field of a revision that changed: its name in words, the value before and after (null: none).</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    /// <summary>Long text is shown as the words removed and added; short values as before → after.</summary>
    public bool IsLongText => (Before?.Length ?? 0) > FieldDiff.LongText || (After?.Length ?? 0) > FieldDiff.LongText;
}

/// <summary>A run of words of a long text: kept, removed or added.</summary>
public sealed record WordRun(string Text, WordChange Change);

public enum WordChange
{
    Kept,
    Removed,
    Added,
}

/// <summary>
/// Reads the before and after of a revision (JSON objects in the seed-data shape) as fields a person can compare: nested
/// objects and lists are flattened into named fields ("paragraph 4: text"), a list of objects keyed by the property that
/// names each element (label, slug, number, document) when it is unique, else by position; a list of plain values is
/// one field. Only fields whose values differ are returned. Pure and without a database (unit-tested).
/// </summary>
public static class FieldDiff
{
    /// <summary>Values longer than this are shown as the words removed and added.</summary>
    public const int LongText = 80;

    /// <summary>Past this many words on either side, a text is shown whole before and after instead of word by word.</summary>
    public const int MaxWordsCompared = 5000;

    private static readonly string[] ElementKeys = ["label", "slug", "number", "participant", "document", "name"];

    /// <summary>The fields that differ between <paramref name="beforeJson"/> (null: a new record) and <paramref name="afterJson"/>, in the after's order.</summary>
    public static IReadOnlyList<FieldChange> Between(string? beforeJson, string? afterJson)
    {
        var before = Flatten(beforeJson);
        var after = Flatten(afterJson);
        var changes = new List<FieldChange>();
        foreach (var (field, value) in after)
        {
            var old = before.GetValueOrDefault(field);
            if (old != value)
            {
                changes.Add(new FieldChange(field, old, value));
            }
        }

        changes.AddRange(before.Where(b => !after.ContainsKey(b.Key)).Select(b => new FieldChange(b.Key, b.Value, null)));
        return changes;
    }

    /// <summary>Every field of a JSON object with a value, flattened and named in words, in document order.</summary>
    public static IReadOnlyDictionary<string, string?> Flatten(string? json)
    {
        var fields = new OrderedDictionaryOfFields();
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields.Values;
        }

        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "", fields);
        return fields.Values;
    }

    /// <summary>The words of <paramref name="after"/> against <paramref name="before"/>: runs kept, removed and added, in reading order.</summary>
    public static IReadOnlyList<WordRun> Words(string? before, string? after)
    {
        before ??= "";
        after ??= "";
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        if (result.PiecesOld.Count > MaxWordsCompared || result.PiecesNew.Count > MaxWordsCompared)
        {
            return [new WordRun(before, WordChange.Removed), new WordRun(after, WordChange.Added)];
        }

        var runs = new List<WordRun>();
        void Add(string text, WordChange change)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (runs.Count > 0 && runs[^1].Change == change)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            }
            else
            {
                runs.Add(new WordRun(text, change));
            }
        }

        var oldAt = 0;
        foreach (var block in result.DiffBlocks)
        {
            // Pieces before the block are the same on both sides (the new side's are the same words).
            Add(string.Concat(result.PiecesOld.Skip(oldAt).Take(block.DeleteStartA - oldAt)), WordChange.Kept);
            Add(string.Concat(result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)), WordChange.Removed);
            Add(string.Concat(result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)), WordChange.Added);
            oldAt = block.DeleteStartA + block.DeleteCountA;
        }

        Add(string.Concat(result.PiecesOld.Skip(oldAt)), WordChange.Kept);
        return runs;
    }

    /// <summary>A summary of what changed, for one line of /changes: "new record", or the first fields' names.</summary>
    public static string Summary(IReadOnlyList<FieldChange> changes, bool newRecord, int named = 3)
    {
        if (newRecord)
        {
            return "new record";
        }

        if (changes.Count == 0)
        {
            return "no field changed";
        }

        var names = changes.Select(c => c.Field).Take(named).ToList();
        var more = changes.Count - names.Count;
        return "changed " + string.Join(", ", names) + (more > 0 ? string.Create(CultureInfo.InvariantCulture, $" and {more} more field{(more == 1 ? "" : "s")}") : "");
    }

    private static void Walk(JsonElement element, string path, OrderedDictionaryOfFields fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, Join(path, Words(property.Name)), fields);
                }

                break;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().ToList();
                if (items.All(i => i.ValueKind != JsonValueKind.Object && i.ValueKind != JsonValueKind.Array))
                {
                    fields.Set(path, items.Count == 0 ? null : string.Join(", ", items.Select(Scalar)));
                    break;
                }

                var key = ElementKeys.FirstOrDefault(k => items.All(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.String)
                    && items.Select(i => i.GetProperty(k).GetString()).Distinct(StringComparer.Ordinal).Count() == items.Count);
                var singular = Singular(path);
                for (var n = 0; n < items.Count; n++)
                {
                    var name = key is null ? (n + 1).ToString(CultureInfo.InvariantCulture) : items[n].GetProperty(key).GetString()!;
                    Walk(items[n], $"{singular} {name}", fields);
                }

                break;
            default:
                fields.Set(path, Scalar(element));
                break;
        }
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => element.GetRawText(),
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}: {name}";

    /// <summary>"paragraphs" → "paragraph" (the name of one element of a list); a path's last part only.</summary>
    private static string Singular(string path) =>
        path.EndsWith('s') && !path.EndsWith("ss", StringComparison.Ordinal) ? path[..^1] : path;

    /// <summary>"labelAddedByPortal" → "label added by portal".</summary>
    internal static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                words.Append(' ');
            }

            words.Append(c is '_' or '-' ? ' ' : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    /// <summary>Fields in the order they were first seen (a later duplicate name overwrites the value).</summary>
    private sealed class OrderedDictionaryOfFields
    {
        public OrderedDictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

        public void Set(string name, string? value) => Values[name.Length == 0 ? "value" : name] = value;
    }
}
