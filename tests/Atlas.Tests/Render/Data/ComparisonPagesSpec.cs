using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render.Data;

/// <summary>The comparison pages and downloads of one full build of the seeds.</summary>
[Collection(BuiltSiteCollection.Name)]
public class ComparisonPagesSpec(BuiltSite built)
{
    private string Read(string path) => File.ReadAllText(built.Page(path));

    [Fact]
    public void The_build_succeeds_with_the_comparison_pages()
    {
        Assert.True(built.Result.Published, built.Result.FatalError + string.Join("\n", built.Result.SiteProblems.Select(p => p.ToString())));
        foreach (var page in new[] { "indicators/index.html", "indicators/grdp-growth.html", "references.html", "assignments.html",
                     "en/indicators/index.html", "data/targets.csv", "data/targets.json", "data/programmes.json", "data/passages.json" })
            Assert.True(File.Exists(built.Page(page)), page);
    }

    [Fact]
    public void Indicators_table_links_values_to_their_source_passages()
    {
        var html = Read("indicators/index.html");
        Assert.Contains("7–7,5%", html);
        Assert.Contains("8–9%/năm", html);
        Assert.Contains("../programmes/tien-giang-38-ctr-tu-2023.html#", html);
        Assert.Contains("nav_indicators", File.ReadAllText(Path.Combine(Repo.Templates, "site.yml")));
    }

    [Fact]
    public void Indicator_page_has_an_accessible_svg_chart_and_a_table()
    {
        var html = Read("indicators/grdp-growth.html");
        Assert.Contains("<svg class=\"range-chart\"", html);
        Assert.Contains("<title id=\"chart-0-title\">", html);
        Assert.Contains("<desc id=\"chart-0-desc\">", html);
        Assert.Contains("<table class=\"indicator-targets\">", html);
        Assert.Contains("Quảng Ngãi", html);
    }

    [Fact]
    public void References_and_assignments_pages_show_what_was_extracted()
    {
        var refs = Read("references.html");
        Assert.Contains("29-NQ/TW", refs);
        Assert.Contains("13-NQ/TW", refs);
        var assignments = Read("assignments.html");
        Assert.Contains("Ban Tuyên giáo Tỉnh ủy", assignments);
        Assert.Contains("Thường xuyên", assignments);
    }

    [Fact]
    public void Quang_Ngai_assignment_lines_are_attached_to_their_tasks()
    {
        var model = built.Result;
        var json = Read("data/passages.json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var qn = doc.RootElement.EnumerateArray().Where(p => p.GetProperty("programme").GetString()!.StartsWith("quang-ngai")).ToList();
        var task = qn.Single(p => p.GetProperty("text").GetString()!.StartsWith("Triển khai quán triệt nội dung của Nghị quyết số 29-NQ/TW"));
        var labels = task.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("label").GetString()).ToList();
        Assert.Equal(["Cơ quan chỉ đạo", "Cơ quan chủ trì tham mưu", "Cơ quan tổ chức thực hiện", "Thời gian thực hiện"], labels);
        Assert.DoesNotContain(qn, p => p.GetProperty("text").GetString()!.StartsWith("Cơ quan chỉ đạo"));
        _ = model;
    }
}
