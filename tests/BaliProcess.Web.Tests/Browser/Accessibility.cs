using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>
/// The browser tests' one accessibility check: axe-core, as Deque's package bundles it, run in the page as
/// it stands. The package's own <c>RunAxe</c> runs axe frame by frame and finishes the run in a new blank
/// page, injecting the 550 KB script into each: several seconds a call on this machine, for pages that have
/// no frames. Injecting once and calling <c>axe.run</c> asks axe the same question in a fraction of that.
/// </summary>
internal static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var assembly = typeof(AxeResult).Assembly;
        using var stream = assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core is missing from Deque.AxeCore.Commons");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Every rule, and only violations asked for: by default axe also lists every node that passed each rule,
    /// which on a long page (a statement, a source's full text) is most of its work and is never read here.
    /// Each serious or critical violation comes back as its rule, its help text and up to three of its nodes.
    /// </summary>
    private const string SeriousViolations = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})`);
        }
        """;

    /// <summary>Fails the test with each serious or critical violation on the page.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string? where = null)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var serious = await page.EvaluateAsync<string[]>(SeriousViolations);
        Assert.True(serious.Length == 0, $"{where ?? page.Url}{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
    }
}
