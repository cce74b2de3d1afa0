using AngleSharp.Html.Parser;
using Atlas.Model;
using Atlas.Render;
using Atlas.Tests.TestSupport;
using Atlas.Verify;

namespace Atlas.Tests.Render.Pages;

/// <summary>
/// Pages that gather every programme stay readable when the atlas holds more programmes than fit side by side
/// (<see cref="PageBudget"/>): the theme page turns its columns into one row per programme and prints only a few typical
/// passages in full; the assignments page lists programmes with their task counts; long lists name the first programmes
/// and count the rest. Every row still links into the programme pages, and the site still checks clean.
/// </summary>
public sealed class AggregatePagesAtScaleSpec : IDisposable
{
    private const int Copies = PageBudget.TargetRows / 2 + 1; // each copy holds two programmes: past every budget
    private const int TargetsEach = 3;
    private static readonly Indicator Growth = new("grdp-growth", "Tốc độ tăng trưởng GRDP", "GRDP growth", "Tăng trưởng GRDP bình quân.", []);
    private readonly TempDir temp = new();
    private readonly string site;

    public AggregatePagesAtScaleSpec()
    {
        var model = TestAtlas.Model();
        var programmes = new List<AnalysedProgramme>();
        for (int i = 0; i < Copies; i++)
            foreach (var ap in model.Programmes)
            {
                var p = ap.Programme;
                var slug = $"{p.Slug}-{i:00}";
                var assignments = p.Slug == "quang-ngai-nq29"
                    ? new List<Assignment> { new("s-ii-1-p1", null, "Sở Thông tin và Truyền thông", null, null, "2023 - 2030") }
                    : new List<Assignment>();
                // Growth targets, more in all than an indicator page charts one by one: 7,0 % … 7,0 + 0,1·i %.
                var targets = Enumerable.Range(0, TargetsEach).Select(k => new Target(p.Passages[^1].Id, Growth.Id, Comparator.AtLeast,
                    7.0m + 0.1m * i + k, null, "%", "2021 - 2025", null, $"tăng trưởng GRDP đạt {7 + k}%", false)).ToList();
                programmes.Add(new AnalysedProgramme(
                    p with { Slug = slug, Source = p.Source with { FileName = slug + ".txt" } },
                    ap.Analysis with { Assignments = assignments, Targets = targets }));
            }
        site = TestAtlas.Render(temp, model with { Programmes = programmes, Indicators = [Growth] });
    }

    public void Dispose() => temp.Dispose();

    private AngleSharp.Html.Dom.IHtmlDocument Page(string relative) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, relative)));

    [Fact]
    public void A_theme_page_has_one_row_per_programme_anchored_like_its_column_and_linking_to_each_passage()
    {
        var doc = Page("themes/chuyen-doi-so.html");
        Assert.Empty(doc.QuerySelectorAll("section.column"));
        var rows = doc.QuerySelectorAll("table.theme-rows tbody tr").ToList();
        Assert.Equal(2 * Copies, rows.Count);
        var row = doc.GetElementById("col-tien-giang-38-ctr-tu-2023-00")!;
        Assert.Equal("1", row.QuerySelector("td.n")!.TextContent);
        Assert.Equal("../programmes/tien-giang-38-ctr-tu-2023-00.html#s-iii-2-p1", row.QuerySelector("a.read-in-context")!.GetAttribute("href"));
        Assert.Equal("III.2", row.QuerySelector("a.read-in-context")!.TextContent);
        // The matrix and the programme pages' theme chips still land on the programme's row.
        var matrix = Page("themes/matrix.html");
        Assert.Contains(matrix.QuerySelectorAll("td.heat a"), a => a.GetAttribute("href") == "chuyen-doi-so.html#col-quang-ngai-nq29-03");
    }

    [Fact]
    public void A_theme_page_prints_in_full_only_a_few_passages_from_different_provinces_preferring_those_classified_by_heading()
    {
        var doc = Page("themes/chuyen-doi-so.html");
        var featured = doc.QuerySelectorAll(".theme-featured .theme-passage").ToList();
        Assert.InRange(featured.Count, 1, PageBudget.FeaturedPassages);
        // Two provinces: one passage each, Tiền Giang's classified by its heading "Đẩy mạnh chuyển đổi số".
        Assert.Equal(2, featured.Count);
        Assert.Contains(featured, f => f.TextContent.Contains("Thực hiện chuyển đổi số toàn diện") && f.TextContent.Contains("Đẩy mạnh chuyển đổi số"));
        Assert.Single(doc.Body!.TextContent.Split("Thực hiện chuyển đổi số toàn diện")[1..]);
        Assert.NotNull(doc.QuerySelector("form[role=search] input[name=theme][value=chuyen-doi-so]"));
    }

    [Fact]
    public void The_assignments_page_lists_programmes_with_their_task_counts_and_names_the_first_programmes_of_each_body()
    {
        var doc = Page("assignments.html");
        Assert.Empty(doc.QuerySelectorAll("section.assignment-table"));
        var summary = doc.QuerySelectorAll("table.assignment-summary tbody tr").ToList();
        Assert.Equal(Copies, summary.Count);
        Assert.Equal("programmes/quang-ngai-nq29-00.html#s-ii-1-p1", summary[0].QuerySelector("td a")!.GetAttribute("href"));
        var body = doc.QuerySelectorAll("tr").First(tr => tr.TextContent.Contains("Sở Thông tin và Truyền thông") && tr.QuerySelector("th")!.TextContent == "Sở Thông tin và Truyền thông");
        Assert.Equal(PageBudget.ListedProgrammes, body.QuerySelectorAll("td a").Length);
        Assert.Contains($"{Copies - PageBudget.ListedProgrammes}", body.QuerySelector("td .muted")!.TextContent);
    }

    [Fact]
    public void An_indicator_page_with_more_targets_than_rows_charts_and_tables_one_row_per_province()
    {
        Assert.True(2 * Copies * TargetsEach > PageBudget.TargetRows);
        var doc = Page("indicators/grdp-growth.html");
        Assert.Empty(doc.QuerySelectorAll("table.indicator-targets"));
        var rows = doc.QuerySelectorAll("table.indicator-provinces tbody tr").ToList();
        Assert.Equal(["Quảng Ngãi", "Tiền Giang"], rows.Select(r => r.QuerySelector("th")!.TextContent).ToList());
        // Each copy i sets 7,0+0,1i … 9,0+0,1i %: the province spans the lowest to the highest, every target counted.
        Assert.Equal(Span, rows[0].QuerySelector("td")!.TextContent);
        Assert.Equal($"{Copies * TargetsEach}", rows[0].QuerySelector("td.n")!.TextContent);
        Assert.Equal(PageBudget.RowLinks, rows[0].QuerySelectorAll("td a").Length);
        Assert.StartsWith("../programmes/quang-ngai-nq29-", rows[0].QuerySelector("td a")!.GetAttribute("href"));
        // The chart: one bar per province, not one per target.
        Assert.Equal(2, doc.QuerySelectorAll("svg.range-chart g.row").Length);
        Assert.Contains($"({Copies * TargetsEach})", doc.QuerySelector("svg.range-chart g.row text")!.TextContent);
    }

    /// <summary>Copy i sets 7,0+0,1i, 8,0+0,1i and 9,0+0,1i %: a province spans 7 % to 9 % + 0,1 × the last copy.</summary>
    private static readonly string Span = $"7–{(9.0m + 0.1m * (Copies - 1)).ToString("0.#", new System.Globalization.NumberFormatInfo { NumberDecimalSeparator = "," })}%";

    [Fact]
    public void The_indicators_table_has_one_row_per_province_when_more_programmes_set_targets_than_rows()
    {
        var doc = Page("indicators/index.html");
        var rows = doc.QuerySelectorAll("table.indicator-matrix tbody tr").ToList();
        Assert.Equal(["Quảng Ngãi", "Tiền Giang"], rows.Select(r => r.QuerySelector("th")!.TextContent).ToList());
        var cell = rows[1].QuerySelector("td a.target")!;
        Assert.Equal($"{Span} ({Copies * TargetsEach})", cell.TextContent);
        Assert.StartsWith("../programmes/tien-giang-38-ctr-tu-2023-", cell.GetAttribute("href"));
    }

    [Fact]
    public void The_home_page_lists_the_most_recent_programmes_and_counts_them_all()
    {
        var doc = Page("index.html");
        var rows = doc.QuerySelectorAll("section[aria-labelledby=programmes] table.programmes tbody tr").ToList();
        Assert.Equal(PageBudget.HomeProgrammes, rows.Count);
        Assert.All(rows, r => Assert.Contains("31/3/2023", r.TextContent)); // dated programmes first, most recent first
        Assert.Contains($"{2 * Copies}", doc.QuerySelector(".stats")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll("section[aria-labelledby=programmes] a"), a => a.GetAttribute("href") == "provinces/index.html");
    }

    [Fact]
    public void The_summarised_pages_link_only_to_what_exists()
    {
        Assert.Empty(new SiteChecker().Check(site));
    }
}
