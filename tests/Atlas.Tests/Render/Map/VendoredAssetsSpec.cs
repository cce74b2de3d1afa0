using System.Text.RegularExpressions;
using Atlas.Render.Map;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render.Map;

/// <summary>The vendored font and map data: present, licensed, small, and used only through relative URLs.</summary>
public class VendoredAssetsSpec
{
    private static string Fonts => Path.Combine(Repo.Templates, "assets", "fonts");

    [Fact]
    public void Fonts_css_declares_be_vietnam_pro_400_600_700_with_relative_urls_to_vendored_files()
    {
        var css = File.ReadAllText(Path.Combine(Fonts, "fonts.css"));
        var urls = Regex.Matches(css, @"url\(([^)]+)\)").Select(m => m.Groups[1].Value.Trim('\'', '"')).ToList();
        Assert.Equal(6, urls.Count);
        Assert.All(urls, u =>
        {
            Assert.DoesNotContain("//", u);
            Assert.False(Path.IsPathRooted(u), u);
            Assert.True(File.Exists(Path.Combine(Fonts, u)), u);
            Assert.EndsWith(".woff2", u);
        });
        foreach (var weight in new[] { "400", "600", "700" })
            Assert.Equal(2, Regex.Matches(css, $@"font-weight: {weight};").Count);
        Assert.Contains("U+1EA0-1EF9", css); // the Vietnamese letters with tone marks
    }

    [Fact]
    public void The_font_licence_ships_and_the_fonts_stay_small()
    {
        Assert.Contains("SIL Open Font License", File.ReadAllText(Path.Combine(Fonts, "OFL.txt")));
        var total = Directory.EnumerateFiles(Fonts).Sum(f => new FileInfo(f).Length);
        Assert.InRange(total, 1, 250 * 1024);
    }

    [Fact]
    public void The_map_outline_is_vendored_small_and_credited_to_natural_earth()
    {
        var dir = Path.Combine(Repo.Templates, "assets", "map");
        Assert.Contains("Natural Earth", File.ReadAllText(Path.Combine(dir, "NOTICE.txt")));
        Assert.InRange(new FileInfo(Path.Combine(dir, "vietnam-outline.json")).Length, 1_000, 30_000);
        var outline = MapOutline.Load(Repo.Templates);
        Assert.StartsWith("M", outline.Outline);
        Assert.Equal(["hoang-sa", "truong-sa"], outline.Archipelagos.Select(a => a.Id).Order());
    }
}
