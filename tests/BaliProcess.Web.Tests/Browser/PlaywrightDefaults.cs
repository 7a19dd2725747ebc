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
}
