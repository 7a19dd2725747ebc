using System.Net;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BaliProcess.Web.Tests.Http;

/// <summary>The record's second pass on the pages: memberships, outcome documents, people, open questions, portal labels.</summary>
[Collection(PortalCollection.Name)]
public sealed class RecordPageTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static TheoryData<string, string> RecordPages => new()
    {
        { "/documents", "Outcome documents" },
        { "/documents/bali-declaration-2016", "2016 Bali Declaration" },
        { "/people", "People" },
        { "/people/margaret-close", "Ms Margaret Close" },
    };

    [Theory]
    [MemberData(nameof(RecordPages))]
    public async Task A_record_page_is_complete_static_html(string url, string heading)
    {
        var document = await Html.GetOkAsync(client, url);

        Assert.Contains(heading, Assert.Single(document.QuerySelectorAll("h1")).TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.DoesNotContain(document.QuerySelectorAll("script"), s => s.GetAttribute("type") != "application/ld+json");
    }

    [Theory]
    [InlineData("/documents/no-such-document")]
    [InlineData("/people/no-such-person")]
    public async Task An_unknown_record_answers_404(string url)
    {
        var (status, _) = await Html.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task The_Ad_Hoc_Group_page_lists_its_19_members_each_linked_to_its_profile()
    {
        var document = await Html.GetOkAsync(client, "/working-groups/ad-hoc-group");
        var section = document.QuerySelector("section[aria-labelledby=members-heading]")!;
        var members = section.QuerySelectorAll("ul.memberships")[0].QuerySelectorAll("li > a");

        Assert.Contains("Members the documents name (19)", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Only those the documents name", section.TextContent, StringComparison.Ordinal);
        // The 19 come from one sentence of one document: it is said once above the list; the two that a perspective
        // names too add their own words and sources on their line (decision 0041: each wording is a row of its own).
        Assert.Contains("Each in the document's words: “Its membership includes”", section.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, section.QuerySelectorAll("ul.memberships")[0].QuerySelectorAll("li .source-note").Length);
        Assert.Equal(19, members.Length);
        Assert.All(members, a => Assert.StartsWith("/members/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains(members, a => a.GetAttribute("href") == "/members/viet-nam");
        Assert.Contains("led by the Bali Process Ad Hoc Group", Html.MainText(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_members_list_filters_by_mechanism_and_ignores_an_unknown_one()
    {
        var adHoc = await Html.GetOkAsync(client, "/members?mechanism=ad-hoc-group");
        var steering = await Html.GetOkAsync(client, "/members?mechanism=steering-group&kind=international-organisation");
        var unknown = await Html.GetOkAsync(client, "/members?mechanism=%00no-such-thing");

        Assert.Equal(19, adHoc.QuerySelectorAll("table.data tbody tr").Length);
        Assert.Contains("members of the Ad Hoc Group of Senior Officials", adHoc.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.True(adHoc.QuerySelector("select[name=mechanism] option[value=ad-hoc-group]")!.HasAttribute("selected"));
        Assert.Equal(["IOM", "UNHCR"], steering.QuerySelectorAll("table.data tbody tr td:first-child").Select(td => td.TextContent.Trim()).Order());
        Assert.Equal(49, unknown.QuerySelectorAll("table.data tbody tr").Length);
    }

    [Fact]
    public async Task A_profile_lists_its_mechanisms_and_the_Bali_Process_co_chairs_are_stated()
    {
        var vietNam = Html.MainText(await Html.GetOkAsync(client, "/members/viet-nam"));
        var australia = await Html.GetOkAsync(client, "/members/australia");

        Assert.Contains("Member of Ad Hoc Group of Senior Officials", vietNam, StringComparison.Ordinal);
        Assert.Contains("Viet Nam is a member of the Ad Hoc Group", vietNam, StringComparison.Ordinal);
        Assert.Contains("Co-chair of the Bali Process", Html.MainText(australia), StringComparison.Ordinal);
        Assert.NotNull(australia.QuerySelector("section[aria-labelledby=mechanisms-heading] a[href='/working-groups/steering-group']"));
    }

    [Fact]
    public async Task A_mechanism_co_chair_is_shown_once_with_the_documents_words_and_source()
    {
        var disruption = await Html.GetOkAsync(client, "/working-groups/working-group-disruption");
        var newZealand = await Html.GetOkAsync(client, "/members/new-zealand");

        // On the mechanism's page: under "Co-chairs", with its dates, words and source; not again among the roles.
        var coChairs = disruption.QuerySelectorAll("h2").Single(h => h.TextContent == "Co-chairs").NextElementSibling!;
        var nz = coChairs.QuerySelectorAll("li").Single(li => li.QuerySelector("a[href='/members/new-zealand']") is not null);
        Assert.Contains(", from 2015", nz.TextContent, StringComparison.Ordinal);
        Assert.Contains("holding the role of co-chair since 2015", nz.TextContent, StringComparison.Ordinal);
        Assert.Contains("Individual Perspectives of Some Bali Process Members: New Zealand", nz.QuerySelector(".source-note")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(coChairs.QuerySelector("a[href='/members/viet-nam']"));
        var roles = disruption.QuerySelector("section[aria-labelledby=members-heading]")!;
        Assert.DoesNotContain("Co-chairs", roles.TextContent, StringComparison.Ordinal);
        Assert.Null(roles.QuerySelector("a[href='/members/new-zealand']"));

        // On the participant's profile: once, among its mechanisms.
        var text = Html.MainText(newZealand);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Co-chair of Working Group on the Disruption"));
        Assert.NotNull(newZealand.QuerySelector("section[aria-labelledby=mechanisms-heading] a[href='/working-groups/working-group-disruption']"));
    }

    [Fact]
    public async Task A_meeting_page_lists_its_people_and_outcome_documents()
    {
        var workshop = await Html.GetOkAsync(client, "/meetings/technical-experts-workshop-trafficking-in-persons-2012");
        var sixth = await Html.GetOkAsync(client, "/meetings/sixth-ministerial-conference-2016");

        Assert.NotNull(workshop.QuerySelector("ul.people a[href='/people/margaret-close']"));
        Assert.Contains("Minister for Women Empowerment and Children Protection of Indonesia", Html.MainText(workshop), StringComparison.Ordinal);
        Assert.Contains("Open question: co-chair's participant", Html.MainText(workshop), StringComparison.Ordinal);
        Assert.NotNull(sixth.QuerySelector("ul.outcome-documents a[href='/documents/bali-declaration-2016']"));
    }

    [Fact]
    public async Task An_outcome_document_page_links_to_its_meeting_and_the_paragraphs_that_mention_it()
    {
        var adelaide = await Html.GetOkAsync(client, "/documents/adelaide-strategy-for-cooperation-2023");
        var list = await Html.GetOkAsync(client, "/documents?kind=strategy");
        var bogus = await Html.GetOkAsync(client, "/documents?kind=7");

        Assert.Equal("/meetings/eighth-ministerial-conference-2023", adelaide.QuerySelector("a.adopting-meeting")!.GetAttribute("href"));
        Assert.NotNull(adelaide.QuerySelector("a[href='/statements/eighth-ministerial-conference-2023-co-chairs-statement#p-15a']"));
        Assert.Contains("Ministers endorsed an updated 2023 Adelaide Strategy for Cooperation", Html.MainText(adelaide), StringComparison.Ordinal);
        var strategies = list.QuerySelectorAll("table.data tbody tr").Length;
        Assert.InRange(strategies, 5, bogus.QuerySelectorAll("table.data tbody tr").Length - 1);
    }

    [Fact]
    public async Task A_person_page_lists_the_roles_with_the_office_at_the_time()
    {
        var text = Html.MainText(await Html.GetOkAsync(client, "/people/andrew-forrest"));

        Assert.Contains("Business Co-Chair of Bali Process Government and Business Forum", text, StringComparison.Ordinal);
        Assert.Contains("founder and chairman of Fortescue Metals Group", text, StringComparison.Ordinal);
        Assert.Contains("Chair (jointly) at", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_the_portal_added_are_marked_in_the_page_and_the_citation()
    {
        var tip = await Html.GetOkAsync(client, "/statements/tip-working-group-third-meeting-2017-co-chairs-statement");
        var eighth = await Html.GetOkAsync(client, "/statements/eighth-ministerial-conference-2023-co-chairs-statement");

        Assert.Equal("[10b]", tip.QuerySelector("#p-10b a.label")!.TextContent.Trim());
        var citation = tip.QuerySelector("#p-10b .citation")!.TextContent;
        Assert.Contains("bullet 2 (unlettered in the document)", citation, StringComparison.Ordinal);
        // The citation names the document's own place; the page says once what the brackets mean.
        Assert.DoesNotContain("added by the portal", citation, StringComparison.Ordinal);
        Assert.NotNull(tip.QuerySelector(".portal-label-note"));
        Assert.DoesNotContain("paragraph 10b", citation, StringComparison.Ordinal);

        Assert.Equal("15a", eighth.QuerySelector("#p-15a a.label")!.TextContent.Trim());
        Assert.NotNull(eighth.QuerySelector("#p-15a .paragraph-documents a[href='/documents/adelaide-strategy-for-cooperation-2023']"));
        Assert.Contains("paragraph 15a", eighth.QuerySelector("#p-15a .citation")!.TextContent, StringComparison.Ordinal);
        Assert.Null(eighth.QuerySelector(".portal-label-note"));
    }

    [Fact]
    public async Task Counts_keep_their_qualifier_and_inferred_fields_show_as_not_stated()
    {
        var sessions = Html.MainText(await Html.GetOkAsync(client, "/meetings/gabf-consultation-and-innovation-sessions-2020-2022"));
        var air = await Html.GetOkAsync(client, "/working-groups/technical-experts-working-group-irregular-movement-by-air");
        var disruption = Html.MainText(await Html.GetOkAsync(client, "/working-groups/working-group-disruption"));

        Assert.Contains("over 80 — over 80 participants", sessions, StringComparison.Ordinal);
        var status = air.QuerySelectorAll("table.data tr").Single(tr => tr.QuerySelector("th")?.TextContent == "Status");
        Assert.Equal("Not stated in the documents", status.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("Open question: co-chairs (Malaysia)", disruption, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programmes_partners_and_national_plans_show_where_a_reader_looks_and_built_names_in_brackets()
    {
        // Decision 0032: a mechanism's page lists its programmes and partners; a member's profile its national plans and bodies.
        var rso = await Html.GetOkAsync(client, "/working-groups/regional-support-office");
        var programmes = rso.QuerySelector("section[aria-labelledby=programmes-heading]")!;
        Assert.Contains("Bali Process Basic Course on Combating Trafficking in Persons", programmes.TextContent, StringComparison.Ordinal);
        Assert.Contains("[Virtual workshops of the RSO", programmes.TextContent, StringComparison.Ordinal);
        Assert.NotNull(programmes.QuerySelector("a[href='/participants/jakarta-centre-for-law-enforcement-cooperation']"));
        Assert.Contains("Partners and links the documents name", Html.MainText(rso), StringComparison.Ordinal);

        var disruption = await Html.GetOkAsync(client, "/working-groups/working-group-disruption");
        Assert.Contains("May 2017 to November 2017", disruption.QuerySelector("section[aria-labelledby=programmes-heading]")!.TextContent, StringComparison.Ordinal);

        var group1 = await Html.GetOkAsync(client, "/working-groups/ad-hoc-experts-group-1");
        Assert.Equal("[Ad Hoc Experts Group 1]", group1.QuerySelector("h1")!.TextContent.Trim());
        var list = await Html.GetOkAsync(client, "/working-groups");
        Assert.NotNull(list.QuerySelectorAll("a[href='/working-groups/ad-hoc-experts-group-2']").SingleOrDefault(a => a.TextContent == "[Ad Hoc Experts Group 2]"));

        var palau = (await Html.GetOkAsync(client, "/members/palau")).QuerySelector("section[aria-labelledby=programmes-heading]")!.TextContent;
        Assert.Contains("Anti-Human Trafficking National Action Plan 2022-2025", palau, StringComparison.Ordinal);
        Assert.Contains("National body, from March 2021", palau, StringComparison.Ordinal);
        var usa = (await Html.GetOkAsync(client, "/members/united-states-of-america")).QuerySelector("section[aria-labelledby=programmes-heading]")!.TextContent;
        Assert.Contains("Funded by", usa, StringComparison.Ordinal);
    }
}
