using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>The API reference page in Chromium: built from the OpenAPI document, with every operation, from the portal alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceBrowserTests(BrowserFixture browser)
{
    /// <summary>
    /// Also: Scalar runs under the page's policy (script by nonce, never 'unsafe-eval') without a single
    /// securitypolicyviolation (its zod probes for eval unless told it is jitless), and the page says its language.
    /// </summary>
    [Fact]
    public async Task The_reference_page_renders_the_operations_from_the_openapi_document_without_leaving_the_portal()
    {
        var (context, page, errors, _) = await browser.NewPageAsync();
        await page.AddInitScriptAsync(
            "window.__cspViolations = [];" +
            "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));");
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        try
        {
            // Scalar's script is large: on a machine running the suite beside it, parsing it has taken more than
            // the default 30 s, so the wait is for the page to be parsed and then for the rendered operations,
            // each with a wide bound that a healthy run never nears.
            await page.GotoAsync("/api/reference/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 120_000 });
            // Scalar fetches /openapi/v1.json and lists each operation by its summary.
            await page.GetByText("Search statement paragraphs").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            foreach (var summary in new[] { "Members", "A meeting", "A work plan with its items, current status and full history" })
            {
                Assert.True(await page.GetByText(summary, new PageGetByTextOptions { Exact = true }).CountAsync() > 0, $"“{summary}” is not on the reference page");
            }

            await BrowserFixture.PhotographAsync(page, "api-reference");
            Assert.Empty(outside);
            Assert.Empty(errors);
            var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
            Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
            Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
