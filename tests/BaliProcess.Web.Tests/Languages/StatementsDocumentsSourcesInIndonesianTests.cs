using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The statements, published documents, sources and notes pages under "/id/…" (decision 0042): the portal's words
/// in Bahasa Indonesia, the documents' words as written and marked lang="en", every link staying in Indonesian.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class StatementsDocumentsSourcesInIndonesianTests(SourcesFixture fixture)
{
    private const string Statement = "tip-working-group-third-meeting-2017-co-chairs-statement";

    [Fact]
    public async Task The_statements_list_and_a_statement_are_Indonesian_around_the_statement_s_own_words()
    {
        using var client = fixture.Portal.CreateClient();
        var list = await Html.GetOkAsync(client, "/id/statements");
        IndonesianPage.AssertIndonesian(list, "/id/statements");
        Assert.Equal("Pernyataan", list.QuerySelector("h1")!.TextContent);

        var url = $"/id/statements/{Statement}";
        var page = await Html.GetOkAsync(client, url);
        IndonesianPage.AssertIndonesian(page, url);
        Assert.Equal("en", page.QuerySelector("h1")!.GetAttribute("lang"));
        var first = page.QuerySelector("p.paragraph-text")!;
        Assert.Equal("en", first.GetAttribute("lang"));
        var english = await Html.GetOkAsync(client, $"/statements/{Statement}");
        Assert.Equal(english.QuerySelector("p.paragraph-text")!.TextContent, first.TextContent);
        Assert.Contains("Kutip paragraf", Html.MainText(page), StringComparison.Ordinal);
        Assert.Contains("Kutip paragraf", page.QuerySelector("details.cite summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cite paragraph", english.QuerySelector("details.cite summary")!.TextContent, StringComparison.Ordinal);

        // The reader's permanent link and the canonical are the Indonesian page's; the downloaded citation stays English data.
        Assert.EndsWith($"/id/statements/{Statement}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("link[rel=canonical]"));
        Assert.Contains($"/id/statements/{Statement}#", page.QuerySelector("details.cite p.muted a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("/id/", page.QuerySelector("meta[name=citation_public_url]")?.GetAttribute("content") ?? "", StringComparison.Ordinal);
    }
}
