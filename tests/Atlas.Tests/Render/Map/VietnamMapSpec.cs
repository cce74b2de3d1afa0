using System.Xml.Linq;
using Atlas.Content;
using Atlas.Model;
using Atlas.Render.Map;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render.Map;

public class VietnamMapSpec
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly Registries Repository = Registries.Load(Repo.Content);
    private static readonly VietnamMap Map = VietnamMap.Load(Repo.Templates);

    private static IReadOnlyList<Province> Seeds() =>
        Repository.Provinces.Where(p => p.Slug is "tien-giang" or "kien-giang" or "thai-binh" or "quang-ngai" or "hau-giang").ToList();

    [Fact]
    public void The_map_is_well_formed_svg_showing_both_archipelagos_as_vietnamese_territory()
    {
        var svg = XElement.Parse(Map.Render(Seeds(), ""));
        Assert.Equal(Svg + "svg", svg.Name);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Quần đảo Hoàng Sa (Việt Nam)", texts);
        Assert.Contains("Quần đảo Trường Sa (Việt Nam)", texts);
        foreach (var id in new[] { "hoang-sa", "truong-sa" })
        {
            var islands = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-archipelago") == id);
            Assert.True(islands.Elements(Svg + "circle").Count() >= 5, id);
        }
    }

    [Fact]
    public void Each_given_province_gets_one_marker_linking_to_its_page_from_the_root()
    {
        var svg = XElement.Parse(Map.Render(Seeds(), "../"));
        var links = svg.Descendants(Svg + "a").ToList();
        Assert.Equal(5, links.Count);
        Assert.Equal(
            ["../provinces/hau-giang.html", "../provinces/kien-giang.html", "../provinces/quang-ngai.html",
             "../provinces/thai-binh.html", "../provinces/tien-giang.html"],
            links.Select(a => (string?)a.Attribute("href")));
        Assert.All(links, a => Assert.Single(a.Elements(Svg + "circle")));
        Assert.Contains("Tiền Giang", links.Select(a => a.Element(Svg + "text")!.Value));
    }

    [Fact]
    public void Markers_sit_at_the_capitals_inside_the_outlines_frame_south_below_north()
    {
        var outline = MapOutline.Load(Repo.Templates);
        var svg = XElement.Parse(Map.Render(Repository.Provinces, ""));
        var circles = svg.Descendants(Svg + "a").Select(a => a.Element(Svg + "circle")!)
            .Select(c => (X: double.Parse((string)c.Attribute("cx")!, System.Globalization.CultureInfo.InvariantCulture),
                          Y: double.Parse((string)c.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(63, circles.Count);
        Assert.All(circles, c =>
        {
            Assert.InRange(c.X, 0, outline.Projection.Width);
            Assert.InRange(c.Y, 0, outline.Projection.Height);
        });
        var (_, hanoiY) = outline.Projection.Project(21.03, 105.85);
        var (_, camauY) = outline.Projection.Project(9.18, 105.15);
        Assert.True(hanoiY < camauY);
    }

    [Fact]
    public void Labels_and_links_are_escaped()
    {
        var hostile = new Province("<script>alert(1)</script> & \"x\"", "bad", "r", "c'apital", 10.5, 106, null);
        var markup = Map.Render([hostile], "\"><x ");
        Assert.DoesNotContain("<script>", markup);
        var svg = XElement.Parse(markup);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == hostile.Name);
        Assert.Equal("\"><x provinces/bad.html", (string?)svg.Descendants(Svg + "a").Single().Attribute("href"));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        var provinces = Seeds();
        Assert.Equal(Map.Render(provinces, ""), Map.Render(provinces.Reverse().ToList(), ""));
    }
}
