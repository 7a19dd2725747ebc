using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>
/// The real portal on a real port, and Debian's Chromium driven by Playwright (its own browser download
/// cannot work on these machines, so the executable path is given).
/// </summary>
/// <remarks>
/// The executable is Chromium's headless shell (Debian's chromium-headless-shell, what Playwright itself runs
/// for headless tests): the same Blink and V8 as the full browser without its UI, at about 60% of its CPU for
/// the same tests (docs/benchmarks.md). BP_CHROMIUM names another executable, e.g. /usr/bin/chromium.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("BP_CHROMIUM") ?? "/usr/bin/chromium-headless-shell";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;

    public PortalFactory Portal { get; } = new() { UseRealServer = true };

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: under the test output, so a reviewer can look at them.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Screenshots are for a person reviewing a layout, and no test reads them; encoding a long page costs
    /// seconds on this machine, so they are taken only when BP_SCREENSHOTS=1 (docs/testing.md).
    /// </summary>
    public static bool TakesScreenshots { get; } = Environment.GetEnvironmentVariable("BP_SCREENSHOTS") == "1";

    /// <summary>Saves a screenshot of the page as <paramref name="name"/>.png when screenshots are asked for.</summary>
    public static async Task PhotographAsync(IPage page, string name, bool fullPage = false)
    {
        if (TakesScreenshots)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage });
        }
    }

    public string BaseUrl => Portal.ServerAddress.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh page; with <paramref name="javaScript"/> false it behaves like a browser with scripts off.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> ConsoleErrors, List<string> WebSockets)> NewPageAsync(
        int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var sockets = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        return (context, page, errors, sockets);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await ((IAsyncLifetime)Portal).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// The search tests in the browser, on a portal and Chromium of their own. Tests of one collection run one
/// after the other; the browser tests are the longest, so they are split into four collections that run
/// side by side (each portal is a copy of the seeded template, quick to start).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SearchBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "search browser";
}

/// <summary>The security-policy and record-journey tests in the browser, on a portal and Chromium of their own (see <see cref="SearchBrowserCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserPoliciesCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser policies";
}

/// <summary>Every public page type, loaded once each (<see cref="PublicPageBrowserTests"/>), on a portal and Chromium of its own (see <see cref="SearchBrowserCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PublicPagesBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "public pages browser";
}

/// <summary>Every page at phone widths, on a portal and Chromium of its own (see <see cref="SearchBrowserCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PhoneBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "phone browser";
}
