using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The record's quoted fields are verbatim too: mandates, passages a meeting summary puts in quotation
/// marks, outcome-document quotes, the documents' words for memberships, relations and people's roles, and
/// the offices people held as the documents give them.
/// </summary>
public sealed partial class SeedFaithfulnessTests
{
    private const string Workshop2012 = "000_c8949f303a282e20.txt";

    [Fact]
    public void Line_break_hyphenation_is_repaired_and_nothing_else_is_accepted()
    {
        // 000 breaks "non-government" and "victim-centered" across lines.
        Assert.True(OccursIn(Workshop2012, "international organisations and non-government organisations"));
        Assert.True(OccursIn(Workshop2012, "to promote victim-centered approaches"));

        // Dropping the hyphen, or joining words that were not hyphenated at a line break, is not a repair.
        Assert.False(OccursIn(Workshop2012, "international organisations and nongovernment organisations"));
        Assert.False(OccursIn(Workshop2012, "organisations and-non-government"));
        Assert.Equal("non-government", RepairHyphenation("non-\n\ngovernment"));
        Assert.Equal("non- government", RepairHyphenation("non- government"));
    }

    [Fact]
    public void No_verbatim_text_keeps_a_line_break_hyphen()
    {
        var failures = new List<string>();
        var files = Directory.GetFiles(Path.Combine(TestPaths.SeedDirectory, "statements"), "*.json").Append(Path.Combine(TestPaths.SeedDirectory, "work-plans.json"));
        foreach (var file in files)
        {
            failures.AddRange(BrokenHyphen().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetFileName(file)}: '{m.Value}'"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Every_mandate_is_verbatim_from_one_of_its_mechanisms_sources()
    {
        var failures = new List<string>();
        foreach (var mechanism in SeedArray("mechanisms.json"))
        {
            if (mechanism!["mandate"]?.GetValue<string>() is { } mandate && !InAnyOf(SourcesOf(mechanism), mandate))
            {
                failures.Add($"{mechanism["slug"]}: {mandate}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Every_passage_a_meeting_summary_quotes_is_verbatim_from_one_of_its_sources()
    {
        var failures = new List<string>();
        var quoted = 0;
        foreach (var meeting in SeedArray("meetings.json"))
        {
            var summary = meeting!["summary"]?.GetValue<string>() ?? string.Empty;
            foreach (Match m in QuotedPassage().Matches(summary))
            {
                quoted++;
                var passage = m.Groups["q"].Value;
                if (!InAnyOf(SourcesOf(meeting), passage))
                {
                    failures.Add($"{meeting["slug"]}: \"{passage}\"");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(quoted > 0, "no summary quotes anything: the test checks nothing");
    }

    [Fact]
    public void Every_outcome_document_quote_is_verbatim_from_its_source()
    {
        var failures = new List<string>();
        var documents = SeedArray("outcome-documents.json");
        foreach (var document in documents)
        {
            foreach (var quote in document!["quotes"]!.AsArray())
            {
                var text = quote!["text"]!.GetValue<string>();
                if (!OccursIn(quote["source"]!["document"]!.GetValue<string>(), Normalise(text)))
                {
                    failures.Add($"{document["slug"]}: {text[..Math.Min(80, text.Length)]}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(documents.Count >= 15);
    }

    [Fact]
    public void The_documents_words_for_memberships_relations_and_roles_are_verbatim()
    {
        var failures = new List<string>();
        foreach (var file in new[] { "mechanism-memberships.json", "mechanism-relations.json" })
        {
            foreach (var entry in SeedArray(file))
            {
                var words = entry!["asWritten"]!.GetValue<string>();
                if (!InAnyOf(SourcesOf(entry), words))
                {
                    failures.Add($"{file}: {words}");
                }
            }
        }

        foreach (var person in SeedArray("people.json"))
        {
            foreach (var role in person!["roles"]!.AsArray())
            {
                var sources = SourcesOf(role!);
                foreach (var field in new[] { "asWritten", "office" })
                {
                    if (role![field]?.GetValue<string>() is { } words && !InAnyOf(sources, words))
                    {
                        failures.Add($"{person["slug"]} {field}: {words}");
                    }
                }

                // The name as written appears in the role's source (surname at least, for "Manton").
                var surname = person["name"]!.GetValue<string>().Split(' ')[^1];
                if (!InAnyOf(sources, surname))
                {
                    failures.Add($"{person["slug"]}: '{surname}' is not in the role's source");
                }
            }
        }

        Assert.Empty(failures);
    }

    private static JsonArray SeedArray(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, file)))!.AsArray();

    private static List<string> SourcesOf(JsonNode record)
    {
        var list = new List<string>();
        if (record["source"]?["document"]?.GetValue<string>() is { } one)
        {
            list.Add(one);
        }

        list.AddRange((record["sources"]?.AsArray() ?? []).Select(s => s!["document"]!.GetValue<string>()));
        return list;
    }

    /// <summary>Verbatim in one of the documents; "…" in the words stands for a cut, each piece must be verbatim.</summary>
    private static bool InAnyOf(IEnumerable<string> documents, string words) =>
        documents.Distinct().Any(d => words.Split('…', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .All(piece => OccursIn(d, Normalise(piece))));

    // A letter, a hyphen, a space and a letter: what a PDF line break leaves of "non-government".
    [GeneratedRegex(@"\p{L}- \p{L}")]
    private static partial Regex BrokenHyphen();

    // "…" or “…” around at least two words: what a summary presents as the document's words.
    [GeneratedRegex("[\"“](?<q>[^\"”]+ [^\"”]+)[\"”]")]
    private static partial Regex QuotedPassage();
}
