using System.Text.Json;
using Atlas.Tests.TestSupport;
using Microsoft.Playwright;

namespace Atlas.Tests.Accessibility;

/// <summary>
/// The search page with the keyboard alone (Tab, Shift+Tab, Enter, arrows, Escape): the skip link comes first and
/// leads to the search box; a typed query shows results; Tab reaches the filters, a filter applies with Enter and keeps
/// the focus, Tab goes on to the results; arrows and Escape move between the results and the box; Enter opens a result
/// at its passage. At every stop the focus can be seen (its outline or shadow differs from the same element unfocused)
/// and the stops follow the page's visual reading order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardSearchSpec(BuiltSite site, Browser browser)
{
    private const string Query = "công nghiệp";

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task The_search_page_works_with_the_keyboard_alone_and_focus_is_always_visible(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(Browser.FileUrl(site.Page("search.html")));
        var kb = new KeyboardWalk(page);

        // The skip link is the first stop, is shown when focused, and leads to the main content.
        var skip = await kb.Press("Tab");
        Assert.True(skip.Classes.Contains("skip"), $"first Tab stop is {skip}, not the skip link");
        Assert.True(skip.InViewport, "the skip link is focused but off screen");
        await kb.Press("Enter");
        var box = await kb.Press("Tab");
        Assert.Equal("search-q", box.Id);

        await page.Keyboard.TypeAsync(Query);
        // Wait for the results of the whole query (results of its first letters may show on the way).
        await page.WaitForFunctionAsync("""
            q => new URLSearchParams(location.search).get('q') === q
              && document.getElementById('search-status').textContent !== document.getElementById('atlas-search').dataset.msgLoading
              && document.querySelectorAll('#search-results .search-result').length > 0
            """, Query);

        // On a narrow screen the filters start folded under their summary line (they would push the results a screen
        // down): Tab reaches it before any filter and Enter opens it. Beside the results they are open, with no summary.
        var facet = await kb.TabUntil(s => s.Classes.Contains("facet") || s.Tag == "summary");
        Assert.Equal(width < 896 ? "summary" : "button", facet.Tag);
        if (facet.Tag == "summary")
        {
            await kb.Press("Enter");
            facet = await kb.TabUntil(s => s.Classes.Contains("facet"));
        }
        // Tab to the first filter, Enter applies it and the focus stays on it.
        var name = facet.Text;
        await kb.Press("Enter");
        await page.WaitForFunctionAsync("() => location.search.includes('province=') || location.search.includes('theme=')");
        await page.WaitForFunctionAsync("() => document.querySelector('.facet[aria-pressed=true]') !== null");
        var after = await kb.Current();
        Assert.True(after.Classes.Contains("facet") && after.Text == name && after.Pressed == "true",
            $"after Enter on the filter '{name}' the focus is on {after}");

        // Tab on to the results; Shift+Tab goes back to exactly the previous stop.
        var first = await kb.TabUntil(s => s.Classes.Contains("result-link"));
        var previous = kb.Stops[^2];
        var back = await kb.Press("Shift+Tab");
        Assert.Equal(previous.Key, back.Key);
        Assert.Equal(first.Key, (await kb.Press("Tab")).Key);

        // Arrows move between result links, Escape returns to the box, ArrowDown comes back to the first result.
        if (await page.Locator("#search-results .search-result").CountAsync() > 1)
        {
            var second = await kb.Press("ArrowDown");
            Assert.True(second.Classes.Contains("result-link") && second.Key != first.Key, $"ArrowDown went to {second}");
            Assert.Equal(first.Key, (await kb.Press("ArrowUp")).Key);
        }
        Assert.Equal("search-q", (await kb.Press("Escape")).Id);
        Assert.Equal(first.Key, (await kb.Press("ArrowDown")).Key);

        kb.AssertFocusAlwaysVisible();
        kb.AssertVisualOrder();

        // Enter opens the result at its passage.
        var href = first.Href;
        await page.Keyboard.PressAsync("Enter");
        // Polls page.Url: WaitForURLAsync sometimes misses a file:// navigation that is already done.
        for (var wait = 0; wait < 150 && !page.Url.Contains("/programmes/", StringComparison.Ordinal); wait++) await Task.Delay(100);
        Assert.True(page.Url.Contains("/programmes/", StringComparison.Ordinal),
            $"Enter on {first} did not open it; still at {page.Url}");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var anchor = href[(href.IndexOf('#') + 1)..];
        Assert.EndsWith("#" + anchor, page.Url);
        Assert.True(await page.EvaluateAsync<bool>("id => document.getElementById(id)?.matches(':target') === true", anchor));
        Assert.Empty(errors);
    }
}

/// <summary>One focus stop: what is focused, where it is, and how it looks focused and (after focus left it) unfocused.</summary>
public sealed record FocusStop(string Key, string Tag, string Id, string Classes, string Text, string Href, string Pressed,
    double Left, double Top, double Right, double Bottom, bool InViewport, bool FocusVisible, string FocusedLook)
{
    public string UnfocusedLook { get; set; } = "";
    public string Via { get; init; } = "";
    public override string ToString() => $"<{Tag}{(Id == "" ? "" : "#" + Id)}{(Classes == "" ? "" : "." + Classes.Replace(' ', '.'))}> \"{Text}\" at ({Left:0},{Top:0})";
}

/// <summary>Presses keys and records each focus stop (marking elements so a stop can be recognised again).</summary>
public sealed class KeyboardWalk(IPage page)
{
    private const int MaxTabs = 80;
    private const string Describe = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const look = e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | '); };
          const prev = window.__kbdPrev;
          const prevLook = prev && prev !== el && prev.isConnected ? look(prev) : '';
          window.__kbdPrev = el;
          if (!el.dataset.kbd) el.dataset.kbd = String((window.__kbdCount = (window.__kbdCount || 0) + 1));
          const r = el.getBoundingClientRect();
          const cls = [...el.classList].concat(el.closest('.search-result-title') ? ['result-link'] : []).join(' ');
          return JSON.stringify({
            prevKey: prev && prev.dataset ? (prev.dataset.kbd || '') : '', prevLook,
            key: el.dataset.kbd, tag: el.tagName.toLowerCase(), id: el.id || '', classes: cls,
            text: (el.textContent || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 80),
            href: el.getAttribute('href') || '', pressed: el.getAttribute('aria-pressed') || '',
            left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY,
            inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
            focusVisible: el.matches(':focus-visible'), look: look(el) });
        }
        """;

    public List<FocusStop> Stops { get; } = [];

    public async Task<FocusStop> Press(string key)
    {
        await page.Keyboard.PressAsync(key);
        return await Current(key);
    }

    public async Task<FocusStop> Current(string via = "")
    {
        var json = await page.EvaluateAsync<string?>(Describe);
        Assert.True(json is not null, "focus was lost (document.body is focused)");
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        string S(string name) => r.GetProperty(name).GetString() ?? "";
        double D(string name) => r.GetProperty(name).GetDouble();
        var prevKey = S("prevKey");
        foreach (var earlier in Stops.Where(s => s.Key == prevKey && s.UnfocusedLook == "")) earlier.UnfocusedLook = S("prevLook");
        var stop = new FocusStop(S("key"), S("tag"), S("id"), S("classes"), S("text"), S("href"), S("pressed"),
            D("left"), D("top"), D("right"), D("bottom"), r.GetProperty("inViewport").GetBoolean(),
            r.GetProperty("focusVisible").GetBoolean(), S("look")) { Via = via };
        Stops.Add(stop);
        return stop;
    }

    public async Task<FocusStop> TabUntil(Func<FocusStop, bool> wanted)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            var stop = await Press("Tab");
            Assert.True(stop.InViewport, $"Tab focused {stop}, which is not on screen");
            if (wanted(stop)) return stop;
        }
        throw new Xunit.Sdk.XunitException("not reached with Tab; stops: " + string.Join(", ", Stops.TakeLast(20)));
    }

    /// <summary>Every stop matched :focus-visible and looked different focused than unfocused.</summary>
    public void AssertFocusAlwaysVisible()
    {
        // <main> is the skip link's target: focused (tabindex=-1) only to move the reading point, not a control.
        var bad = Stops.Where(s => s.Tag != "main").Where(s => !s.FocusVisible || (s.UnfocusedLook != "" && s.UnfocusedLook == s.FocusedLook)
                                   || s.FocusedLook.StartsWith("none", StringComparison.Ordinal) && s.FocusedLook.EndsWith("| none", StringComparison.Ordinal))
            .DistinctBy(s => s.Key).Select(s => $"{s}: focused [{s.FocusedLook}] unfocused [{s.UnfocusedLook}] focus-visible={s.FocusVisible}").ToList();
        Assert.True(bad.Count == 0, "focus not visible on:\n" + string.Join("\n", bad));
        Assert.Contains(Stops, s => s.UnfocusedLook != ""); // the comparison did run
    }

    /// <summary>
    /// Consecutive Tab stops go down the page, or along a row, or on to a column to the right (the search layout puts the
    /// filters left of the results on a wide screen).
    /// </summary>
    public void AssertVisualOrder()
    {
        var checkedPairs = 0;
        for (var i = 1; i < Stops.Count; i++)
        {
            var (a, b) = (Stops[i - 1], Stops[i]);
            // Only forward Tab moves; the skip link floats over the header and main is the skip link's target.
            if (b.Via != "Tab" || a.Classes.Contains("skip") || a.Tag == "main") continue;
            var below = b.Top >= a.Top - 8;
            var rightColumn = b.Left >= a.Right - 1;
            Assert.True(below || rightColumn, $"focus order jumps back up the page: {a} → {b}");
            checkedPairs++;
        }
        Assert.True(checkedPairs >= 3, "too few Tab moves to judge the order");
    }
}
