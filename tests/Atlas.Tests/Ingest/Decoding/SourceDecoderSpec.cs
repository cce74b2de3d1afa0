using System.Text;
using Atlas.Ingest.Decoding;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest.Decoding;

public class SourceDecoderSpec
{
    private const string Sample =
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII " +
        "về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045.\n" +
        "- Tạo sự chuyển biến rõ rệt về nhận thức và hành động của đảng viên, cán bộ, công chức, viên chức trong hệ thống chính trị và Nhân dân trong tỉnh.\n";

    private static string Seed => File.ReadAllText(Repo.Source("quang-ngai-nq29.txt"));

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        var d = SourceDecoder.Decode([]);
        Assert.Null(d.Text);
        Assert.Contains("empty file", d.Error);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\r\n\r\n\t \n")]
    [InlineData("\u00A0\u3000\n")]
    public void A_whitespace_only_file_is_refused(string content)
    {
        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes(content));
        Assert.Null(d.Text);
        Assert.Contains("whitespace-only", d.Error);
    }

    [Fact]
    public void A_whitespace_only_file_with_a_bom_is_refused()
    {
        var d = SourceDecoder.Decode([0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\n']);
        Assert.Contains("whitespace-only", d.Error);
    }

    [Fact]
    public void A_png_image_is_refused_as_binary_and_named()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0];
        var d = SourceDecoder.Decode(png);
        Assert.Null(d.Text);
        Assert.Contains("binary file", d.Error);
        Assert.Contains("PNG", d.Error);
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ\n", "PDF")]
    [InlineData("PK\u0003\u0004\u0014\u0000\u0006\u0000", "docx")]
    public void Other_document_formats_are_refused_with_their_name(string start, string named)
    {
        var d = SourceDecoder.Decode(Encoding.Latin1.GetBytes(start + new string('x', 100)));
        Assert.Contains("binary file", d.Error);
        Assert.Contains(named, d.Error);
    }

    [Fact]
    public void Bytes_with_nul_are_refused_as_binary()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample).Concat(new byte[] { 0, 1, 2, 0, 0xFF, 0x00 }).ToArray();
        var d = SourceDecoder.Decode(bytes);
        Assert.Contains("binary file", d.Error);
    }

    [Fact]
    public void Random_bytes_are_refused()
    {
        var bytes = new byte[4096];
        new Random(6).NextBytes(bytes);
        var d = SourceDecoder.Decode(bytes);
        Assert.Null(d.Text);
        Assert.NotNull(d.Error);
    }

    [Fact]
    public void Text_full_of_control_characters_is_refused_as_binary()
    {
        var text = string.Concat(Enumerable.Repeat("abc\u0001\u0002\u0003\u001B", 50));
        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes(text));
        Assert.Contains("binary file", d.Error);
    }

    [Fact]
    public void A_few_stray_control_characters_are_removed_and_reported()
    {
        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes("Mục tiêu\u0007 chung\vdòng mới\f\u0085trang\u001B"));
        Assert.Equal("Mục tiêu chung\ndòng mới\ntrang", d.Text);
        Assert.Contains(d.Warnings, w => w.Contains("removed 3 control"));
    }

    [Fact]
    public void Utf8_without_bom_is_read_as_is()
    {
        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes(Sample));
        Assert.Equal(Sample, d.Text);
        Assert.Equal("utf-8", d.Encoding);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Utf8_with_bom_gives_the_same_text_without_the_mark()
    {
        var d = SourceDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)]);
        Assert.Equal(Sample, d.Text);
        Assert.Equal("utf-8-bom", d.Encoding);
    }

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-32le-bom")]
    public void Utf16_and_utf32_with_bom_give_the_same_text(string name)
    {
        Encoding enc = name switch
        {
            "utf-16le-bom" => new UnicodeEncoding(false, true),
            "utf-16be-bom" => new UnicodeEncoding(true, true),
            _ => new UTF32Encoding(false, true),
        };
        var d = SourceDecoder.Decode([.. enc.GetPreamble(), .. enc.GetBytes(Seed)]);
        Assert.Equal(Seed, d.Text);
        Assert.Equal(name, d.Encoding);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16_without_bom_is_recognised_by_its_zero_bytes(bool bigEndian, string name)
    {
        var d = SourceDecoder.Decode(new UnicodeEncoding(bigEndian, false).GetBytes(Seed));
        Assert.Equal(Seed, d.Text);
        Assert.Equal(name, d.Encoding);
    }

    [Fact]
    public void Line_endings_are_left_for_ingest_to_normalise()
    {
        var crlf = Sample.Replace("\n", "\r\n");
        Assert.Equal(crlf, SourceDecoder.Decode(Encoding.UTF8.GetBytes(crlf)).Text);
    }

    [Theory]
    [InlineData("windows-1258", "Windows-1258")]
    [InlineData("vni", "VNI")] // the file holds "Chöông trình" for "Chương trình"
    public void Text_in_a_legacy_encoding_with_toned_capitals_is_converted_exactly(string encoding, string label)
    {
        var bytes = encoding == "vni" ? LegacyText.Vni(Seed) : LegacyText.Windows1258(Seed);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var d = SourceDecoder.Decode(bytes);

        Assert.Null(d.Error);
        Assert.Equal(encoding, d.Encoding);
        Assert.Equal(Seed.Normalize(NormalizationForm.FormC), d.Text);
        Assert.Contains(d.Warnings, w => w.Contains($"converted from {label}"));
    }

    [Fact]
    public void Tcvn3_text_is_converted_to_unicode()
    {
        var d = SourceDecoder.Decode(LegacyText.Tcvn3(Seed));

        Assert.Null(d.Error);
        Assert.Equal("tcvn3", d.Encoding);
        // TCVN3 has no toned capitals, so compare case-folded; the capital headings are checked below.
        Assert.Equal(LegacyText.Fold(Seed), LegacyText.Fold(d.Text!));
        Assert.Contains(d.Warnings, w => w.Contains("converted from TCVN3"));
    }

    [Fact]
    public void Tcvn3_headings_typed_in_capital_fonts_come_back_in_capitals()
    {
        var d = SourceDecoder.Decode(LegacyText.Tcvn3(Seed));
        Assert.StartsWith("CHƯƠNG TRÌNH HÀNH ĐỘNG", d.Text!.TrimStart());
        Assert.Contains("\nI. MỤC ĐÍCH, YÊU CẦU\n", d.Text);
        Assert.Contains("Tạo sự chuyển biến rõ rệt", d.Text);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_capital_line_of_a_seed_survives_tcvn3(string fileName)
    {
        var original = File.ReadAllText(Repo.Source(fileName)).Normalize(NormalizationForm.FormC).Split('\n');
        var decoded = SourceDecoder.Decode(LegacyText.Tcvn3(string.Join('\n', original))).Text!.Split('\n');
        var capitalLines = Enumerable.Range(0, original.Length)
            .Where(i => original[i].Any(char.IsLetter) && original[i] == original[i].ToUpperInvariant()).ToList();
        Assert.NotEmpty(capitalLines);
        Assert.All(capitalLines, i => Assert.Equal(original[i], decoded[i]));
    }

    public static TheoryData<string> Seeds() => new(Directory.EnumerateFiles(Repo.Sources, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void Tcvn3_sentences_starting_with_a_toned_capital_get_it_back()
    {
        var text = string.Concat(Enumerable.Repeat("Tỉnh ủy ban hành chương trình hành động về phát triển công nghiệp. ", 10))
            + "\n- Ủy ban nhân dân tỉnh chủ trì thực hiện.\n3. Ứng dụng khoa học công nghệ.\nlực lượng lao động... để hội nhập\n";
        var d = SourceDecoder.Decode(LegacyText.Tcvn3(text));
        Assert.Equal(text, d.Text);
    }

    [Theory]
    [InlineData("VISCII", "viscii")]
    [InlineData("TCVN5712-1", "tcvn5712-1")]
    public void Text_in_the_legacy_tables_iconv_writes_is_converted_with_its_capitals(string iconvName, string encoding)
    {
        var bytes = Iconv.Encode(Seed, iconvName);
        var d = SourceDecoder.Decode(bytes);

        Assert.Null(d.Error);
        Assert.Equal(encoding, d.Encoding);
        // Exactly what glibc reads back (its table lacks Windows punctuation, which //TRANSLIT made ASCII), capitals included.
        Assert.Equal(Iconv.Decode(bytes, iconvName).Normalize(NormalizationForm.FormC), d.Text);
        Assert.StartsWith("CHƯƠNG TRÌNH HÀNH ĐỘNG", d.Text!.TrimStart());
        Assert.Contains(d.Warnings, w => w.Contains("converted from"));
    }

    [Fact]
    public void The_viscii_and_vn1_tables_agree_with_glibc_on_every_byte()
    {
        var all = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var viscii = Iconv.Decode(all, "VISCII");
        for (int b = 0; b < 256; b++) Assert.True(viscii[b] == Viscii.Map((byte)b), $"VISCII byte 0x{b:X2}");
        // VN1 decodes 0xB0–0xB4 as combining tone marks, which compose with what precedes them: byte by byte.
        foreach (var b in all)
            Assert.True(Iconv.Decode([b], "TCVN5712-1").Normalize(NormalizationForm.FormC) == Tcvn3.DecodeVn1([b]), $"TCVN5712-1 byte 0x{b:X2}");
    }

    [Fact]
    public void Utf7_text_is_converted_and_ascii_with_plus_signs_is_not()
    {
        // UTF-7 as Python's codec writes it: a shift is closed by '-' only where the next character needs it.
        var bytes = Iconv.Encode(Seed, "UTF-7");
        Assert.True(System.Text.Ascii.IsValid(bytes));

        var d = SourceDecoder.Decode(bytes);

        Assert.Equal("utf-7", d.Encoding);
        Assert.Equal(Seed.Normalize(NormalizationForm.FormC), d.Text);
        Assert.Contains(d.Warnings, w => w.Contains("converted from UTF-7"));

        var ascii = string.Concat(Enumerable.Repeat("Chi so +5% (C++ va a+b-c), tang +2-3 diem.\n", 30));
        var plain = SourceDecoder.Decode(Encoding.ASCII.GetBytes(ascii));
        Assert.Equal("utf-8", plain.Encoding);
        Assert.Equal(ascii, plain.Text);
    }

    [Theory]
    [InlineData(1252)]
    [InlineData(28591)] // ISO-8859-1: bytes 0x80–0x9F become C1 controls, not punctuation
    public void Utf8_misread_as_a_western_code_page_and_saved_again_is_repaired(int codePage)
    {
        var western = CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
        var misread = western.GetString(Encoding.UTF8.GetBytes(Seed)); // "Tá»‰nh á»§y" for "Tỉnh ủy"
        Assert.DoesNotContain("Tỉnh", misread);

        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes(misread));

        Assert.Null(d.Error);
        Assert.Equal("utf-8-misread-in-utf-8", d.Encoding);
        Assert.Equal(Seed.Normalize(NormalizationForm.FormC), d.Text);
        Assert.Contains(d.Warnings, w => w.Contains("misread as Latin-1/Windows-1252"));
    }

    [Fact]
    public void Western_text_in_utf8_is_left_as_it_is()
    {
        var french = string.Concat(Enumerable.Repeat("Le ministère a publié la réforme économique générale à Genève. ", 40));
        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes(french));
        Assert.Equal("utf-8", d.Encoding);
        Assert.Equal(french, d.Text);
    }

    [Fact]
    public void Vni_text_resaved_as_utf8_is_repaired()
    {
        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes(LegacyText.VniChars(Seed)));
        Assert.Equal("vni-in-utf-8", d.Encoding);
        Assert.Equal(Seed.Normalize(NormalizationForm.FormC), d.Text);
        Assert.Contains(d.Warnings, w => w.Contains("VNI text re-saved as utf-8"));
    }

    [Fact]
    public void Tcvn3_with_windows_punctuation_is_not_read_as_vn1_capitals()
    {
        var text = string.Concat(Enumerable.Repeat("“Chương trình” – kế hoạch hành động về phát triển công nghiệp. ", 10));
        var bytes = LegacyText.Tcvn3(text);
        Assert.True(Tcvn3.HasVn1Capitals(bytes)); // the quotes and the dash sit where VN1 keeps Ỏ, Õ and Ọ

        var d = SourceDecoder.Decode(bytes);

        Assert.Equal("tcvn3", d.Encoding);
        Assert.Equal(text, d.Text);
    }

    [Fact]
    public void Tcvn3_text_resaved_as_utf8_is_repaired()
    {
        var d = SourceDecoder.Decode(LegacyText.Tcvn3ResavedAsUtf8(Seed));
        Assert.Equal("tcvn3-in-utf-8", d.Encoding);
        Assert.Equal(LegacyText.Fold(Seed), LegacyText.Fold(d.Text!));
    }

    [Fact]
    public void Genuine_unicode_vietnamese_is_never_taken_for_misread_tcvn3()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Sources, "*.txt"))
        {
            var d = SourceDecoder.Decode(File.ReadAllBytes(file));
            Assert.Equal("utf-8", d.Encoding);
            Assert.Equal(File.ReadAllText(file), d.Text);
        }
    }

    [Fact]
    public void Too_little_windows1258_text_to_be_certain_is_refused_naming_the_encoding()
    {
        var d = SourceDecoder.Decode(LegacyText.Windows1258("Quảng Ngãi, ngày 20 tháng 3 năm 2023"));
        Assert.Null(d.Text);
        Assert.Contains("not valid UTF-8", d.Error);
        Assert.Contains("Windows-1258", d.Error);
    }

    [Fact]
    public void Too_little_tcvn3_text_to_be_certain_is_refused_naming_the_encoding()
    {
        var d = SourceDecoder.Decode(LegacyText.Tcvn3("Quảng Ngãi, ngày 20 tháng 3 năm 2023 về việc đẩy mạnh"));
        Assert.Null(d.Text);
        Assert.Contains("TCVN3", d.Error);
    }

    [Fact]
    public void Utf8_with_a_few_corrupt_bytes_is_refused_saying_where_the_damage_is()
    {
        var bytes = Encoding.UTF8.GetBytes(Seed).ToList();
        var thirdLine = bytes.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Skip(1).First().i + 1;
        bytes.InsertRange(thirdLine, new byte[] { 0xC3, 0x28 });
        var d = SourceDecoder.Decode(bytes.ToArray());
        Assert.Null(d.Text);
        Assert.Contains("damaged UTF-8: 1 invalid byte(s), the first at line 3, column 1", d.Error);
    }

    [Fact]
    public void Latin1_text_that_is_not_vietnamese_is_refused_not_converted()
    {
        var french = string.Concat(Enumerable.Repeat("Le ministère a publié la réforme économique générale à Genève. ", 40));
        var d = SourceDecoder.Decode(Encoding.Latin1.GetBytes(french));
        Assert.Null(d.Text);
        Assert.Contains("not valid UTF-8", d.Error);
    }

    [Fact]
    public void A_ten_megabyte_single_line_decodes()
    {
        var line = string.Concat(Enumerable.Repeat("phát triển công nghiệp ", 10 * 1024 * 1024 / 28));
        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes(line));
        Assert.Equal(line, d.Text);
    }

    [Fact]
    public void The_size_limit_is_documented_and_well_above_real_programmes()
    {
        Assert.Equal(16L * 1024 * 1024, SourceDecoder.MaxBytes);
        Assert.Contains("16 MB", SourceDecoder.TooLargeMessage(50L * 1024 * 1024));
    }
}
