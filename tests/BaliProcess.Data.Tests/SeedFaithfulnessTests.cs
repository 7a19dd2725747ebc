using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Data.Tests;

/// <summary>
/// Statement, work-plan and perspective text is verbatim from its document: with whitespace collapsed and
/// markdown asterisks removed, every text occurs in the document it cites. The one repair allowed beyond
/// that is PDF line-break hyphenation: "non-\ngovernment" in a document may be written "non-government"
/// (never "nongovernment", and never a hyphen that was not at a line break).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Unit)]
public sealed partial class SeedFaithfulnessTests
{
    private static readonly Dictionary<string, string> Documents = Directory.Exists(TestPaths.SourceDocumentsDirectory)
        ? Directory.GetFiles(TestPaths.SourceDocumentsDirectory, "*.txt").ToDictionary(f => Path.GetFileName(f), f => Normalise(File.ReadAllText(f)))
        : [];

    /// <summary>The documents with line-break hyphenation repaired: a hyphen at the end of a line joins the next word.</summary>
    private static readonly Dictionary<string, string> Repaired = Directory.Exists(TestPaths.SourceDocumentsDirectory)
        ? Directory.GetFiles(TestPaths.SourceDocumentsDirectory, "*.txt").ToDictionary(f => Path.GetFileName(f), f => Normalise(RepairHyphenation(File.ReadAllText(f))))
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
                if (!OccursIn(document, text))
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
                    // An item the document lists without a status has no status text (status NotStated).
                    if (item![field]?.GetValue<string>() is not { } words)
                    {
                        continue;
                    }

                    var text = Normalise(words);
                    if (!OccursIn(document, text))
                    {
                        failures.Add($"item {item["number"]} {field}: {text[..Math.Min(80, text.Length)]}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>Verbatim, or verbatim once the document's line-break hyphens are joined (and nothing else).</summary>
    internal static bool OccursIn(string document, string normalisedText) =>
        Documents[document].Contains(normalisedText, StringComparison.Ordinal)
        || Repaired[document].Contains(normalisedText, StringComparison.Ordinal);

    /// <summary>"non-" at the end of a line followed by "government" on the next becomes "non-government".</summary>
    internal static string RepairHyphenation(string text) => LineBreakHyphen().Replace(text, "$1-$2");

    internal static string Normalise(string text) => Whitespace().Replace(text.Replace("*", string.Empty, StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(\p{L})-[ \t]*\r?\n\s*(\p{L})")]
    private static partial Regex LineBreakHyphen();
}
