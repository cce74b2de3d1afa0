using Atlas.Ingest;
using Atlas.Ingest.Decoding;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest.Decoding;

/// <summary>
/// Provincial portals publish programmes as PDFs. A PDF with a text layer dropped into content/sources is read like the
/// document it was printed from: paragraphs rebuilt from line positions (a line ends its paragraph when the next line's
/// first word would have fitted after it, or the next line starts at the paragraph indent), the two-column header and
/// closing read column by column, table rows rebuilt from aligned cells, page numbers left out. A PDF that cannot be
/// read — a scan without text, password-protected, damaged — is refused naming the file and the problem. The fixtures
/// are real PDFs exported by LibreOffice (tests/Fixtures/pdf/README.md).
/// </summary>
public class PdfTextSpec
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "Fixtures", "pdf", name));

    private static byte[] WordFixture(string name) => File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "Fixtures", "word97", name));

    [Theory]
    [InlineData("tien-giang-in-chinh-thuc.pdf")] // paragraphs start at a first-line indent
    [InlineData("tien-giang-cach-doan.pdf")] // paragraphs without indent, set apart by space
    [InlineData("tien-giang-chu-thich.pdf")] // footnotes at the foot of pages, inside paragraphs running over page breaks
    public void A_seed_printed_as_an_official_document_has_the_seed_s_sections_passages_and_header(string fixture)
    {
        var plain = Seeds.Ingest(Seeds.TienGiang).Programme;

        var pdf = Assert.IsType<Ingested>(Seeds.IngestBytes("tien-giang.pdf", Fixture(fixture)));

        var p = pdf.Programme;
        Assert.Equal(Seeds.AllSections(plain.Sections).Select(s => (s.Id, s.Heading)), Seeds.AllSections(p.Sections).Select(s => (s.Id, s.Heading)));
        Assert.Equal(plain.Passages.Select(x => (x.Id, x.Text)), p.Passages.Select(x => (x.Id, x.Text)));
        Assert.Equal((plain.Metadata.Title, plain.Metadata.Number, plain.Metadata.Date, plain.Metadata.Province, plain.Metadata.Issuer),
            (p.Metadata.Title, p.Metadata.Number, p.Metadata.Date, p.Metadata.Province, p.Metadata.Issuer));
        Assert.Equal("pdf", p.Source.Encoding);
        Assert.Contains(pdf.Report.Warnings, w => w.Contains("read from a PDF") && w.Contains("Check the sections and tables"));
    }

    [Fact]
    public void Page_numbers_at_the_foot_of_each_page_are_left_out()
    {
        var text = OfficeDocument.ToText(Fixture("tien-giang-in-chinh-thuc.pdf"), out var format, out var error)!;

        Assert.Equal(("pdf", null), (format, error));
        var lines = text.Split('\n');
        Assert.DoesNotContain(lines, l => l.Trim().All(char.IsDigit) && l.Trim().Length > 0);
        // A paragraph running over a page break is one paragraph: the seed's longest passages all come through whole.
        var seed = Seeds.Text(Seeds.TienGiang).Normalize().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 600).ToList();
        Assert.NotEmpty(seed);
        Assert.All(seed, l => Assert.Contains(string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)), lines));
    }

    [Fact]
    public void Footnotes_are_left_out_with_the_marks_that_point_to_them_and_the_report_names_their_pages()
    {
        var decoded = OfficeDocument.Decode(Fixture("tien-giang-chu-thich.pdf"));

        Assert.Null(decoded.Error);
        Assert.DoesNotContain("Theo Nghị quyết số 29-NQ/TW ngày 17/11/2022, mục", decoded.Text);
        Assert.DoesNotContain('\uE000', decoded.Text);
        // The paragraph the first note is attached to ends as in the seed, without the note's number ("chưa cao...1").
        Assert.Contains("nên hiệu quả sản xuất kinh doanh đạt được chưa cao...\n", decoded.Text);
        Assert.Contains(decoded.Warnings, w => w.Contains("footnotes left out, pages 1, 2"));
    }

    [Fact]
    public void An_exponent_is_kept_as_digits_and_a_body_line_starting_with_its_number_is_no_footnote()
    {
        // "km²" (a raised 2, Ts text rise), then lower on the page a body line in the same type that starts with "2".
        var page = System.Text.Encoding.ASCII.GetBytes(
            "BT /F1 12 Tf 72 440 Td (Dien tich khu cong nghiep dat 25 km) Tj /F1 7 Tf 5 Ts (2) Tj /F1 12 Tf 0 Ts ( tren dia ban tinh.) Tj ET\n" +
            "BT /F1 12 Tf 72 400 Td (2 nam toi, tinh hoan thanh ha tang cac khu cong nghiep.) Tj ET\n" +
            "BT /F1 12 Tf 72 380 Td (Cac cap uy trien khai thuc hien Chuong trinh nay.) Tj ET\n");

        var decoded = OfficeDocument.Decode(HandMadePdf.OnePage(HandMadePdf.Flate(z => z.Write(page))));

        Assert.Null(decoded.Error);
        Assert.Contains("25 km2 tren dia ban tinh.", decoded.Text);
        Assert.Contains("2 nam toi, tinh hoan thanh ha tang cac khu cong nghiep.", decoded.Text);
        Assert.Contains("Cac cap uy trien khai thuc hien Chuong trinh nay.", decoded.Text);
        Assert.DoesNotContain(decoded.Warnings, w => w.Contains("footnotes"));
    }

    [Fact]
    public void A_plain_text_printed_ragged_and_without_indents_keeps_nearly_every_passage()
    {
        // Monospaced, ragged right, no indents: where a paragraph's last line happens to be full, nothing on the page
        // says whether the next line starts a new one. Most passages must still come through exactly.
        var plain = Seeds.Ingest(Seeds.TienGiang).Programme;

        var p = Assert.IsType<Ingested>(Seeds.IngestBytes("tien-giang.pdf", Fixture("tien-giang-van-ban-thuan.pdf"))).Programme;

        var texts = p.Passages.Select(x => x.Text).ToHashSet();
        int kept = plain.Passages.Count(x => texts.Contains(x.Text));
        Assert.True(kept >= 0.85 * plain.Passages.Count, $"{kept} of {plain.Passages.Count} passages kept");
        Assert.Equal(plain.Metadata.Number, p.Metadata.Number);
        Assert.Equal(plain.Metadata.Date, p.Metadata.Date);
    }

    [Fact]
    public void Numbered_paragraphs_read_as_the_docx_reader_writes_them()
    {
        // Word prints a number, a tab, then the text: the number is a segment of its own on the printed line.
        var lines = SavedCopy.HasTheTextOf(WordFixture("quang-nam-danh-so.docx"), Fixture("quang-nam-danh-so.pdf"), "pdf");

        Assert.Contains("I. MỤC TIÊU", lines);
        Assert.Contains("b) Tuyên truyền rộng rãi trong nhân dân.", lines);
    }

    [Fact]
    public void Table_rows_are_rebuilt_from_aligned_cells_and_the_header_and_closing_read_column_by_column()
    {
        var text = OfficeDocument.ToText(Fixture("bac-ninh-bang.pdf"), out var format, out var error)!;
        var lines = text.Split('\n');

        Assert.Equal(("pdf", null), (format, error));
        // A cell's further lines join their cell; an empty cell keeps its place; the header row is a row.
        Assert.Contains("STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian", lines);
        Assert.Contains("1 | Xây dựng Đề án phát triển công nghiệp hỗ trợ giai đoạn 2023 - 2030 | Sở Công Thương | Quý IV/2023", lines);
        Assert.Contains("2 | Rà soát quy hoạch các khu công nghiệp |  | Năm 2024", lines);
        // Header: organ, then motto; closing: recipients, then the signature block.
        Assert.True(Array.IndexOf(lines, "TỈNH ỦY BẮC NINH") < Array.IndexOf(lines, "ĐẢNG CỘNG SẢN VIỆT NAM"));
        var closing = lines.SkipWhile(l => l != "Nơi nhận:").Where(l => l.Length > 0).ToList();
        Assert.Equal(["Nơi nhận:", "- Ban Bí thư,", "- Lưu VPTU.", "T/M TỈNH ỦY", "BÍ THƯ", "Nguyễn Anh Tuấn"], closing);
        // The body between them is as the .docx has it.
        var docx = OfficeDocument.ToText(WordFixture("bac-ninh-bang.docx"), out _, out _)!.Split('\n');
        var body = docx.SkipWhile(l => l != "I. MỤC TIÊU").TakeWhile(l => l != "Nơi nhận:").ToList();
        Assert.Equal(body, lines.SkipWhile(l => l != "I. MỤC TIÊU").TakeWhile(l => l != "Nơi nhận:").ToList());
    }

    [Fact]
    public void A_printed_word_document_gives_the_fields_its_docx_gives()
    {
        // Its header table and title are set flush left: the title must not be read into the header's left column.
        var docx = Assert.IsType<Ingested>(Seeds.IngestBytes("bac-ninh.docx", WordFixture("bac-ninh-bang.docx"))).Programme.Metadata;

        var pdf = Assert.IsType<Ingested>(Seeds.IngestBytes("bac-ninh.pdf", Fixture("bac-ninh-bang.pdf"))).Programme.Metadata;

        Assert.Equal((docx.Title, docx.Number, docx.Date, docx.Place, docx.Province, docx.Issuer, docx.Signatory),
            (pdf.Title, pdf.Number, pdf.Date, pdf.Place, pdf.Province, pdf.Issuer, pdf.Signatory));
        Assert.Equal(docx.Implements, pdf.Implements);
        Assert.NotEmpty(pdf.Implements);
    }

    [Fact]
    public void Cells_full_of_text_are_told_apart_by_their_drawn_walls_and_rows_by_their_drawn_borders()
    {
        // Padding of 0.03 cm: words run up to the borders, too close for any gap to separate the cells; in the table of
        // targets a name runs over two or three lines of its first cell, so only the row borders say where rows end.
        var lines = OfficeDocument.ToText(Fixture("bang-kin-chu.pdf"), out _, out var error)!.Split('\n');

        Assert.Null(error);
        Assert.Equal([
            "II. NHIỆM VỤ CỤ THỂ",
            "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành",
            "1 | Xây dựng Đề án phát triển công nghiệp hỗ trợ giai đoạn 2023 - 2030 trên địa bàn tỉnh | Sở Công Thương phối hợp Sở Kế hoạch và Đầu tư | Quý IV năm 2023",
            "2 | Rà soát, điều chỉnh quy hoạch các khu công nghiệp, cụm công nghiệp theo hướng đồng bộ hạ tầng | Ban Quản lý các khu công nghiệp tỉnh | Năm 2024 và các năm tiếp theo",
            "3 | Đào tạo nguồn nhân lực chất lượng cao phục vụ công nghiệp chế biến, chế tạo | Sở Lao động - Thương binh và Xã hội | Hằng năm",
            "Các chỉ tiêu chủ yếu đến năm 2030:",
            "Chỉ tiêu | Đơn vị | 2025 | 2030",
            "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP của tỉnh | % | 25 | 30",
            "Tốc độ tăng năng suất lao động xã hội bình quân hằng năm | %/năm | 6,5 | 7",
            "Tỷ lệ đô thị hóa | % | 40 | 45",
            "III. TỔ CHỨC THỰC HIỆN",
            "Các cấp ủy, tổ chức đảng triển khai thực hiện Chương trình này.",
            ""], lines);
    }

    [Fact]
    public void A_scan_without_text_a_password_protected_pdf_and_a_damaged_one_are_refused_naming_the_file_and_the_problem()
    {
        var scan = Assert.IsType<Rejected>(Seeds.IngestBytes("ban-quet.pdf", Fixture("ban-quet.pdf")));
        Assert.Contains("ban-quet.pdf", scan.Report.Error);
        Assert.Contains("scanned PDF", scan.Report.Error);
        Assert.Contains("OCR", scan.Report.Error);

        var locked = Assert.IsType<Rejected>(Seeds.IngestBytes("mat-khau.pdf", Fixture("bac-ninh-mat-khau.pdf")));
        Assert.Contains("mat-khau.pdf", locked.Report.Error);
        Assert.Contains("password-protected PDF", locked.Report.Error);

        var pdf = Fixture("bac-ninh-bang.pdf");
        var cut = Assert.IsType<Rejected>(Seeds.IngestBytes("hong.pdf", pdf[..(pdf.Length / 3)]));
        Assert.Contains("hong.pdf", cut.Report.Error);
        Assert.Contains("PDF", cut.Report.Error);
    }

    [Fact]
    public void Pages_of_pictures_only_in_a_pdf_with_text_are_named_for_a_reviewer()
    {
        var decoded = OfficeDocument.Decode(Fixture("mot-trang-quet.pdf"));

        Assert.Null(decoded.Error);
        Assert.Contains("Nhiem vu: hoan thien ha tang cac khu cong nghiep.", decoded.Text);
        Assert.Contains(decoded.Warnings, w => w.Contains("pages of pictures only") && w.Contains(": 2)"));
    }

    [Fact]
    public void A_title_made_bold_by_printing_it_twice_reads_once_and_text_set_sideways_is_named_not_mixed_in()
    {
        var decoded = OfficeDocument.Decode(Fixture("in-dam-gia.pdf"));

        Assert.Null(decoded.Error);
        Assert.StartsWith("CHUONG TRINH HANH DONG\n", decoded.Text);
        Assert.DoesNotContain("Ban in thu nghiem", decoded.Text);
        Assert.Contains(decoded.Warnings, w => w.Contains("text set sideways left out, pages 1"));
    }

    [Fact]
    public void A_pdf_whose_page_inflates_to_gigabytes_is_refused_before_it_is_decoded()
    {
        // 80 MB of text operators in a content stream of about 80 KB: a "zip bomb" a few kilobytes can also hold.
        var line = "BT /F1 12 Tf 72 700 Td (Chuong trinh hanh dong) Tj ET\n"u8.ToArray();
        var page = HandMadePdf.Flate(z => { for (int written = 0; written < 80 * 1024 * 1024; written += line.Length) z.Write(line); });

        var bomb = Assert.IsType<Rejected>(Seeds.IngestBytes("bom.pdf", HandMadePdf.OnePage(page)));

        Assert.Contains("bom.pdf", bomb.Report.Error);
        Assert.Contains("inflates past 64 MB", bomb.Report.Error);
    }

    [Fact]
    public void A_pdf_holding_a_script_is_read_and_the_report_says_its_original_is_not_published()
    {
        var page = HandMadePdf.Flate(z => z.Write("BT /F1 12 Tf 72 700 Td (Chuong trinh hanh dong cua Tinh uy) Tj ET"u8));

        var plain = OfficeDocument.Decode(HandMadePdf.OnePage(page));
        var scripted = OfficeDocument.Decode(HandMadePdf.OnePage(page, "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> "));
        var attached = OfficeDocument.Decode(HandMadePdf.OnePage(page, "/Names << /EmbeddedFiles << /Names [] >> >> "));

        Assert.Equal("Chuong trinh hanh dong cua Tinh uy\n", scripted.Text);
        Assert.Contains(scripted.Warnings, w => w.Contains("its original is not published"));
        Assert.Contains(attached.Warnings, w => w.Contains("its original is not published"));
        Assert.DoesNotContain(plain.Warnings, w => w.Contains("its original is not published"));
        // No PDF a writer exported for printing is taken for one (LibreOffice's, with links and bookmarks).
        foreach (var fixture in Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", "Fixtures", "pdf"), "*.pdf").Order(StringComparer.Ordinal))
            Assert.DoesNotContain(OfficeDocument.Decode(File.ReadAllBytes(fixture)).Warnings, w => w.Contains("its original is not published"));
    }

    [Fact]
    public void A_text_that_mentions_the_pdf_header_is_still_read_as_text()
    {
        var text = "TỈNH ỦY BẮC NINH\nTệp gốc bắt đầu bằng %PDF-1.7 nhưng đây là văn bản.\n"u8.ToArray();

        Assert.False(OfficeDocument.LooksLikeDocument(text));
        Assert.True(OfficeDocument.LooksLikeDocument(Fixture("ban-quet.pdf")));
    }

    [Fact]
    public void A_pdf_with_any_bytes_changed_is_read_or_refused_as_damaged_never_failing_inside_the_reader()
    {
        var pdf = Fixture("bac-ninh-bang.pdf");
        var random = new Random(20261127);
        var internalErrors = new List<string>();
        for (int copy = 0; copy < 300; copy++)
        {
            var damaged = (byte[])pdf.Clone();
            int changes = 1 + copy % 8;
            // The header stays: a file not starting "%PDF-" is not taken for a PDF at all (refused as binary).
            for (int k = 0; k < changes; k++) damaged[random.Next(5, damaged.Length)] = (byte)random.Next(256);
            if (copy % 3 == 0) damaged = damaged[..random.Next(8, damaged.Length)];
            var outcome = Seeds.IngestBytes("hong.pdf", damaged);
            if (outcome is Rejected { Report.Error: { } error } && !error.Contains("PDF"))
                internalErrors.Add($"copy {copy}: {error}");
        }
        Assert.Empty(internalErrors);
    }
}
