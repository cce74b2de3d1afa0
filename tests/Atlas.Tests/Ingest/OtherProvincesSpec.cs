using System.Text;
using Atlas.Ingest;
using Atlas.Model;
using Atlas.Tests.Ingest.Decoding;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest;

/// <summary>
/// Programmes unlike the seeds (tests/Fixtures/programmes/, written for acceptance after real programmes of 2023–2025):
/// a city committee after the 2025 merger issuing a "KẾ HOẠCH" with "PHẦN I" parts and "1.1." items; a header flattened
/// into two columns with the "*" ornament beside the date, "I/ 1/ a/" numbering and bulleted assignment lines; a
/// province whose name holds a dash, "A. B. C." parts over Roman sections; a city with bold Markdown headings.
/// </summary>
public class OtherProvincesSpec
{
    public static readonly string[] Files = ["ba-ria-vung-tau-ctr-2023.txt", "can-tho-kh-2025.txt", "dong-thap-ctr-2025.txt", "ho-chi-minh-ctr-2023.txt"];

    public static TheoryData<string> FileData() => new(Files);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Repo.Root, "tests", "Fixtures", "programmes", name));

    private static Programme Ingest(string name) => Seeds.IngestText(name, Fixture(name)).Programme;

    [Theory]
    [InlineData("can-tho-kh-2025.txt", "Cần Thơ", "Thành ủy", "12-KH/TU", "2025-09-15", "Cần Thơ", "KẾ HOẠCH thực hiện Nghị quyết số 57-NQ/TW")]
    [InlineData("dong-thap-ctr-2025.txt", "Đồng Tháp", "Ban Chấp hành Đảng bộ tỉnh", "05-CTr/TU", "2025-10-03", "Đồng Tháp", "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH thực hiện")]
    [InlineData("ba-ria-vung-tau-ctr-2023.txt", "Bà Rịa - Vũng Tàu", "Tỉnh ủy", "40-CTr/TU", "2023-04-20", "Bà Rịa", "CHƯƠNG TRÌNH HÀNH ĐỘNG Thực hiện Nghị quyết số 24-NQ/TW")]
    [InlineData("ho-chi-minh-ctr-2023.txt", "Hồ Chí Minh", "Thành ủy", "25-CTr/TU", "2023-03-10", "Hồ Chí Minh", "CHƯƠNG TRÌNH thực hiện Nghị quyết số 31-NQ/TW")]
    public void Header_fields_are_read(string file, string province, string issuer, string number, string date, string place, string titleStart)
    {
        var m = Ingest(file).Metadata;
        Assert.Equal((province, issuer, number, date, place), (m.Province, m.Issuer, m.Number, m.Date, m.Place));
        Assert.StartsWith(titleStart, m.Title);
    }

    [Fact]
    public void A_two_column_header_with_the_ornament_beside_the_date_is_not_taken_for_the_body()
    {
        var p = Ingest("dong-thap-ctr-2025.txt");
        Assert.DoesNotContain(p.Passages, x => x.Text.Contains("ngày 03 tháng 10", StringComparison.Ordinal) || x.Text.StartsWith("Số 05", StringComparison.Ordinal));
        Assert.Equal(["68-NQ/TW"], p.Metadata.Implements.Select(d => d.Number));
    }

    [Fact]
    public void Slash_numbering_nests_like_dots_and_brackets()
    {
        var p = Ingest("dong-thap-ctr-2025.txt");
        Assert.Equal("Mục tiêu cụ thể", Seeds.SectionAt(p, "I", "2").Heading);
        Assert.Equal("Cải cách thủ tục hành chính, cải thiện môi trường đầu tư", Seeds.SectionAt(p, "II", "2").Heading);
        var items = p.Passages.Where(x => x.SectionId == "s-i-2").ToList();
        Assert.Equal(["a)", "b)", "c)", "d)", "đ)"], items.Select(x => x.Marker));
    }

    [Fact]
    public void Bulleted_assignment_lines_are_fields_of_their_task()
    {
        var p = Ingest("dong-thap-ctr-2025.txt");
        var task = p.Passages.Single(x => x.SectionId == "s-ii-1");
        Assert.Equal(["Chủ trì", "Phối hợp", "Thời hạn"], task.Fields.Select(f => f.Label));
        Assert.Equal("Ban Tuyên giáo và Dân vận Tỉnh ủy.", task.Fields[0].Value);
        Assert.DoesNotContain(p.Passages, x => x.Text.StartsWith("Chủ trì:", StringComparison.Ordinal));
    }

    [Fact]
    public void Assignment_lines_in_other_wordings_attach_to_the_task_above()
    {
        var p = Ingest("can-tho-kh-2025.txt");
        var data = p.Passages.Single(x => x.SectionId == Seeds.SectionAt(p, "III", "3.2").Id);
        Assert.Equal(["Cơ quan chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"], data.Fields.Select(f => f.Label));
        var hcm = Ingest("ho-chi-minh-ctr-2023.txt");
        var finance = hcm.Passages.Single(x => x.SectionId == Seeds.SectionAt(hcm, "II", "1").Id);
        Assert.Equal(["Chủ trì thực hiện", "Phối hợp thực hiện", "Tiến độ"], finance.Fields.Select(f => f.Label));
    }

    [Fact]
    public void Parts_on_their_own_line_and_decimal_items()
    {
        var p = Ingest("can-tho-kh-2025.txt");
        Assert.Equal(["I", "II", "III", "IV"], p.Sections.Select(s => s.Number));
        Assert.Equal("MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU", p.Sections[1].Heading);
        Assert.Equal("Chỉ tiêu đến năm 2030", Seeds.SectionAt(p, "II", "2.2").Heading);
        Assert.Equal(11, p.Passages.Count(x => x.SectionId == Seeds.SectionAt(p, "II", "2.2").Id));
    }

    [Fact]
    public void Every_fixture_keeps_its_closing_matter_apart_and_names_its_signatory()
    {
        foreach (var file in new[] { "can-tho-kh-2025.txt", "dong-thap-ctr-2025.txt", "ba-ria-vung-tau-ctr-2023.txt", "ho-chi-minh-ctr-2023.txt" })
        {
            var p = Ingest(file);
            Assert.NotNull(p.Metadata.Signatory?.Name);
            Assert.DoesNotContain(p.Passages, x => x.Text.StartsWith("Nơi nhận", StringComparison.Ordinal) || x.Text.Contains("Lưu Văn phòng", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(FileData))]
    public void A_windows_1258_copy_reads_the_same_and_says_it_was_converted(string file)
    {
        var text = Fixture(file);
        var utf8 = Seeds.IngestText(file, text);
        var legacy = Assert.IsType<Ingested>(Seeds.IngestBytes(file, LegacyText.Windows1258(text.Replace("\n", "\r\n"))));
        Assert.Equal(Seeds.Understood(utf8.Programme), Seeds.Understood(legacy.Programme));
        Assert.Contains(legacy.Report.Warnings, w => w.Contains("converted from Windows-1258", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FileData))]
    public void A_tcvn3_copy_reads_the_same_structure_and_header_and_says_it_was_converted(string file)
    {
        // TCVN3 has no "‰": its typists wrote "%o".
        var text = Fixture(file).Replace("‰", "%o");
        var utf8 = Seeds.IngestText(file, text).Programme;
        var legacy = Assert.IsType<Ingested>(Seeds.IngestBytes(file, LegacyText.Tcvn3(text)));
        var tcvn = legacy.Programme;
        Assert.Contains(legacy.Report.Warnings, w => w.Contains("converted from TCVN3", StringComparison.Ordinal));
        // TCVN3 has no toned capitals: text is compared folded, the header's facts exactly.
        Assert.Equal(utf8.Passages.Select(p => p.Id), tcvn.Passages.Select(p => p.Id));
        Assert.Equal(utf8.Passages.Select(p => LegacyText.Fold(p.Text)), tcvn.Passages.Select(p => LegacyText.Fold(p.Text)));
        Assert.Equal(utf8.Passages.Select(p => p.Fields.Count), tcvn.Passages.Select(p => p.Fields.Count));
        var (a, b) = (utf8.Metadata, tcvn.Metadata);
        Assert.Equal((a.Province, a.Number, a.Date, a.Issuer), (b.Province, b.Number, b.Date, b.Issuer));
    }
}
