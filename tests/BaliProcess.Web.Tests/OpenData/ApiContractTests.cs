using System.Net;
using System.Text.Json;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>The JSON API's contract: status codes, paging, Link headers, ETags, problem details, CORS, dates and sources.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class ApiContractTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static TheoryData<string> Lists => new()
    {
        "/api/v1/members", "/api/v1/observers", "/api/v1/other-bodies", "/api/v1/meetings", "/api/v1/working-groups",
        "/api/v1/work-plans", "/api/v1/statements", "/api/v1/themes", "/api/v1/sources", "/api/v1/themes/follow-the-money/paragraphs",
        "/api/v1/programmes",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_pages_with_a_total_and_at_most_100_records(string url)
    {
        var first = await GetJsonAsync(client, url);
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(20, first.GetProperty("pageSize").GetInt32());
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total > 0, $"{url} is empty");
        Assert.Equal(Math.Min(20, total), first.GetProperty("items").GetArrayLength());

        var all = await GetJsonAsync(client, url + "?pageSize=100");
        Assert.Equal(Math.Min(100, total), all.GetProperty("items").GetArrayLength());
        Assert.Equal(total, (await GetAllItemsAsync(client, url + "?pageSize=7")).Count);

        var tooMany = await client.GetAsync(new Uri(url + "?pageSize=101", UriKind.Relative));
        await AssertProblemAsync(tooMany, HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task Link_headers_name_first_prev_next_and_last_and_keep_the_filters()
    {
        var response = await client.GetAsync(new Uri("/api/v1/members?kind=Government&pageSize=10&page=2", UriKind.Relative));
        var links = Links(response);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // 45 governments are members; two of them are special administrative regions (a kind of their own).
        Assert.Equal(43, body.GetProperty("total").GetInt32());
        Assert.Equal(5, body.GetProperty("totalPages").GetInt32());
        Assert.EndsWith("/api/v1/members?kind=Government&pageSize=10&page=1", links["first"], StringComparison.Ordinal);
        Assert.EndsWith("/api/v1/members?kind=Government&pageSize=10&page=1", links["prev"], StringComparison.Ordinal);
        Assert.EndsWith("/api/v1/members?kind=Government&pageSize=10&page=3", links["next"], StringComparison.Ordinal);
        Assert.EndsWith("/api/v1/members?kind=Government&pageSize=10&page=5", links["last"], StringComparison.Ordinal);

        var last = await client.GetAsync(new Uri(links["last"], UriKind.Absolute));
        Assert.False(Links(last).ContainsKey("next"));
        Assert.Equal(3, JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_not_the_last_page_again()
    {
        var body = await GetJsonAsync(client, "/api/v1/meetings?page=500");
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.Equal(500, body.GetProperty("page").GetInt32());
        Assert.True(body.GetProperty("total").GetInt32() > 20);
    }

    [Theory]
    [InlineData("/api/v1/members")]
    [InlineData("/api/v1/meetings/eighth-ministerial-conference-2023")]
    [InlineData("/api/v1/search?q=smuggling")]
    public async Task Every_answer_has_an_etag_and_a_matching_if_none_match_gets_304(string url)
    {
        var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Different_pages_have_different_etags()
    {
        var one = await client.GetAsync(new Uri("/api/v1/members?page=1", UriKind.Relative));
        var two = await client.GetAsync(new Uri("/api/v1/members?page=2", UriKind.Relative));
        Assert.NotEqual(one.Headers.ETag, two.Headers.ETag);
    }

    public static TheoryData<string, string> BadParameters => new()
    {
        { "/api/v1/members?page=0", "page" },
        { "/api/v1/members?page=abc", "page" },
        { "/api/v1/members?page=-1", "page" },
        { "/api/v1/members?page=99999999999999999999", "page" },
        { "/api/v1/members?page=1e3", "page" },
        { "/api/v1/members?pageSize=0", "pageSize" },
        { "/api/v1/members?pageSize=1000", "pageSize" },
        { "/api/v1/members?page=1&page=2", "page" },
        { "/api/v1/members?kind=Alien", "kind" },
        { "/api/v1/members?kind=1", "kind" },
        { "/api/v1/observers?sort=%3Cscript%3E", "sort" },
        { "/api/v1/other-bodies?kind=%00", "kind" },
        { "/api/v1/meetings?kind=Picnic", "kind" },
        { "/api/v1/meetings?from=99999999999", "from" },
        { "/api/v1/meetings?to=1066", "to" },
        { "/api/v1/meetings?from=twenty", "from" },
        { "/api/v1/work-plans/tip-working-group-forward-work-plan-2015-17?status=Done", "status" },
        { "/api/v1/search?q=money&year=abc", "year" },
        { "/api/v1/search?q=money&kind=picnic", "kind" },
        { "/api/v1/search?theme=Not%20A%20Slug", "theme" },
        { "/api/v1/search?member=%00", "member" },
        { "/api/v1/search?q=money&page=1001", "page" },
        { "/api/v1/search?q=money&pageSize=50", "pageSize" },
        { "/api/v1/themes?pageSize=%F0%9F%92%A9", "pageSize" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors does not name {parameter}");
    }

    [Theory]
    [InlineData("/api/v1/participants/atlantis")]
    [InlineData("/api/v1/meetings/no-such-meeting")]
    [InlineData("/api/v1/working-groups/no-such-group")]
    [InlineData("/api/v1/work-plans/no-such-plan")]
    [InlineData("/api/v1/statements/no-such-statement")]
    [InlineData("/api/v1/themes/no-such-theme")]
    [InlineData("/api/v1/themes/no-such-theme/paragraphs")]
    [InlineData("/api/v1/meetings/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/api/v1/statements/DROP%20TABLE%20statements")]
    [InlineData("/api/v1/no-such-list")]
    [InlineData("/api/v2/members")]
    public async Task An_unknown_slug_or_path_is_a_404_problem(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, null);
        Assert.DoesNotContain("<script>", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_lets_any_site_read_but_only_read()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/members", UriKind.Relative));
        get.Headers.Add("Origin", "https://research.example.org");
        var response = await client.SendAsync(get);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("ETag", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Link", exposed, StringComparison.OrdinalIgnoreCase);

        // A browser sending If-None-Match asks first (a preflight).
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/members", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://research.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var allowed = await client.SendAsync(preflight);
        Assert.True(allowed.IsSuccessStatusCode, $"preflight answered {(int)allowed.StatusCode}");
        Assert.Contains("GET", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);

        using var writePreflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/members", UriKind.Relative));
        writePreflight.Headers.Add("Origin", "https://research.example.org");
        writePreflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        var refused = await client.SendAsync(writePreflight);
        Assert.False(refused.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("DELETE", StringComparison.Ordinal)));

        var post = await client.PostAsync(new Uri("/api/v1/members", UriKind.Relative), new StringContent("{}"));
        Assert.False(post.IsSuccessStatusCode, $"POST answered {(int)post.StatusCode}");
        Assert.True((int)post.StatusCode < 500, $"POST answered {(int)post.StatusCode}");
    }

    [Fact]
    public async Task Meeting_dates_keep_the_precision_of_the_seed_data()
    {
        using var seed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(BaliProcess.Tests.Shared.TestPaths.SeedDirectory, "meetings.json")));
        var api = (await GetAllItemsAsync(client, "/api/v1/meetings?pageSize=100"))
            .Concat(await GetAllItemsAsync(client, "/api/v1/meetings?kind=Event&pageSize=100"))
            .ToDictionary(m => m.GetProperty("slug").GetString()!);
        var seeded = seed.RootElement.EnumerateArray().ToList();
        Assert.Equal(seeded.Count, api.Count);
        foreach (var m in seeded)
        {
            var slug = m.GetProperty("slug").GetString()!;
            Assert.Equal(m.GetProperty("start").GetString(), api[slug].GetProperty("start").GetString());
            Assert.Equal(m.TryGetProperty("end", out var end) && end.ValueKind == JsonValueKind.String ? end.GetString() : null,
                api[slug].GetProperty("end").ValueKind == JsonValueKind.Null ? null : api[slug].GetProperty("end").GetString());
        }

        // The documents give some meetings only a month or a year: the API says no more.
        Assert.Contains(api.Values, m => m.GetProperty("start").GetString()!.Length == 7);
        Assert.Contains(api.Values, m => m.GetProperty("start").GetString()!.Length == 4);
    }

    [Theory]
    [InlineData("/api/v1/members")]
    [InlineData("/api/v1/observers")]
    [InlineData("/api/v1/other-bodies")]
    [InlineData("/api/v1/meetings")]
    [InlineData("/api/v1/working-groups")]
    [InlineData("/api/v1/work-plans")]
    [InlineData("/api/v1/statements")]
    [InlineData("/api/v1/themes/labour-exploitation/paragraphs")]
    [InlineData("/api/v1/programmes")]
    public async Task Every_record_names_its_sources(string url)
    {
        foreach (var item in await GetAllItemsAsync(client, url + "?pageSize=100"))
        {
            var sources = item.GetProperty("sources");
            Assert.True(sources.GetArrayLength() > 0, $"{item.GetProperty("url")} has no sources");
            foreach (var s in sources.EnumerateArray())
            {
                Assert.Matches("^00[0-4]_[0-9a-f]{16}\\.txt$", s.GetProperty("document").GetString());
                Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("location").GetString()));
            }
        }
    }

    [Fact]
    public async Task Names_are_as_written_and_every_spelling_finds_its_member()
    {
        var turkiye = await GetJsonAsync(client, "/api/v1/participants/turkiye");
        Assert.Equal("Türkiye", turkiye.GetProperty("name").GetString());
        var laos = await GetJsonAsync(client, "/api/v1/members?name=Lao%20PDR");
        Assert.Equal("lao-peoples-democratic-republic", Assert.Single(laos.GetProperty("items").EnumerateArray()).GetProperty("slug").GetString());
        var vietNam = await GetJsonAsync(client, "/api/v1/members?name=Vietnam");
        Assert.Equal("Viet Nam", Assert.Single(vietNam.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_participant_has_its_memberships_roles_and_meetings()
    {
        var indonesia = await GetJsonAsync(client, "/api/v1/participants/indonesia");
        Assert.Equal("Member", indonesia.GetProperty("status").GetString());
        Assert.NotEqual(0, indonesia.GetProperty("memberships").GetArrayLength());
        Assert.NotEqual(0, indonesia.GetProperty("roles").GetArrayLength());
        var meetings = indonesia.GetProperty("meetings").EnumerateArray().ToList();
        Assert.Contains(meetings, m => m.GetProperty("meeting").GetProperty("slug").GetString() == "eighth-ministerial-conference-2023"
            && m.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "CoChair"));
    }

    [Fact]
    public async Task A_meeting_has_its_attendance_and_reported_figures()
    {
        var workshop = await GetJsonAsync(client, "/api/v1/meetings/technical-experts-workshop-trafficking-in-persons-2012");
        Assert.Equal("2012-05-28", workshop.GetProperty("start").GetString());
        Assert.Equal("2012-05-30", workshop.GetProperty("end").GetString());
        Assert.NotEqual(0, workshop.GetProperty("attendance").GetArrayLength());
        Assert.All(workshop.GetProperty("participantsReported").EnumerateArray(), r => Assert.Equal("000_c8949f303a282e20.txt", r.GetProperty("source").GetProperty("document").GetString()));
    }

    [Fact]
    public async Task A_work_plan_has_each_item_with_its_current_status_and_history()
    {
        var plan = await GetJsonAsync(client, "/api/v1/work-plans/tip-working-group-forward-work-plan-2015-17");
        var items = plan.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.Equal(10, plan.GetProperty("itemCount").GetInt32());
        Assert.All(items, i =>
        {
            var history = i.GetProperty("history").EnumerateArray().ToList();
            Assert.NotEmpty(history);
            Assert.Equal(i.GetProperty("status").GetString(), history[0].GetProperty("to").GetString());
            Assert.Contains(history, h => h.GetProperty("fromSeed").GetBoolean());
        });

        var complete = await GetJsonAsync(client, "/api/v1/work-plans/tip-working-group-forward-work-plan-2015-17?status=complete");
        Assert.All(complete.GetProperty("items").EnumerateArray(), i => Assert.Equal("Complete", i.GetProperty("status").GetString()));
        Assert.Equal(items.Count(i => i.GetProperty("status").GetString() == "Complete"), complete.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_statement_has_its_paragraphs_themes_mentions_and_permanent_links()
    {
        var statement = await GetJsonAsync(client, "/api/v1/statements/eighth-ministerial-conference-2023-co-chairs-statement");
        Assert.Equal("2023-02-10", statement.GetProperty("date").GetString());
        var p15a = statement.GetProperty("paragraphs").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "15a");
        Assert.Equal("/statements/eighth-ministerial-conference-2023-co-chairs-statement#p-15a", p15a.GetProperty("url").GetString());
        Assert.NotEqual(0, p15a.GetProperty("themes").GetArrayLength());
        Assert.Equal("paragraph 15(a)", p15a.GetProperty("sources")[0].GetProperty("location").GetString());
    }

    [Fact]
    public async Task Search_marks_matches_and_gives_facets()
    {
        var results = await GetJsonAsync(client, "/api/v1/search?q=smuggling");
        Assert.Equal("Query", results.GetProperty("mode").GetString());
        Assert.True(results.GetProperty("total").GetInt32() > 0);
        Assert.Contains("[[", results.GetProperty("items")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, results.GetProperty("facets").GetProperty("years").GetArrayLength());

        // An unknown but well-formed theme is left out with a note, as on the page.
        var unknown = await GetJsonAsync(client, "/api/v1/search?q=smuggling&theme=no-such-theme");
        Assert.Contains(unknown.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("no-such-theme", StringComparison.Ordinal));
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? parameter)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (parameter is not null)
        {
            Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        return problem;
    }
}
