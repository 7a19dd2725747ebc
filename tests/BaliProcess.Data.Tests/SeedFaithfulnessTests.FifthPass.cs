using System.Text.Json.Nodes;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The record's fifth pass (issue 21, decision 0038): the programmes, national plans, bodies, laws and initiatives,
/// trainings and pilots, outcome documents and bodies a sweep of the five documents found without a record. Each
/// fact is asserted against the document text: the words the record relies on are in the document, and the record
/// says what they say (its kind, its owner, who took part and where), nothing more.
/// </summary>
public sealed partial class SeedFaithfulnessTests
{
    private const string Workplan2015 = "001_2f1693fd15a085f6.txt";

    /// <summary>(slug, kind, the member whose own it is or the mechanism it belongs to, the words that state it).</summary>
    public static TheoryData<string, string, string?, string, string> FifthPassProgrammes => new()
    {
        { "disruption-working-group-next-joint-period-of-action", "JointPeriodOfAction", "working-group-disruption", Workplan2015, "increase its focus in the next Joint Period of Action" },
        { "asean-somtc-work-programme-to-combat-people-smuggling-2022-2024", "Programme", null, TwentyYearsFile, "the development of the ASEAN SOMTC Work Programme to Combat People Smuggling 2022–2024" },
        { "unhcr-screening-and-referral-tool-kit-trainings", "Trainings", null, TwentyYearsFile, "UNHCR conducted several trainings on the Tool Kit" },
        { "civil-registration-assessment-tool-kit-pilots", "Pilot", null, TwentyYearsFile, "The Tool Kit was piloted in Vietnam, Thailand and Pakistan in 2019 – 2020" },
        { "sri-lanka-standard-operating-procedures-victim-identification", "NationalPlan", "sri-lanka", Workshop2012, "Sri Lanka is finalising SOPs" },
        { "indonesia-trafficking-in-persons-eradication-strategy", "NationalPlan", "indonesia", Workshop2012, "Indonesia’s trafficking in persons’ eradication strategy" },
        { "cambodia-national-guidelines-on-victim-identification", "NationalPlan", "cambodia", TwentyYearsFile, "the first country to develop national guidelines on victim identification" },
        { "maldives-law-criminalizing-trafficking-in-persons", "NationalLaw", "maldives", TwentyYearsFile, "the formulation of a law criminalizing Trafficking in Persons in the Maldives" },
        { "maldives-anti-trafficking-in-persons-office", "NationalBody", "maldives", TwentyYearsFile, "and the Anti-Trafficking in Persons Office" },
        { "timor-leste-commission-of-anti-human-trafficking", "NationalBody", "timor-leste", TwentyYearsFile, "by establishing the Commission of Anti Human Trafficking" },
        { "pakistan-prevention-of-trafficking-in-persons-act-2018", "NationalLaw", "pakistan", TwentyYearsFile, "Two laws have been promulgated on the subject: the Prevention of Trafficking in Persons Act (TIP) 2018" },
        { "pakistan-prevention-of-smuggling-of-migrants-act-2018", "NationalLaw", "pakistan", TwentyYearsFile, "and the Prevention of Smuggling of Migrants Act 2018" },
        { "pakistan-anti-trafficking-joint-task-forces", "NationalBody", "pakistan", TwentyYearsFile, "has anti-trafficking law enforcement joint task forces" },
        { "pakistan-nation-wide-awareness-campaigns", "NationalInitiative", "pakistan", TwentyYearsFile, "Pakistan has launched nation-wide awareness campaigns" },
        { "jordan-human-trafficking-prevention-law-no-9-2009", "NationalLaw", "jordan", TwentyYearsFile, "the Human Trafficking prevention Law No.9 of (2009)" },
        { "jordan-karama-house", "NationalBody", "jordan", TwentyYearsFile, "the establishment of Karama House under the Ministry of Social Development" },
        { "jordan-national-referral-mechanism", "NationalInitiative", "jordan", TwentyYearsFile, "The national referral mechanism and standard implementation procedures" },
        { "jordan-national-strategy-and-action-plan-2023-2026", "NationalPlan", "jordan", TwentyYearsFile, "Work is underway to prepare a national strategy and action plan for human trafficking for 2023-2026" },
        { "palau-executive-order-no-444", "NationalLaw", "palau", TwentyYearsFile, "In March 2021, Executive Order No.444 reorganized the Ministry of Justice" },
        { "palau-proposed-legislation-on-sentencing", "NationalLaw", "palau", TwentyYearsFile, "submit proposed legislation to address concerns in the statute regarding sentencing" },
        { "palau-anti-human-trafficking-awareness-month", "NationalInitiative", "palau", TwentyYearsFile, "This February Palau observed its first Anti-Human Trafficking Awareness Month." },
        { "palau-first-shelter-for-victims-of-crime", "NationalInitiative", "palau", TwentyYearsFile, "to construct what will serve as the first shelter for victims of crime" },
        { "new-zealand-irregular-migration-liaison-officers", "NationalInitiative", "new-zealand", TwentyYearsFile, "the deployment of four Irregular Migration Liaison Officers" },
        { "new-zealand-strategy-to-prevent-maritime-mass-arrivals", "NationalPlan", "new-zealand", TwentyYearsFile, "New Zealand aims to prevent maritime mass arrivals through a strategy" },
        { "new-zealand-supply-chain-legislation", "NationalLaw", "new-zealand", TwentyYearsFile, "New Zealand is also progressing domestic legislation" },
        { "france-international-cooperation-department", "NationalBody", "france", TwentyYearsFile, "in particular, the International Cooperation Department" },
        { "france-border-police-new-caledonia", "NationalBody", "france", TwentyYearsFile, "the specialised Border Police in New Caledonia" },
    };

    [Theory]
    [MemberData(nameof(FifthPassProgrammes))]
    public void A_programme_the_fifth_pass_found_is_recorded_as_its_document_states_it(string slug, string kind, string? owner, string document, string words)
    {
        Assert.True(OccursIn(document, Normalise(words)), $"'{words}' is not in {document}");
        var programme = SeedArray("programmes.json").Single(p => p!["slug"]!.GetValue<string>() == slug)!;
        Assert.Equal(kind, programme["kind"]!.GetValue<string>());
        var ownerField = kind is "JointPeriodOfAction" ? "mechanism" : "participant";
        Assert.Equal(owner, programme[ownerField]?.GetValue<string>());
        Assert.Contains(programme["quotes"]!.AsArray(), q => Normalise(q!["text"]!.GetValue<string>()).Contains(Normalise(words), StringComparison.Ordinal)
            && q["source"]!["document"]!.GetValue<string>() == document);
    }

    [Fact]
    public void The_fifth_pass_parts_say_who_took_part_and_where_in_the_documents_words()
    {
        var programmes = SeedArray("programmes.json").ToDictionary(p => p!["slug"]!.GetValue<string>());
        string[] Parts(string slug, string role) => [.. programmes[slug]!["parts"]!.AsArray()
            .Where(x => x!["role"]!.GetValue<string>() == role)
            .Select(x => x!["participant"]?.GetValue<string>() ?? x["mechanism"]?.GetValue<string>() ?? x["asWritten"]!.GetValue<string>())];

        // UNHCR's trainings (2021-2022) were held in four members, the Civil Registration pilots (2019-2020) in three.
        Assert.True(OccursIn(TwentyYearsFile, "to officials in Indonesia, Malaysia, Thailand and the Philippines in 2021 and 2022."));
        Assert.Equal(["indonesia", "malaysia", "thailand", "philippines"], Parts("unhcr-screening-and-referral-tool-kit-trainings", "HeldIn"));
        Assert.Equal(["unhcr"], Parts("unhcr-screening-and-referral-tool-kit-trainings", "RunBy"));
        Assert.Equal(("2021", "2022"), (programmes["unhcr-screening-and-referral-tool-kit-trainings"]!["start"]!.GetValue<string>(), programmes["unhcr-screening-and-referral-tool-kit-trainings"]!["end"]!.GetValue<string>()));
        Assert.Equal(["viet-nam", "thailand", "pakistan"], Parts("civil-registration-assessment-tool-kit-pilots", "HeldIn"));
        Assert.Empty(Parts("civil-registration-assessment-tool-kit-pilots", "RunBy")); // "was piloted": the document names no one

        // Malaysia as ASEAN's Voluntary Lead Shepherd developed an ASEAN programme: ASEAN's, not the Bali Process's.
        Assert.True(OccursIn(TwentyYearsFile, "Malaysia has also taken on the important role of Voluntary Lead Shepherd for People Smuggling."));
        Assert.Equal(["malaysia"], Parts("asean-somtc-work-programme-to-combat-people-smuggling-2022-2024", "DevelopedBy"));
        Assert.Equal(["asean"], Parts("asean-somtc-work-programme-to-combat-people-smuggling-2022-2024", "BelongsTo"));
        Assert.Null(programmes["asean-somtc-work-programme-to-combat-people-smuggling-2022-2024"]!["mechanism"]);

        // The RSO's technical support to the Maldives' law; India's commitment to Palau's first shelter; Palau's chair.
        Assert.True(OccursIn(TwentyYearsFile, "technical support extended by the Bali Process/RSO in the formulation of a law criminalizing Trafficking in Persons"));
        Assert.Equal(["regional-support-office"], Parts("maldives-law-criminalizing-trafficking-in-persons", "SupportedBy"));
        Assert.Equal(["india"], Parts("palau-first-shelter-for-victims-of-crime", "SupportedBy"));
        Assert.True(OccursIn(TwentyYearsFile, "It is chaired by the Honorable J. Uduch Sengebau Senior, Vice President and Minister of Justice of Palau"));
        Assert.Single(Parts("palau-anti-human-trafficking-working-group", "ChairedBy"));

        // "the next Joint Period of Action" is not identified with the second or third: no period, and an open question.
        var next = programmes["disruption-working-group-next-joint-period-of-action"]!;
        Assert.Equal((null, null), (next["start"]?.GetValue<string>(), next["end"]?.GetValue<string>()));
        Assert.Contains(SeedArray("open-questions.json"), q => q!["subject"]!.GetValue<string>() == "mechanism:working-group-disruption" && q["field"]!.GetValue<string>() == "next Joint Period of Action");

        // A part linked to a participant names it in its own words (its name or an alias the documents use).
        var names = NameFiles.Take(2).SelectMany(SeedArray).ToDictionary(
            p => p!["slug"]!.GetValue<string>(), p => Strings(p!["aliases"]).Append(p["name"]!.GetValue<string>()).ToList());
        foreach (var slug in new[] { "unhcr-screening-and-referral-tool-kit-trainings", "civil-registration-assessment-tool-kit-pilots", "asean-somtc-work-programme-to-combat-people-smuggling-2022-2024", "palau-first-shelter-for-victims-of-crime" })
        {
            Assert.All(programmes[slug]!["parts"]!.AsArray().Where(x => x!["participant"] is not null),
                x => Assert.Contains(names[x!["participant"]!.GetValue<string>()], n => x["asWritten"]!.GetValue<string>().Contains(n, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void The_fifth_pass_outcome_documents_and_bodies_are_recorded_as_their_documents_name_them()
    {
        var documents = SeedArray("outcome-documents.json").ToDictionary(d => d!["slug"]!.GetValue<string>());

        // "reports were produced on lessons learned": reports with no title of their own (the portal's, flagged) and no date.
        Assert.True(OccursIn(TwentyYearsFile, "reports were produced on lessons learned"));
        var reports = documents["civil-registration-assessment-tool-kit-pilot-reports"]!;
        Assert.Equal(("Report", true), (reports["kind"]!.GetValue<string>(), reports["titleAddedByPortal"]!.GetValue<bool>()));
        Assert.Null(reports["date"]);

        // UNODC's report, named in 003 paragraph 8 at the third TIP Working Group meeting; its title is the document's.
        Assert.True(OccursIn("003_f496830a861f9ea6.txt", "capturing key themes from the UNODC’s 2016 Global Trafficking in Persons Report"));
        var unodc = documents["unodc-global-trafficking-in-persons-report-2016"]!;
        Assert.Equal(["tip-working-group-third-meeting-2017"], Strings(unodc["mentionedAtMeetings"]));
        Assert.Null(unodc["action"]);

        // The Regional Asset Forfeiture Conference, whose participation 001 encourages, as ARIN-AP beside it.
        Assert.True(OccursIn(Workplan2015, "the Regional Asset Forfeiture Conference, and"));
        var body = SeedArray("participants/other-bodies.json").Single(p => p!["slug"]!.GetValue<string>() == "regional-asset-forfeiture-conference")!;
        Assert.Equal(("OtherBody", 0), (body["kind"]!.GetValue<string>(), body["memberships"]!.AsArray().Count));
    }
}
