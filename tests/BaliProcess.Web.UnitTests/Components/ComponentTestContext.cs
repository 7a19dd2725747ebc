using Bunit;
using MudBlazor.Services;

namespace BaliProcess.Web.UnitTests.Components;

/// <summary>A bUnit context with MudBlazor's services, as MudBlazor's own tests set it up.</summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
    }
}
