using Atlas.Tests.TestSupport;
using Microsoft.Playwright;

namespace Atlas.Tests.Render;

/// <summary>
/// A student comparing provinces in Chromium, on the built seeds opened from disk: hides the shared wording of a
/// programme with the keyboard, and recolours the home page map by another indicator — on a desktop and a 360 px phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CompareBrowserSpec(BuiltSite site, Browser browser)
{
    private const string Programme = "programmes/tien-giang-38-ctr-tu-2023.html";

    private static void NoErrors(IPage page, List<string> errors)
    {
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task The_shared_wording_switch_hides_and_shows_shared_passages_from_the_keyboard(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        var errors = new List<string>();
        NoErrors(page, errors);
        await page.GotoAsync(Browser.FileUrl(site.Page(Programme)));
        var toggle = page.Locator("button.shared-toggle");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        var shared = page.Locator(".passage.shared");
        var own = page.Locator(".passage:not(.shared)");
        Assert.True(await shared.CountAsync() > 0);
        await Assertions.Expect(shared.First).ToBeVisibleAsync();

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(0, await page.Locator(".passage.shared:visible").CountAsync());
        await Assertions.Expect(own.First).ToBeVisibleAsync();
        var status = await page.Locator(".ownership [role=status]").TextContentAsync();
        Assert.Contains((await shared.CountAsync()).ToString(), status);
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(shared.First).ToBeVisibleAsync();
        Assert.Equal("", (await page.Locator(".ownership [role=status]").TextContentAsync())!.Trim());

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "page wider than the viewport");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_link_to_a_hidden_shared_passage_shows_the_shared_wording_again()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Browser.FileUrl(site.Page(Programme)));
        await page.Locator("button.shared-toggle").ClickAsync();
        var id = await page.Locator(".passage.shared").First.GetAttributeAsync("id");
        await Assertions.Expect(page.Locator($"[id='{id}']")).ToBeHiddenAsync();
        await page.EvaluateAsync("id => { window.location.hash = id; }", id);
        await Assertions.Expect(page.Locator("button.shared-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.Locator($"[id='{id}']")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Without_javascript_nothing_is_hidden_and_the_map_shows_its_default_indicator()
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Browser.FileUrl(site.Page(Programme)));
        Assert.False(await page.Locator("button.shared-toggle").IsVisibleAsync());
        await Assertions.Expect(page.Locator(".passage.shared").First).ToBeVisibleAsync();

        await page.GotoAsync(Browser.FileUrl(site.Page("index.html")));
        Assert.False(await page.Locator(".map-select").IsVisibleAsync());
        await Assertions.Expect(page.Locator("figure.indicator-map svg.vn-map")).ToBeVisibleAsync();
        await page.Locator("details.map-indicators summary").ClickAsync();
        await Assertions.Expect(page.Locator("details.map-indicators a").First).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task The_home_map_selector_recolours_the_provinces_legend_and_link(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        var errors = new List<string>();
        NoErrors(page, errors);
        await page.GotoAsync(Browser.FileUrl(site.Page("index.html")));
        var select = page.Locator("figure.indicator-map .map-select select");
        await Assertions.Expect(select).ToBeVisibleAsync();
        var before = await MarkerFills(page);
        var caption = await page.Locator(".map-caption-text").TextContentAsync();

        // Industry share: Kiên Giang sets one, while it sets no GRDP growth target.
        await select.FocusAsync();
        await select.SelectOptionAsync("industry-share");
        await Assertions.Expect(page.Locator("a.map-more")).ToHaveAttributeAsync("href", "indicators/industry-share.html");
        Assert.NotEqual(caption, await page.Locator(".map-caption-text").TextContentAsync());
        var after = await MarkerFills(page);
        Assert.Equal("#ffffff", before["kien-giang"]);
        Assert.NotEqual("#ffffff", after["kien-giang"]);
        // Every marker's colour is one of the legend's.
        var legend = await page.Locator(".map-legend li circle").EvaluateAllAsync<string[]>("cs => cs.map(c => c.getAttribute('fill'))");
        Assert.All(after.Values, fill => Assert.Contains(fill, legend));
        var title = await page.Locator("a.vn-map-marker[data-province=kien-giang] title").TextContentAsync();
        Assert.StartsWith("Kiên Giang: ", title);
        Assert.Contains("%", title);

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "page wider than the viewport");

        // The markers keep leading to the province pages.
        Assert.Equal("provinces/kien-giang.html", await page.Locator("a.vn-map-marker[data-province=kien-giang]").GetAttributeAsync("href"));
        Assert.Empty(errors);
    }

    private static async Task<Dictionary<string, string>> MarkerFills(IPage page)
    {
        var pairs = await page.Locator("figure.indicator-map a.vn-map-marker").EvaluateAllAsync<string[][]>(
            "as => as.map(a => [a.getAttribute('data-province'), a.querySelector('circle').getAttribute('fill')])");
        return pairs.ToDictionary(p => p[0], p => p[1]);
    }
}
