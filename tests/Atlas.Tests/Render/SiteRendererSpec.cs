using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Atlas.Build;
using Atlas.Render;
using Atlas.Render.Templates;
using Atlas.Tests.TestSupport;
using Atlas.Verify;

namespace Atlas.Tests.Render;

public sealed class SiteRendererSpec
{
    private const string TienGiangPage = "programmes/tien-giang-38-ctr-tu-2023.html";

    [Fact]
    public void Renders_every_page_type_in_both_languages_with_no_checker_problem()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        foreach (var page in new[]
        {
            "index.html", "about.html", TienGiangPage, "programmes/quang-ngai-nq29.html", "provinces/index.html",
            "provinces/tien-giang.html", "provinces/dong-thap.html", "themes/index.html", "themes/chuyen-doi-so.html",
            "themes/matrix.html", "resolutions/index.html", "resolutions/29-nq-tw.html", "sources/index.html",
        })
        {
            Assert.True(File.Exists(Path.Combine(site, page)), page);
            Assert.True(File.Exists(Path.Combine(site, "en", page)), "en/" + page);
        }
        foreach (var file in new[] { "sitemap.xml", "feed.xml", "assets/css/atlas.css", "assets/js/atlas.js", "sources/tien-giang-38-ctr-tu-2023.txt" })
            Assert.True(File.Exists(Path.Combine(site, file)), file);
        Assert.Empty(new SiteChecker().Check(site));
    }

    [Fact]
    public void Only_plain_text_originals_are_published_so_a_source_named_html_cannot_run_in_the_site()
    {
        using var temp = new TempDir();
        var tg = TestAtlas.TienGiang();
        var hostileName = tg with { Source = tg.Source with { FileName = "evil.html" } };
        var site = TestAtlas.Render(temp, TestAtlas.Model(hostileName));
        Assert.False(File.Exists(Path.Combine(site, "sources", "evil.html")));
        Assert.True(File.Exists(Path.Combine(site, "sources", "quang-ngai-nq29.txt")) || Directory.EnumerateFiles(Path.Combine(site, "sources"), "*.txt").Any());
        Assert.DoesNotContain("sources/evil.html", File.ReadAllText(Path.Combine(site, TienGiangPage)));
        Assert.Empty(new SiteChecker().Check(site));
    }

    [Fact]
    public void An_appendix_is_shown_after_the_signature_as_the_document_prints_it()
    {
        using var temp = new TempDir();
        var ingested = Atlas.Tests.Ingest.Seeds.IngestText("tien-giang-38-ctr-tu-2023.txt", Atlas.Tests.Ingest.Seeds.Text(Atlas.Tests.Ingest.Seeds.TienGiang).TrimEnd() +
            "\n\nPHỤ LỤC\nCÁC CHỈ TIÊU CHỦ YẾU\n\n| Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2030 |\n| Tỷ lệ đô thị hóa | % | 40 | 45 |\n").Programme;
        Assert.Equal(Atlas.Model.SectionKind.Appendix, Assert.Single(ingested.Sections, x => x.Id == "s-phu-luc").Kind);
        var site = TestAtlas.Render(temp, TestAtlas.Model(ingested));
        var html = File.ReadAllText(Path.Combine(site, TienGiangPage));
        int closing = html.IndexOf("class=\"closing\"", StringComparison.Ordinal), appendix = html.IndexOf("id=\"s-phu-luc\"", StringComparison.Ordinal);
        Assert.True(closing > 0 && appendix > closing, $"closing at {closing}, appendix at {appendix}");
        Assert.True(html.IndexOf("id=\"s-iv\"", StringComparison.Ordinal) < closing); // the body before the signature
        Assert.Empty(new SiteChecker().Check(site));
    }

    [Fact]
    public void A_word_original_is_published_and_linked_from_its_programme_page()
    {
        using var temp = new TempDir();
        var tg = TestAtlas.TienGiang();
        var site = TestAtlas.Render(temp, TestAtlas.Model(tg with { Source = tg.Source with { FileName = "ct.docx", Encoding = "docx" } }));
        Assert.True(File.Exists(Path.Combine(site, "sources", "ct.docx")));
        Assert.Contains("href=\"../sources/ct.docx\"", File.ReadAllText(Path.Combine(site, TienGiangPage)));
        Assert.Empty(new SiteChecker().Check(site));
    }

    [Fact]
    public void A_pdf_original_is_published_unless_it_holds_scripts_a_viewer_would_run()
    {
        var page = Atlas.Tests.Ingest.Decoding.HandMadePdf.Flate(z => z.Write("BT /F1 12 Tf 72 700 Td (Chuong trinh hanh dong) Tj ET"u8));
        var tg = TestAtlas.TienGiang();
        var model = TestAtlas.Model(tg with { Source = tg.Source with { FileName = "ct.pdf", Encoding = "pdf" } });
        using var plainTemp = new TempDir();
        using var scriptedTemp = new TempDir();

        var plain = TestAtlas.Render(plainTemp, model, new Dictionary<string, byte[]> { ["ct.pdf"] = Atlas.Tests.Ingest.Decoding.HandMadePdf.OnePage(page) });
        var scripted = TestAtlas.Render(scriptedTemp, model, new Dictionary<string, byte[]>
        {
            ["ct.pdf"] = Atlas.Tests.Ingest.Decoding.HandMadePdf.OnePage(page, "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> "),
        });

        Assert.True(File.Exists(Path.Combine(plain, "sources", "ct.pdf")));
        Assert.Contains("href=\"../sources/ct.pdf\"", File.ReadAllText(Path.Combine(plain, TienGiangPage)));
        Assert.False(File.Exists(Path.Combine(scripted, "sources", "ct.pdf")));
        Assert.DoesNotContain("sources/ct.pdf", File.ReadAllText(Path.Combine(scripted, TienGiangPage)));
        Assert.Empty(new SiteChecker().Check(scripted));
    }

    [Fact]
    public void Hostile_source_text_is_shown_as_text_never_run_as_markup_or_template()
    {
        using var temp = new TempDir();
        const string hostile = "<script>alert('x')</script> {{ page.title }} <img src=x onerror=alert(1)> & {% raw %}";
        var site = TestAtlas.Render(temp, TestAtlas.Model(TestAtlas.TienGiang(hostile),
            [new Atlas.Model.PassageTheme("s-iii-2-p2", TestAtlas.Digital.Id, "keyword", "<b>chuyển đổi số</b>")]));
        foreach (var page in new[] { TienGiangPage, "themes/chuyen-doi-so.html", "en/" + TienGiangPage, "en/themes/chuyen-doi-so.html" })
        {
            var html = File.ReadAllText(Path.Combine(site, page));
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<b>chuyển đổi số</b>", html);
            // The text itself is on the Vietnamese pages; the English ones are companions without it.
            if (!page.StartsWith("en/", StringComparison.Ordinal))
                Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; {{ page.title }} &lt;img src=x onerror=alert(1)&gt; &amp; {% raw %}", html);
            var doc = new HtmlParser().ParseDocument(html);
            Assert.All(doc.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
        }
    }

    [Fact]
    public void Known_document_numbers_link_to_their_resolution_page_and_unknown_ones_stay_text()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, TienGiangPage)));
        var preamble = doc.GetElementById("p-0")!;
        var link = Assert.Single(preamble.QuerySelectorAll("a.doc-ref"));
        Assert.Equal("29-NQ/TW", link.TextContent);
        Assert.Equal("../resolutions/29-nq-tw.html", link.GetAttribute("href"));
        Assert.Contains("Kế hoạch 13-KH/TW ngày", preamble.TextContent); // 13-KH/TW is implemented by no programme here
    }

    [Fact]
    public void Every_link_is_relative_so_the_site_works_from_disk_and_any_sub_path()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories))
        {
            var doc = parser.ParseDocument(File.ReadAllText(file));
            foreach (var el in doc.QuerySelectorAll("[href],[src],[action]"))
            {
                var url = el.GetAttribute("href") ?? el.GetAttribute("src") ?? el.GetAttribute("action")!;
                Assert.False(url.StartsWith('/') || url.Contains("://"), $"{Path.GetRelativePath(site, file)}: {url}");
            }
        }
    }

    [Fact]
    public void Every_heading_and_passage_has_a_permalink_and_the_citation_to_copy()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, TienGiangPage)));
        // The citation is stated once, on the article; each permalink names its section, and the script makes the copy
        // button from the two (SiteBrowserSpec copies one) instead of the page repeating the citation at every passage.
        var article = doc.QuerySelector("article.programme")!;
        Assert.Equal("Tỉnh ủy Tiền Giang, Chương trình số 38-CTr/TU ngày 31/3/2023", article.GetAttribute("data-cite"));
        var heading = doc.GetElementById("s-iii-2")!;
        var permalink = heading.QuerySelector("a.permalink")!;
        Assert.Equal("#s-iii-2", permalink.GetAttribute("href"));
        Assert.Equal("Tỉnh ủy Tiền Giang, Chương trình số 38-CTr/TU ngày 31/3/2023, mục III.2",
            article.GetAttribute("data-cite-section")!.Replace("{0}", permalink.GetAttribute("data-sec")));
        Assert.Empty(doc.QuerySelectorAll(".doc-text button.cite"));
        foreach (var passage in doc.QuerySelectorAll(".passage"))
            Assert.Equal("#" + passage.Id, passage.QuerySelector("a.permalink")!.GetAttribute("href"));
    }

    [Fact]
    public void Passage_fields_are_a_definition_list_under_their_passage_not_passages()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "programmes/quang-ngai-nq29.html")));
        var passage = doc.GetElementById("s-ii-1-p1")!;
        var terms = passage.QuerySelectorAll("dl.fields dt").Select(d => d.TextContent).ToList();
        Assert.Equal(["Cơ quan chủ trì", "Thời gian thực hiện"], terms);
        Assert.Single(doc.QuerySelectorAll(".passage"));
    }

    [Fact]
    public void The_english_interface_translates_labels_and_theme_names_but_not_documents()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        var theme = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "en/themes/chuyen-doi-so.html")));
        Assert.Equal("en", theme.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Digital transformation", theme.QuerySelector("h1")!.TextContent);
        Assert.Equal("index.html", theme.QuerySelector(".breadcrumbs li:nth-child(2) a")!.GetAttribute("href"));
        Assert.Equal("../../themes/chuyen-doi-so.html", theme.QuerySelector("link[hreflang=vi]")!.GetAttribute("href"));
        // The passages stay on the Vietnamese pages: the English column says where each is and why, and links to it.
        Assert.DoesNotContain("Thực hiện chuyển đổi số toàn diện", theme.Body!.TextContent);
        Assert.Equal("../../programmes/tien-giang-38-ctr-tu-2023.html#s-iii-2-p1",
            theme.QuerySelector("#col-tien-giang-38-ctr-tu-2023 a.read-in-context")!.GetAttribute("href"));
        Assert.Contains("Đẩy mạnh chuyển đổi số", theme.QuerySelector("#col-tien-giang-38-ctr-tu-2023 .why")!.TextContent);
        Assert.Equal("../../themes/chuyen-doi-so.html", theme.QuerySelector("a.full-text-link")!.GetAttribute("href"));
    }

    [Fact]
    public void The_english_programme_page_is_a_companion_that_links_into_the_vietnamese_text_instead_of_repeating_it()
    {
        using var temp = new TempDir();
        var model = TestAtlas.Model();
        model = model with
        {
            Programmes = model.Programmes.Select(ap => ap.Programme.Slug != "quang-ngai-nq29" ? ap : ap with
            {
                Analysis = ap.Analysis with
                {
                    Assignments = [new Atlas.Model.Assignment("s-ii-1-p1", null, "Sở Thông tin và Truyền thông", null, null, "2023 - 2030")],
                    Targets = [new Atlas.Model.Target("s-ii-1-p1", null, Atlas.Model.Comparator.AtLeast, 80, null, "%", null, 2030,
                        "ít nhất 80% doanh nghiệp", false) { Subject = "doanh nghiệp chuyển đổi số" }],
                },
            }).ToList(),
        };
        var site = TestAtlas.Render(temp, model);
        var vi = File.ReadAllText(Path.Combine(site, "programmes/quang-ngai-nq29.html"));
        var en = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "en/programmes/quang-ngai-nq29.html")));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Hỗ trợ doanh nghiệp chuyển đổi số.", vi);
        Assert.DoesNotContain("Hỗ trợ doanh nghiệp chuyển đổi số.", en.Body!.TextContent);
        Assert.Empty(en.QuerySelectorAll(".passage"));

        var full = en.QuerySelector("a.full-text-link")!;
        Assert.Equal("Read the full text (Vietnamese)", full.TextContent);
        Assert.Equal("../../programmes/quang-ngai-nq29.html", full.GetAttribute("href"));
        // The outline opens the Vietnamese text at each section; the card and the assignments are in the English interface.
        var outline = en.QuerySelectorAll(".outline a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["../../programmes/quang-ngai-nq29.html#s-ii", "../../programmes/quang-ngai-nq29.html#s-ii-1"], outline);
        Assert.Contains(en.QuerySelectorAll(".card dt"), dt => dt.TextContent == "Province");
        var task = en.QuerySelector("#assignments-title")!.ParentElement!.QuerySelector("tbody a[href='../../programmes/quang-ngai-nq29.html#s-ii-1-p1']");
        Assert.NotNull(task);
        Assert.Contains("Sở Thông tin và Truyền thông", task!.Closest("tr")!.TextContent);
        var target = en.QuerySelector("#targets-title")!.ParentElement!.QuerySelector("tbody tr")!;
        Assert.Contains("≥ 80%", target.TextContent);
        Assert.Equal("../../programmes/quang-ngai-nq29.html#s-ii-1-p1", target.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(en.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../data/passages.json");
        Assert.Empty(new SiteChecker().Check(site));
    }

    [Fact]
    public void A_theme_page_has_one_column_per_programme_anchored_for_the_matrix()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "themes/chuyen-doi-so.html")));
        var columns = doc.QuerySelectorAll("section.column").Select(c => c.Id).ToList();
        Assert.Equal(["col-quang-ngai-nq29", "col-tien-giang-38-ctr-tu-2023"], columns);
        var why = doc.QuerySelector("#col-tien-giang-38-ctr-tu-2023 .why")!.TextContent;
        Assert.Contains("Đẩy mạnh chuyển đổi số", why);
        Assert.Equal("../programmes/tien-giang-38-ctr-tu-2023.html#s-iii-2-p1",
            doc.QuerySelector("#col-tien-giang-38-ctr-tu-2023 a.read-in-context")!.GetAttribute("href"));
        var matrix = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "themes/matrix.html")));
        Assert.Contains(matrix.QuerySelectorAll("td.heat a"), a => a.GetAttribute("href") == "chuyen-doi-so.html#col-quang-ngai-nq29");
    }

    [Fact]
    public void A_province_merged_in_2025_says_what_it_is_now_part_of_and_keeps_its_programmes()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "provinces/tien-giang.html")));
        Assert.Equal("dong-thap.html", doc.QuerySelector(".notice a")!.GetAttribute("href"));
        Assert.Contains(doc.QuerySelectorAll("table.programmes a"), a => a.GetAttribute("href") == "../" + TienGiangPage);
    }

    [Fact]
    public void Two_renders_of_the_same_model_are_identical_byte_for_byte()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var siteA = TestAtlas.Render(a, TestAtlas.Model());
        var siteB = TestAtlas.Render(b, TestAtlas.Model());
        var filesA = Directory.EnumerateFiles(siteA, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(siteA, f)).Order(StringComparer.Ordinal).ToList();
        var filesB = Directory.EnumerateFiles(siteB, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(siteB, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(filesA, filesB);
        foreach (var f in filesA) Assert.True(File.ReadAllBytes(Path.Combine(siteA, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(siteB, f))), f);
    }

    [Fact]
    public void A_broken_template_stops_the_render_before_any_page_is_written_and_names_the_template()
    {
        using var temp = new TempDir();
        BuiltSite.CopyDirectory(Repo.Templates, temp["templates"]);
        File.WriteAllText(temp["templates/theme.sbn"], "<h1>{{ page.name }}</h1>\n{{ for c in page.columns }}\nno end");
        var options = new BuildOptions(temp["content"], temp["templates"], temp["site"]);
        var ex = Assert.Throws<TemplateException>(() => new SiteRenderer(options).Render(TestAtlas.Model(), temp["site"]));
        Assert.Contains("templates/theme.sbn(", ex.Message);
        Assert.False(Directory.Exists(temp["site"]) && Directory.EnumerateFileSystemEntries(temp["site"]).Any());
    }

    [Fact]
    public void Every_ui_string_a_template_uses_exists_in_both_languages()
    {
        var used = Directory.EnumerateFiles(Repo.Templates, "*.sbn", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"strings\.([a-z0-9_]+)").Select(m => m.Groups[1].Value))
            .ToHashSet();
        var vi = Language.ReadStrings(Path.Combine(Repo.Templates, "i18n", "vi.yml"));
        var en = Language.ReadStrings(Path.Combine(Repo.Templates, "i18n", "en.yml"));
        Assert.Equal([], used.Where(k => !vi.ContainsKey(k)).Order());
        Assert.Equal([], used.Where(k => !en.ContainsKey(k)).Order());
        Assert.Equal([], vi.Keys.Where(k => !en.ContainsKey(k)).Order());
    }
}
