using System.Text.Json;
using System.Text.Json.Nodes;
using BaliProcess.Web.Tests.Infrastructure;
using Json.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>The OpenAPI document: it parses cleanly, lists every endpoint with words for people, and real answers match its schemas.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class OpenApiDocumentTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    private async Task<string> DocumentTextAsync()
    {
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_document_parses_without_errors_or_warnings_in_the_OpenApi_reader()
    {
        var text = await DocumentTextAsync();
        var settings = new OpenApiReaderSettings();
        var result = OpenApiDocument.Parse(text, "json", settings);

        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.Empty(result.Diagnostic?.Warnings ?? []);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic?.SpecificationVersion);
        Assert.NotNull(result.Document);
        Assert.False(string.IsNullOrWhiteSpace(result.Document.Info.Description));
    }

    [Fact]
    public async Task Every_api_endpoint_is_in_the_document_with_a_summary_and_a_description()
    {
        var document = OpenApiDocument.Parse(await DocumentTextAsync(), "json").Document!;
        var routes = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(routes.Count >= 17, $"only {routes.Count} API routes");

        foreach (var route in routes)
        {
            Assert.True(document.Paths.TryGetValue(route, out var path), $"{route} is not in the OpenAPI document");
            var get = path!.Operations![HttpMethod.Get];
            Assert.False(string.IsNullOrWhiteSpace(get.Summary), $"{route} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(get.Description), $"{route} has no description");
            Assert.True(get.Responses!.ContainsKey("200"), $"{route} documents no 200");
            Assert.True(get.Responses.ContainsKey("429"), $"{route} documents no 429");
        }

        // Only the API is in it: pages, downloads and the sitemap are not operations of the API.
        Assert.All(document.Paths.Keys, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schemas_and_parameters_are_documented()
    {
        var root = JsonNode.Parse(await DocumentTextAsync())!;
        var schemas = root["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in schemas.Where(s => s.Key.StartsWith("Api", StringComparison.Ordinal) && !s.Key.StartsWith("ApiPageOf", StringComparison.Ordinal)))
        {
            Assert.False(string.IsNullOrWhiteSpace(schema!["description"]?.GetValue<string>()), $"schema {name} has no description");
        }

        var members = root["paths"]!["/api/v1/members"]!["get"]!["parameters"]!.AsArray();
        var pageSize = members.Single(p => p!["name"]!.GetValue<string>() == "pageSize")!;
        Assert.Equal("integer", pageSize["schema"]!["type"]!.GetValue<string>());
        Assert.Equal(100, pageSize["schema"]!["maximum"]!.GetValue<int>());
        Assert.All(members, p => Assert.False(string.IsNullOrWhiteSpace(p!["description"]?.GetValue<string>())));
        var kind = members.Single(p => p!["name"]!.GetValue<string>() == "kind")!;
        Assert.Contains("InternationalOrganisation", kind["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    public static TheoryData<string, string> Samples => new()
    {
        { "/api/v1/members", "/api/v1/members" },
        { "/api/v1/observers?pageSize=100", "/api/v1/observers" },
        { "/api/v1/other-bodies?pageSize=100", "/api/v1/other-bodies" },
        { "/api/v1/participants/turkiye", "/api/v1/participants/{slug}" },
        { "/api/v1/participants/indonesia", "/api/v1/participants/{slug}" },
        { "/api/v1/meetings?pageSize=100", "/api/v1/meetings" },
        { "/api/v1/meetings?kind=Event", "/api/v1/meetings" },
        { "/api/v1/meetings/eighth-ministerial-conference-2023", "/api/v1/meetings/{slug}" },
        { "/api/v1/meetings/technical-experts-workshop-trafficking-in-persons-2012", "/api/v1/meetings/{slug}" },
        { "/api/v1/working-groups?pageSize=100", "/api/v1/working-groups" },
        { "/api/v1/working-groups/working-group-trafficking-in-persons", "/api/v1/working-groups/{slug}" },
        { "/api/v1/work-plans", "/api/v1/work-plans" },
        { "/api/v1/work-plans/tip-working-group-forward-work-plan-2015-17", "/api/v1/work-plans/{slug}" },
        { "/api/v1/statements?pageSize=100", "/api/v1/statements" },
        { "/api/v1/statements/eighth-ministerial-conference-2023-co-chairs-statement", "/api/v1/statements/{slug}" },
        { "/api/v1/themes?pageSize=100", "/api/v1/themes" },
        { "/api/v1/themes/follow-the-money", "/api/v1/themes/{slug}" },
        { "/api/v1/themes/follow-the-money/paragraphs", "/api/v1/themes/{slug}/paragraphs" },
        { "/api/v1/search?q=smuggling", "/api/v1/search" },
        { "/api/v1/search?q=xyzzyplugh", "/api/v1/search" },
        { "/api/v1/search", "/api/v1/search" },
        { "/api/v1/sources", "/api/v1/sources" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_real_answer_validates_against_its_documented_schema(string url, string path)
    {
        var root = JsonNode.Parse(await DocumentTextAsync())!;
        var schema = SchemaFor(root, path, "200", "application/json");
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var result = schema.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{url}: {Describe(result)}");
    }

    [Theory]
    [InlineData("/api/v1/members?page=0", "/api/v1/members", "400")]
    [InlineData("/api/v1/meetings/no-such-meeting", "/api/v1/meetings/{slug}", "404")]
    public async Task A_problem_answer_validates_against_its_documented_schema(string url, string path, string status)
    {
        var root = JsonNode.Parse(await DocumentTextAsync())!;
        var schema = SchemaFor(root, path, status, "application/problem+json");
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = schema.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{url}: {Describe(result)}");
    }

    [Fact]
    public async Task The_validation_is_real_a_broken_record_fails_it()
    {
        var root = JsonNode.Parse(await DocumentTextAsync())!;
        var schema = SchemaFor(root, "/api/v1/members", "200", "application/json");
        var body = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/members", UriKind.Relative)))!;

        var missingSlug = body.DeepClone();
        missingSlug["items"]![0]!.AsObject().Remove("slug");
        var wrongType = body.DeepClone();
        wrongType["total"] = "forty-nine";
        var unknownKind = body.DeepClone();
        unknownKind["items"]![0]!["kind"] = "Empire";

        foreach (var broken in new[] { missingSlug, wrongType, unknownKind })
        {
            using var doc = JsonDocument.Parse(broken.ToJsonString());
            Assert.False(schema.Evaluate(doc.RootElement).IsValid, broken.ToJsonString()[..80]);
        }
    }

    /// <summary>
    /// The response schema of an operation as a JSON Schema 2020-12 document: OpenAPI 3.1's schemas are JSON
    /// Schema, so the document's component schemas become $defs and the operation's schema a $ref to them.
    /// </summary>
    private static JsonSchema SchemaFor(JsonNode document, string path, string status, string mediaType)
    {
        var schemaNode = document["paths"]![path]!["get"]!["responses"]![status]!["content"]![mediaType]!["schema"]!;
        var text = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://portal.test/schemas/{Guid.NewGuid():N}",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
        };
        foreach (var (key, value) in schemaNode.AsObject())
        {
            text[key] = value!.DeepClone();
        }

        var json = text.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(json, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Take(5).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));
}
