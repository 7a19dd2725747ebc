using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>Reads the API, its pages through the Link headers, and CSV downloads, for the open-data tests.</summary>
public static partial class OpenDataHttp
{
    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every item of a paged list, following rel="next" in the Link headers (as a client would).</summary>
    public static async Task<List<JsonElement>> GetAllItemsAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var items = new List<JsonElement>();
        string? next = url;
        for (var guard = 0; next is not null && guard < 1000; guard++)
        {
            var response = await client.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            items.AddRange(root.GetProperty("items").EnumerateArray());
            next = Links(response).GetValueOrDefault("next");
        }

        return items;
    }

    /// <summary>The Link header's targets by rel (RFC 8288).</summary>
    public static Dictionary<string, string> Links(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : "";
        return LinkPattern().Matches(header).ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["url"].Value);
    }

    /// <summary>A CSV download parsed back with CsvHelper: the header and each row by column name.</summary>
    public static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) ParseCsv(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        return (header, rows);
    }

    public static async Task<byte[]> GetBytesAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static string Str(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? "" : element.GetProperty(property).ToString();

    [GeneratedRegex("<(?<url>[^>]+)>;\\s*rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkPattern();
}
