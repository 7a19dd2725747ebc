using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>Settings for every browser test in this assembly, applied once when it loads.</summary>
internal static class PlaywrightDefaults
{
    /// <summary>
    /// Playwright's assertions wait 5 seconds by default. The tests wait for events (an element, a URL), never
    /// for a time, so the bound is only a safety net; on a machine running the whole suite beside other work
    /// a live editor's first render has taken longer than 5 seconds, so the net is as wide as its actions'
    /// (30 seconds), which a healthy run never reaches.
    /// </summary>
    [ModuleInitializer]
    internal static void WidenTheAssertionTimeout() => Assertions.SetDefaultExpectTimeout(30_000);

    /// <summary>
    /// How a test waits for the page a click led to: until its new address is parsed, not until its load event. The
    /// assertions after it wait for what they read. Waiting for the load event timed out twice in whole-suite runs
    /// with the page there and the network idle (a search facet's link; the sign-in form's redirect to the staff
    /// page): an event the driver missed after the address had already changed, not a page that did not load.
    /// </summary>
    internal static PageWaitForURLOptions Parsed(float? timeout = null) => new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = timeout };
}
