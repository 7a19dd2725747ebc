using BaliProcess.Tests.Shared;
using BaliProcess.Web.Tests.Browser;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Journeys;

/// <summary>
/// Issue 18's proof (decision 0036): a portal on a real port whose database holds the seed data without the records drawn
/// from 002 and 003 (<see cref="SeedWithoutDocument"/>, loaded through the ordinary seed loader into a template made once
/// per run), and Debian's Chromium. The portal's own start-up seed load reads the same reduced folder, so it adds nothing
/// back.
/// </summary>
public sealed class JourneyFixture : IAsyncLifetime
{
    public const string Symposium = "002_da9c71afa7007ddc.txt";
    public const string ThirdMeeting = "003_f496830a861f9ea6.txt";

    private IPlaywright? playwright;
    private TestDatabase? database;

    /// <summary>The seed without 002's records, then without 003's (each step's removals are listed in decision 0036).</summary>
    public SeedWithoutDocument WithoutSymposium { get; private set; } = null!;

    public SeedWithoutDocument WithoutThirdMeeting { get; private set; } = null!;

    public PortalFactory Portal { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WithoutSymposium = SeedWithoutDocument.Write(TestPaths.SeedDirectory, Symposium,
            "meeting:regional-symposium-labour-exploitation-2015", "statement:labour-exploitation-symposium-2015-outcomes");
        WithoutThirdMeeting = SeedWithoutDocument.Write(WithoutSymposium.Directory, ThirdMeeting,
            "meeting:tip-working-group-third-meeting-2017", "statement:tip-working-group-third-meeting-2017-co-chairs-statement",
            "work-plan:tip-working-group-forward-work-plan-2017-19");
        database = await TestDatabase.CreateSeededFromAsync("journey", WithoutThirdMeeting.Directory);
        Portal = new PortalFactory
        {
            UseRealServer = true,
            SharedDatabase = database,
            Settings = new Dictionary<string, string> { ["Database:SeedDirectory"] = WithoutThirdMeeting.Directory },
        };
        await Portal.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A new browser context on the portal, signed in through the sign-in form as <paramref name="email"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Portal.ServerAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await StaffAccounts.SignInAsync(page, email, StaffAccounts.Password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Portal is not null)
        {
            await ((IAsyncLifetime)Portal).DisposeAsync();
        }

        if (database is not null)
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
}
