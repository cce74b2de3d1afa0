using System.Buffers.Binary;
using System.Text;
using Atlas.Ingest;
using Atlas.Ingest.Decoding;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest.Decoding;

/// <summary>
/// Many provincial documents still circulate as Word 97–2003 files: a .doc dropped into content/sources is read like the
/// .docx it would be saved as — paragraphs, table rows, what a field shows — and a .doc that cannot be read (damaged,
/// password-protected, Word 95, not a Word file at all) is refused naming the file and the problem. The fixtures are
/// real .doc files written by LibreOffice (tests/Fixtures/word97/README.md).
/// </summary>
public class WordBinarySpec
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "Fixtures", "word97", name));

    [Fact]
    public void A_seed_saved_as_word_97_has_the_seed_s_sections_passages_and_header()
    {
        var plain = Seeds.Ingest(Seeds.TienGiang).Programme;

        var word = Assert.IsType<Ingested>(Seeds.IngestBytes("tien-giang.doc", Fixture("tien-giang-38-ctr-tu-2023.doc")));

        var p = word.Programme;
        Assert.Equal(Seeds.AllSections(plain.Sections).Select(s => (s.Id, s.Heading)), Seeds.AllSections(p.Sections).Select(s => (s.Id, s.Heading)));
        Assert.Equal(plain.Passages.Select(x => (x.Id, x.Text)), p.Passages.Select(x => (x.Id, x.Text)));
        Assert.Equal((plain.Metadata.Title, plain.Metadata.Number, plain.Metadata.Date, plain.Metadata.Province, plain.Metadata.Issuer),
            (p.Metadata.Title, p.Metadata.Number, p.Metadata.Date, p.Metadata.Province, p.Metadata.Issuer));
        Assert.Equal("doc", p.Source.Encoding);
        Assert.Contains(word.Report.Warnings, w => w.Contains(".doc document") && w.Contains("automatic numbering"));
    }

    [Fact]
    public void Automatic_numbering_is_written_out_as_word_prints_it_and_as_the_docx_reader_writes_it()
    {
        var lines = SavedCopy.HasTheTextOf(Fixture("quang-nam-danh-so.docx"), Fixture("quang-nam-danh-so.doc"), "doc");
        // Two levels of one list (I., 1.: the second level restarts under each part) and a second list (a), b)).
        Assert.Contains("I. MỤC TIÊU", lines);
        Assert.Contains("2. Mục tiêu cụ thể", lines);
        Assert.Contains("II. NHIỆM VỤ VÀ GIẢI PHÁP", lines);
        Assert.Contains("1. Nâng cao nhận thức", lines);
        Assert.Contains("b) Tuyên truyền rộng rãi trong nhân dân.", lines);
        Assert.Contains("III. TỔ CHỨC THỰC HIỆN", lines);
    }

    [Fact]
    public void Tables_fields_and_the_header_read_as_from_the_docx_the_file_was_saved_from()
    {
        var lines = SavedCopy.HasTheTextOf(Fixture("bac-ninh-bang.docx"), Fixture("bac-ninh-bang.doc"), "doc");
        // A row of four cells is one line; a cell of two paragraphs is one cell; an empty cell stays in its place.
        Assert.Contains("1 | Xây dựng Đề án phát triển công nghiệp hỗ trợ giai đoạn 2023 - 2030 | Sở Công Thương | Quý IV/2023", lines);
        Assert.Contains("2 | Rà soát quy hoạch các khu công nghiệp |  | Năm 2024", lines);
        // A field shows its result, never its instruction.
        Assert.Contains("Xem trang Nghị quyết 29-NQ/TW để biết thêm.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("HYPERLINK"));
        // The two-column header and closing tables are read cell by cell, as layout.
        Assert.Contains("TỈNH ỦY BẮC NINH", lines);
        Assert.Contains("Nguyễn Anh Tuấn", lines);
    }

    [Fact]
    public void A_tracked_deletion_is_left_out_and_an_insertion_kept_as_the_docx_reader_does()
    {
        var lines = SavedCopy.HasTheTextOf(Fixture("bac-ninh-sua-doi.docx"), Fixture("bac-ninh-sua-doi.doc"), "doc");
        Assert.Contains("Các cấp ủy, tổ chức đảng khẩn trương triển khai thực hiện Chương trình này.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("chính quyền các cấp"));
    }

    /// <summary>
    /// LibreOffice writes every piece as UTF-16; Word writes a piece whose characters Windows-1252 holds as one byte each
    /// (flag 0x40000000 on the piece's offset, which then counts bytes twice over). The fixture's only piece is turned into
    /// that kind in place, holding <paramref name="bytes"/> (as long as the piece; its last byte ends the last paragraph).
    /// </summary>
    private static byte[] WithOneBytePiece(byte[] doc, int length, byte[] bytes)
    {
        var patched = (byte[])doc.Clone();
        // The piece table: Pcdt (0x02, 16 bytes: CPs 0 and length, one PCD), then the PCD's offset.
        byte[] pcdt = [0x02, 16, 0, 0, 0, 0, 0, 0, 0, (byte)length, (byte)(length >> 8), 0, 0];
        int at = patched.AsSpan().IndexOf(pcdt);
        Assert.True(at >= 0, "piece table");
        int fcAt = at + pcdt.Length + 2;
        uint fc = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(fcAt));
        BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(fcAt), fc * 2 | 0x40000000);
        // The text: where the UTF-16 text was (the stream's sectors are in file order), one byte per character now.
        int text = patched.AsSpan().IndexOf(Encoding.Unicode.GetBytes("CHUONG TRINH"));
        Assert.True(text >= 0, "text");
        Assert.Equal(length, bytes.Length);
        bytes.CopyTo(patched, text);
        return patched;
    }

    [Fact]
    public void A_piece_of_one_byte_text_is_read_through_windows_1252_and_vni_typing_is_converted()
    {
        var original = Fixture("khong-dau.doc");
        var plain = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Fixtures", "word97", "khong-dau.txt"));
        int length = plain.Length; // LibreOffice made a paragraph of each line, blank ones too: "\n" became "\r"

        // The same text, as bytes: Word's kind of piece gives the same document.
        var ascii = Encoding.ASCII.GetBytes(plain.Replace('\n', '\r'));
        Assert.Equal(OfficeDocument.ToText(original, out _, out _), OfficeDocument.ToText(WithOneBytePiece(original, length, ascii), out _, out _));

        // A document typed in VNI-Times: its one-byte text is Windows-1252 characters, converted as VNI font text.
        var vni = LegacyText.Vni("CHƯƠNG TRÌNH HÀNH ĐỘNG\rI. MỤC TIÊU\r1. Đến năm 2030, tỷ trọng công nghiệp chế biến, chế tạo đạt 40% GRDP; " +
            "phát triển công nghiệp hỗ trợ, nâng cao năng lực cạnh tranh của doanh nghiệp.\r2. Thu hút đầu tư vào các khu công nghiệp, " +
            "cụm công nghiệp; đẩy mạnh chuyển đổi số trong sản xuất.\r");
        var padded = vni.Concat(Enumerable.Repeat((byte)' ', length - vni.Length - 1)).Append((byte)'\r').ToArray();
        var decoded = OfficeDocument.Decode(WithOneBytePiece(original, length, padded));
        Assert.Equal("vni-in-doc", decoded.Encoding);
        Assert.Contains("2. Thu hút đầu tư vào các khu công nghiệp, cụm công nghiệp; đẩy mạnh chuyển đổi số trong sản xuất.", decoded.Text);
    }

    private static int IndexOf(byte[] bytes, byte[] pattern) => bytes.AsSpan().IndexOf(pattern);

    [Fact]
    public void A_damaged_a_password_protected_a_word_95_and_a_non_word_ole2_file_are_refused_naming_the_file_and_the_problem()
    {
        var doc = Fixture("bac-ninh-bang.doc");

        var cut = Assert.IsType<Rejected>(Seeds.IngestBytes("hong.doc", doc[..(doc.Length / 2)]));
        Assert.Contains("hong.doc", cut.Report.Error);
        Assert.Contains("damaged .doc document", cut.Report.Error);

        // The FIB opens the WordDocument stream, at the start of a sector: wIdent 0xA5EC, then nFib (0xC1 or more since Word 97).
        int fib = Enumerable.Range(1, doc.Length / 512 - 1).Select(s => s * 512).First(at => doc[at] == 0xEC && doc[at + 1] == 0xA5);
        var locked = (byte[])doc.Clone();
        locked[fib + 0x0B] |= 0x01; // fEncrypted
        var password = Assert.IsType<Rejected>(Seeds.IngestBytes("mat-khau.doc", locked));
        Assert.Contains("mat-khau.doc", password.Report.Error);
        Assert.Contains("password-protected", password.Report.Error);

        var word95 = (byte[])doc.Clone();
        (word95[fib + 2], word95[fib + 3]) = (0x65, 0x00);
        var old = Assert.IsType<Rejected>(Seeds.IngestBytes("cu.doc", word95));
        Assert.Contains("Word 6.0/95", old.Report.Error);

        // An OLE2 file without a WordDocument stream (an Excel workbook, an Outlook message).
        var other = (byte[])doc.Clone();
        int name = IndexOf(other, Encoding.Unicode.GetBytes("WordDocument"));
        other[name + 2] = (byte)'X';
        var notWord = Assert.IsType<Rejected>(Seeds.IngestBytes("bang-tinh.xls", other));
        Assert.Contains("bang-tinh.xls", notWord.Report.Error);
        Assert.Contains("not a Word document", notWord.Report.Error);
    }

    [Theory]
    [InlineData("quang-nam-danh-so.doc")]
    [InlineData("bac-ninh-bang.doc")]
    public void A_doc_with_any_bytes_changed_is_read_or_refused_as_damaged_never_failing_inside_the_reader(string fixture)
    {
        var doc = Fixture(fixture);
        var random = new Random(7); // fixed: the same 1,000 damaged copies every run
        var internalErrors = new List<string>();
        for (int i = 0; i < 1000; i++)
        {
            var damaged = (byte[])doc.Clone();
            for (int f = 1 + random.Next(8); f > 0; f--) damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            if (Seeds.IngestBytes("hong.doc", damaged) is Rejected { Report.Error: { } error }
                && (!error.StartsWith("hong.doc: ", StringComparison.Ordinal) || error.Contains("internal ingest error")))
                internalErrors.Add($"copy {i}: {error}");
        }
        Assert.Empty(internalErrors);
    }
}
