using System.Net;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BaliProcess.Web.Tests.Http;

/// <summary>Every public browsing route answers with its key content for real seeded records.</summary>
[Collection(PortalCollection.Name)]
public sealed class BrowsingPageTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static TheoryData<string, string> PublicPages => new()
    {
        { "/", "Bali Process Knowledge Portal" },
        { "/members", "Members" },
        { "/observers", "Observers" },
        { "/members/palau", "Palau" },
        { "/observers/canada", "Canada" },
        { "/participants/walk-free-foundation", "Walk Free Foundation" },
        { "/participants", "Other bodies" },
        { "/meetings", "Meetings" },
        { "/meetings/eighth-ministerial-conference-2023", "Eighth Bali Process Ministerial Conference" },
        { "/working-groups", "Working groups and mechanisms" },
        { "/working-groups/working-group-trafficking-in-persons", "Trafficking in Persons" },
        { "/work-plans", "Work plans" },
        { "/work-plans/tip-working-group-forward-work-plan-2015-17", "Forward Work Plan" },
        { "/timeline", "Timeline 2002–2023" },
        { "/sources", "Sources" },
        { "/sources/004-twenty-years-of-the-bali-process", "20 years" },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_is_complete_html_with_title_description_and_one_h1(string url, string heading)
    {
        var document = await Html.GetOkAsync(client, url);

        var h1 = Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Contains(heading, h1.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Bali Process", document.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")), "meta description");
        // JSON-LD data blocks (schema.org) are allowed: browsers never run them. Nothing executable is.
        Assert.DoesNotContain(document.QuerySelectorAll("script"), s => s.GetAttribute("type") != "application/ld+json");
    }

    [Theory]
    [InlineData("/members/atlantis")]
    [InlineData("/observers/atlantis")]
    [InlineData("/meetings/no-such-meeting")]
    [InlineData("/working-groups/no-such-group")]
    [InlineData("/work-plans/no-such-plan")]
    [InlineData("/sources/no-such-document")]
    public async Task An_unknown_slug_answers_404_with_a_helpful_page(string url)
    {
        var (status, document) = await Html.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("main a[href='/search']"));
    }

    [Fact]
    public async Task The_members_list_counts_49_and_links_each_profile()
    {
        var document = await Html.GetOkAsync(client, "/members");
        Assert.Contains("49 members", Html.MainText(document), StringComparison.Ordinal);
        Assert.Equal(49, document.QuerySelectorAll("table.data tbody tr").Length);
        Assert.NotNull(document.QuerySelector("a[href='/members/viet-nam']"));
    }

    [Theory]
    [InlineData("/members?name=laos", new[] { "/members/lao-peoples-democratic-republic" })]
    [InlineData("/members?name=Rep.+of+Korea", new[] { "/members/republic-of-korea" })]
    [InlineData("/members?kind=international-organisation", new[] { "/members/ilo", "/members/iom", "/members/unhcr", "/members/unodc" })]
    [InlineData("/members?region=Western+Asia&kind=government&name=ira", new[] { "/members/iraq", "/members/united-arab-emirates" })]
    [InlineData("/members?name=turkey", new[] { "/members/turkiye" })]
    public async Task Member_filters_in_the_url_filter_the_list(string url, string[] expectedLinks)
    {
        var document = await Html.GetOkAsync(client, url);
        var links = document.QuerySelectorAll("table.data tbody a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal);
        Assert.Equal(expectedLinks.Order(StringComparer.Ordinal), links);
    }

    [Fact]
    public async Task Other_bodies_are_listed_apart_from_members_and_observers()
    {
        var document = await Html.GetOkAsync(client, "/participants");
        var links = document.QuerySelectorAll("table.data tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/participants/walk-free-foundation", links);
        Assert.Contains("/participants/asean", links);
        Assert.DoesNotContain("/participants/palau", links);
        Assert.All(links, l => Assert.StartsWith("/participants/", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_observers_list_counts_27()
    {
        var document = await Html.GetOkAsync(client, "/observers");
        Assert.Contains("27 observers", Html.MainText(document), StringComparison.Ordinal);

        // The foreword of 004 counts 25: the page says the documents disagree.
        Assert.Contains(document.QuerySelectorAll(".disagreement"), d => d.TextContent.Contains("25", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Palau_shows_its_perspective_its_membership_and_the_meeting_it_attended()
    {
        var document = await Html.GetOkAsync(client, "/members/palau");
        var text = Html.MainText(document);

        Assert.Contains("Its own perspective", text, StringComparison.Ordinal);
        Assert.Contains("Anti-Human Trafficking Unit", text, StringComparison.Ordinal);
        Assert.Contains("Member", text, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("a[href='/meetings/eighth-ministerial-conference-2023']"));
        Assert.NotNull(document.QuerySelector("a[href='/statements/eighth-ministerial-conference-2023-co-chairs-statement#p-18']"));
    }

    [Fact]
    public async Task A_profile_under_the_wrong_list_redirects_to_its_one_address()
    {
        var response = await client.GetAsync(new Uri("/members/canada", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/observers/canada", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task The_Eighth_Ministerial_Conference_lists_its_attendees_linked_to_profiles()
    {
        var document = await Html.GetOkAsync(client, "/meetings/eighth-ministerial-conference-2023");
        var text = Html.MainText(document);

        Assert.Contains("10 February 2023", text, StringComparison.Ordinal);
        Assert.Contains("Adelaide, Australia", text, StringComparison.Ordinal);
        var attendees = document.QuerySelectorAll("ul.attendance a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/members/lao-peoples-democratic-republic", attendees);
        Assert.Contains("/members/palau", attendees);
        Assert.Contains("/observers/canada", attendees);
        Assert.DoesNotContain("/members/afghanistan", attendees);
        // Counted as the document's list counts: 40 attending, the two co-chairs among them; observers apart.
        Assert.Contains("40 attended (the 2 co-chairs among them) and 7 as observers, as the documents list them.", text, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("a[href='/statements/eighth-ministerial-conference-2023-co-chairs-statement']"));
        Assert.NotNull(document.QuerySelector("a[href='/statements/adelaide-strategy-for-cooperation-2023']"));
    }

    [Fact]
    public async Task A_meeting_known_to_the_month_is_shown_to_the_month()
    {
        var document = await Html.GetOkAsync(client, "/meetings/second-ministerial-conference-2003");
        var text = Html.MainText(document);
        Assert.Contains("April 2003", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 April 2003", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_work_plans_address_lists_every_work_plan()
    {
        var document = await Html.GetOkAsync(client, "/work-plans");
        Assert.Contains(document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/work-plans/tip-working-group-forward-work-plan-2015-17");
    }

    [Fact]
    public async Task The_third_TIP_meeting_shows_the_documents_disagree_on_its_date()
    {
        var document = await Html.GetOkAsync(client, "/meetings/tip-working-group-third-meeting-2017");
        var note = Assert.Single(document.QuerySelectorAll(".disagreement"), d => d.TextContent.Contains("25 May 2017", StringComparison.Ordinal));
        Assert.Contains("26 May 2017", note.TextContent, StringComparison.Ordinal);
        // Each value names its document by title, linked to its page, not by file name (issue 19).
        Assert.Contains("Co-Chairs’ Statement: Third Annual Meeting of the Bali Process Trafficking in Persons Working Group", note.TextContent, StringComparison.Ordinal);
        Assert.Contains(note.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/sources/003-tip-working-group-third-meeting-2017");
        Assert.DoesNotContain(".txt", note.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/meetings?kind=MinisterialConference&from=2010", "/meetings?kind=ministerial-conference&from=2010")]
    [InlineData("/members?kind=InternationalOrganisation", "/members?kind=international-organisation")]
    [InlineData("/timeline?kind=Workshop&kind=Forum", "/timeline?kind=workshop&kind=forum")]
    [InlineData("/work-plans/tip-working-group-forward-work-plan-2015-17?status=ForAction", "/work-plans/tip-working-group-forward-work-plan-2015-17?status=for-action")]
    [InlineData("/download/meetings.csv?kind=GovernmentAndBusinessForum", "/download/meetings.csv?kind=government-and-business-forum")]
    public async Task An_address_with_the_codes_names_in_its_filters_moves_permanently_to_the_pages_words(string old, string now)
    {
        var response = await client.GetAsync(new Uri(old, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(now, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task Filter_forms_and_download_links_write_the_pages_words()
    {
        var meetings = await Html.GetOkAsync(client, "/meetings?kind=ministerial-conference");
        Assert.NotNull(meetings.QuerySelector("select[name=kind] option[value='ministerial-conference'][selected]"));
        Assert.Contains(meetings.QuerySelectorAll("p.downloads a"), a => a.GetAttribute("href") == "/download/meetings.csv?kind=ministerial-conference");
        var plan = await Html.GetOkAsync(client, "/work-plans/tip-working-group-forward-work-plan-2015-17?status=for-action");
        Assert.NotNull(plan.QuerySelector("select[name=status] option[value='for-action'][selected]"));
        Assert.Contains("3 of the plan's 10 items are “For action”.", Html.MainText(plan), StringComparison.Ordinal);
        var everything = await Html.GetOkAsync(client, "/work-plans/tip-working-group-forward-work-plan-2015-17");
        Assert.Contains("10 items.", Html.MainText(everything), StringComparison.Ordinal);
        // The API the page links takes the same words.
        var api = await client.GetAsync(new Uri("/api/v1/work-plans/tip-working-group-forward-work-plan-2015-17?status=for-action", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Meetings_are_newest_first_and_filters_in_the_url_filter()
    {
        var all = await Html.GetOkAsync(client, "/meetings");
        var dates = all.QuerySelectorAll("table.data tbody time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);

        var ministerial = await Html.GetOkAsync(client, "/meetings?kind=ministerial-conference");
        Assert.Contains("8 meetings", Html.MainText(ministerial), StringComparison.Ordinal);

        var in2015 = await Html.GetOkAsync(client, "/meetings?from=2015&to=2015");
        Assert.All(in2015.QuerySelectorAll("table.data tbody time"), t => Assert.StartsWith("2015", t.GetAttribute("datetime"), StringComparison.Ordinal));

        var bangkok = await Html.GetOkAsync(client, "/meetings?place=bangkok");
        Assert.All(bangkok.QuerySelectorAll("table.data tbody tr"), row => Assert.Contains("Bangkok", row.TextContent, StringComparison.Ordinal));

        var group = await Html.GetOkAsync(client, "/meetings?group=working-group-trafficking-in-persons");
        var groupRows = group.QuerySelectorAll("table.data tbody tr");
        Assert.True(groupRows.Length >= 3, "the TIP working group has at least three meetings");
        Assert.All(groupRows, row => Assert.Contains("Trafficking in Persons", row.TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/meetings?kind=Nonsense&from=abc&to=99999&page=-4")]
    [InlineData("/meetings?page=999")]
    [InlineData("/meetings?place=%25%27%3B+DROP+TABLE+meetings%3B--")]
    [InlineData("/members?kind=Alien&sort=%3Cscript%3E&region=%00")]
    [InlineData("/meetings?place=a%00b&group=%00%01")]
    [InlineData("/members?name=%F0%9F%98%80%00&region=%E2%80%8F")]
    [InlineData("/timeline?kind=Nonsense&kind=event")]
    [InlineData("/work-plans/tip-working-group-forward-work-plan-2015-17?status=Bogus")]
    public async Task Odd_query_strings_still_get_an_answer_page(string url)
    {
        var (status, document) = await Html.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(document.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Hundreds_of_random_filter_strings_all_get_an_answer_page()
    {
        var random = new Random(20261123);
        var failures = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 0xD7FF)).ToArray());
            var url = (i % 3) switch
            {
                0 => "/meetings?place=" + Uri.EscapeDataString(text),
                1 => "/members?name=" + Uri.EscapeDataString(text) + "&region=" + Uri.EscapeDataString(text),
                _ => "/meetings?group=" + Uri.EscapeDataString(text) + "&from=" + Uri.EscapeDataString(text),
            };
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{(int)response.StatusCode} {url}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_TIP_working_group_shows_its_work_plan_progress()
    {
        var document = await Html.GetOkAsync(client, "/working-groups/working-group-trafficking-in-persons");
        var text = Html.MainText(document);
        Assert.Contains("3 of 10 items complete", text, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("a[href='/work-plans/tip-working-group-forward-work-plan-2015-17']"));
        Assert.NotNull(document.QuerySelector("a[href='/meetings/tip-working-group-third-meeting-2017']"));
    }

    [Fact]
    public async Task The_work_plan_filters_by_status_and_shows_the_source_wording()
    {
        var all = await Html.GetOkAsync(client, "/work-plans/tip-working-group-forward-work-plan-2015-17");
        Assert.Equal(10, all.QuerySelectorAll("section.action-item").Length);
        // The status text is the source's words until staff change it, so the page calls it the current status;
        // the last change names the document it was drawn from.
        Assert.Contains("Current status: Complete. The guides were endorsed", Html.MainText(all), StringComparison.Ordinal);
        Assert.Contains("Last change: 2016: Complete, as recorded in", Html.MainText(all), StringComparison.Ordinal);

        var complete = await Html.GetOkAsync(client, "/work-plans/tip-working-group-forward-work-plan-2015-17?status=complete");
        var items = complete.QuerySelectorAll("section.action-item").Select(s => s.Id).ToList();
        Assert.Equal(["item-3", "item-4", "item-6"], items);
        Assert.Contains("3 of 10 items complete", Html.MainText(complete), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_runs_from_2002_to_2023_and_filters_by_kind()
    {
        var document = await Html.GetOkAsync(client, "/timeline");
        var years = document.QuerySelectorAll(".timeline-year h2").Select(h => h.TextContent).ToList();
        Assert.Equal("2002", years[0]);
        Assert.Equal("2023", years[^1]);

        var events = await Html.GetOkAsync(client, "/timeline?kind=event");
        var titles = events.QuerySelectorAll(".timeline-entry a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/meetings/andaman-sea-crisis-2015", "/meetings/covid-19-pandemic-declared-2020"], titles);
    }

    [Fact]
    public async Task The_sources_page_lists_five_documents_and_the_disagreements()
    {
        var document = await Html.GetOkAsync(client, "/sources");
        Assert.Equal(5, document.QuerySelectorAll("ul.sources > li").Length);
        Assert.True(document.QuerySelectorAll(".disagreement").Length >= 10);

        var detail = await Html.GetOkAsync(client, "/sources/000-technical-experts-workshop-2012");
        Assert.NotNull(detail.QuerySelector("a[href='/statements/technical-experts-workshop-2012-co-chairs-summary']"));
        Assert.NotNull(detail.QuerySelector("a[href='/meetings/technical-experts-workshop-trafficking-in-persons-2012']"));
        // The record's second pass: people and outcome documents drawn from the document are listed too.
        Assert.NotNull(detail.QuerySelector("a[href='/people/hasan-kleib']"));

        var history = await Html.GetOkAsync(client, "/sources/004-twenty-years-of-the-bali-process");
        Assert.NotNull(history.QuerySelector("a[href='/documents/ministerial-declaration-2018']"));
    }
}
