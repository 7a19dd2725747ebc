using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>Fetches a page from the portal and parses it, for assertions on real markup.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpStatusCode Status, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, await Parser.ParseDocumentAsync(html));
    }

    public static async Task<IDocument> GetOkAsync(HttpClient client, string url)
    {
        var (status, document) = await GetAsync(client, url);
        Assert.True(status == HttpStatusCode.OK, $"{url} answered {(int)status}");
        return document;
    }

    /// <summary>The visible text of the main content, white space collapsed.</summary>
    public static string MainText(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var main = document.QuerySelector("main") ?? throw new InvalidOperationException("no <main>");
        return string.Join(' ', main.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
