using BaliProcess.Tests.Shared;
using BaliProcess.Web.Tests.Browser;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Journeys;

/// <summary>
/// Issue 18's proof (decision 0036): portals on a real port whose databases hold the seed data without the records drawn
/// from 002 (for 002's journey) or from 003 (for 003's) (<see cref="SeedWithoutDocument"/>, loaded through the ordinary seed
/// loader into a template made once per reduced folder), and Debian's Chromium. Each portal's own start-up seed load reads
/// the same reduced folder, so it adds nothing back.
/// </summary>
/// <remarks>
/// Lazy: xunit v2 builds class fixtures for skipped tests too, so nothing is started until a test asks for its portal
/// (a skipped journey starts no portal and no browser).
/// </remarks>
public sealed class JourneyFixture : IAsyncLifetime, IDisposable
{
    public const string Symposium = "002_da9c71afa7007ddc.txt";
    public const string ThirdMeeting = "003_f496830a861f9ea6.txt";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<TestDatabase> databases = [];
    private readonly List<PortalFactory> portals = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private PortalFactory? withoutSymposiumPortal;
    private PortalFactory? withoutThirdMeetingPortal;

    /// <summary>The seed without 002's records (its removals are listed in decision 0036).</summary>
    public SeedWithoutDocument? WithoutSymposium { get; private set; }

    /// <summary>The seed without 003's records (002's kept).</summary>
    public SeedWithoutDocument? WithoutThirdMeeting { get; private set; }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The portal on the seed without 002's records (started on first use).</summary>
    public async Task<PortalFactory> PortalWithoutSymposiumAsync()
    {
        await gate.WaitAsync();
        try
        {
            WithoutSymposium ??= WriteWithoutSymposium();
            return withoutSymposiumPortal ??= await StartAsync(WithoutSymposium.Directory);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The portal on the seed without 003's records (started on first use); 002's are there, as in the full seed.</summary>
    public async Task<PortalFactory> PortalWithoutThirdMeetingAsync()
    {
        await gate.WaitAsync();
        try
        {
            WithoutThirdMeeting ??= SeedWithoutDocument.Write(TestPaths.SeedDirectory, ThirdMeeting,
                "meeting:tip-working-group-third-meeting-2017", "statement:tip-working-group-third-meeting-2017-co-chairs-statement",
                "work-plan:tip-working-group-forward-work-plan-2017-19");
            return withoutThirdMeetingPortal ??= await StartAsync(WithoutThirdMeeting.Directory);
        }
        finally
        {
            gate.Release();
        }
    }

    private static SeedWithoutDocument WriteWithoutSymposium() =>
        SeedWithoutDocument.Write(TestPaths.SeedDirectory, Symposium,
            "meeting:regional-symposium-labour-exploitation-2015", "statement:labour-exploitation-symposium-2015-outcomes");

    private async Task<PortalFactory> StartAsync(string seedDirectory)
    {
        var database = await TestDatabase.CreateSeededFromAsync("journey", seedDirectory);
        databases.Add(database);
        var portal = new PortalFactory
        {
            UseRealServer = true,
            SharedDatabase = database,
            Settings = new Dictionary<string, string> { ["Database:SeedDirectory"] = seedDirectory },
        };
        portals.Add(portal);
        await portal.InitializeAsync();
        if (browser is null)
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFixture.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
        }

        return portal;
    }

    /// <summary>A new browser context on <paramref name="portal"/>, signed in through the sign-in form as <paramref name="email"/>.</summary>
    public async Task<IPage> SignedInPageAsync(PortalFactory portal, string email)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.ServerAddress.ToString().TrimEnd('/') });

        // Every wait is for an event (a URL, an element); this is only the net under it. A journey's first upload on a
        // machine at load 30 once took longer than Playwright's 30 s before the redirect came, so the net is wider here.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await StaffAccounts.SignInAsync(page, email, StaffAccounts.Password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        foreach (var portal in portals)
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
        }

        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }

        foreach (var seed in new[] { WithoutSymposium, WithoutThirdMeeting })
        {
            if (seed is not null && System.IO.Directory.Exists(seed.Directory))
            {
                System.IO.Directory.Delete(seed.Directory, recursive: true);
            }
        }
    }

    public void Dispose() => gate.Dispose();
}
