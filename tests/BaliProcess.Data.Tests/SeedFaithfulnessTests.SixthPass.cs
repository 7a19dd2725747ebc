using System.Text.Json.Nodes;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The record's sixth pass (issue 21, decision 0041): who developed an outcome document (a new kind of field), and the
/// support and hosting roles a participant holds more than once, each in its own words (the membership's words are now
/// part of its key). Each is asserted against the document text, both ways: every entry the record has is in this list,
/// and every entry in this list is in the record with the words, links and place the document gives.
/// </summary>
public sealed partial class SeedFaithfulnessTests
{
    private const string TipWorkingGroup2017 = "003_f496830a861f9ea6.txt";

    /// <summary>(outcome document, the words naming who developed it, participant slug, mechanism slug, document, place).</summary>
    public static TheoryData<string, string, string?, string?, string, string> Developers => new()
    {
        { "following-the-money-policy-guide", "the Drafting Committee that developed the Bali Process policy guide and training module", null, "following-the-money-drafting-committee", TipWorkingGroup2017, "paragraph 4 (unnumbered in the document)" },
        { "following-the-money-training-module", "the Drafting Committee that developed the Bali Process policy guide and training module", null, "following-the-money-drafting-committee", TipWorkingGroup2017, "paragraph 4 (unnumbered in the document)" },
        { "regional-strategic-roadmap", "Oversight the RSO in developing a ‘Regional Strategic Roadmap", null, "regional-support-office", Workplan2015, "Action item 10" },
        { "regional-strategic-roadmap", "the work of the RSO in developing the online Regional Roadmap tool", null, "regional-support-office", TipWorkingGroup2017, "paragraph 7 (unnumbered in the document)" },
        { "screening-and-referral-tool-kit", "As examples of UNHCR's engagement with the Bali Process, two toolkits were developed in partnership with the Bali Process RSO.", "unhcr", "regional-support-office", TwentyYearsFile, "Individual Perspectives of Some Bali Process Members, UNHCR" },
        { "civil-registration-assessment-tool-kit", "As examples of UNHCR's engagement with the Bali Process, two toolkits were developed in partnership with the Bali Process RSO.", "unhcr", "regional-support-office", TwentyYearsFile, "Individual Perspectives of Some Bali Process Members, UNHCR" },
        { "civil-registration-assessment-tool-kit", "With RSO support, UNHCR also developed in 2018 the Civil Registration Assessment Tool Kit", "unhcr", "regional-support-office", TwentyYearsFile, "Individual Perspectives of Some Bali Process Members, UNHCR" },
        { "strategy-for-cooperation-2014", "Officials developed the Bali Process Strategy for Cooperation: 2014 and beyond.", null, null, TwentyYearsFile, "History of the Bali Process, 2014" },
        { "ad-hoc-experts-group-1-report-2003", "reports by the two Ad Hoc Experts Groups", null, "ad-hoc-experts-group-1", TwentyYearsFile, "Developments from 2003–2012" },
        { "ad-hoc-experts-group-2-report-2003", "reports by the two Ad Hoc Experts Groups", null, "ad-hoc-experts-group-2", TwentyYearsFile, "Developments from 2003–2012" },
        { "ad-hoc-experts-group-1-forward-work-plan-2003", "Both Groups provided details of their forward work plans", null, "ad-hoc-experts-group-1", TwentyYearsFile, "Developments from 2003–2012" },
        { "ad-hoc-experts-group-2-forward-work-plan-2003", "Both Groups provided details of their forward work plans", null, "ad-hoc-experts-group-2", TwentyYearsFile, "Developments from 2003–2012" },
        { "guide-information-campaigns", "the Bali Process provides training, especially in technical areas. It produces “best practice” guides", null, null, TwentyYearsFile, "What the Bali Process Does" },
        { "guide-interviewing-child-victims", "the Bali Process provides training, especially in technical areas. It produces “best practice” guides", null, null, TwentyYearsFile, "What the Bali Process Does" },
        { "guide-exploitation-in-supply-chains", "the Bali Process provides training, especially in technical areas. It produces “best practice” guides", null, null, TwentyYearsFile, "What the Bali Process Does" },
        { "unodc-policy-guides-smuggling-trafficking-financial-investigations-corruption", "UNODC jointly conducts research and produces various informative materials", "unodc", null, TwentyYearsFile, "Individual Perspectives of Some Bali Process Members: UNODC" },
    };

    [Theory]
    [MemberData(nameof(Developers))]
    public void Who_developed_an_outcome_document_is_recorded_in_the_documents_words(string slug, string words, string? participant, string? mechanism, string document, string place)
    {
        Assert.True(OccursIn(document, Normalise(words)), $"'{words}' is not in {document}");
        var developers = SeedArray("outcome-documents.json").Single(d => d!["slug"]!.GetValue<string>() == slug)!["developedBy"]!.AsArray();
        var entry = Assert.Single(developers, x => x!["asWritten"]!.GetValue<string>() == words)!;
        Assert.Equal(participant, entry["participant"]?.GetValue<string>());
        Assert.Equal(mechanism, entry["mechanism"]?.GetValue<string>());
        Assert.Equal((document, place), (entry["source"]!["document"]!.GetValue<string>(), entry["source"]!["location"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_developer_the_record_has_is_one_the_documents_state_and_the_financial_footprints_report_has_none()
    {
        var stated = Developers.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        var recorded = SeedArray("outcome-documents.json")
            .SelectMany(d => (d!["developedBy"]?.AsArray() ?? []).Select(x => (d["slug"]!.GetValue<string>(), x!["asWritten"]!.GetValue<string>())))
            .ToList();
        Assert.Equal(stated.Order(), recorded.Order());

        // 003 ¶4: "the Drafting Committee that developed the ... policy guide and training module ..., and a report on the
        // Financial Footprints": whether the committee developed the report the sentence does not say (an open question).
        Assert.True(OccursIn(TipWorkingGroup2017, Normalise("Members heard from the Drafting Committee that developed the Bali Process policy guide and training module on ‘Following the Money in Trafficking in Persons Cases’, and a report on the Financial Footprints")));
        Assert.Null(SeedArray("outcome-documents.json").Single(d => d!["slug"]!.GetValue<string>() == "financial-footprints-report")!["developedBy"]);

        // UNODC's policy guides are not identified with 003's or 004's guides: an open question says so.
        Assert.Contains(SeedArray("open-questions.json"), q => q!["subject"]!.GetValue<string>() == "document:unodc-policy-guides-smuggling-trafficking-financial-investigations-corruption");
    }

    /// <summary>(participant, role, the words, place): roles of the Bali Process as a whole (no mechanism) that a participant holds more than once.</summary>
    public static TheoryData<string, string, string, string> SixthPassRoles => new()
    {
        { "IOM", "Support", "The IOM country office in Australia supports coordination processes by providing technical secretariat functions", "The Bali Process and the IOM" },
        { "IOM", "Support", "The IOM supports the Bali Process by providing technical expertise to the various working groups during their annual meetings and in the implementation of their work plans", "The Bali Process and the IOM" },
        { "IOM", "Support", "the IOM implements local, regional and national projects of the Bali Process", "The Bali Process and the IOM" },
        { "IOM", "Support", "for technical contributions by IOM, UNHCR and UNODC across the range of Bali Process activities", "Co-Chairs Statement, Eighth Ministerial Conference, paragraph 20" },
        { "IOM", "Support", "for administrative support provided by IOM", "Co-Chairs Statement, Eighth Ministerial Conference, paragraph 20" },
        { "UNODC", "Support", "for technical contributions by IOM, UNHCR and UNODC across the range of Bali Process activities", "Co-Chairs Statement, Eighth Ministerial Conference, paragraph 20" },
        { "UNODC", "Support", "UNODC provides technical knowledge and expertise during various Bali Process meetings and events", "Individual Perspectives of Some Bali Process Members: UNODC" },
        { "Japan", "Support", "Japan's annual financial contributions to the Bali Process website since 2004 has been instrumental in the maintenance of this digital platform", "Individual Perspectives of Some Bali Process Members: Japan" },
        { "Japan", "Support", "through funding numerous projects", "Individual Perspectives of Some Bali Process Members: Japan" },
        { "Japan", "Host", "hosting workshops", "Individual Perspectives of Some Bali Process Members: Japan" },
        // UNODC's perspective dates the permanent co-chairs' role: "since 2002" (a sweep finding, checked below).
        { "Australia", "CoChair", "Australia and Indonesia's leadership as co-chairs since 2002", "Individual Perspectives of Some Bali Process Members: UNODC" },
        { "Indonesia", "CoChair", "Australia and Indonesia's leadership as co-chairs since 2002", "Individual Perspectives of Some Bali Process Members: UNODC" },
        // Passages the old key (mechanism, participant, role) had merged into one row's sources, each now its own row.
        { "Australia", "CoChair", "Australia is proud to co-chair the Bali Process with our close partner, Indonesia", "Individual Perspectives of Some Bali Process Members, Australia" },
        { "Indonesia", "CoChair", "As the Co-Chair, Indonesia", "Individual Perspectives of Some Bali Process Members, Indonesia" },
        { "Australia", "CoChair", "Australia and Indonesia as Co-Chairs of the Bali Process", "Individual Perspectives of Some Bali Process Members, Japan" },
        { "Indonesia", "CoChair", "Australia and Indonesia as Co-Chairs of the Bali Process", "Individual Perspectives of Some Bali Process Members, Japan" },
        { "ASEAN", "Partner", "the Bali Process has developed productive relationships with a range of other forums, including ASEAN and APEC", "Introduction" },
        { "ASEAN", "Partner", "Cooperation continued virtually with non-member forums such as ASEAN, the University of the South Pacific, the Budapest Process and the Office of the High Commissioner for Human Rights.", "Developments from 2020-2022" },
        { "Budapest Process", "Partner", "Cooperation continued virtually with non-member forums such as ASEAN, the University of the South Pacific, the Budapest Process and the Office of the High Commissioner for Human Rights.", "Developments from 2020-2022" },
    };

    [Theory]
    [MemberData(nameof(SixthPassRoles))]
    public void A_role_held_more_than_once_is_recorded_in_each_of_its_own_words(string participant, string role, string words, string place)
    {
        Assert.True(OccursIn(TwentyYearsFile, Normalise(words)), $"'{words}' is not in {TwentyYearsFile}");
        var entry = Assert.Single(SeedArray("mechanism-memberships.json"), m => m!["mechanism"] is null && m["participant"]!.GetValue<string>() == participant
            && m["role"]!.GetValue<string>() == role && m["asWritten"]!.GetValue<string>() == words)!;
        var sources = entry["sources"]!.AsArray().Select(s => (s!["document"]!.GetValue<string>(), s["location"]!.GetValue<string>())).ToList();
        Assert.Equal([(TwentyYearsFile, place)], sources);
        // A year only where the words give one ("since 2002", "since 2004").
        var since = System.Text.RegularExpressions.Regex.Match(words, @"since (\d{4})");
        Assert.Equal(since.Success ? since.Groups[1].Value : null, entry["from"]?.GetValue<string>());
    }

    [Fact]
    public void Every_role_of_IOM_UNODC_and_Japan_in_the_Bali_Process_as_a_whole_is_listed_and_IOM_supported_the_2012_workshop()
    {
        var listed = SixthPassRoles.Select(row => ((string)row[0], (string)row[1], (string)row[2])).Where(r => r.Item1 is "IOM" or "UNODC" or "Japan").Order().ToList();
        var recorded = SeedArray("mechanism-memberships.json")
            .Where(m => m!["mechanism"] is null && m["participant"]!.GetValue<string>() is "IOM" or "UNODC" or "Japan")
            .Select(m => (m!["participant"]!.GetValue<string>(), m["role"]!.GetValue<string>(), m["asWritten"]!.GetValue<string>()))
            .Order().ToList();
        Assert.Equal(listed, recorded);

        // 000 ¶17: IOM's "logistical and administrative arrangements" at the 2012 workshop are its Support at that meeting.
        Assert.True(OccursIn(Workshop2012, Normalise("as well as to the IOM for providing logistical and administrative arrangements to facilitate participants’ attendance.")));
        var workshop = SeedArray("meetings.json").Single(m => m!["slug"]!.GetValue<string>() == "technical-experts-workshop-trafficking-in-persons-2012")!;
        Assert.Contains(workshop["attendance"]!.AsArray(), a => a!["participant"]!.GetValue<string>() == "IOM" && a["role"]!.GetValue<string>() == "Support"
            && a["source"]!["location"]!.GetValue<string>() == "paragraph 17");
    }

    /// <summary>(statement, paragraph, the theme the issue names, the paragraph's words that carry it).</summary>
    public static TheoryData<string, string, string, string> ThemesTheIssueNames => new()
    {
        { "eighth-ministerial-conference-2023-co-chairs-statement", "3", "technology", "the use and misuse of technology" },
        { "eighth-ministerial-conference-2023-co-chairs-statement", "3", "children-and-gender", "women, children and persons with disabilities, continue to be disproportionately affected" },
        { "eighth-ministerial-conference-2023-co-chairs-statement", "10", "private-sector-engagement", "strengthened collaboration with business and civil society" },
        { "eighth-ministerial-conference-2023-co-chairs-statement", "10", "civil-society-engagement", "strengthened collaboration with business and civil society" },
        { "eighth-ministerial-conference-2023-co-chairs-statement", "11", "children-and-gender", "the worst forms of child labour" },
        { "adelaide-strategy-for-cooperation-2023", "6", "children-and-gender", "the worst forms of child labour" },
    };

    [Theory]
    [MemberData(nameof(ThemesTheIssueNames))]
    public void A_paragraph_the_issue_names_carries_the_theme_its_words_state(string statement, string label, string theme, string words)
    {
        var paragraph = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, "statements", statement + ".json")))!["paragraphs"]!.AsArray()
            .Single(p => p!["label"]?.GetValue<string>() == label)!;
        Assert.Contains(Normalise(words), Normalise(paragraph["text"]!.GetValue<string>()), StringComparison.Ordinal);
        Assert.Contains(theme, paragraph["themes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(SeedArray("themes.json"), t => t!["slug"]!.GetValue<string>() == theme);
    }
}
