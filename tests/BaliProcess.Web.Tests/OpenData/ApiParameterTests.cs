using System.Net;
using System.Text.Json.Nodes;
using BaliProcess.Web.Tests.Infrastructure;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>
/// The parameter records (one per list) drive binding, the 400 problem and the OpenAPI description: what
/// the records declare is what the API accepts, refuses and documents.
/// </summary>
[Collection(OpenDataCollection.Name)]
public sealed class ApiParameterTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    [Fact]
    public async Task Enum_names_are_taken_in_any_case_and_an_empty_value_is_no_value()
    {
        var exact = await GetJsonAsync(client, "/api/v1/members?kind=Government");
        var lower = await GetJsonAsync(client, "/api/v1/members?kind=government&name=&region=&sort=");
        Assert.Equal(43, exact.GetProperty("total").GetInt32());
        Assert.Equal(exact.GetProperty("total").GetInt32(), lower.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/members?kind=Government,OtherBody", "kind")]
    [InlineData("/api/v1/members?kind=%20Government", "kind")]
    [InlineData("/api/v1/work-plans/tip-working-group-forward-work-plan-2015-17?status=ForAction,Complete", "status")]
    [InlineData("/api/v1/meetings?from=%2B2010", "from")]
    [InlineData("/api/v1/changes?from=2024-1-5", "from")]
    public async Task Only_a_value_written_as_documented_is_taken(string url, string parameter)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = await ApiContractTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors does not name {parameter}");
    }

    [Fact]
    public async Task One_answer_names_every_bad_parameter_of_every_record_the_operation_takes()
    {
        // kind and from belong to the meetings' filters, page and pageSize to paging: one problem names all four.
        var response = await client.GetAsync(new Uri("/api/v1/meetings?kind=Picnic&from=1066&page=0&pageSize=1000&place=anywhere", UriKind.Relative));
        var problem = await ApiContractTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "kind");
        var named = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["kind", "from", "page", "pageSize"], named);
    }

    [Fact]
    public async Task The_document_describes_what_the_records_declare()
    {
        var root = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        JsonNode Parameter(string path, string name) =>
            root["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!["schema"]!;

        // Days are dates (not years), a working group is a slug, search pages hold 20 results.
        Assert.Equal("date", Parameter("/api/v1/changes", "from")["format"]!.GetValue<string>());
        Assert.Equal("^[a-z0-9]+(-[a-z0-9]+)*$", Parameter("/api/v1/changes", "workingGroup")["pattern"]!.GetValue<string>());
        Assert.Equal([20], Parameter("/api/v1/search", "pageSize")["enum"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal("name", Parameter("/api/v1/observers", "sort")["default"]!.GetValue<string>());
        Assert.Equal(2100, Parameter("/api/v1/meetings", "to")["maximum"]!.GetValue<int>());
        Assert.Contains("Complete", Parameter("/api/v1/work-plans/{slug}", "status")["enum"]!.AsArray().Select(v => v!.GetValue<string>()));

        // Every documented list says it may answer 400, and every operation with a slug 404, as problems.
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            var responses = item!["get"]!["responses"]!.AsObject();
            if (item["get"]!["parameters"]?.AsArray().Any(p => p!["in"]!.GetValue<string>() == "query") == true)
            {
                Assert.True(responses.ContainsKey("400"), $"{path} documents no 400");
                Assert.NotNull(responses["400"]!["content"]!["application/problem+json"]);
            }

            if (path.Contains("{slug}", StringComparison.Ordinal))
            {
                Assert.NotNull(responses["404"]?["content"]?["application/problem+json"]);
            }
        }
    }
}
