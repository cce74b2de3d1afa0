using System.IO.Compression;
using System.Security;
using System.Text;
using Atlas.Ingest;
using Atlas.Ingest.Decoding;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest.Decoding;

/// <summary>
/// Programmes mostly leave the provincial office as Word or OpenDocument files: a .docx or .odt dropped into
/// content/sources is read as its body text, one line per paragraph, Word's automatic numbering written out, deleted
/// revisions and notes left out.
/// </summary>
public class OfficeDocumentSpec
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static byte[] Docx(IEnumerable<string> body, string? numbering = null, string? styles = null)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Part(zip, "word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body>{string.Concat(body)}<w:sectPr/></w:body></w:document>");
            if (numbering is not null) Part(zip, "word/numbering.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering xmlns:w=\"{W}\">{numbering}</w:numbering>");
            if (styles is not null) Part(zip, "word/styles.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"{W}\">{styles}</w:styles>");
        }
        return ms.ToArray();
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static string Run(string text) => $"<w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r>";

    /// <summary>A paragraph as Word saves it: the text split over runs (formatting changes), here at its middle space.</summary>
    private static string Paragraph(string text)
    {
        int cut = text.IndexOf(' ', text.Length / 2);
        return cut < 0 ? $"<w:p>{Run(text)}</w:p>" : $"<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>{Run(text[..cut])}{Run(text[cut..])}</w:p>";
    }

    private static string Numbered(string numId, int level, string text) =>
        $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr></w:pPr>{Run(text)}</w:p>";

    [Theory]
    [InlineData(Seeds.TienGiang)]
    [InlineData(Seeds.QuangNgai)]
    public void A_seed_saved_from_word_has_the_seed_s_sections_passages_and_header(string seed)
    {
        var plain = Seeds.Ingest(seed).Programme;
        var lines = Seeds.Text(seed).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        // A deleted revision inside the first body paragraph: not the document's text.
        var body = lines.Select(Paragraph).ToList();
        body.Insert(1, "<w:p><w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>ĐOẠN ĐÃ XÓA</w:delText></w:r></w:del></w:p>");

        var word = Assert.IsType<Ingested>(Seeds.IngestBytes("chuong-trinh.docx", Docx(body)));

        var p = word.Programme;
        Assert.Equal(Seeds.AllSections(plain.Sections).Select(s => (s.Id, s.Heading)), Seeds.AllSections(p.Sections).Select(s => (s.Id, s.Heading)));
        Assert.Equal(plain.Passages.Select(x => (x.Id, x.Text)), p.Passages.Select(x => (x.Id, x.Text)));
        Assert.Equal((plain.Metadata.Number, plain.Metadata.Date, plain.Metadata.Province), (p.Metadata.Number, p.Metadata.Date, p.Metadata.Province));
        Assert.DoesNotContain(p.Passages, x => x.Text.Contains("ĐÃ XÓA"));
        Assert.Equal("docx", p.Source.Encoding);
        Assert.Contains(word.Report.Warnings, w => w.Contains(".docx"));
    }

    /// <summary>A table: rows of cells, each cell's paragraphs separated by '\n'.</summary>
    private static string Table(params string[][] rows) =>
        "<w:tbl>" + string.Concat(rows.Select(r => "<w:tr>" + string.Concat(r.Select(cell =>
            "<w:tc>" + string.Concat(cell.Split('\n').Select(p => $"<w:p>{Run(p)}</w:p>")) + "</w:tc>")) + "</w:tr>")) + "</w:tbl>";

    [Fact]
    public void A_table_row_of_three_columns_or_more_is_one_passage_and_a_two_column_header_table_is_read_cell_by_cell()
    {
        var body = new List<string>
        {
            Table(["TỈNH ỦY TIỀN GIANG\n*\nSố 38-CTr/TU", "ĐẢNG CỘNG SẢN VIỆT NAM\nTiền Giang, ngày 31 tháng 3 năm 2023"]),
            Paragraph("CHƯƠNG TRÌNH HÀNH ĐỘNG"), Paragraph("thực hiện Nghị quyết số 29-NQ/TW"), Paragraph("-----"),
            Paragraph("I. NHIỆM VỤ CỤ THỂ"),
            Table(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
                  ["1", "Xây dựng Đề án phát triển\ncông nghiệp hỗ trợ", "Sở Công Thương", "Quý IV/2023"],
                  ["2", "Rà soát quy hoạch các khu công nghiệp", "Sở Kế hoạch và Đầu tư", "2024"]),
        };

        var p = Assert.IsType<Ingested>(Seeds.IngestBytes("nhiem-vu.docx", Docx(body))).Programme;

        Assert.Equal(("38-CTr/TU", "2023-03-31", "Tiền Giang"), (p.Metadata.Number, p.Metadata.Date, p.Metadata.Province));
        Assert.Equal([
            "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian",
            "1 | Xây dựng Đề án phát triển công nghiệp hỗ trợ | Sở Công Thương | Quý IV/2023",
            "2 | Rà soát quy hoạch các khu công nghiệp | Sở Kế hoạch và Đầu tư | 2024",
        ], p.Passages.Select(x => x.Text));
    }

    [Fact]
    public void A_document_typed_in_a_vni_font_is_converted_with_its_capitals()
    {
        var plain = Seeds.Ingest(Seeds.TienGiang).Programme;
        var lines = LegacyText.VniChars(Seeds.Text(Seeds.TienGiang)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

        var word = Assert.IsType<Ingested>(Seeds.IngestBytes("vni-times.docx", Docx(lines.Select(Paragraph))));

        Assert.Equal("vni-in-docx", word.Programme.Source.Encoding);
        Assert.Equal(plain.Passages.Select(x => x.Text), word.Programme.Passages.Select(x => x.Text));
        Assert.Equal(plain.Metadata.Title, word.Programme.Metadata.Title);
    }

    [Fact]
    public void A_document_typed_in_a_tcvn3_font_is_converted_like_a_re_saved_tcvn3_text()
    {
        var plain = Seeds.Ingest(Seeds.TienGiang).Programme;
        var misread = Encoding.UTF8.GetString(LegacyText.Tcvn3ResavedAsUtf8(Seeds.Text(Seeds.TienGiang)));
        var lines = misread.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

        var word = Assert.IsType<Ingested>(Seeds.IngestBytes("vntime.docx", Docx(lines.Select(Paragraph))));

        Assert.Equal("tcvn3-in-docx", word.Programme.Source.Encoding);
        // TCVN3 has no code for some capital toned vowels ("Ủ" is typed "ủ"), so texts are compared case-folded.
        Assert.Equal(plain.Passages.Select(x => LegacyText.Fold(x.Text)), word.Programme.Passages.Select(x => LegacyText.Fold(x.Text)));
        Assert.Equal(plain.Passages.Select(x => x.Id), word.Programme.Passages.Select(x => x.Id));
    }

    [Fact]
    public void Automatic_numbering_is_written_out_as_the_document_prints_it()
    {
        const string numbering =
            "<w:abstractNum w:abstractNumId=\"7\">" +
            "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl>" +
            "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl>" +
            "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%3)\"/></w:lvl>" +
            "<w:lvl w:ilvl=\"3\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\uf0b7\"/></w:lvl>" +
            "</w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num>";
        var docx = Docx([
            Numbered("3", 0, "MỤC TIÊU"), Numbered("3", 1, "Mục tiêu chung"), Paragraph("Phát triển nhanh."), Numbered("3", 1, "Mục tiêu cụ thể"),
            Numbered("3", 2, "Tăng trưởng 8%."), Numbered("3", 2, "Đô thị hóa 45%."), Numbered("3", 3, "Chi tiết."),
            Numbered("3", 0, "NHIỆM VỤ"), Numbered("3", 1, "Về kinh tế"),
        ], numbering);

        Assert.Equal("I. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển nhanh.\n2. Mục tiêu cụ thể\na) Tăng trưởng 8%.\nb) Đô thị hóa 45%.\n- Chi tiết.\n" +
                     "II. NHIỆM VỤ\n1. Về kinh tế\n", OfficeDocument.ToText(docx, out _, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void A_text_box_is_read_once_though_word_saves_it_twice()
    {
        // Word keeps a text box as a drawing for itself and as a VML fallback for older readers; both hold its paragraphs.
        const string mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
        var box = $"<w:r><mc:AlternateContent xmlns:mc=\"{mc}\"><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>{Paragraph("TỈNH ỦY NAM ĐỊNH")}</w:txbxContent></w:drawing></mc:Choice>" +
                  $"<mc:Fallback><w:pict><w:txbxContent>{Paragraph("TỈNH ỦY NAM ĐỊNH")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
        var docx = Docx([$"<w:p>{Run("Số 12-KH/TU")}{box}</w:p>", Paragraph("KẾ HOẠCH thực hiện Nghị quyết.")]);

        Assert.Equal("Số 12-KH/TU\nTỈNH ỦY NAM ĐỊNH\n\nKẾ HOẠCH thực hiện Nghị quyết.\n", OfficeDocument.ToText(docx, out _, out _));
    }

    private static string Styled(string style, string text) => $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{Run(text)}</w:p>";

    [Fact]
    public void Numbering_that_comes_from_a_heading_style_is_written_out_too()
    {
        const string numbering =
            "<w:abstractNum w:abstractNumId=\"1\">" +
            "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:pStyle w:val=\"Heading1\"/><w:lvlText w:val=\"%1.\"/></w:lvl>" +
            "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"Heading2\"/><w:lvlText w:val=\"%2.\"/></w:lvl>" +
            "</w:abstractNum><w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/></w:num>";
        const string styles =
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"MucNho\"><w:basedOn w:val=\"Heading2\"/></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"Normal\"/>";
        var docx = Docx([
            Styled("Heading1", "MỤC TIÊU"), Styled("Heading2", "Mục tiêu chung"), Styled("Normal", "Phát triển nhanh."), Styled("MucNho", "Mục tiêu cụ thể"),
            Styled("Heading1", "NHIỆM VỤ"), Styled("Heading2", "Về kinh tế"),
        ], numbering, styles);

        Assert.Equal("I. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển nhanh.\n2. Mục tiêu cụ thể\nII. NHIỆM VỤ\n1. Về kinh tế\n", OfficeDocument.ToText(docx, out _, out _));
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_and_a_damaged_one_are_refused_naming_the_file()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true)) Part(zip, "readme.txt", "x");
        var notWord = Assert.IsType<Rejected>(Seeds.IngestBytes("anh.zip", ms.ToArray()));
        Assert.Contains("anh.zip", notWord.Report.Error);
        Assert.Contains("neither a .docx nor an .odt document", notWord.Report.Error);

        var whole = Docx([Paragraph("CHƯƠNG TRÌNH HÀNH ĐỘNG"), Paragraph("Thực hiện Nghị quyết.")]);
        var damaged = Assert.IsType<Rejected>(Seeds.IngestBytes("hong.docx", whole[..(whole.Length / 2)]));
        Assert.Contains("hong.docx", damaged.Report.Error);
        Assert.Contains("damaged .docx/.odt document", damaged.Report.Error);
    }

    [Fact]
    public void An_opendocument_text_is_read_as_its_paragraphs_headings_and_list_items()
    {
        const string t = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        var plain = Seeds.Ingest(Seeds.TienGiang).Programme;
        var lines = Seeds.Text(Seeds.TienGiang).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        string P(string line) => line.StartsWith("- ", StringComparison.Ordinal)
            ? $"<text:list><text:list-item><text:p>{SecurityElement.Escape(line)}</text:p></text:list-item></text:list>"
            : $"<text:p text:style-name=\"P1\">{SecurityElement.Escape(line).Replace("  ", "<text:s text:c=\"2\"/>")}</text:p>";
        var body = string.Concat(lines.Select(P)) +
                   "<text:p>Ghi chú<text:note><text:note-body><text:p>CHÚ THÍCH CUỐI TRANG</text:p></text:note-body></text:note></text:p>";
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "mimetype", "application/vnd.oasis.opendocument.text");
            Part(zip, "content.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " +
                                     $"xmlns:text=\"{t}\"><office:body><office:text>{body}</office:text></office:body></office:document-content>");
        }

        var odt = Assert.IsType<Ingested>(Seeds.IngestBytes("chuong-trinh.odt", ms.ToArray()));

        Assert.Equal("odt", odt.Programme.Source.Encoding);
        Assert.Equal(plain.Passages.Select(x => (x.Id, x.Text)), odt.Programme.Passages.Select(x => (x.Id, x.Text)).Where(x => x.Text != "Ghi chú"));
        Assert.DoesNotContain(odt.Programme.Passages, x => x.Text.Contains("CHÚ THÍCH"));
        Assert.Contains(odt.Report.Warnings, w => w.Contains(".odt"));
    }

    [Fact]
    public void An_opendocument_table_row_of_three_columns_or_more_is_one_passage()
    {
        const string t = "urn:oasis:names:tc:opendocument:xmlns:text:1.0", tb = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        static string Row(params string[] cells) => "<table:table-row>" + string.Concat(cells.Select(c => c == ""
            ? "<table:covered-table-cell/>" : $"<table:table-cell><text:p>{SecurityElement.Escape(c)}</text:p></table:table-cell>")) + "</table:table-row>";
        var body = "<text:p>CHƯƠNG TRÌNH HÀNH ĐỘNG</text:p><text:p>-----</text:p><text:h>I. CHỈ TIÊU</text:h>" +
                   "<table:table><table:table-header-rows>" + Row("Chỉ tiêu", "Đơn vị", "Năm 2025", "Năm 2030") + "</table:table-header-rows>" +
                   Row("Tỷ lệ đô thị hóa", "%", "35", "45") + Row("Tỷ lệ hộ nghèo", "", "1", "0,5") + "</table:table>";
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "mimetype", "application/vnd.oasis.opendocument.text");
            Part(zip, "content.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " +
                                     $"xmlns:text=\"{t}\" xmlns:table=\"{tb}\"><office:body><office:text>{body}</office:text></office:body></office:document-content>");
        }

        var p = Assert.IsType<Ingested>(Seeds.IngestBytes("chi-tieu.odt", ms.ToArray())).Programme;

        Assert.Equal(["Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2030", "Tỷ lệ đô thị hóa | % | 35 | 45", "Tỷ lệ hộ nghèo | | 1 | 0,5"],
            p.Passages.Select(x => x.Text));
    }

    private static byte[] OpenDocumentFixture(string name) => File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "Fixtures", "opendocument", name));

    /// <summary>LibreOffice's copies of .docx files (tests/Fixtures/opendocument/README.md): the numbers it generates are
    /// written out as the .docx reader writes Word's.</summary>
    [Theory]
    [InlineData("quang-nam-danh-so", "I. MỤC TIÊU", "2. Mục tiêu cụ thể", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "b) Tuyên truyền rộng rãi trong nhân dân.")]
    [InlineData("quang-nam-de-muc", "I. MỤC TIÊU", "II. NHIỆM VỤ", "2. Phát triển công nghiệp", "III. TỔ CHỨC THỰC HIỆN")]
    public void Numbers_libreoffice_generates_for_lists_and_headings_are_written_out_as_printed(string name, params string[] expected)
    {
        var lines = SavedCopy.HasTheTextOf(OpenDocumentFixture(name + ".docx"), OpenDocumentFixture(name + ".odt"), "odt");
        foreach (var line in expected) Assert.Contains(line, lines);
    }
}
