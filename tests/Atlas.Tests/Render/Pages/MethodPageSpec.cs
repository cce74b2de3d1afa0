using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Atlas.Analysis.Similarity;
using Atlas.Render.Map;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render.Pages;

/// <summary>
/// The method page (Phương pháp / Method) of the built seeds: reachable from every page, states the thresholds the
/// build really uses (read from the code's constants), and compares each programme's own wording.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public class MethodPageSpec(BuiltSite built)
{
    private IHtmlDocument Page(string relative) => new HtmlParser().ParseDocument(File.ReadAllText(built.Page(relative)));

    [Theory]
    [InlineData("index.html", "method.html")]
    [InlineData("programmes/tien-giang-38-ctr-tu-2023.html", "../method.html")]
    [InlineData("en/indicators/grdp-growth.html", "../method.html")]
    public void Every_page_links_to_it_from_the_navigation(string page, string href)
    {
        var nav = Page(page).QuerySelectorAll("header nav a, nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(href, nav);
    }

    [Theory]
    [InlineData("method.html", "Phương pháp")]
    [InlineData("en/method.html", "Method")]
    public void It_explains_each_analysis_with_the_thresholds_in_force(string page, string title)
    {
        var doc = Page(page);
        Assert.Equal(title, doc.QuerySelector("main h1")!.TextContent.Trim());
        foreach (var id in new[] { "targets", "related", "shared", "own-share", "map", "limits", "corrections" })
            Assert.NotNull(doc.GetElementById(id));
        string Section(string id)
        {
            var h = doc.GetElementById(id)!;
            var text = "";
            for (var e = h.NextElementSibling; e is not null && e.LocalName != "h2"; e = e.NextElementSibling) text += e.TextContent + "\n";
            return text;
        }
        var en = page.StartsWith("en/");
        var shared = Section("shared");
        Assert.Matches($@"\b{SharedLanguage.ShingleWords}\b", shared);
        Assert.Matches($@"\b{SharedLanguage.GuaranteedRun}\b", shared);
        Assert.Contains($"{(int)(SharedLanguage.MostlySharedThreshold * 100)}%", shared);
        var related = Section("related");
        Assert.Contains(RelatedPassages.MinScore.ToString(CultureInfo.GetCultureInfo(en ? "en-GB" : "vi-VN")), related);
        Assert.Matches($@"\b{RelatedPassages.MaxRelated}\b", related);
        Assert.Matches($@"\b{RelatedPassages.MinWords}\b", related);
        Assert.Matches($@"\b{IndicatorClasses.MaxClasses}\b", Section("map"));
        Assert.Contains("content/sources/", Section("corrections"));
        Assert.Contains("theme-overrides.yml", Section("corrections"));
    }

    [Fact]
    public void Its_table_compares_every_programmes_own_wording_most_original_first_as_in_programmes_json()
    {
        var rows = Page("method.html").QuerySelectorAll("table.ownership-table tbody tr").ToList();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(built.Page("data/programmes.json")));
        var own = json.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("slug").GetString()!, p => p.GetProperty("own_share").GetDouble());
        Assert.Equal(own.Count, rows.Count);
        var shown = rows.Select(r =>
        {
            var slug = Path.GetFileNameWithoutExtension(r.QuerySelector("th a")!.GetAttribute("href")!);
            var percent = int.Parse(r.QuerySelector("meter")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
            return (slug, percent);
        }).ToList();
        Assert.All(shown, s => Assert.InRange(s.percent, (int)Math.Floor(own[s.slug] * 100), (int)Math.Ceiling(own[s.slug] * 100)));
        Assert.Equal(shown.Select(s => s.percent).OrderDescending(), shown.Select(s => s.percent));
        // Copied wording is real on the seeds: no programme is wholly its own, none wholly copied.
        Assert.All(own.Values, v => Assert.InRange(v, 0.05, 0.99));
    }
}
