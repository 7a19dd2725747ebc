using System.Text.Json;

namespace BaliProcess.Data.Seeding;

/// <summary>Everything read from the seed-data folder, each item with the file and place it came from.</summary>
public sealed partial class SeedSet
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public List<Located<SourceDocumentJson>> Sources { get; } = [];
    public List<Located<ThemeJson>> Themes { get; } = [];
    public List<Located<ParticipantJson>> Participants { get; } = [];
    public List<Located<MechanismJson>> Mechanisms { get; } = [];
    public List<Located<MeetingJson>> Meetings { get; } = [];
    public List<Located<WorkPlanJson>> WorkPlans { get; } = [];
    public List<Located<StatementJson>> Statements { get; } = [];
    public List<Located<DisagreementJson>> Disagreements { get; } = [];

    /// <summary>Reads every seed file; a file that is not valid JSON of the expected shape becomes a problem, not an exception.</summary>
    public static SeedSet Read(string directory, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var set = new SeedSet();
        if (!Directory.Exists(directory))
        {
            problems.Add($"The seed-data folder '{directory}' does not exist.");
            return set;
        }

        ReadList(directory, "sources.json", set.Sources, problems, required: true);
        ReadList(directory, "themes.json", set.Themes, problems, required: true);
        ReadList(directory, "mechanisms.json", set.Mechanisms, problems, required: true);
        ReadList(directory, "meetings.json", set.Meetings, problems, required: true);
        ReadList(directory, "work-plans.json", set.WorkPlans, problems, required: false);
        ReadList(directory, "disagreements.json", set.Disagreements, problems, required: false);
        set.ReadRecordFiles(directory, problems);
        foreach (var file in FilesIn(directory, "participants"))
        {
            ReadList(directory, file, set.Participants, problems, required: true);
        }

        foreach (var file in FilesIn(directory, "statements"))
        {
            if (Parse<StatementJson>(directory, file, problems) is { } statement)
            {
                set.Statements.Add(new Located<StatementJson>(statement, file, "(statement)"));
            }
        }

        return set;
    }

    private static IEnumerable<string> FilesIn(string directory, string folder)
    {
        var path = Path.Combine(directory, folder);
        return Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).Select(f => Path.Combine(folder, Path.GetFileName(f)))
            : [];
    }

    private static void ReadList<T>(string directory, string file, List<Located<T>> into, List<string> problems, bool required)
    {
        if (!File.Exists(Path.Combine(directory, file)))
        {
            if (required)
            {
                problems.Add($"{file}: the file is missing.");
            }

            return;
        }

        if (Parse<List<T?>>(directory, file, problems) is not { } items)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                into.Add(new Located<T>(item, file, $"[{i}]"));
            }
            else
            {
                problems.Add($"{file} [{i}]: the entry is null.");
            }
        }
    }

    private static T? Parse<T>(string directory, string file, List<string> problems)
        where T : class
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(directory, file));
            var value = JsonSerializer.Deserialize<T>(stream, JsonOptions);
            if (value is null)
            {
                problems.Add($"{file}: the file holds null.");
            }

            return value;
        }
        catch (JsonException e)
        {
            // JsonException knows the line and the JSON path: name them, not the parser's internals.
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : "unknown position";
            var reason = e.Message.Split(" Path:", 2)[0];
            problems.Add($"{file} ({where}, at {e.Path ?? "$"}): not valid seed JSON. {reason}");
            return null;
        }
        catch (IOException e)
        {
            problems.Add($"{file}: cannot be read ({e.Message}).");
            return null;
        }
    }
}
