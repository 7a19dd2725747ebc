using System.Text.Json;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BaliProcess.Web.Tests.Http;

/// <summary>
/// The record's third pass on the pages and the API (issue 21, decision 0025): what the portal added is shown as
/// the portal's, and the links the model gained (two meetings, two mechanisms, support and contribution roles)
/// are rendered.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RecordThirdPassPageTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_profile_shows_the_portals_search_names_and_region_apart_from_the_documents_words()
    {
        var document = await Html.GetOkAsync(client, "/observers/united-kingdom");
        var rows = document.QuerySelectorAll("table.data tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelector("td")!.TextContent);

        Assert.Contains("UK", rows["Search names added by the portal"], StringComparison.Ordinal);
        Assert.False(rows.ContainsKey("Also written"));
        Assert.Contains("Northern Europe", rows["Region"], StringComparison.Ordinal);
        Assert.Contains("the portal's grouping", rows["Region"], StringComparison.Ordinal);

        var list = await Html.GetOkAsync(client, "/observers?name=UK");
        Assert.Contains(list.QuerySelectorAll("table.data tbody a"), a => a.GetAttribute("href") == "/observers/united-kingdom");
        Assert.NotNull(list.QuerySelector(".region-note"));

        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/participants/united-kingdom"));
        Assert.Equal("UK", api.RootElement.GetProperty("portalAliases")[0].GetString());
        Assert.Equal(0, api.RootElement.GetProperty("aliases").GetArrayLength());
    }

    [Fact]
    public async Task Meetings_show_every_facilitator_the_statements_of_two_meetings_and_support_and_contributions()
    {
        var exercise = await Html.GetOkAsync(client, "/meetings/table-top-exercise-bangkok-2022");
        var facilitated = exercise.QuerySelectorAll("table.data tr").Single(tr => tr.QuerySelector("th")?.TextContent == "Facilitated by");
        Assert.Equal(
            ["/working-groups/task-force-planning-and-preparedness", "/working-groups/working-group-disruption"],
            facilitated.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        Assert.Contains(
            (await Html.GetOkAsync(client, "/working-groups/working-group-disruption")).QuerySelectorAll("a"),
            a => a.GetAttribute("href") == "/meetings/table-top-exercise-bangkok-2022");

        var forum = await Html.GetOkAsync(client, "/meetings/government-and-business-forum-2023");
        Assert.Contains(forum.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/statements/eighth-ministerial-conference-2023-co-chairs-statement");
        var thanked = forum.QuerySelectorAll("table.data tr").Single(tr => tr.QuerySelector("th")?.TextContent == "Thanked for a contribution");
        Assert.Contains("Walk Free Foundation", thanked.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Walk Free Foundation", forum.QuerySelector("ul.attendance")?.TextContent ?? "", StringComparison.Ordinal);

        var workshop = await Html.GetOkAsync(client, "/meetings/technical-experts-workshop-trafficking-in-persons-2012");
        Assert.Contains("IOM", workshop.QuerySelectorAll("table.data tr").Single(tr => tr.QuerySelector("th")?.TextContent == "Support").TextContent, StringComparison.Ordinal);

        var statement = await Html.GetOkAsync(client, "/statements/eighth-ministerial-conference-2023-co-chairs-statement");
        Assert.Equal("/meetings/government-and-business-forum-2023", statement.QuerySelector("dd.also-meeting a")?.GetAttribute("href"));

        var foreignMinisters = await Html.GetOkAsync(client, "/meetings/steering-group-foreign-ministers-meeting-2022");
        var where = foreignMinisters.QuerySelectorAll("table.data tr").Single(tr => tr.QuerySelector("th")?.TextContent == "Where");
        Assert.Equal("Not stated in the documents", where.QuerySelector("td")!.TextContent.Trim());
    }

    [Fact]
    public async Task Titles_and_numbers_the_portal_built_are_in_brackets_and_an_action_may_have_no_meeting()
    {
        var terms = await Html.GetOkAsync(client, "/documents/tip-working-group-terms-of-reference");
        Assert.Equal("[Terms of Reference of the Working Group on Trafficking in Persons]", terms.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(terms.QuerySelector(".portal-title-note"));
        var meeting = terms.QuerySelectorAll("table.data tr").Single(tr => tr.QuerySelector("th")?.TextContent == "Meeting");
        Assert.StartsWith("endorsed", meeting.QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal);

        var bali = await Html.GetOkAsync(client, "/documents/bali-declaration-2016");
        Assert.Null(bali.QuerySelector(".portal-title-note"));
        Assert.DoesNotContain("[", bali.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var plan = await Html.GetOkAsync(client, "/work-plans/tip-working-group-forward-work-plan-2017-19");
        var titles = plan.QuerySelectorAll("h2.item-title").Select(h => h.TextContent).ToList();
        Assert.Equal(7, titles.Count);
        Assert.All(titles, t => Assert.Contains("Item [", t, StringComparison.Ordinal));
        Assert.All(titles, t => Assert.Contains("Status not stated", t, StringComparison.Ordinal));
    }
}
