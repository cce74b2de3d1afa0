using Atlas.Tests.TestSupport;
using Microsoft.Playwright;

namespace Atlas.Tests.Accessibility;

/// <summary>
/// axe-core in Chromium on one page of every page type of the built seeds, in Vietnamese and in English,
/// on a desktop and a phone-sized screen, as a reader sees it: search results shown, the programme page's
/// folded parts (related passages, contents) opened. Nothing serious or critical may be found.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeSpec(BuiltSite site, Browser browser)
{
    [Theory]
    [InlineData("vi", 1280, 900)]
    [InlineData("vi", 360, 740)]
    [InlineData("en", 1280, 900)]
    [InlineData("en", 360, 740)]
    public async Task Every_page_type_has_no_serious_or_critical_violations(string lang, int width, int height)
    {
        Assert.True(site.Result.Published, site.Result.FatalError);
        var root = lang == "en" ? site.Page("en") : site.SiteDir;
        var samples = PageTypes.In(root);
        Assert.Contains(samples, s => s.IsSearch);
        Assert.Contains(samples, s => s.IsProgramme);

        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        try
        {
            var page = await context.NewPageAsync();
            var found = new List<string>();
            foreach (var sample in samples)
            {
                await Open(page, sample);
                Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
                var name = Path.GetRelativePath(site.SiteDir, sample.Path).Replace('\\', '/') + sample.Query;
                // One line per page and rule: the first elements and how many there are.
                found.AddRange((await Axe.CheckAsync(page)).Where(Axe.IsSeriousOrCritical).GroupBy(v => (v.Rule, v.Impact))
                    .Select(g => $"{name} @{width}px: [{g.Key.Impact}] {g.Key.Rule} on {g.Count()} element(s), e.g. "
                        + string.Join(" | ", g.Take(3).Select(v => $"`{v.Target}`")) + $" — {g.First().Summary} ({g.First().Help})"));
            }
            Assert.True(found.Count == 0, $"serious/critical axe violations ({samples.Count} pages checked):\n" + string.Join("\n", found));
        }
        finally { await context.CloseAsync(); }
    }

    /// <summary>Opens a page in the state a reader would check: results on the search page, folded parts open.</summary>
    internal static async Task Open(IPage page, PageSample sample)
    {
        await page.GotoAsync(Browser.FileUrl(sample.Path) + sample.Query);
        if (sample.IsSearch)
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results > li').length > 0");
        if (sample.IsProgramme)
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => { d.open = true; })");
    }
}
