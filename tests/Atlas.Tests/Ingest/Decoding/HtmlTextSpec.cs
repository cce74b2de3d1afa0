using System.Net;
using System.Text;
using Atlas.Ingest;
using Atlas.Ingest.Decoding;

namespace Atlas.Tests.Ingest.Decoding;

/// <summary>
/// A programme saved from a provincial website (.html) is read as its text: the same sections and passages as the
/// plain text, without the page's scripts, styles and menus. Markup inside a plain-text source stays text.
/// </summary>
public class HtmlTextSpec
{
    /// <summary>The seed as a web page: each line a paragraph (escaped), with a menu, a script and a style around it.</summary>
    private static string AsWebPage(string text) =>
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tỉnh ủy</title><style>p { color: red }</style></head>\n<body>" +
        "<nav><ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/tin\">Tin tức</a></li></ul></nav>\n" +
        "<script>document.write('QUẢNG CÁO')</script><div class=\"content\">\n" +
        string.Concat(text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => "<p>" + WebUtility.HtmlEncode(l.Trim()) + "</p>\n")) +
        "</div><form><input name=\"q\"><button>Tìm kiếm</button></form></body></html>";

    [Theory]
    [InlineData(Seeds.TienGiang)]
    [InlineData(Seeds.HauGiang)]
    public void A_seed_saved_as_a_web_page_has_the_seed_s_sections_and_passages(string seed)
    {
        var plain = Seeds.Ingest(seed).Programme;
        var page = Assert.IsType<Ingested>(Seeds.IngestBytes("trang.html", Encoding.UTF8.GetBytes(AsWebPage(Seeds.Text(seed)))));

        var p = page.Programme;
        Assert.Equal(Seeds.AllSections(plain.Sections).Select(s => (s.Id, s.Heading)), Seeds.AllSections(p.Sections).Select(s => (s.Id, s.Heading)));
        Assert.Equal(plain.Passages.Select(x => (x.Id, x.Text)), p.Passages.Select(x => (x.Id, x.Text)));
        Assert.Equal(plain.Metadata.Number, p.Metadata.Number);
        Assert.Equal(plain.Metadata.Title, p.Metadata.Title);
        Assert.DoesNotContain(p.Passages, x => x.Text.Contains("QUẢNG CÁO") || x.Text.Contains("Trang chủ") || x.Text.Contains("color"));
        Assert.Contains(page.Report.Warnings, w => w.Contains("HTML page"));
    }

    [Fact]
    public void Blocks_cells_and_line_breaks_are_lines_and_white_space_runs_are_one_space()
    {
        var text = HtmlText.ToText("<html><body><table><tr><td>TỈNH ỦY\n   NAM ĐỊNH</td><td>ĐẢNG CỘNG SẢN VIỆT NAM</td></tr></table>" +
                                   "<h2>I. MỤC TIÊU</h2><p>Dòng một<br>dòng&nbsp;hai <b>đậm</b>.</p><hr><ul><li>Ý một</li><li>Ý hai</li></ul></body></html>");
        Assert.Equal("TỈNH ỦY NAM ĐỊNH\nĐẢNG CỘNG SẢN VIỆT NAM\nI. MỤC TIÊU\nDòng một\ndòng hai đậm.\n-----\nÝ một\nÝ hai\n", text);
    }

    [Fact]
    public void An_ordered_list_s_items_are_numbered_as_a_browser_numbers_them()
    {
        var text = HtmlText.ToText("<html><body><ol type=\"I\"><li><p>MỤC TIÊU</p><ol><li><p>Tổng quát</p></li><li>Cụ thể</li></ol></li>" +
                                   "<li>NHIỆM VỤ</li></ol><ol start=\"4\" type=\"a\"><li>Bốn</li><li value=\"9\">Chín</li><li type=\"i\">Mười</li></ol>" +
                                   "<ul><li>Không số</li></ul></body></html>");
        Assert.Equal("I. MỤC TIÊU\n1. Tổng quát\n2. Cụ thể\nII. NHIỆM VỤ\nd. Bốn\ni. Chín\nx. Mười\nKhông số\n", text);
    }

    [Fact]
    public void A_page_saved_from_a_numbered_word_document_has_the_document_s_sections_and_passages()
    {
        var fixtures = Path.Combine(Atlas.Tests.TestSupport.Repo.Root, "tests", "Fixtures");
        var word = Assert.IsType<Ingested>(Seeds.IngestBytes("quang-nam.docx", File.ReadAllBytes(Path.Combine(fixtures, "word97", "quang-nam-danh-so.docx")))).Programme;

        var page = Assert.IsType<Ingested>(Seeds.IngestBytes("quang-nam.html", File.ReadAllBytes(Path.Combine(fixtures, "html", "quang-nam-danh-so.html")))).Programme;

        Assert.Equal(Seeds.AllSections(word.Sections).Select(s => (s.Id, s.Number, s.Heading)), Seeds.AllSections(page.Sections).Select(s => (s.Id, s.Number, s.Heading)));
        Assert.Equal(word.Passages.Select(x => (x.Id, x.Text)), page.Passages.Select(x => (x.Id, x.Text)));
        Assert.Equal(word.Metadata.Title, page.Metadata.Title);
        Assert.Contains(Seeds.AllSections(page.Sections), s => s.Number == "II" && s.Heading == "NHIỆM VỤ VÀ GIẢI PHÁP");
    }

    [Fact]
    public void A_page_nested_a_hundred_thousand_deep_is_read_without_running_out_of_stack()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<span>", 100_000)) + "Thực hiện Nghị quyết." + "</body></html>";
        Assert.Equal("Thực hiện Nghị quyết.\n", HtmlText.ToText(html));
    }

    [Fact]
    public void Markup_inside_a_plain_text_source_is_text()
    {
        Assert.False(HtmlText.IsHtml("ct.txt", "CHƯƠNG TRÌNH\n\nThực hiện <b>Nghị quyết</b> số 29-NQ/TW."));
        Assert.True(HtmlText.IsHtml("ct.txt", "  <!doctype html><html><body>x</body></html>"));
        Assert.True(HtmlText.IsHtml("ct.HTM", "CHƯƠNG TRÌNH"));
    }
}
