using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Data.Tests;

/// <summary>
/// Statement, work-plan and perspective text is verbatim from its document: with whitespace collapsed and
/// markdown asterisks removed, every text occurs in the document it cites.
/// </summary>
public sealed partial class SeedFaithfulnessTests
{
    private static readonly Dictionary<string, string> Documents = Directory.Exists(TestPaths.SourceDocumentsDirectory)
        ? Directory.GetFiles(TestPaths.SourceDocumentsDirectory, "*.txt").ToDictionary(f => Path.GetFileName(f), f => Normalise(File.ReadAllText(f)))
        : [];

    [Fact]
    public void The_five_source_documents_are_beside_the_repository() =>
        Assert.Equal(5, Documents.Count);

    [Fact]
    public void Every_statement_paragraph_is_verbatim_from_its_document()
    {
        var failures = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.SeedDirectory, "statements"), "*.json"))
        {
            var statement = JsonNode.Parse(File.ReadAllText(file))!;
            var document = statement["source"]?["document"]?.GetValue<string>() ?? statement["sources"]![0]!["document"]!.GetValue<string>();
            foreach (var paragraph in statement["paragraphs"]!.AsArray())
            {
                var text = Normalise(paragraph!["text"]!.GetValue<string>());
                if (!Documents[document].Contains(text, StringComparison.Ordinal))
                {
                    failures.Add($"{Path.GetFileName(file)} ¶{paragraph["label"]}: {text[..Math.Min(80, text.Length)]}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Every_work_plan_item_and_status_is_verbatim_from_its_document()
    {
        var failures = new List<string>();
        foreach (var plan in JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, "work-plans.json")))!.AsArray())
        {
            var document = plan!["source"]!["document"]!.GetValue<string>();
            foreach (var item in plan["items"]!.AsArray())
            {
                foreach (var field in new[] { "text", "statusText" })
                {
                    var text = Normalise(item![field]!.GetValue<string>());
                    if (!Documents[document].Contains(text, StringComparison.Ordinal))
                    {
                        failures.Add($"item {item["number"]} {field}: {text[..Math.Min(80, text.Length)]}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    private static string Normalise(string text) => Whitespace().Replace(text.Replace("*", string.Empty, StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
