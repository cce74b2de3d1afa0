using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render.Pages;

/// <summary>
/// Own versus shared wording on the built seeds: the programme page says how much of its text is its own and offers
/// (with JS only) a switch hiding shared passages; province and list tables show the same figure.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public class OwnWordingSpec(BuiltSite built)
{
    private const string TienGiang = "tien-giang-38-ctr-tu-2023";

    private IHtmlDocument Page(string relative) => new HtmlParser().ParseDocument(File.ReadAllText(built.Page(relative)));

    private double OwnShare(string slug)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(built.Page("data/programmes.json")));
        return json.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("own_share").GetDouble();
    }

    [Fact]
    public void The_english_companion_states_the_own_share_without_the_switch_since_it_holds_no_passage_to_hide()
    {
        var vi = Page($"programmes/{TienGiang}.html").QuerySelector(".ownership")!;
        var box = Page($"en/programmes/{TienGiang}.html").QuerySelector(".ownership")!;
        Assert.Contains("Own wording", box.TextContent);
        var percent = int.Parse(box.QuerySelector("meter")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.InRange(percent, (int)Math.Floor(OwnShare(TienGiang) * 100), (int)Math.Ceiling(OwnShare(TienGiang) * 100));
        Assert.Equal(vi.GetAttribute("data-shared-count"), box.GetAttribute("data-shared-count"));
        Assert.Null(box.QuerySelector("button.shared-toggle"));
        Assert.Contains(box.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../en/method.html#shared");
    }

    [Theory]
    [InlineData("programmes/tien-giang-38-ctr-tu-2023.html", "Lời văn riêng", "Ẩn lời văn chung")]
    public void The_programme_page_states_its_own_share_and_counts_the_passages_marked_shared(string page, string label, string button)
    {
        var doc = Page(page);
        var box = doc.QuerySelector(".ownership")!;
        Assert.Contains(label, box.TextContent);
        var percent = int.Parse(box.QuerySelector("meter")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.InRange(percent, (int)Math.Floor(OwnShare(TienGiang) * 100), (int)Math.Ceiling(OwnShare(TienGiang) * 100));
        var marked = doc.QuerySelectorAll(".passage.shared").Length;
        Assert.True(marked > 0);
        Assert.Equal(marked.ToString(CultureInfo.InvariantCulture), box.GetAttribute("data-shared-count"));
        Assert.Contains($"{marked}/", box.TextContent.Replace(" of ", "/"));
        // The switch is a real button, off, and hidden until the script shows it: without JS nothing can be hidden.
        var toggle = box.QuerySelector("button.shared-toggle")!;
        Assert.Equal(button, toggle.TextContent.Trim());
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        Assert.True(toggle.HasAttribute("hidden"));
        Assert.NotNull(box.QuerySelector("[role=status]"));
        Assert.Contains(box.QuerySelectorAll("a"), a => a.GetAttribute("href")!.EndsWith("method.html#shared", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shared_wording_badge_links_to_the_method()
    {
        var badges = Page($"programmes/{TienGiang}.html").QuerySelectorAll(".passage.shared a.shared-badge").ToList();
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Equal("../method.html#shared", b.GetAttribute("href")));
        var en = Page($"en/programmes/{TienGiang}.html").QuerySelectorAll(".passage.shared a.shared-badge").ToList();
        Assert.All(en, b => Assert.Equal("../../en/method.html#shared", b.GetAttribute("href")));
    }

    [Theory]
    [InlineData("provinces/tien-giang.html")]
    [InlineData("index.html")]
    [InlineData("en/provinces/tien-giang.html")]
    public void Province_and_programme_tables_show_the_own_wording_share(string page)
    {
        var table = Page(page).QuerySelector("table.programmes")!;
        var heads = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        int col = heads.FindIndex(h => h is "Lời văn riêng" or "Own wording");
        Assert.True(col >= 0, string.Join(" | ", heads));
        var row = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelectorAll("a").Any(a => a.GetAttribute("href")!.Contains(TienGiang)));
        var cell = row.QuerySelectorAll("td")[col].TextContent.Trim();
        Assert.EndsWith("%", cell);
        var percent = int.Parse(cell.TrimEnd('%'), CultureInfo.InvariantCulture);
        Assert.InRange(percent, (int)Math.Floor(OwnShare(TienGiang) * 100), (int)Math.Ceiling(OwnShare(TienGiang) * 100));
    }

    [Fact]
    public void Programmes_json_carries_own_share_consistent_with_the_passages_shared_share()
    {
        using var passages = System.Text.Json.JsonDocument.Parse(File.ReadAllText(built.Page("data/passages.json")));
        var mine = passages.RootElement.EnumerateArray().Where(p => p.GetProperty("programme").GetString() == TienGiang).ToList();
        // A programme whose passages are partly shared has an own share strictly between 0 and 1, and it is not more
        // shared than its most shared passage nor less than its least.
        var shares = mine.Select(p => p.GetProperty("shared_share").GetDouble()).ToList();
        var own = OwnShare(TienGiang);
        Assert.InRange(1 - own, shares.Min(), shares.Max());
    }
}
