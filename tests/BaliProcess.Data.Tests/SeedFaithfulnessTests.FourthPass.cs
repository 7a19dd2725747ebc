using System.Text.Json.Nodes;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The record's fourth pass (issue 21, decision 0032): mechanism names the portal built are flagged as the
/// portal's; what the documents say of programmes, partnerships and national bodies is recorded on their words.
/// </summary>
public sealed partial class SeedFaithfulnessTests
{
    [Fact]
    public void A_mechanism_name_not_flagged_as_the_portals_is_spelled_by_its_sources_and_a_flagged_one_is_not()
    {
        var failures = new List<string>();
        var flagged = new List<string>();
        foreach (var mechanism in SeedArray("mechanisms.json"))
        {
            var name = mechanism!["name"]!.GetValue<string>();
            var spelled = SourcesOf(mechanism).Distinct().Any(d => SpelledBy(d, name));
            var addedByPortal = mechanism["nameAddedByPortal"]?.GetValue<bool>() ?? false;
            if (addedByPortal)
            {
                flagged.Add(mechanism["slug"]!.GetValue<string>());
            }

            // A flagged name must be in no document at all, not only in none of its sources.
            if (addedByPortal ? SpelledByAnyDocument(name) : !spelled)
            {
                failures.Add($"{mechanism["slug"]}: '{name}' {(addedByPortal ? "is spelled by a document but flagged as the portal's" : "is in none of its sources but not flagged as the portal's")}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(["ad-hoc-experts-group-1", "ad-hoc-experts-group-2"], flagged);
    }
}
