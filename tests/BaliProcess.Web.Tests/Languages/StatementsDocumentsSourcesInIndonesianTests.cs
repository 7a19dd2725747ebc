using System.Globalization;
using AngleSharp.Dom;
using BaliProcess.Web.Features.Sources.Adding;
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
        Assert.Equal("en", page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.EndsWith("— Portal Pengetahuan Proses Bali", page.Title, StringComparison.Ordinal);
        Assert.Contains("paragraf bernomor", page.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        IndonesianPage.AssertIndonesian(page, url);
        var first = page.QuerySelector("p.paragraph-text")!;
        Assert.Equal("en", first.GetAttribute("lang"));
        var english = await Html.GetOkAsync(client, $"/statements/{Statement}");
        Assert.Equal(english.QuerySelector("p.paragraph-text")!.TextContent, first.TextContent);
        Assert.StartsWith("Kutip ", page.QuerySelector("details.cite summary")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Cite ", english.QuerySelector("details.cite summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tautan permanen:", Html.MainText(page), StringComparison.Ordinal);

        // The reader's permanent link and the canonical are the Indonesian page's; the downloaded citation stays English data.
        Assert.EndsWith($"/id/statements/{Statement}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("link[rel=canonical]"));
        Assert.Contains($"/id/statements/{Statement}#", page.QuerySelector("details.cite p.muted a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("/id/", page.QuerySelector("meta[name=citation_public_url]")?.GetAttribute("content") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_documents_list_and_a_document_are_Indonesian_around_the_documents_words()
    {
        using var client = fixture.Portal.CreateClient();
        var list = await Html.GetOkAsync(client, "/id/documents");
        IndonesianPage.AssertIndonesian(list, "/id/documents");
        Assert.Equal("Dokumen terbitan", list.QuerySelector("h1")!.TextContent);
        Assert.Contains("Semua jenis", list.QuerySelector("form.filters")!.TextContent, StringComparison.Ordinal);

        var url = "/id/documents/following-the-money-policy-guide";
        var page = await Html.GetOkAsync(client, url);
        IndonesianPage.AssertIndonesian(page, url);
        Assert.Equal("en", page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Contains("Apa yang dikatakan dokumen tentangnya", Html.MainText(page), StringComparison.Ordinal);
        var quote = page.QuerySelector("blockquote p")!;
        Assert.Equal("en", quote.GetAttribute("lang"));
        var english = await Html.GetOkAsync(client, "/documents/following-the-money-policy-guide");
        Assert.Equal(english.QuerySelector("blockquote p")!.TextContent, quote.TextContent);
        Assert.Contains("What the documents say of it", Html.MainText(english), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sources_list_and_a_source_are_Indonesian_around_the_documents_words()
    {
        using var client = fixture.Portal.CreateClient();
        var list = await Html.GetOkAsync(client, "/id/sources");
        IndonesianPage.AssertIndonesian(list, "/id/sources");
        Assert.Equal("Sumber", list.QuerySelector("h1")!.TextContent);
        Assert.Contains("Seluruh catatan sebagai data", Html.MainText(list), StringComparison.Ordinal);

        var first = list.QuerySelector("ul.sources a")!;
        Assert.Equal("en", first.GetAttribute("lang"));
        var url = first.GetAttribute("href")!;
        Assert.StartsWith("/id/sources/", url, StringComparison.Ordinal);
        var page = await Html.GetOkAsync(client, url);
        IndonesianPage.AssertIndonesian(page, url);
        Assert.Contains("Apa yang diambil portal darinya", Html.MainText(page), StringComparison.Ordinal);
        Assert.Contains("What the portal draws from it", Html.MainText(await Html.GetOkAsync(client, url[3..])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_refusal_reads_in_Indonesian_when_the_editor_runs_in_Indonesian_and_stays_English_otherwise()
    {
        var options = new SourceFileOptions();
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id");
            Assert.Equal("laporan.doc bukan berkas PDF (.pdf), Word (.docx), atau teks biasa (.txt); simpan sebagai salah satu jenis tersebut (berkas .doc lama sebagai .docx), lalu tambahkan lagi.",
                SourceFileReader.Read([1, 2, 3], "laporan.doc", options).Problem);
            var (_, principal) = await fixture.SecretariatAsync();
            var invalid = await fixture.WithEditorAsync(e => e.AddAsync(principal, SourcesFixture.Request("", pasted: "text", date: "yesterday")));
            Assert.Contains(invalid.Problems, p => p.Message == "Isikan judul dokumen, sebagaimana tertulis dalam dokumen.");
            Assert.Contains(invalid.Problems, p => p.Message.StartsWith("Tulis tanggal setepat", StringComparison.Ordinal));

            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.StartsWith("laporan.doc is not a PDF (.pdf)", SourceFileReader.Read([1, 2, 3], "laporan.doc", options).Problem, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
