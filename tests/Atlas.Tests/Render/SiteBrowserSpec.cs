using Atlas.Tests.TestSupport;
using Microsoft.Playwright;

namespace Atlas.Tests.Render;

/// <summary>
/// A reader in Chromium, on the built seeds opened straight from disk: from the home page to the side-by-side
/// comparison of digital transformation in two clicks, then into a programme at the passage they chose.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteBrowserSpec(BuiltSite site, Browser browser)
{
    private const string DigitalTheme = "digital-transformation";

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task From_home_two_clicks_reach_the_comparison_and_a_passage_link_lands_on_the_passage(int width, int height)
    {
        Assert.True(site.Result.Published, site.Result.FatalError);
        var page = await browser.NewPageAsync(width, height);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(Browser.FileUrl(site.Page("index.html")));
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));

        // Click 1: the theme, straight from the home page.
        await page.Locator($"a[href='themes/{DigitalTheme}.html']").First.ClickAsync();
        await page.WaitForURLAsync($"**/themes/{DigitalTheme}.html");
        var columns = page.Locator("section.column");
        Assert.True(await columns.CountAsync() >= 2, "side-by-side columns");
        var firstHead = columns.First.Locator(".column-head");
        Assert.True(await firstHead.IsVisibleAsync());

        // Click 2: a passage of a later column, in context.
        var link = page.Locator("section.column a.read-in-context").Last;
        var href = (await link.GetAttributeAsync("href"))!;
        var anchor = href[(href.IndexOf('#') + 1)..];
        await link.ScrollIntoViewIfNeededAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync("**/programmes/*.html#" + anchor);

        var target = page.Locator($"[id='{anchor}']");
        await Assertions.Expect(target).ToBeInViewportAsync();
        var box = (await target.BoundingBoxAsync())!;
        Assert.InRange(box.Y, -1, height - 10);
        Assert.True(box.X >= 0 && box.X + Math.Min(box.Width, 50) <= width, $"passage off screen horizontally: {box.X}+{box.Width}");
        // No horizontal scrolling of the whole page at this width.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "page wider than the viewport");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task On_a_phone_the_menu_is_one_row_the_search_results_come_before_the_folded_filters_and_a_programme_text_before_its_folded_card()
    {
        var page = await browser.NewPageAsync(360, 740);
        await page.GotoAsync(Browser.FileUrl(site.Page("method.html")));
        // Every link of the menu on one line (four wrapped rows before); the current section, last but one, scrolled into view.
        var tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.site-header nav li')].map(li => li.getBoundingClientRect().top)");
        Assert.True(tops.Length >= 8, $"{tops.Length} menu items");
        Assert.All(tops, top => Assert.Equal(tops[0], top, 1.0));
        var current = (await page.Locator(".site-header nav [aria-current='page']").BoundingBoxAsync())!;
        Assert.True(current.X >= 0 && current.X + current.Width <= 360, $"current section at {current.X}+{current.Width}");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "page wider than the viewport");

        await page.GotoAsync(Browser.FileUrl(site.Page("search.html")) + "?q=" + Uri.EscapeDataString("công nghiệp"));
        var firstResult = page.Locator("#search-results .search-result").First;
        await Assertions.Expect(firstResult).ToBeVisibleAsync();
        Assert.False(await page.Locator("#facet-provinces .facet").First.IsVisibleAsync(), "filters open on a phone");
        Assert.InRange((await firstResult.BoundingBoxAsync())!.Y, 0, 740 - 60); // on the first screen
        await page.Locator(".facet-details > summary").ClickAsync();
        await Assertions.Expect(page.Locator("#facet-provinces .facet").First).ToBeVisibleAsync();

        // A programme: the document card and the contents start folded, so the text begins within the second screen
        // (it began below two and a half screens of fields); one tap opens the card.
        var programme = Directory.EnumerateFiles(site.Page("programmes"), "*.html").Order(StringComparer.Ordinal).First();
        await page.GotoAsync(Browser.FileUrl(programme));
        Assert.False(await page.Locator(".card dl").IsVisibleAsync(), "document card open on a phone");
        Assert.InRange((await page.Locator(".passage").First.BoundingBoxAsync())!.Y, 0, 1.5 * 740);
        await page.Locator(".card-details > summary").ClickAsync();
        await Assertions.Expect(page.Locator(".card dl")).ToBeVisibleAsync();
        // Printed or saved as PDF from the phone, the page keeps its card.
        await page.ReloadAsync();
        Assert.False(await page.Locator(".card dl").IsVisibleAsync());
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
        await Assertions.Expect(page.Locator(".card dl")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Copy_citation_gives_the_citation_and_the_passage_url()
    {
        var page = await browser.NewPageAsync();
        var programme = Directory.EnumerateFiles(site.Page("programmes"), "*.html").Order(StringComparer.Ordinal).First();
        await page.GotoAsync(Browser.FileUrl(programme));
        var button = page.Locator(".passage button.cite").First;
        await button.HoverAsync();
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
        var copied = await button.GetAttributeAsync("data-copied-text");
        var id = await page.Locator(".passage").First.GetAttributeAsync("id");
        Assert.NotNull(copied);
        Assert.Contains("Chương trình", copied);
        Assert.EndsWith("#" + id, copied);
        Assert.StartsWith("file://", copied[(copied.LastIndexOf(". ", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public async Task Keyboard_users_see_where_focus_is()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Browser.FileUrl(site.Page("index.html")));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
    }
}
