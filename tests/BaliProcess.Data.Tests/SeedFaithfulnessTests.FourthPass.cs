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

    [Fact]
    public void The_Ad_Hoc_Experts_Groups_2003_forward_work_plans_are_recorded_as_the_document_states_them()
    {
        // 004 states the plans exist and what they focused on, but gives them no title, period or items: they are
        // outcome documents of the kind WorkPlan with titles flagged as the portal's, not work-plan records.
        Assert.True(OccursIn(TwentyYearsFile, "Both Groups provided details of their forward work plans, which focused on information sharing and capacity building."));
        var documents = SeedArray("outcome-documents.json").ToDictionary(d => d!["slug"]!.GetValue<string>());
        foreach (var group in new[] { 1, 2 })
        {
            var plan = documents[$"ad-hoc-experts-group-{group}-forward-work-plan-2003"]!;
            Assert.Equal(("WorkPlan", true), (plan["kind"]!.GetValue<string>(), plan["titleAddedByPortal"]!.GetValue<bool>()));
            Assert.Equal(["second-ministerial-conference-2003"], Strings(plan["mentionedAtMeetings"]));
            var report = documents[$"ad-hoc-experts-group-{group}-report-2003"]!;
            Assert.Equal(("Noted", "second-ministerial-conference-2003"), (report["action"]!.GetValue<string>(), report["meeting"]!.GetValue<string>()));
        }

        Assert.DoesNotContain(SeedArray("work-plans.json"), w => w!["startYear"]!.GetValue<int>() < 2015);
    }
}
