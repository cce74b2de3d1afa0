using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Atlas.Render.Map;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render.Map;

/// <summary>
/// The indicator maps of the built seeds: on each indicator page, provinces coloured by their target with a legend,
/// "no target" drawn apart, markers linking to the source passage and a table saying the same in text; on the home
/// page, the default indicator drawn by the build and a selector (for the script) with links to every indicator page.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public class IndicatorMapPagesSpec(BuiltSite built)
{
    private IHtmlDocument Page(string relative) => new HtmlParser().ParseDocument(File.ReadAllText(built.Page(relative)));

    private static IReadOnlyList<IElement> Markers(IElement figure) => figure.QuerySelectorAll("svg.vn-map a.vn-map-marker").ToList();

    [Theory]
    [InlineData("indicators/grdp-growth.html")]
    [InlineData("en/indicators/grdp-growth.html")]
    public void An_indicator_page_colours_each_province_by_its_target_and_links_it_to_the_source_passage(string page)
    {
        var figure = Page(page).QuerySelector("figure.indicator-map")!;
        var markers = Markers(figure);
        // Every seed province has a programme, so every one is on the map; four set a GRDP growth target.
        Assert.Equal(5, markers.Count);
        var coloured = markers.Where(m => !m.QuerySelector("circle")!.HasAttribute("stroke-dasharray")).ToList();
        Assert.Equal(4, coloured.Count);
        // The source passage is in the Vietnamese text, also from the English page (its programme pages are companions).
        var toText = page.StartsWith("en/", StringComparison.Ordinal) ? @"^\.\./\.\./programmes/" : @"^\.\./programmes/";
        Assert.All(coloured, m => Assert.Matches(toText + @"[a-z0-9-]+\.html#s-[a-z0-9-]+$", m.GetAttribute("href")!));
        var none = Assert.Single(markers.Except(coloured));
        Assert.Equal("kien-giang", none.GetAttribute("data-province"));
        Assert.Equal(IndicatorClasses.NoTargetFill, none.QuerySelector("circle")!.GetAttribute("fill"));

        // Legend: one entry per class, then "no target" drawn as the hollow dashed marker.
        var legend = figure.QuerySelectorAll(".map-legend li").ToList();
        Assert.True(legend.Count >= 2);
        Assert.True(legend[^1].QuerySelector("circle")!.HasAttribute("stroke-dasharray"));
        var classFills = legend.SkipLast(1).Select(l => l.QuerySelector("circle")!.GetAttribute("fill")).ToList();
        Assert.All(coloured, m => Assert.Contains(m.QuerySelector("circle")!.GetAttribute("fill"), classFills));
        Assert.Contains("2030", figure.QuerySelector(".map-caption")!.TextContent);
    }

    [Fact]
    public void The_map_table_says_in_text_what_the_map_shows()
    {
        var doc = Page("indicators/grdp-growth.html");
        var rows = doc.QuerySelectorAll("table.map-table tbody tr").ToList();
        Assert.Equal(5, rows.Count);
        var tienGiang = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Tiền Giang");
        var cells = tienGiang.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("8–9%/năm", cells[0]);
        Assert.Equal("2026–2030", cells[1]);
        Assert.Equal("../programmes/tien-giang-38-ctr-tu-2023.html#s-ii-3-p1", tienGiang.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Contains("không đặt chỉ tiêu", rows[^1].TextContent);
        // The marker's accessible title carries the same value.
        var marker = doc.QuerySelector("a.vn-map-marker[data-province=tien-giang] title")!;
        Assert.Equal("Tiền Giang: 8–9%/năm (2026–2030)", marker.TextContent);
    }

    [Theory]
    [InlineData("index.html", "indicators/")]
    [InlineData("en/index.html", "indicators/")]
    public void The_home_page_draws_the_default_indicator_and_offers_the_others_with_links(string page, string prefix)
    {
        var doc = Page(page);
        var figure = doc.QuerySelector("figure.indicator-map")!;
        var select = figure.QuerySelector(".map-select select")!;
        Assert.True(figure.QuerySelector(".map-select")!.HasAttribute("hidden"), "the selector needs JS: hidden in the HTML");
        var options = select.QuerySelectorAll("option").ToList();
        Assert.True(options.Count >= 5, "indicators set by two provinces or more");
        var selected = Assert.Single(options, o => o.HasAttribute("selected"));
        Assert.Equal("grdp-growth", selected.GetAttribute("value"));
        Assert.All(options, o => Assert.False(string.IsNullOrEmpty(o.GetAttribute("data-map"))));
        using (var data = System.Text.Json.JsonDocument.Parse(selected.GetAttribute("data-map")!))
        {
            var markers = data.RootElement.GetProperty("markers");
            Assert.Equal(Markers(figure).Select(m => m.GetAttribute("data-province")).Order(StringComparer.Ordinal),
                markers.EnumerateObject().Select(p => p.Name));
        }
        // Without JS: the default colouring is drawn and every indicator's page is one link away.
        Assert.Equal(4, Markers(figure).Count(m => !m.QuerySelector("circle")!.HasAttribute("stroke-dasharray")));
        var links = doc.QuerySelectorAll("details.map-indicators a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(options.Select(o => prefix + o.GetAttribute("value") + ".html"), links);
        Assert.Equal(prefix + "grdp-growth.html", figure.QuerySelector("a.map-more")!.GetAttribute("href"));
        Assert.All(Markers(figure), m => Assert.StartsWith("provinces/", m.GetAttribute("href")));
    }
}
