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

    [Fact]
    public void Every_programme_says_only_what_its_documents_state()
    {
        var failures = new List<string>();
        var programmes = SeedArray("programmes.json");
        foreach (var programme in programmes)
        {
            var slug = programme!["slug"]!.GetValue<string>();
            var name = programme["name"]!.GetValue<string>();
            var addedByPortal = programme["nameAddedByPortal"]?.GetValue<bool>() ?? false;
            if (addedByPortal ? SpelledByAnyDocument(name) : !SourcesOf(programme).Distinct().Any(d => SpelledBy(d, name)))
            {
                failures.Add($"{slug}: name '{name}' {(addedByPortal ? "is spelled by a document but flagged" : "is in none of its sources but not flagged")}");
            }

            var quotes = programme["quotes"]!.AsArray().Select(q => (Text: q!["text"]!.GetValue<string>(), Document: q["source"]!["document"]!.GetValue<string>())).ToList();
            failures.AddRange(quotes.Where(q => !OccursIn(q.Document, Normalise(q.Text))).Select(q => $"{slug}: quote not verbatim: {q.Text[..Math.Min(60, q.Text.Length)]}"));
            foreach (var part in programme["parts"]!.AsArray())
            {
                var words = part!["asWritten"]!.GetValue<string>();
                if (!OccursIn(part["source"]!["document"]!.GetValue<string>(), Normalise(words)))
                {
                    failures.Add($"{slug}: part '{words}' is not in its source");
                }
            }

            // A period is stated, not inferred: each year given is in the name or in one of its quotes.
            foreach (var field in new[] { "start", "end" })
            {
                if (programme[field]?.GetValue<string>() is { } date && !quotes.Select(q => q.Text).Append(name).Any(t => t.Contains(date[..4], StringComparison.Ordinal)))
                {
                    failures.Add($"{slug}: {field} {date} is in none of its quotes");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(programmes.Count >= 10, "the programmes, periods of action and national plans and bodies are missing");

        // Partnerships are memberships with the role Partner; the partner's own name is in the document's words.
        var partners = SeedArray("mechanism-memberships.json").Where(m => m!["role"]!.GetValue<string>() == "Partner").ToList();
        Assert.All(partners, m => Assert.Contains(m!["participant"]!.GetValue<string>(), m["asWritten"]!.GetValue<string>(), StringComparison.Ordinal));
        // Seven partners in 11 rows: ASEAN stated in three passages, the Budapest Process and the Jakarta Centre in two,
        // each passage its own row (decision 0041).
        Assert.Equal(11, partners.Count);
        Assert.Equal(7, partners.Select(m => m!["participant"]!.GetValue<string>()).Distinct().Count());
    }
}
