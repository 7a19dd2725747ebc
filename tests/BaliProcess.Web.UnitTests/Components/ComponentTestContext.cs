using Bunit;
using BaliProcess.Web.Features.Sources;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BaliProcess.Web.UnitTests.Components;

/// <summary>A bUnit context with MudBlazor's services, as MudBlazor's own tests set it up.</summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddSingleton<ISourceDocumentList>(new SourceDocumentStub());
        // The portal's interface texts (.resx), as the portal registers them (decision 0042).
        Services.AddLocalization();
    }

    /// <summary>Two of the five source documents, as the record lists them.</summary>
    private sealed class SourceDocumentStub : ISourceDocumentList
    {
        public Task<IReadOnlyList<SourceSummary>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<SourceSummary>>(
        [
            new("003-tip-working-group-third-meeting-2017", "003_f496830a861f9ea6.txt", "Co-Chairs’ Statement: Third Annual Meeting of the Bali Process Trafficking in Persons Working Group",
                "Co-Chairs of the Working Group", null, null),
            new("004-twenty-years-of-the-bali-process", "004_14e3ad4cbde5a5fa.txt", "20 years of the Bali Process 2002 – 2022",
                "Australian Government Department of Foreign Affairs and Trade and Ministry of Foreign Affairs of the Republic of Indonesia", null, null),
        ]);
    }
}
