using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Search;

/// <summary>
/// search.html on the seeds built with the real theme registry: a query that finds almost nothing is offered the theme
/// its words name. The passages are Vietnamese, so an English reader's query finds none of them, but the theme that
/// gathers those passages is one click away.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeSuggestionSpec(BuiltSite site, Browser browser)
{
    [Theory]
    [InlineData("en/search.html", "digital transformation", "digital-transformation", "Digital transformation (Chuyển đổi số)")]
    [InlineData("en/search.html", "industrial development", "industry", "Industry and construction (Công nghiệp và xây dựng)")]
    [InlineData("search.html", "xay dung nganh cong nghiep xyzzyq", "industry", "Công nghiệp và xây dựng")]
    public async Task A_query_that_finds_almost_nothing_is_offered_the_theme_its_words_name(string searchPage, string query, string theme, string label)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(Browser.FileUrl(site.Page(searchPage)) + "?q=" + Uri.EscapeDataString(query));
        await page.WaitForSelectorAsync(".search-theme-suggestion a");
        var link = page.Locator(".search-theme-suggestion a").First;
        Assert.Equal(label, await link.TextContentAsync());
        await link.ClickAsync();
        var expected = (searchPage.StartsWith("en/", StringComparison.Ordinal) ? "/en/themes/" : "/themes/") + theme + ".html";
        for (var wait = 0; wait < 100 && !page.Url.EndsWith(expected, StringComparison.Ordinal); wait++) await Task.Delay(100);
        Assert.EndsWith(expected, page.Url);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("zebra crossing quantum")]
    [InlineData("and the for")]
    public async Task A_query_naming_no_theme_is_offered_none(string query)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Browser.FileUrl(site.Page("en/search.html")) + "?q=" + Uri.EscapeDataString(query));
        await page.WaitForFunctionAsync("q => document.getElementById('search-status').textContent.includes(q)", query);
        await page.WaitForTimeoutAsync(500); // suggestions, if any, would be shown by now
        Assert.Equal(0, await page.Locator(".search-theme-suggestion").CountAsync());
    }
}
