using System.Text;
using Atlas.Ingest;
using Atlas.Ingest.Decoding;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest.Decoding;

/// <summary>
/// An RTF file (Word's and WordPad's "Rich Text Format") dropped into content/sources is read like the .docx it was
/// saved from: paragraphs, table rows, list numbers as rendered, a field's shown text; headers, footers, footnotes and
/// pictures left out; Vietnamese as \uN or as bytes in the font's character set. Fixtures: tests/Fixtures/rtf/README.md.
/// </summary>
public class RtfSpec
{
    private static byte[] Fixture(string folder, string name) => File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "Fixtures", folder, name));

    private static string Text(string rtf)
    {
        var text = OfficeDocument.ToText(Encoding.ASCII.GetBytes(rtf), out var format, out var error);
        Assert.Null(error);
        Assert.Equal("rtf", format);
        return text!;
    }

    [Fact]
    public void A_seed_saved_as_rtf_has_the_seed_s_sections_passages_and_header()
    {
        var plain = Seeds.Ingest(Seeds.TienGiang).Programme;

        var rtf = Assert.IsType<Ingested>(Seeds.IngestBytes("tien-giang.rtf", Fixture("rtf", "tien-giang-38-ctr-tu-2023.rtf")));

        var p = rtf.Programme;
        Assert.Equal(Seeds.AllSections(plain.Sections).Select(s => (s.Id, s.Heading)), Seeds.AllSections(p.Sections).Select(s => (s.Id, s.Heading)));
        Assert.Equal(plain.Passages.Select(x => (x.Id, x.Text)), p.Passages.Select(x => (x.Id, x.Text)));
        Assert.Equal((plain.Metadata.Number, plain.Metadata.Date, plain.Metadata.Province, plain.Metadata.Issuer),
            (p.Metadata.Number, p.Metadata.Date, p.Metadata.Province, p.Metadata.Issuer));
        Assert.Equal("rtf", p.Source.Encoding);
        Assert.Contains(rtf.Report.Warnings, w => w.Contains(".rtf document"));
    }

    [Theory]
    [InlineData("bac-ninh-bang", "1 | Xây dựng Đề án phát triển công nghiệp hỗ trợ giai đoạn 2023 - 2030 | Sở Công Thương | Quý IV/2023")]
    [InlineData("quang-nam-danh-so", "II. NHIỆM VỤ VÀ GIẢI PHÁP")]
    [InlineData("bac-ninh-sua-doi", "Các cấp ủy, tổ chức đảng khẩn trương triển khai thực hiện Chương trình này.")] // a tracked deletion left out
    public void Tables_list_numbers_and_tracked_changes_read_as_from_the_docx_the_file_was_saved_from(string name, string line)
    {
        var lines = SavedCopy.HasTheTextOf(Fixture("word97", name + ".docx"), Fixture("rtf", name + ".rtf"), "rtf");
        Assert.Contains(line, lines);
    }

    /// <summary>Bytes as RTF writes them: ASCII as is (braces and backslashes escaped), the rest as \'hh.</summary>
    private static string Escaped(byte[] bytes) =>
        string.Concat(bytes.Select(b => b < 0x80 && b is not ((byte)'{' or (byte)'}' or (byte)'\\') ? ((char)b).ToString() : $"\\'{b:x2}"));

    [Fact]
    public void Word_s_rtf_bytes_in_a_vietnamese_font_unicode_escapes_fields_and_old_list_numbers_are_read_and_the_rest_skipped()
    {
        // A Vietnamese font (character set 163) takes its bytes from Windows-1258, tones as combining marks.
        string Vn(string s) => Escaped(LegacyText.Windows1258(s));
        var text = Text(@"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fcharset163 Times New Roman;}{\f1\fcharset0 Arial;}}" +
            $@"{{\header\pard {Vn("Tài liệu mật")}\par}}{{\info{{\title {Vn("Tiêu đề")}}}}}" +
            $@"\pard\plain\f0 {Vn("Tỉnh đoàn Tiền Giang")}\par" +
            @"\pard\f1 Ch\u432?\u417?ng tr\u236?nh h\u224?nh \u273?\u7897?ng\par" +
            @"\pard{\pntext\f1 a)\tab}Xem {\field{\*\fldinst HYPERLINK ""http://example.vn""}{\fldrslt Ngh\u7883\'3f quy\u7871\'3ft 29}}.\par" +
            @"\pard Ghi ch\u250?{\footnote\pard Ch\u250? th\u237?ch\par}\par" +
            @"{\pict\wmetafile8\bin6 }{\}x}}\pard H\u7871?t.\par}"); // \binN: N raw bytes, here braces that would unbalance the groups
        var lines = text.Split('\n').Select(l => l.Normalize(NormalizationForm.FormC)).ToList();

        Assert.Contains("Tỉnh đoàn Tiền Giang", lines);
        Assert.Contains("Chương trình hành động", lines);
        Assert.Contains("a) Xem Nghị quyết 29.", lines); // \'3f after \uN: its fallback, skipped
        Assert.Contains("Ghi chú", lines);
        Assert.Contains("Hết.", lines);
        Assert.DoesNotContain("HYPERLINK", text);
        Assert.DoesNotContain(lines, l => l.Contains("mật") || l.Contains("Tiêu đề") || l.Contains("thích"));
    }

    [Fact]
    public void An_rtf_typed_in_a_vni_font_is_converted_like_any_vni_font_text()
    {
        var vni = LegacyText.Vni("CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết số 29-NQ/TW; phát triển công nghiệp hỗ trợ, " +
                                 "nâng cao năng lực cạnh tranh của doanh nghiệp trên địa bàn tỉnh.");
        var decoded = OfficeDocument.Decode(Encoding.ASCII.GetBytes(@"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset0 VNI-Times;}}\f0 " + Escaped(vni) + @"\par}"));

        Assert.Equal("vni-in-rtf", decoded.Encoding);
        Assert.Contains("nâng cao năng lực cạnh tranh của doanh nghiệp trên địa bàn tỉnh.", decoded.Text);
    }

    [Fact]
    public void A_damaged_rtf_is_refused_naming_the_file_and_any_damage_never_fails_inside_the_reader()
    {
        var whole = Fixture("rtf", "bac-ninh-bang.rtf");
        var cut = Assert.IsType<Rejected>(Seeds.IngestBytes("hong.rtf", whole[..(whole.Length / 2)]));
        Assert.Contains("hong.rtf", cut.Report.Error);
        Assert.Contains("damaged .rtf document", cut.Report.Error);

        var random = new Random(7); // fixed: the same damaged copies every run
        var internalErrors = new List<string>();
        for (int i = 0; i < 500; i++)
        {
            var damaged = (byte[])whole.Clone();
            for (int f = 1 + random.Next(8); f > 0; f--) damaged[5 + random.Next(damaged.Length - 5)] = (byte)random.Next(256);
            if (Seeds.IngestBytes("hong.rtf", damaged) is Rejected { Report.Error: { } error } && error.Contains("internal ingest error"))
                internalErrors.Add($"copy {i}: {error}");
        }
        Assert.Empty(internalErrors);
    }
}
