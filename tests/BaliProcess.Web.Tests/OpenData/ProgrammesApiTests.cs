using System.Net;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>Programmes in the open data (decision 0038): the API list and item, the CSV and JSON downloads, and the anchor each url points at.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class ProgrammesApiTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    [Fact]
    public async Task Programmes_are_listed_one_by_one_downloaded_and_linked_to_the_page_that_lists_them()
    {
        await using var db = portal.Database.CreateContext();
        var count = await db.Programmes.CountAsync();

        // The list has every programme; the item has its parts, each linked only where its words name a participant.
        var items = await GetAllItemsAsync(client, "/api/v1/programmes?pageSize=100");
        Assert.Equal(count, items.Count);
        var pilots = await GetJsonAsync(client, "/api/v1/programmes/civil-registration-assessment-tool-kit-pilots");
        Assert.Equal(("Pilot", true, "2019", "2020"), (pilots.Str("kind"), pilots.GetProperty("nameAddedByPortal").GetBoolean(), pilots.Str("start"), pilots.Str("end")));
        var heldIn = pilots.GetProperty("parts").EnumerateArray().Where(p => p.Str("role") == "HeldIn").Select(p => p.GetProperty("participant").Str("slug")).ToList();
        Assert.Equal(["viet-nam", "thailand", "pakistan"], heldIn);
        Assert.Equal("/members/france#programme-france-border-police-new-caledonia", (await GetJsonAsync(client, "/api/v1/programmes/france-border-police-new-caledonia")).Str("url"));

        // Its url is the page that lists it, at the item's anchor.
        var url = pilots.Str("url");
        Assert.EndsWith("#programme-civil-registration-assessment-tool-kit-pilots", url, StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri(url.Split('#')[0], UriKind.Relative));
        Assert.Contains("id=\"programme-civil-registration-assessment-tool-kit-pilots\"", page, StringComparison.Ordinal);

        // The CSV has the same rows; the parts in one cell, each in the document's words.
        var (header, rows) = ParseCsv(await GetBytesAsync(client, "/download/programmes.csv"));
        Assert.Equal(["slug", "name", "nameAddedByPortal", "kind", "mechanism", "participant", "start", "end", "parts", "url", "sources"], header);
        Assert.Equal(count, rows.Count);
        Assert.Contains("Held in: piloted in Vietnam", rows.Single(r => r["slug"] == "civil-registration-assessment-tool-kit-pilots")["parts"], StringComparison.Ordinal);

        var missing = await client.GetAsync(new Uri("/api/v1/programmes/no-such-programme", UriKind.Relative));
        await ApiContractTests.AssertProblemAsync(missing, HttpStatusCode.NotFound, null);
    }

    /// <summary>
    /// Search finds programmes by their name and the documents' words about them (decision 0040), says what each hit is,
    /// links a programme to its anchor on the page that lists it, and leaves programmes out under filters that do not
    /// apply to them (a theme) or that they do not meet (another member).
    /// </summary>
    [Fact]
    public async Task Search_finds_a_programme_says_what_each_hit_is_and_links_it_to_its_anchor()
    {
        var found = await GetJsonAsync(client, "/api/v1/search?q=Karama%20House");
        var hit = Assert.Single(found.GetProperty("records").EnumerateArray(), r => r.Str("slug") == "jordan-karama-house");
        Assert.Equal(("programme", "National body", "Karama House", "/members/jordan#programme-jordan-karama-house"), (hit.Str("kind"), hit.Str("kindLabel"), hit.Str("title"), hit.Str("url")));
        Assert.Contains("[[Karama]]", hit.Str("snippet"), StringComparison.Ordinal);
        Assert.All(found.GetProperty("items").EnumerateArray(), p => Assert.Equal("paragraph", p.Str("kind")));
        Assert.NotEqual(0, found.GetProperty("items").GetArrayLength());

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/search?q=Karama%20House", UriKind.Relative)));
        Assert.Contains("href=\"/members/jordan#programme-jordan-karama-house\"", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hit-kind\">National body</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hit-kind\">Statement paragraph</span>", page, StringComparison.Ordinal);
        var work = await GetJsonAsync(client, "/api/v1/search?q=indicators");
        Assert.All(work.GetProperty("workPlanItems").EnumerateArray(), w => Assert.Equal("work-plan-item", w.Str("kind")));

        Assert.Contains((await GetJsonAsync(client, "/api/v1/search?q=Karama%20House&member=jordan")).GetProperty("records").EnumerateArray(), r => r.Str("slug") == "jordan-karama-house");
        Assert.Equal(0, (await GetJsonAsync(client, "/api/v1/search?q=Karama%20House&member=france")).GetProperty("records").GetArrayLength());
        Assert.Equal(0, (await GetJsonAsync(client, "/api/v1/search?q=Karama%20House&theme=labour-exploitation")).GetProperty("records").GetArrayLength());
    }
}
