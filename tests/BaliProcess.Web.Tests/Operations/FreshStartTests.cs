using System.Net;
using BaliProcess.Data;
using BaliProcess.Web.Infrastructure;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>
/// One portal started on an empty database, on a real port, with Production's settings (HTTPS required,
/// JSON logs) and everything it logs recorded: first start, health, request log lines, secrets, HTTPS.
/// </summary>
public sealed class FreshStartFixture : IAsyncLifetime
{
    public LogCapture Log { get; } = new();

    public PortalFactory Portal { get; }

    public FreshStartFixture()
    {
        Portal = new PortalFactory
        {
            UseRealServer = true,
            EmptyDatabase = true,
            Settings =
            {
                ["Serilog:MinimumLevel:Default"] = "Information",
                ["Security:RequireHttps"] = "true",
                ["Security:HttpsPort"] = "443",
                // Redirects name the configured public address, never the Host a request carries (decision 0020).
                ["Portal:PublicAddress"] = "https://portal.example.org",
                ["Search:WarmUpWords"] = "20",
            },
            ExtraServices = services => services.AddSingleton<ILogEventSink>(Log),
        };
    }

    public HttpClient Client(bool followRedirects = false)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = Portal.ServerAddress };
        return client;
    }

    /// <summary>What was logged up to the end of start-up.</summary>
    public IReadOnlyList<LogEvent> StartupEvents { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        StartupEvents = Log.Events;
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Portal).DisposeAsync();
}

public sealed class FreshStartTests(FreshStartFixture fresh) : IClassFixture<FreshStartFixture>
{
    [Fact]
    public void The_first_start_on_an_empty_database_logs_no_error_and_says_what_it_did()
    {
        var lines = fresh.StartupEvents.Select(LogCapture.Describe).ToList();
        Assert.DoesNotContain(fresh.StartupEvents, e => e.Level >= LogEventLevel.Error);
        Assert.Contains(lines, l => l.Contains("Database migrations:", StringComparison.Ordinal) && l.Contains("applied", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Seed data from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_real_database_error_is_still_logged_as_an_error()
    {
        var factory = fresh.Portal.Services.GetRequiredService<IDbContextFactory<BaliProcessDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("SELECT * FROM no_such_table_for_this_test"));
        Assert.Contains(fresh.Log.Events, e => e.Level == LogEventLevel.Error && LogCapture.Describe(e).Contains("no_such_table_for_this_test", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_once_the_schema_is_in_place(string path)
    {
        using var client = fresh.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_through_the_proxy_gets_hsts()
    {
        using var client = fresh.Client();
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/members");
        plain.Headers.Host = "portal.example.org";
        using var redirect = await client.SendAsync(plain);
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal("https://portal.example.org/members", redirect.Headers.Location?.ToString());

        // nginx terminates TLS and says so; the portal trusts that from a loopback proxy.
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/members");
        proxied.Headers.Host = "portal.example.org";
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        using var ok = await client.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(ok.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_request_is_one_log_line_and_no_password_cookie_or_token_is_ever_logged()
    {
        const string password = "Pa55word-never-logged-7731";
        const string cookie = "cookie-value-never-logged-4417";
        const string bearer = "bearer-token-never-logged-9902";
        const string queryToken = "reset-token-never-logged-2290";
        using var client = fresh.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/account/login?returnUrl=%2F&token={queryToken}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "someone@example.org",
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = "made-up",
            }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("Cookie", $".AspNetCore.Identity.Application={cookie}; other={cookie}");
        request.Headers.Add("Authorization", $"Bearer {bearer}");
        using var response = await client.SendAsync(request);
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");

        using var get = new HttpRequestMessage(HttpMethod.Get, "/meetings?year=2023");
        get.Headers.Add("X-Forwarded-Proto", "https");
        using var ok = await client.SendAsync(get);

        // The request line is written just after the response is sent: wait for it.
        await fresh.Log.WaitForAsync(e => e.MessageTemplate.Text == RequestLogging.Template && e.Properties["RequestPath"].ToString() == "\"/meetings\"", TimeSpan.FromSeconds(30));

        var lines = fresh.Log.Lines;
        foreach (var secret in new[] { password, cookie, bearer, queryToken })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }

        var requestLines = fresh.Log.Events.Where(e => e.MessageTemplate.Text == RequestLogging.Template).ToList();
        Assert.True(requestLines.Count(e => e.Properties["RequestPath"].ToString() == "\"/account/login\"") == 1, string.Join("\n", requestLines.Select(LogCapture.Describe)));
        var post = Assert.Single(requestLines, e => e.Properties["RequestPath"].ToString() == "\"/account/login\"");
        Assert.Equal("\"POST\"", post.Properties["RequestMethod"].ToString());
        Assert.Equal(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), post.Properties["StatusCode"].ToString());
        Assert.True(post.Properties.ContainsKey("Elapsed"));
        Assert.Equal("\"anonymous\"", post.Properties["UserId"].ToString());
        Assert.Single(requestLines, e => e.Properties["RequestPath"].ToString() == "\"/meetings\"" && e.Properties["StatusCode"].ToString() == "200");
    }
}
