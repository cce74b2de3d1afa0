using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Robustness;

/// <summary>Markup, links and template syntax in a source come out as plain text in every output: pages, feed, data, search.</summary>
[Collection(HostileAtlasCollection.Name)]
public class HostileOutputSpec(HostileAtlas atlas, Browser browser)
{
    private static readonly HtmlParser Parser = new();

    private IEnumerable<string> Files(params string[] extensions) =>
        Directory.EnumerateFiles(atlas.SiteDir, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "sources" + Path.DirectorySeparatorChar) || f.EndsWith("index.html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>What executable or navigable markup the hostile text could have become in one HTML document.</summary>
    private static IEnumerable<string> Dangers(IDocument doc, string where)
    {
        foreach (var el in doc.All)
        {
            foreach (var attr in el.Attributes)
            {
                if (attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    yield return $"{where}: <{el.LocalName} {attr.Name}=\"{attr.Value}\">";
                if (attr.Name is "href" or "src" or "action" or "formaction" or "xlink:href" &&
                    attr.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    yield return $"{where}: <{el.LocalName} {attr.Name}=\"{attr.Value}\">";
                if (attr.Name == "href" && attr.Value.Contains("evil.example", StringComparison.Ordinal))
                    yield return $"{where}: a link to {attr.Value} made from source text";
            }
            if (el.LocalName == "script" && (el.TextContent.Contains(HostileAtlas.Pwn, StringComparison.Ordinal) || el.TextContent.Contains("alert(", StringComparison.Ordinal)))
                yield return $"{where}: a <script> holding source text";
        }
    }

    [Fact]
    public void No_page_carries_executable_markup_from_a_source()
    {
        var problems = new List<string>();
        foreach (var file in Files(".html"))
        {
            var html = File.ReadAllText(file);
            problems.AddRange(Dangers(Parser.ParseDocument(html), Path.GetRelativePath(atlas.SiteDir, file)));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Fact]
    public void The_hostile_text_is_shown_literally_on_its_programme_page()
    {
        var doc = Parser.ParseDocument(File.ReadAllText(Path.Combine(atlas.SiteDir, "programmes", "hostile.html")));
        var text = doc.Body!.TextContent;
        Assert.Contains($"<script>window.{HostileAtlas.Pwn}=1</script>", text);
        Assert.Contains("<img src=x onerror=", text);
        Assert.Contains("{{ 1+1 }}", text);
        Assert.Contains("{% if true %}có{% end %}", text);
        Assert.Contains("[bấm vào đây](javascript:", text);
        Assert.Contains("&lt;b&gt;", text);
        Assert.Contains("Chương trình <script>", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Feeds_and_sitemap_are_well_formed_xml_with_the_text_escaped()
    {
        var problems = new List<string>();
        foreach (var file in Files(".xml"))
        {
            var xml = XDocument.Parse(File.ReadAllText(file));
            foreach (var el in xml.Descendants().Where(e => (string?)e.Attribute("type") is "html" or "xhtml"))
            {
                var html = (string?)el.Attribute("type") == "html" ? el.Value : string.Concat(el.Nodes().Select(n => n.ToString()));
                problems.AddRange(Dangers(Parser.ParseDocument(html), $"{Path.GetFileName(file)} <{el.Name.LocalName}>"));
            }
            if (xml.Descendants().Any(e => e.Name.LocalName == "script"))
                problems.Add($"{Path.GetFileName(file)}: a <script> element");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Data_downloads_are_valid_and_hold_the_text_as_data()
    {
        var json = Files(".json").ToList();
        Assert.NotEmpty(json);
        foreach (var file in json) using (JsonDocument.Parse(File.ReadAllText(file))) { }
        using var passages = JsonDocument.Parse(File.ReadAllText(Path.Combine(atlas.SiteDir, "data", "passages.json")));
        Assert.Contains(Strings(passages.RootElement), v => v.Contains("{{ 1+1 }}", StringComparison.Ordinal) && v.Contains($"<script>window.{HostileAtlas.Pwn}=1</script>", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [Fact]
    public async Task Nothing_runs_in_the_browser_on_the_programme_page_or_in_search_results()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Browser.FileUrl(Path.Combine(atlas.SiteDir, "programmes", "hostile.html")));
        await page.WaitForLoadStateAsync();
        Assert.Equal("undefined", await page.EvaluateAsync<string>($"typeof window.{HostileAtlas.Pwn}"));

        var search = Path.Combine(atlas.SiteDir, "search.html");
        if (!File.Exists(search)) return;
        await page.GotoAsync(Browser.FileUrl(search) + "?q=" + Uri.EscapeDataString("nội dung độc hại"));
        await page.WaitForTimeoutAsync(1500);
        Assert.Equal("undefined", await page.EvaluateAsync<string>($"typeof window.{HostileAtlas.Pwn}"));
        Assert.Equal(0, await page.Locator("img[onerror], svg[onload], a[href^='javascript:']").CountAsync());
    }
}
