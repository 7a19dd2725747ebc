using BaliProcess.Web.Tests.Browser;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Search;

/// <summary>A researcher's way from a theme to a cited paragraph, in Debian's Chromium, with and without JavaScript.</summary>
[Collection(SearchBrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Search_by_theme_narrow_by_year_open_a_result_and_land_on_the_highlighted_paragraph(bool javaScript)
    {
        var (context, page, errors, sockets) = await browser.NewPageAsync(javaScript: javaScript);
        await using var _ = context;
        var notFound = NotFoundResponses(page);

        // From the theme to every paragraph on it.
        await page.GotoAsync("/themes/follow-the-money");
        await page.GetByRole(AriaRole.Link, new() { Name = "Search within this theme" }).ClickAsync();
        await page.WaitForURLAsync("**/search?theme=follow-the-money", PlaywrightDefaults.Parsed());
        await Assertions.Expect(page.Locator("#results-heading")).ToContainTextAsync("paragraphs");

        // Narrow by year: the facet's count is the number of results it leads to.
        var yearLink = page.Locator("ul.facet a", new() { HasTextString = "2017" });
        var expected = await yearLink.Locator(".count").InnerTextAsync();
        await yearLink.ClickAsync();
        await page.WaitForURLAsync("**/search?theme=follow-the-money&year=2017", PlaywrightDefaults.Parsed());
        await Assertions.Expect(page.Locator("#results-heading")).ToHaveTextAsync($"{expected} paragraphs");
        Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), await page.Locator("article.search-hit").CountAsync());

        // Open a result: the paragraph is the target of the address, on screen and highlighted.
        var first = page.Locator("article.search-hit h3 a").First;
        var href = await first.GetAttributeAsync("href");
        Assert.NotNull(href);
        var anchor = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
        await first.ClickAsync();
        await page.WaitForURLAsync($"**/statements/**#{anchor}", PlaywrightDefaults.Parsed());
        var paragraph = page.Locator($"#{anchor}");
        await Assertions.Expect(paragraph).ToBeInViewportAsync();
        var background = await paragraph.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(255, 248, 214)", background);
        Assert.True(await paragraph.EvaluateAsync<bool>("e => e.matches(':target')"));

        // Its first line is not hidden under the fixed app bar.
        var clear = await paragraph.EvaluateAsync<bool>(
            "e => e.getBoundingClientRect().top >= document.querySelector('.portal-appbar').getBoundingClientRect().bottom");
        Assert.True(clear, "the paragraph starts under the app bar");

        await BrowserFixture.PhotographAsync(page, $"search-landed-paragraph-js-{javaScript}");
        AssertNoErrors(errors, notFound);
        Assert.Empty(sockets);
    }

    [Fact]
    public async Task Words_typed_in_the_search_box_are_marked_in_the_results_and_on_the_paragraph()
    {
        var (context, page, errors, _) = await browser.NewPageAsync(javaScript: false);
        await using var _ = context;
        var notFound = NotFoundResponses(page);
        await page.GotoAsync("/search");

        // Keyboard only: the field is reachable and Enter submits the plain GET form.
        await page.Locator("#search-q").FocusAsync();
        await page.Keyboard.TypeAsync("online scams");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=online+scams", PlaywrightDefaults.Parsed());
        var marked = await page.Locator("article.search-hit mark").AllInnerTextsAsync();
        Assert.Contains(marked, m => m.StartsWith("scam", StringComparison.OrdinalIgnoreCase));

        await page.Locator("article.search-hit h3 a").First.ClickAsync();
        await page.WaitForURLAsync("**/statements/**?hl=online%20scams#p-*", PlaywrightDefaults.Parsed());
        var target = page.Locator(".paragraph:target");
        await Assertions.Expect(target).ToBeInViewportAsync();
        Assert.True(await target.Locator("mark").CountAsync() > 0);
        AssertNoErrors(errors, notFound);
    }

    private static List<string> NotFoundResponses(IPage page)
    {
        var urls = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status == 404)
            {
                urls.Add(response.Url);
            }
        };
        return urls;
    }

    /// <summary>Nothing the page or the browser asked for (the favicon included) may fail, and nothing may log an error.</summary>
    private static void AssertNoErrors(List<string> errors, List<string> notFound)
    {
        Assert.Empty(notFound);
        Assert.Empty(errors);
    }
}
