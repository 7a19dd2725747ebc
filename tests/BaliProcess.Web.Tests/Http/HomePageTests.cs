using System.Net;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Http;

[Collection(PortalCollection.Name)]
public sealed class HomePageTests(PortalFactory portal)
{
    [Fact]
    public async Task The_home_page_shows_the_figures_read_from_the_database()
    {
        var client = portal.CreateClient();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Bali Process Knowledge Portal</title>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure\">49</span>members", html, StringComparison.Ordinal);
        Assert.Contains("45 governments, 4 international organisations", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure\">27</span>observers", html, StringComparison.Ordinal);
        // Active ones, and how many /working-groups lists in all, so the two pages never seem to disagree.
        Assert.Contains("<span class=\"figure\">4</span>active working groups", html, StringComparison.Ordinal);
        Assert.Contains("(8 in all, with those the documents do not show as active)", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure\">18</span>work-plan action items", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_load_no_script_and_open_no_live_connection()
    {
        var html = await portal.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_compressed_for_slow_connections()
    {
        var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/members", UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br");
        var response = await client.SendAsync(request);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = (await response.Content.ReadAsByteArrayAsync()).Length;
        var plain = (await client.GetByteArrayAsync(new Uri("/members", UriKind.Relative))).Length;
        Assert.True(compressed * 4 < plain, $"{compressed} bytes compressed against {plain} plain");
    }

    [Fact]
    public async Task A_HEAD_request_answers_like_GET()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/members/palau", UriKind.Relative));
        var response = await portal.CreateClient().SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_database_healthy()
    {
        var body = await portal.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_a_helpful_page()
    {
        var response = await portal.CreateClient().GetAsync(new Uri("/no/such/page", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search\"", html, StringComparison.Ordinal);
    }
}
