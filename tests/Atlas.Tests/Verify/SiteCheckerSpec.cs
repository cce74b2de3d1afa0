using Atlas.Tests.TestSupport;
using Atlas.Verify;

namespace Atlas.Tests.Verify;

public sealed class SiteCheckerSpec
{
    private static string Page(string body, string lang = "vi", string title = "T", string h1 = "<h1>H</h1>") =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{h1}{body}</body></html>";

    private static IReadOnlyList<SiteProblem> Check(TempDir temp, bool thorough, params (string Path, string Html)[] files)
    {
        foreach (var (path, html) in files)
        {
            var full = temp[Path.Combine("site", path)];
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, html);
        }
        return new SiteChecker(thorough).Check(temp["site"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_sound_site_has_no_problem(bool thorough)
    {
        using var temp = new TempDir();
        var problems = Check(temp, thorough,
            ("index.html", Page("<a href=\"programmes/a.html#p-1\">a</a> <a href=\"#x\" id=\"x\">self</a> <a href=\"search.html?q=x\">s</a>")),
            ("search.html", Page("")),
            ("programmes/a.html", Page("<p id=\"p-1\">…</p><a href=\"../index.html\">home</a><a href=\"../sources/t%E1%BB%89nh.txt\">src</a>")),
            ("sources/tỉnh.txt", "x"));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reports_a_link_to_a_missing_file(bool thorough)
    {
        using var temp = new TempDir();
        var problems = Check(temp, thorough, ("index.html", Page("<a href=\"programmes/missing.html\">x</a>")));
        var p = Assert.Single(problems);
        Assert.Equal("index.html", p.Page);
        Assert.Contains("programmes/missing.html", p.Problem);
        Assert.Contains("file missing", p.Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reports_an_anchor_the_target_page_lacks(bool thorough)
    {
        using var temp = new TempDir();
        var problems = Check(temp, thorough,
            ("index.html", Page("<a href=\"a.html#nowhere\">x</a> <a href=\"#also-nowhere\">y</a>")),
            ("a.html", Page("<p id=\"somewhere\"></p>")));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Problem.Contains("\"nowhere\" in a.html"));
        Assert.Contains(problems, p => p.Problem.Contains("\"also-nowhere\" in index.html"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reports_duplicate_ids(bool thorough)
    {
        using var temp = new TempDir();
        var p = Assert.Single(Check(temp, thorough, ("index.html", Page("<p id=\"s-i\"></p><h2 id=\"s-i\"></h2>"))));
        Assert.Contains("duplicate id \"s-i\"", p.Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reports_missing_title_h1_and_lang(bool thorough)
    {
        using var temp = new TempDir();
        var problems = Check(temp, thorough, ("index.html", Page("", lang: "", title: "", h1: "")));
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Problem.Contains("lang"));
        Assert.Contains(problems, p => p.Problem.Contains("<title>"));
        Assert.Contains(problems, p => p.Problem.Contains("<h1>"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reports_links_that_would_break_from_disk_or_leave_the_site(bool thorough)
    {
        using var temp = new TempDir();
        var problems = Check(temp, thorough, ("index.html", Page(
            "<a href=\"/about.html\">root</a><link rel=\"stylesheet\" href=\"https://cdn.example.com/x.css\"><a href=\"../outside.html\">out</a><a href=\"programmes/\">dir</a>")),
            ("programmes/a.html", Page("")));
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Problem.Contains("root-relative"));
        Assert.Contains(problems, p => p.Problem.Contains("absolute URL"));
        Assert.Contains(problems, p => p.Problem.Contains("leaves the site"));
        Assert.Contains(problems, p => p.Problem.Contains("folder"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reports_link_problems_kind_by_kind_each_kind_in_page_order(bool thorough)
    {
        using var temp = new TempDir();
        var problems = Check(temp, thorough, ("index.html", Page(
            "<img src=\"m1.png\" alt=\"\"><a href=\"m2.html\">2</a><script src=\"m3.js\"></script><a href=\"m4.html\">4</a><img src=\"m5.png\" alt=\"\">")));
        Assert.Equal(["a → m2.html", "a → m4.html", "script → m3.js", "img → m1.png", "img → m5.png"],
            problems.Select(p => p.Problem[..p.Problem.IndexOf(':')]));
    }

    /// <summary>Both readers (the build's scanner, atlas check's full parse) must agree on markup the site could contain.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_markup_variants_the_same_way_a_browser_does(bool thorough)
    {
        using var temp = new TempDir();
        var page = "<!DOCTYPE html><HTML LANG=vi><head><meta charset=utf-8><TITLE>Tỉnh &amp; thành</TITLE>" +
            "<script>var s = '<a href=\"nowhere.html\">';</script><style>a::before { content: '<b id=x>'; }</style></head>" +
            "<body><!-- <a href=\"commented-out.html\"> --><H1><span>  </span>Đồng Tháp</H1>" +
            "<svg><title>chart</title><g id='g1'></g></svg>" +
            "<a href='a.html?x=1&amp;y=2#p%2D1'>quoted</a><a href=a.html#p-1>bare</a><A HREF=\"#g1\">svg anchor</A>" +
            "<img src=\"missing.png\" alt=\"\"><p id=\"dup\"></p><p ID=dup></p></body></HTML>";
        var problems = Check(temp, thorough, ("index.html", page), ("a.html", Page("<p id=\"p-1\"></p>")));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Problem.Contains("duplicate id \"dup\""));
        Assert.Contains(problems, p => p.Problem.Contains("img → missing.png: file missing"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_title_in_an_svg_is_not_the_page_title_and_an_empty_h1_counts_as_missing(bool thorough)
    {
        using var temp = new TempDir();
        var page = "<!DOCTYPE html><html lang=\"vi\"><head></head><body><svg><title>chart</title></svg><h1> <b></b> </h1></body></html>";
        var problems = Check(temp, thorough, ("index.html", page));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Problem.Contains("<title>"));
        Assert.Contains(problems, p => p.Problem.Contains("<h1>"));
    }
}
