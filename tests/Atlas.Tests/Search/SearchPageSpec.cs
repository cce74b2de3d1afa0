using Atlas.Build;
using Atlas.Model;
using Atlas.Render;
using Atlas.Search;
using Atlas.Tests.TestSupport;
using Microsoft.Playwright;

namespace Atlas.Tests.Search;

/// <summary>The seed lines rendered as a whole site (pages + search export), plus one hostile passage.</summary>
public sealed class RenderedSearchSite : IDisposable
{
    public const string Hostile = "Thử <img src=x onerror=\"document.title='pwned'\"> chuỗi độc hại xsstoken & <b>đậm</b>.";
    private readonly TempDir temp = new();

    public RenderedSearchSite()
    {
        var lines = SearchFixtures.SeedLines();
        var hostile = new AnalysedProgramme(SearchFixtures.Programme("zz-hostile", "Tiền Giang", Hostile), ProgrammeAnalysis.Empty);
        Model = lines with { Programmes = [.. lines.Programmes, hostile] };
        var options = new BuildOptions(Repo.Content, Repo.Templates, temp["site"]);
        new SiteRenderer(options).Render(Model, SiteDir);
        new SearchExporter(Repo.Templates).Export(Model, SiteDir);
    }

    public AtlasModel Model { get; }
    public string SiteDir => temp["site"];
    public string Url(string page) => Browser.FileUrl(Path.Combine(SiteDir, page));
    public void Dispose() => temp.Dispose();
}

/// <summary>search.html in Chromium: URL state, results as you type, facets, why-this-matched, empty results, escaping.</summary>
public sealed class SearchPageSpec(RenderedSearchSite site, Browser browser) : IClassFixture<RenderedSearchSite>, IClassFixture<Browser>
{
    private static async Task<IPage> Open(Browser browser, string url, List<string> errors)
    {
        var page = await browser.NewPageAsync();
        // Missing files are reported by URL below (the browser's own favicon request aside).
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) errors.Add($"{r.Status} {r.Url}"); };
        page.RequestFailed += (_, r) => errors.Add("failed " + r.Url);
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(url);
        return page;
    }

    [Fact]
    public async Task A_shared_url_shows_passage_results_with_highlights_sections_and_why_they_matched()
    {
        var errors = new List<string>();
        var page = await Open(browser, site.Url("search.html") + "?q=dien%20gio", errors);
        await page.WaitForSelectorAsync(".search-result");
        Assert.Equal("dien gio", await page.InputValueAsync("#search-q"));
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>(".search-result-title a", "as => as.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.Matches(@"^programmes/[a-z0-9-]+\.html#s-i-p\d+$", h));
        var marks = await page.EvalOnSelectorAllAsync<string[]>(".search-snippet mark", "ms => ms.map(m => m.textContent.toLowerCase())");
        Assert.Contains("điện", marks); // matched through folding, highlighted as written
        Assert.Contains("gió", marks);
        Assert.Contains("không dấu", await page.TextContentAsync(".search-why") ?? "");
        Assert.Contains("I. NHIỆM VỤ VÀ GIẢI PHÁP", await page.TextContentAsync(".search-result-meta") ?? "");
        var facets = await page.EvalOnSelectorAllAsync<string[]>("#facet-provinces .facet", "bs => bs.map(b => b.textContent)");
        Assert.Contains(facets, f => f.StartsWith("Kiên Giang", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Typing_updates_the_results_and_the_url_and_a_facet_filters_by_province()
    {
        var errors = new List<string>();
        var page = await Open(browser, site.Url("search.html"), errors);
        await page.FillAsync("#search-q", "công nghiệp");
        await page.WaitForFunctionAsync("() => location.search.includes('q=') && document.querySelectorAll('.search-result').length > 0");
        Assert.Contains("q=c%C3%B4ng+nghi%E1%BB%87p", page.Url);
        await page.ClickAsync("#facet-provinces .facet >> text=Thái Bình");
        await page.WaitForFunctionAsync("() => location.search.includes('province=thai-binh')");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.search-province')].every(s => s.textContent === 'Thái Bình')");
        var pressed = await page.GetAttributeAsync("#facet-provinces .facet[aria-pressed=true]", "aria-pressed");
        Assert.Equal("true", pressed);
        // Keyboard: arrow down from the box reaches the first result link.
        await page.FocusAsync("#search-q");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("A", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_province_named_in_the_query_narrows_the_results_and_the_page_says_so()
    {
        var errors = new List<string>();
        var page = await Open(browser, site.Url("search.html") + "?q=" + Uri.EscapeDataString("công nghiệp Thái Bình"), errors);
        await page.WaitForSelectorAsync(".search-result");
        var provinces = await page.EvalOnSelectorAllAsync<string[]>(".search-result .search-province", "ss => ss.map(s => s.textContent)");
        Assert.NotEmpty(provinces);
        Assert.All(provinces, p => Assert.Equal("Thái Bình", p));
        var status = await page.TextContentAsync("#search-status") ?? "";
        Assert.Contains("chỉ các đoạn của Thái Bình", status);
        Assert.Contains("ngoặc kép", status); // and how to search the name as words instead

        // The same words without a province name: no narrowing, no notice.
        var plain = await Open(browser, site.Url("search.html") + "?q=" + Uri.EscapeDataString("công nghiệp"), errors);
        await plain.WaitForSelectorAsync(".search-result");
        Assert.DoesNotContain("ngoặc kép", await plain.TextContentAsync("#search-status") ?? "");
        var total = int.Parse(new string((await plain.TextContentAsync("#search-status") ?? "").TakeWhile(c => char.IsDigit(c) || c == '.').Where(char.IsDigit).ToArray()));
        var narrowed = int.Parse(new string(status.TakeWhile(c => char.IsDigit(c) || c == '.').Where(char.IsDigit).ToArray()));
        Assert.True(total > narrowed, $"{total} passages in all provinces, {narrowed} in Thái Bình");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_empty_result_says_so_and_suggests_a_broader_query_that_finds_something()
    {
        var errors = new List<string>();
        var page = await Open(browser, site.Url("search.html") + "?q=" + Uri.EscapeDataString("điện gió xyzzyq"), errors);
        await page.WaitForSelectorAsync(".search-suggestion a");
        Assert.Contains("điện gió xyzzyq", await page.TextContentAsync("#search-status") ?? "");
        var suggestions = await page.EvalOnSelectorAllAsync<string[]>(".search-suggestion a", "as => as.map(a => a.textContent)");
        Assert.Contains("điện gió", suggestions);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("chỉ tiêu tỷ lệ đô thị hóa", "tỷ lệ đô thị hóa")]          // one passage says all five words
    [InlineData("tỉnh nào có chỉ tiêu kinh tế số", "kinh tế số")]         // none does
    [InlineData("tinh nao co chi tieu kinh te so", "kinh te so")]
    public async Task A_question_or_a_query_with_few_results_suggests_its_essential_words(string query, string essential)
    {
        var errors = new List<string>();
        var page = await Open(browser, site.Url("search.html") + "?q=" + Uri.EscapeDataString(query), errors);
        await page.WaitForSelectorAsync(".search-suggestion a");
        var suggestions = await page.EvalOnSelectorAllAsync<string[]>(".search-suggestion a", "as => as.map(a => a.textContent)");
        Assert.Contains(essential, suggestions);
        Assert.Equal(suggestions.Length, suggestions.Distinct().Count());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_query_with_enough_results_suggests_nothing()
    {
        var errors = new List<string>();
        var page = await Open(browser, site.Url("search.html") + "?q=" + Uri.EscapeDataString("tỷ lệ đô thị hóa"), errors);
        await page.WaitForSelectorAsync(".search-result");
        await page.WaitForTimeoutAsync(300); // suggestions, if any, would be computed by now
        Assert.Equal(0, await page.Locator(".search-suggestion").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_number_typed_as_one_word_is_suggested_with_its_letters_and_digits_apart()
    {
        var errors = new List<string>();
        var page = await Open(browser, site.Url("search.html") + "?q=nq29", errors);
        await page.WaitForSelectorAsync(".search-suggestion a");
        var suggestions = await page.EvalOnSelectorAllAsync<string[]>(".search-suggestion a", "as => as.map(a => a.textContent)");
        Assert.Contains("nq 29", suggestions); // the texts write "29-NQ/TW"
        await page.ClickAsync(".search-suggestion a >> text=nq 29");
        await page.WaitForSelectorAsync(".search-result");
        Assert.Contains("29-NQ/TW", await page.TextContentAsync(".search-results") ?? "");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Text_from_documents_is_inserted_as_text_never_as_markup()
    {
        var errors = new List<string>();
        var page = await Open(browser, site.Url("search.html") + "?q=xsstoken", errors);
        await page.WaitForSelectorAsync(".search-result");
        Assert.Equal(0, await page.Locator(".search-results img, .search-results b").CountAsync());
        Assert.Contains("<img src=x", await page.TextContentAsync(".search-snippet") ?? "");
        Assert.NotEqual("pwned", await page.TitleAsync());
    }

    [Fact]
    public async Task The_page_works_over_http_and_in_english()
    {
        using var server = new LoopbackServer(site.SiteDir);
        var errors = new List<string>();
        var page = await Open(browser, server.BaseUrl + "en/search.html?q=" + Uri.EscapeDataString("\"khu công nghiệp\""), errors);
        await page.WaitForSelectorAsync(".search-result");
        var href = await page.GetAttributeAsync(".search-result-title a", "href");
        Assert.StartsWith("../en/programmes/", href); // results stay in the English tree
        Assert.Contains("matching passages", await page.TextContentAsync("#search-status") ?? "");
        Assert.Empty(errors);
    }
}
