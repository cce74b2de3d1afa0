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
    public void An_indicator_page_offers_its_own_table_as_csv_holding_its_rows_of_targets_csv()
    {
        var html = Read("indicators/grdp-growth.html");
        Assert.Contains("href=\"../data/indicators/grdp-growth.csv\" download", html);
        Assert.Contains("href=\"../../data/indicators/grdp-growth.csv\" download", Read("en/indicators/grdp-growth.html"));
        var all = Records(Read("data/targets.csv"));
        var own = Records(Read("data/indicators/grdp-growth.csv"));
        Assert.Equal(all[0].Raw, own[0].Raw); // same columns
        var expected = all.Skip(1).Where(r => r.Fields[2] == "grdp-growth").Select(r => r.Raw).ToList();
        Assert.True(expected.Count >= 3, $"{expected.Count} GRDP targets in the seeds");
        Assert.Equal(expected, own.Skip(1).Select(r => r.Raw));
        // One file per indicator some programme sets, none for the others.
        var ids = all.Skip(1).Select(r => r.Fields[2]).Where(id => id.Length > 0).ToHashSet();
        Assert.Equal(ids.Order(StringComparer.Ordinal), Directory.EnumerateFiles(built.Page("data/indicators")).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
    }

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes and line breaks): each record's raw text and its fields.</summary>
    private static List<(string Raw, string[] Fields)> Records(string csv)
    {
        var records = new List<(string, string[])>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        int start = csv.StartsWith('\uFEFF') ? 1 : 0;
        for (int i = start; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add((csv[start..i], fields.ToArray()));
                fields.Clear();
                start = ++i + 1;
            }
            else field.Append(c);
        }
        return records;
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
