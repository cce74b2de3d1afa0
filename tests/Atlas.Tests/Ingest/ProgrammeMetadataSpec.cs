using Atlas.Model;

namespace Atlas.Tests.Ingest;

/// <summary>Header facts of the five seeds, as issue 2's table states them; what a source does not say stays empty and is reported.</summary>
public class ProgrammeMetadataSpec
{
    private static FieldReport Field(DocumentReport r, string name) => r.Fields.Single(f => f.Field == name);

    [Fact]
    public void Tien_giang_states_province_number_date_two_implemented_documents_and_its_secretary()
    {
        var (p, report) = Seeds.Ingest(Seeds.TienGiang);
        var m = p.Metadata;
        Assert.Equal("Tiền Giang", m.Province);
        Assert.Equal("38-CTr/TU", m.Number);
        Assert.Equal("2023-03-31", m.Date);
        Assert.Equal("Tiền Giang", m.Place);
        Assert.Equal(["29-NQ/TW", "13-KH/TW"], m.Implements.Select(d => d.Number));
        Assert.Equal(["2022-11-17", "2022-11-28"], m.Implements.Select(d => d.Date));
        Assert.Equal(new Signatory("Nguyễn Văn Danh", "Bí thư"), m.Signatory);
        Assert.Equal([2030, 2045], m.HorizonYears);
        Assert.StartsWith("CHƯƠNG TRÌNH thực hiện Nghị quyết 29-NQ/TW", m.Title);
        Assert.Equal("found", Field(report, "province").State);
        Assert.Equal("ok", report.Status);
        Assert.Equal("tien-giang-38-ctr-tu-2023", p.Slug);
        // The letterhead "TỈNH ỦY TIỀN GIANG" names the issuing organ, not the preamble's drafting body.
        Assert.Equal("Tỉnh ủy", m.Issuer);
    }

    [Fact]
    public void Kien_giang_province_is_inferred_from_body_text_with_evidence_and_number_and_date_are_missing()
    {
        var (p, report) = Seeds.Ingest(Seeds.KienGiang);
        var m = p.Metadata;
        Assert.Equal("Kiên Giang", m.Province);
        var province = Field(report, "province");
        Assert.Equal("inferred", province.State);
        Assert.StartsWith("Kiên Giang nằm xa", province.Evidence);
        Assert.Null(m.Number);
        Assert.Null(m.Date);
        Assert.Equal("missing", Field(report, "number").State);
        Assert.Equal("missing", Field(report, "date").State);
        var implemented = Assert.Single(m.Implements);
        Assert.Null(implemented.Number);
        Assert.Equal("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI", implemented.Label);
        Assert.Equal(new Signatory("Mai Văn Huỳnh", "Phó Bí thư Thường trực"), m.Signatory);
        Assert.Equal([2025, 2030], m.HorizonYears);
        Assert.Equal("Tỉnh ủy", m.Issuer); // "T/M TỈNH ỦY" above the signature
    }

    [Fact]
    public void Thai_binh_has_a_date_but_no_number_and_its_signatory_has_no_role()
    {
        var (p, report) = Seeds.Ingest(Seeds.ThaiBinh);
        var m = p.Metadata;
        Assert.Equal("Thái Bình", m.Province);
        Assert.Null(m.Number);
        Assert.Equal("2023-05-19", m.Date);
        Assert.Equal(["29-NQ/TW"], m.Implements.Select(d => d.Number));
        Assert.Equal(new Signatory("Ngô Đông Hải", null), m.Signatory);
        Assert.Equal("missing", Field(report, "signatory.role").State);
        Assert.Equal("Ban Thường vụ Tỉnh ủy", m.Issuer);
    }

    [Fact]
    public void Quang_ngai_has_neither_number_nor_date()
    {
        var (p, report) = Seeds.Ingest(Seeds.QuangNgai);
        var m = p.Metadata;
        Assert.Equal("Quảng Ngãi", m.Province);
        Assert.Null(m.Number);
        Assert.Null(m.Date);
        Assert.Equal(["29-NQ/TW"], m.Implements.Select(d => d.Number));
        Assert.Equal(new Signatory("Bùi Thị Quỳnh Vân", "Bí thư"), m.Signatory);
        Assert.Equal("missing", Field(report, "date").State);
    }

    [Fact]
    public void Hau_giang_is_signed_by_nobody()
    {
        var (p, report) = Seeds.Ingest(Seeds.HauGiang);
        var m = p.Metadata;
        Assert.Equal("Hậu Giang", m.Province);
        Assert.Equal("123-CTr/TU", m.Number);
        Assert.Equal("2022-08-22", m.Date);
        Assert.Equal(["13-NQ/TW"], m.Implements.Select(d => d.Number));
        Assert.Equal("2022-04-02", m.Implements[0].Date);
        Assert.Null(m.Signatory);
        Assert.Equal("missing", Field(report, "signatory.name").State);
        Assert.Equal("Ban Thường vụ Tỉnh ủy", m.Issuer);
    }

    [Theory]
    [InlineData("Số 13- KH/TW", "13-KH/TW")]
    [InlineData("Số: 237a-CTr/TU", "237a-CTr/TU")]
    [InlineData("Số 124/NQ-CP", "124/NQ-CP")]
    public void Document_numbers_tolerate_spaces_and_other_styles(string line, string expected)
    {
        var text = $"TỈNH ỦY TIỀN GIANG\n{line}\n\nCHƯƠNG TRÌNH\n\n-----\n\nI- MỤC TIÊU\n\nNội dung của chương trình.\n";
        Assert.Equal(expected, Seeds.IngestText("x.txt", text).Programme.Metadata.Number);
    }

    [Fact]
    public void Every_field_of_every_seed_is_reported_with_a_state()
    {
        foreach (var seed in Seeds.All)
        {
            var report = Seeds.Ingest(seed).Report;
            foreach (var name in new[] { "title", "province", "issuer", "number", "date", "place", "implements", "signatory.name", "signatory.role", "horizon" })
                Assert.Contains(Field(report, name).State, new[] { "found", "missing", "inferred" });
            Assert.All(report.Fields.Where(f => f.State == "inferred"), f => Assert.False(string.IsNullOrEmpty(f.Evidence)));
            Assert.All(report.Fields.Where(f => f.State == "missing"), f => Assert.Null(f.Value));
        }
    }
}

/// <summary>Headers flattened or laid out differently by a converter read the same.</summary>
public class HeaderLayoutSpec
{
    private const string Body = "\n-----\n\nI- MỤC TIÊU\n\nNội dung của chương trình.\n";

    [Fact]
    public void A_header_flattened_onto_single_lines_is_read()
    {
        var text = "TỈNH ỦY TIỀN GIANG Số 38-CTr/TU ĐẢNG CỘNG SẢN VIỆT NAM Tiền Giang, ngày 31 tháng 3 năm 2023\n\nCHƯƠNG TRÌNH\nthực hiện Nghị quyết 29-NQ/TW\n" + Body;
        var m = Seeds.IngestText("flat.txt", text).Programme.Metadata;
        Assert.Equal("Tiền Giang", m.Province);
        Assert.Equal("38-CTr/TU", m.Number);
        Assert.Equal("2023-03-31", m.Date);
        Assert.Equal("Tiền Giang", m.Place);
        Assert.Equal("Tỉnh ủy", m.Issuer);
        Assert.Equal("CHƯƠNG TRÌNH thực hiện Nghị quyết 29-NQ/TW", m.Title);
    }

    [Fact]
    public void A_header_in_table_cells_is_read_cell_by_cell()
    {
        var text = "ĐẢNG BỘ TỈNH QUẢNG NGÃI\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 05-CTr/TU\t\tQuảng Ngãi, ngày 2 tháng 2 năm 2023\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n" + Body;
        var m = Seeds.IngestText("cells.txt", text).Programme.Metadata;
        Assert.Equal("Quảng Ngãi", m.Province);
        Assert.Equal("05-CTr/TU", m.Number);
        Assert.Equal("2023-02-02", m.Date);
    }

    [Theory]
    [InlineData("-------")]
    [InlineData("_______")]
    [InlineData("*")]
    public void Lines_drawn_under_the_organ_and_the_motto_do_not_end_the_header(string underline)
    {
        var text = $"TỈNH ỦY TIỀN GIANG\n{underline}\nSố 38-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n---------------\n" +
            "Tiền Giang, ngày 31 tháng 3 năm 2023\n\nCHƯƠNG TRÌNH\nthực hiện Nghị quyết 29-NQ/TW\n" + Body;
        var (p, _) = Seeds.IngestText("ruled.txt", text);
        Assert.Equal(("38-CTr/TU", "2023-03-31", "Tỉnh ủy", "Tiền Giang"), (p.Metadata.Number, p.Metadata.Date, p.Metadata.Issuer, p.Metadata.Province));
        Assert.Equal("CHƯƠNG TRÌNH thực hiện Nghị quyết 29-NQ/TW", p.Metadata.Title);
        Assert.Equal(["Nội dung của chương trình."], p.Passages.Select(x => x.Text)); // the rule under the title still ends the header
    }

    [Fact]
    public void The_body_named_under_the_party_organisation_is_the_issuer_and_a_joined_place_name_stays_whole()
    {
        var text = "ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU\nBAN THƯỜNG VỤ TỈNH ỦY\n*\nSố 20-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n" +
            "Bà Rịa - Vũng Tàu, ngày 10 tháng 5 năm 2023\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 29-NQ/TW\n" + Body;
        var m = Seeds.IngestText("brvt.txt", text).Programme.Metadata;
        Assert.Equal(("Ban Thường vụ Tỉnh ủy", "Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"), (m.Issuer, m.Province, m.Place));
    }

    [Fact]
    public void A_peoples_committee_plan_carrying_a_programme_out_is_read_like_a_programme()
    {
        var text = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n" +
            "Số: 245/KH-UBND\nBắc Ninh, ngày 05 tháng 6 năm 2023\n\nKẾ HOẠCH\nTriển khai thực hiện Chương trình hành động số 56-CTr/TU ngày 12/4/2023 của Tỉnh ủy\n" + Body;
        var m = Seeds.IngestText("kh.txt", text).Programme.Metadata;
        Assert.Equal(("245/KH-UBND", "2023-06-05", "Ủy ban nhân dân tỉnh", "Bắc Ninh"), (m.Number, m.Date, m.Issuer, m.Province));
        Assert.Equal("KẾ HOẠCH Triển khai thực hiện Chương trình hành động số 56-CTr/TU ngày 12/4/2023 của Tỉnh ủy", m.Title);
        Assert.Equal(["56-CTr/TU"], m.Implements.Select(d => d.Number));
    }

    [Fact]
    public void A_number_cited_in_the_title_is_not_the_programmes_number()
    {
        var text = "CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022\n" + Body;
        var m = Seeds.IngestText("t.txt", text).Programme.Metadata;
        Assert.Null(m.Number);
        Assert.Equal(["29-NQ/TW"], m.Implements.Select(d => d.Number));
    }

    [Fact]
    public void A_city_as_place_of_issue_is_not_taken_for_the_province()
    {
        var text = "Buôn Ma Thuột, ngày 5 tháng 6 năm 2023\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n" + Body;
        var (p, report) = Seeds.IngestText("c.txt", text);
        Assert.Equal("Buôn Ma Thuột", p.Metadata.Place);
        Assert.Null(p.Metadata.Province);
        Assert.Equal("missing", report.Fields.Single(f => f.Field == "province").State);
    }
}
