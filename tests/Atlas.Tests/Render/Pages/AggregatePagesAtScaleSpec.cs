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
    private const int Copies = PageBudget.FullColumns + 3; // each copy holds two programmes
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
                programmes.Add(new AnalysedProgramme(
                    p with { Slug = slug, Source = p.Source with { FileName = slug + ".txt" } },
                    ap.Analysis with { Assignments = assignments }));
            }
        site = TestAtlas.Render(temp, model with { Programmes = programmes });
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
    public void The_summarised_pages_link_only_to_what_exists()
    {
        Assert.Empty(new SiteChecker().Check(site));
    }
}
