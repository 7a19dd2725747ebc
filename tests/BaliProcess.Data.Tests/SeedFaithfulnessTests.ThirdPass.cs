using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The record's third pass (issue 21, decision 0025): what the portal adds is marked as the portal's and what
/// is not marked is the documents'. Aliases are spellings a document uses and portal aliases are spellings
/// none does; regions follow UN M49; a title not flagged as the portal's is the document's; a meeting's format
/// is given only where a document states it; several meetings or mechanisms are linked only on a document's words.
/// </summary>
public sealed partial class SeedFaithfulnessTests
{
    private static readonly string[] NameFiles = ["participants/members-and-observers.json", "participants/other-bodies.json", "mechanisms.json"];

    [Fact]
    public void Every_alias_is_spelled_by_a_document_and_no_portal_alias_is()
    {
        var failures = new List<string>();
        var portalAliases = 0;
        foreach (var file in NameFiles)
        {
            foreach (var record in SeedArray(file))
            {
                var documentNames = Strings(record!["aliases"]).Concat(record["fullName"]?.GetValue<string>() is { } full ? [full] : []);
                failures.AddRange(documentNames.Where(n => !SpelledByAnyDocument(n)).Select(n => $"{file} {record["slug"]}: alias '{n}' is in no document (move it to portalAliases)"));
                foreach (var alias in Strings(record["portalAliases"]))
                {
                    portalAliases++;
                    if (SpelledByAnyDocument(alias))
                    {
                        failures.Add($"{file} {record["slug"]}: portal alias '{alias}' is spelled by a document (it belongs in aliases)");
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(portalAliases >= 15, "the portal's search names are not marked as the portal's");
    }

    [Fact]
    public void Regions_are_the_portals_UN_M49_grouping_of_states_and_territories_only()
    {
        var failures = new List<string>();
        foreach (var file in NameFiles.Take(2))
        {
            foreach (var p in SeedArray(file))
            {
                var region = p!["region"]?.GetValue<string>();
                var isState = p["kind"]!.GetValue<string>() is nameof(ParticipantKind.Government) or nameof(ParticipantKind.SpecialAdministrativeRegion);
                if (isState && (region is null || !M49Regions.SubRegions.Contains(region)))
                {
                    failures.Add($"{p["slug"]}: region '{region}' is not a UN M49 sub-region");
                }
                else if (!isState && region is not null)
                {
                    failures.Add($"{p["slug"]}: M49 places states and territories, not bodies; region '{region}' is the portal's guess");
                }
            }
        }

        Assert.Empty(failures);

        // The ones the audit named: no document puts Türkiye or Iran in the Middle East, France in the Pacific.
        var regions = SeedArray(NameFiles[0]).ToDictionary(p => p!["slug"]!.GetValue<string>(), p => p!["region"]?.GetValue<string>());
        Assert.Equal(("Western Asia", "Southern Asia", "Western Europe"), (regions["turkiye"], regions["iran"], regions["france"]));
    }

    [Fact]
    public void A_title_not_flagged_as_the_portals_is_the_documents_and_a_flagged_one_is_not()
    {
        var failures = new List<string>();
        var flagged = 0;
        foreach (var doc in SeedArray("outcome-documents.json"))
        {
            var title = doc!["title"]!.GetValue<string>();
            var documents = SourcesOf(doc).Concat(doc["quotes"]!.AsArray().Select(q => q!["source"]!["document"]!.GetValue<string>())).ToList();
            // Word-bounded: "2018 Ministerial Declaration" inside "2018 Ministerial Declarations" is not the document's title.
            var verbatim = documents.Distinct().Any(d => SpelledBy(d, title));
            var addedByPortal = doc["titleAddedByPortal"]?.GetValue<bool>() ?? false;
            flagged += addedByPortal ? 1 : 0;
            if (verbatim == addedByPortal)
            {
                failures.Add($"{doc["slug"]}: '{title}' {(addedByPortal ? "is verbatim but flagged as the portal's" : "is in no source but not flagged as the portal's")}");
            }
        }

        Assert.Empty(failures);
        Assert.True(flagged >= 5);
    }

    [Fact]
    public void A_meeting_is_virtual_or_in_person_only_where_a_document_says_so()
    {
        // 004: the Ad Hoc Group's October 2020 meeting was "the first virtual meeting for the Bali Process", so no
        // earlier meeting was virtual; from mid-2022 "in-person consultations" resumed, the RSO's forum among them.
        Assert.True(OccursIn(TwentyYearsFile, "met virtually in October – the first virtual meeting for the Bali Process"));
        string[] statedInPerson = ["rso-tenth-anniversary-forum-2022"];
        var failures = new List<string>();
        foreach (var m in SeedArray("meetings.json"))
        {
            var slug = m!["slug"]!.GetValue<string>();
            var start = m["start"]!.GetValue<string>();
            var isVirtual = m["isVirtual"]?.GetValue<bool>();
            var isEvent = m["kind"]!.GetValue<string>() == nameof(MeetingKind.Event);
            if (isEvent && isVirtual is not null)
            {
                failures.Add($"{slug}: an event is not a meeting with a format");
            }
            else if (isVirtual == false && string.CompareOrdinal(start, "2020-10") >= 0 && !statedInPerson.Contains(slug))
            {
                failures.Add($"{slug}: no document says this {start} meeting was in person");
            }
            else if (isVirtual == true && !(m["summary"]?.GetValue<string>() ?? "").Contains("virtual", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{slug}: recorded as virtual, but its summary does not say the documents call it so");
            }
        }

        Assert.Empty(failures);
        var foreignMinisters = SeedArray("meetings.json").Single(m => m!["slug"]!.GetValue<string>() == "steering-group-foreign-ministers-meeting-2022");
        Assert.Null(foreignMinisters!["isVirtual"]?.GetValue<bool>());
    }

    [Fact]
    public void Several_meetings_or_mechanisms_are_linked_only_where_the_documents_words_name_each()
    {
        var mechanisms = SeedArray("mechanisms.json").ToDictionary(
            m => m!["slug"]!.GetValue<string>(),
            m => Strings(m!["aliases"]).Append(m["name"]!.GetValue<string>()).Concat(m["shortName"]?.GetValue<string>() is { } s ? [s] : []).ToList());
        var failures = new List<string>();
        var linked = 0;
        foreach (var m in SeedArray("meetings.json"))
        {
            var summary = m!["summary"]?.GetValue<string>() ?? "";
            foreach (var slug in Strings(m["facilitatedBy"]))
            {
                linked++;
                if (!mechanisms[slug].Any(n => summary.Contains(n, StringComparison.Ordinal)))
                {
                    failures.Add($"{m["slug"]}: the summary's quotation names no spelling of '{slug}'");
                }
            }
        }

        var meetings = SeedArray("meetings.json").ToDictionary(m => m!["slug"]!.GetValue<string>(), m => m!["title"]!.GetValue<string>());
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.SeedDirectory, "statements"), "*.json"))
        {
            var statement = JsonNode.Parse(File.ReadAllText(file))!;
            var text = string.Join(" ", statement["paragraphs"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
            foreach (var slug in Strings(statement["alsoMeetings"]))
            {
                linked++;

                // The statement's own text names the meeting by its title's distinctive part ("Third Government and Business Forum").
                if (!text.Contains(meetings[slug], StringComparison.Ordinal))
                {
                    failures.Add($"{Path.GetFileName(file)}: its text does not name '{meetings[slug]}'");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(linked >= 3);
    }

    [Fact]
    public void Support_and_contribution_at_a_meeting_cite_the_paragraph_that_states_them()
    {
        var roles = SeedArray("meetings.json")
            .SelectMany(m => (m!["attendance"]?.AsArray() ?? []).Select(a => (Meeting: m["slug"]!.GetValue<string>(), Entry: a!)))
            .Where(a => a.Entry["role"]!.GetValue<string>() is nameof(AttendanceRole.Support) or nameof(AttendanceRole.Contributor))
            .ToList();

        Assert.Contains(roles, r => r.Meeting == "technical-experts-workshop-trafficking-in-persons-2012" && r.Entry["participant"]!.GetValue<string>() == "IOM");
        Assert.Equal(2, roles.Count(r => r.Entry["role"]!.GetValue<string>() == nameof(AttendanceRole.Contributor)));
        Assert.All(roles, r => Assert.Matches(ParagraphNumber(), r.Entry["source"]!["location"]!.GetValue<string>()));

        // The words that state them.
        Assert.True(OccursIn(Workshop2012, "as well as to the IOM for providing logistical and administrative arrangements"));
        Assert.True(OccursIn(TwentyYearsFile, "the Business Co-Chairs, Walk Free Foundation and Adaro for their contribution to the Government and Business Forum"));
    }

    [Fact]
    public void Work_plan_items_without_a_stated_status_have_no_status_text_and_numbers_the_portal_gave_are_flagged()
    {
        var plans = SeedArray("work-plans.json").ToDictionary(w => w!["slug"]!.GetValue<string>(), w => w!["items"]!.AsArray());
        var priorities = plans["tip-working-group-forward-work-plan-2017-19"];
        Assert.Equal(7, priorities.Count);
        Assert.All(priorities, i =>
        {
            Assert.Equal(nameof(ActionItemStatus.NotStated), i!["status"]!.GetValue<string>());
            Assert.Null(i["statusText"]?.GetValue<string>());
            Assert.True(i["numberAddedByPortal"]!.GetValue<bool>());
        });
        var item3 = Assert.Single(plans["tip-working-group-forward-work-plan-2021-2023"]);
        Assert.Equal("3", item3!["number"]!.GetValue<string>());
        Assert.Null(item3["numberAddedByPortal"]?.GetValue<bool>());
    }

    private const string TwentyYearsFile = "004_14e3ad4cbde5a5fa.txt";

    private static IEnumerable<string> Strings(JsonNode? array) => array?.AsArray().Select(a => a!.GetValue<string>()) ?? [];

    /// <summary>The name as a word or phrase of some document (whitespace collapsed), not inside a longer word.</summary>
    private static bool SpelledByAnyDocument(string name) => Documents.Keys.Any(d => SpelledBy(d, name));

    private static bool SpelledBy(string document, string name)
    {
        var pattern = new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(Normalise(name)) + @"(?![\p{L}\p{N}])");
        return pattern.IsMatch(Documents[document]) || pattern.IsMatch(Repaired[document]);
    }

    [GeneratedRegex(@"paragraph \d+")]
    private static partial Regex ParagraphNumber();
}
