using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>
/// Who developed an outcome document (decision 0041) where a reader finds it: the API item, the documents CSV and JSON
/// (with the kind filter of /documents), the data package's table and the document's page, each in the document's words.
/// </summary>
[Collection(OpenDataCollection.Name)]
public sealed class DocumentDevelopersTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    [Fact]
    public async Task Who_developed_a_document_is_in_the_api_the_downloads_the_data_package_and_its_page()
    {
        await using var db = portal.Database.CreateContext();
        var documents = await db.OutcomeDocuments.CountAsync();
        var developers = await db.OutcomeDocumentDevelopers.CountAsync();
        Assert.True(developers > 0);

        // The API item: each entry's words, linked only where they name a participant or mechanism, with its place.
        var toolkit = await GetJsonAsync(client, "/api/v1/documents/civil-registration-assessment-tool-kit");
        var developedBy = toolkit.GetProperty("developedBy").EnumerateArray().ToList();
        Assert.Equal(2, developedBy.Count);
        var unhcr = developedBy.Single(x => x.Str("asWritten") == "With RSO support, UNHCR also developed in 2018 the Civil Registration Assessment Tool Kit");
        Assert.Equal(("unhcr", "regional-support-office"), (unhcr.GetProperty("participant").Str("slug"), unhcr.GetProperty("mechanism").Str("slug")));
        Assert.Equal("004_14e3ad4cbde5a5fa.txt", unhcr.GetProperty("sources").EnumerateArray().Single().Str("document"));
        var strategy = (await GetJsonAsync(client, "/api/v1/documents/strategy-for-cooperation-2014")).GetProperty("developedBy").EnumerateArray().Single();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, strategy.GetProperty("participant").ValueKind); // "Officials developed": no one named
        Assert.Empty((await GetJsonAsync(client, "/api/v1/documents/financial-footprints-report")).GetProperty("developedBy").EnumerateArray());

        // The CSV: every document, who developed it in one cell; the kind filter as on the page.
        var (header, rows) = ParseCsv(await GetBytesAsync(client, "/download/documents.csv"));
        Assert.Equal(["slug", "title", "titleAddedByPortal", "kind", "action", "date", "meeting", "developedBy", "url", "sources"], header);
        Assert.Equal(documents, rows.Count);
        Assert.Equal("following-the-money-drafting-committee: the Drafting Committee that developed the Bali Process policy guide and training module",
            rows.Single(r => r["slug"] == "following-the-money-policy-guide")["developedBy"]);
        var (_, toolkits) = ParseCsv(await GetBytesAsync(client, "/download/documents.csv?kind=toolkit"));
        Assert.Equal(["civil-registration-assessment-tool-kit", "screening-and-referral-tool-kit"], toolkits.Select(r => r["slug"]).Order());

        // The page: a "Developed by" row with the words, the links and the place; a document without one says so.
        var page = await client.GetStringAsync(new Uri("/documents/civil-registration-assessment-tool-kit", UriKind.Relative));
        Assert.Contains("<th scope=\"row\">Developed by</th>", page, StringComparison.Ordinal);
        Assert.Contains("With RSO support, UNHCR also developed in 2018 the Civil Registration Assessment Tool Kit", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/working-groups/regional-support-office\"", page, StringComparison.Ordinal);
        Assert.Contains("No document says who developed it", await client.GetStringAsync(new Uri("/documents/financial-footprints-report", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("href=\"/download/documents.csv\"", await client.GetStringAsync(new Uri("/documents", UriKind.Relative)), StringComparison.Ordinal);
    }
}
