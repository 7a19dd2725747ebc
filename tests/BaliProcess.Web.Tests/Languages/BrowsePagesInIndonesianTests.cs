using AngleSharp.Dom;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The browsing pages under "/id" (decision 0042): the home page, members, observers and other bodies, a profile,
/// people, working groups and the timeline speak Indonesian, keep the documents' words as written (lang="en") and
/// link within the language.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BrowsePagesInIndonesianTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static TheoryData<string, string> Pages => new()
    {
        { "/id", "anggota" },
        { "/id/members", "Anggota" },
        { "/id/observers", "Pengamat" },
        { "/id/participants", "Badan lain" },
        { "/id/members/palau", "Keanggotaan" },
        { "/id/members/australia", "Mekanisme" },
        { "/id/observers/canada", "Pertemuan yang dihadiri" },
        { "/id/participants/walk-free-foundation", "Badan lain" },
        { "/id/people", "Tokoh" },
        { "/id/people/david-scott", "Peran" },
        { "/id/working-groups", "Kelompok kerja dan mekanisme" },
        { "/id/working-groups/working-group-trafficking-in-persons", "Siapa yang ikut serta" },
        { "/id/working-groups/ad-hoc-group", "yang disebut dokumen" },
        { "/id/working-groups/regional-support-office", "Ketua bersama" },
        { "/id/timeline", "Lini masa 2002–2023" },
        { "/id/timeline?kind=ministerial-conference", "Tampilkan semua" },
        { "/id/members?region=south-eastern%20asia&sort=region", "Asia Tenggara" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_browsing_page_under_id_is_Indonesian_throughout(string url, string indonesian)
    {
        var document = await Html.GetOkAsync(client, url);

        IndonesianPage.AssertIndonesian(document, url);
        Assert.Contains(indonesian, Html.MainText(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_counts_read_naturally_and_the_documents_words_stay_as_written()
    {
        var home = await Html.GetOkAsync(client, "/id");
        var figures = home.QuerySelector("ul.figures")!.TextContent;
        Assert.Contains("49anggota", figures.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("45 pemerintah, 4 organisasi internasional", figures, StringComparison.Ordinal);
        // A recent meeting's title is the document's, marked English, linked in Indonesian.
        var meeting = home.QuerySelector("main a[href^='/id/meetings/']")!;
        Assert.Equal("en", meeting.GetAttribute("lang"));

        var palau = await Html.GetOkAsync(client, "/id/members/palau");
        Assert.Equal("en", palau.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("Palau", palau.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", palau.QuerySelector("blockquote.perspective")!.GetAttribute("lang"));
        Assert.Contains("Anggota", palau.QuerySelector("table.data")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/id/members/palau", palau.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Single(palau.QuerySelectorAll("link[rel=canonical]"));

        var tip = await Html.GetOkAsync(client, "/id/working-groups/working-group-trafficking-in-persons");
        Assert.Equal("en", tip.QuerySelector("h2 + p[lang]")?.GetAttribute("lang")); // the mandate, as written
        Assert.Contains("Dibentuk", tip.QuerySelector("table.data")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_under_the_wrong_list_in_Indonesian_moves_to_its_Indonesian_address()
    {
        var response = await client.GetAsync(new Uri("/id/members/canada", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/id/observers/canada", response.Headers.Location?.AbsolutePath);
    }
}
