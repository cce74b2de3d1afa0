using Atlas.Tests.TestSupport;
using Atlas.Verify;

namespace Atlas.Tests.Verify;

public sealed class SiteCheckerSpec
{
    private static string Page(string body, string lang = "vi", string title = "T", string h1 = "<h1>H</h1>") =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{h1}{body}</body></html>";

    private static IReadOnlyList<SiteProblem> Check(TempDir temp, params (string Path, string Html)[] files)
    {
        foreach (var (path, html) in files)
        {
            var full = temp[Path.Combine("site", path)];
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, html);
        }
        return new SiteChecker().Check(temp["site"]);
    }

    [Fact]
    public void A_sound_site_has_no_problem()
    {
        using var temp = new TempDir();
        var problems = Check(temp,
            ("index.html", Page("<a href=\"programmes/a.html#p-1\">a</a> <a href=\"#x\" id=\"x\">self</a> <a href=\"search.html?q=x\">s</a>")),
            ("search.html", Page("")),
            ("programmes/a.html", Page("<p id=\"p-1\">…</p><a href=\"../index.html\">home</a><a href=\"../sources/t%E1%BB%89nh.txt\">src</a>")),
            ("sources/tỉnh.txt", "x"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Reports_a_link_to_a_missing_file()
    {
        using var temp = new TempDir();
        var problems = Check(temp, ("index.html", Page("<a href=\"programmes/missing.html\">x</a>")));
        var p = Assert.Single(problems);
        Assert.Equal("index.html", p.Page);
        Assert.Contains("programmes/missing.html", p.Problem);
        Assert.Contains("file missing", p.Problem);
    }

    [Fact]
    public void Reports_an_anchor_the_target_page_lacks()
    {
        using var temp = new TempDir();
        var problems = Check(temp,
            ("index.html", Page("<a href=\"a.html#nowhere\">x</a> <a href=\"#also-nowhere\">y</a>")),
            ("a.html", Page("<p id=\"somewhere\"></p>")));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Problem.Contains("\"nowhere\" in a.html"));
        Assert.Contains(problems, p => p.Problem.Contains("\"also-nowhere\" in index.html"));
    }

    [Fact]
    public void Reports_duplicate_ids()
    {
        using var temp = new TempDir();
        var p = Assert.Single(Check(temp, ("index.html", Page("<p id=\"s-i\"></p><h2 id=\"s-i\"></h2>"))));
        Assert.Contains("duplicate id \"s-i\"", p.Problem);
    }

    [Fact]
    public void Reports_missing_title_h1_and_lang()
    {
        using var temp = new TempDir();
        var problems = Check(temp, ("index.html", Page("", lang: "", title: "", h1: "")));
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Problem.Contains("lang"));
        Assert.Contains(problems, p => p.Problem.Contains("<title>"));
        Assert.Contains(problems, p => p.Problem.Contains("<h1>"));
    }

    [Fact]
    public void Reports_links_that_would_break_from_disk_or_leave_the_site()
    {
        using var temp = new TempDir();
        var problems = Check(temp, ("index.html", Page(
            "<a href=\"/about.html\">root</a><link rel=\"stylesheet\" href=\"https://cdn.example.com/x.css\"><a href=\"../outside.html\">out</a><a href=\"programmes/\">dir</a>")),
            ("programmes/a.html", Page("")));
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Problem.Contains("root-relative"));
        Assert.Contains(problems, p => p.Problem.Contains("absolute URL"));
        Assert.Contains(problems, p => p.Problem.Contains("leaves the site"));
        Assert.Contains(problems, p => p.Problem.Contains("folder"));
    }
}
