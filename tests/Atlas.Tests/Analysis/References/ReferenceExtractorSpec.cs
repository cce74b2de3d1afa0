using Atlas.Analysis.References;

namespace Atlas.Tests.Analysis.References;

public class ReferenceExtractorSpec
{
    [Fact]
    public void Tien_Giang_preamble_cites_a_resolution_and_a_plan()
    {
        var refs = ReferenceExtractor.Extract("p1",
            "Thực hiện Nghị quyết 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII); Kế hoạch 13-KH/TW ngày 28/11/2022 của Bộ Chính trị về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045, Ban Chấp hành Đảng bộ tỉnh xây dựng Chương trình thực hiện như sau:").ToList();
        Assert.Equal(2, refs.Count);
        Assert.Equal(("Nghị quyết", "29-NQ/TW", "2022-11-17", "Ban Chấp hành Trung ương Đảng"), (refs[0].Kind, refs[0].Number, refs[0].Date, refs[0].Issuer));
        Assert.Equal(("Kế hoạch", "13-KH/TW", "2022-11-28", "Bộ Chính trị"), (refs[1].Kind, refs[1].Number, refs[1].Date, refs[1].Issuer));
        Assert.StartsWith("về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030", refs[1].Subject);
    }

    [Fact]
    public void Numbers_dates_and_issuers_in_other_shapes()
    {
        var refs = ReferenceExtractor.Extract("p",
            "Tiếp tục thực hiện Nghị quyết số 23-NQ/TW, ngày 22/3/2018 của Bộ Chính trị và Nghị quyết số 124/NQ-CP, ngày 03/9/2020 của Chính phủ về định hướng xây dựng chính sách phát triển công nghiệp quốc gia; Chương trình hành động số 237a-CTr/TU ngày 27/8/2014 của Tỉnh ủy; Quyết định số 1234/QĐ-TTg ngày 5 tháng 10 năm 2021.").ToList();
        Assert.Equal(["23-NQ/TW", "124/NQ-CP", "237a-CTr/TU", "1234/QĐ-TTg"], refs.Select(r => r.Number));
        Assert.Equal(["2018-03-22", "2020-09-03", "2014-08-27", "2021-10-05"], refs.Select(r => r.Date));
        Assert.Equal(["Bộ Chính trị", "Chính phủ", "Tỉnh ủy", "Thủ tướng Chính phủ"], refs.Select(r => r.Issuer));
        Assert.Equal("Chương trình hành động", refs[2].Kind);
        Assert.StartsWith("về định hướng xây dựng chính sách", refs[1].Subject);
    }

    [Fact]
    public void Unnumbered_mentions_are_not_references()
    {
        Assert.Empty(ReferenceExtractor.Extract("p", "Triển khai thực hiện hiệu quả các nghị quyết, kết luận của Đảng có liên quan; quyết định 15 năm qua."));
    }

    [Fact]
    public void Hostile_text_does_not_stall()
    {
        var hostile = string.Concat(Enumerable.Repeat("Nghị quyết số 1-", 5000)) + string.Concat(Enumerable.Repeat("của của về ", 3000));
        Assert.NotNull(ReferenceExtractor.Extract("p", hostile).ToList());
    }
}

/// <summary>Citations in shapes the seeds do not use: the year inside the number, the National Assembly's term.</summary>
public class ReferenceNumberShapesSpec
{
    [Fact]
    public void National_Assembly_and_decree_numbers_carry_the_year()
    {
        var refs = ReferenceExtractor.Extract("p",
            "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh; Nghị định số 10/2020/NĐ-CP ngày 17/01/2020 của Chính phủ.").ToList();
        Assert.Equal(["202/2025/QH15", "10/2020/NĐ-CP"], refs.Select(r => r.Number));
        Assert.Equal(["2025-06-12", "2020-01-17"], refs.Select(r => r.Date));
        Assert.Equal(["Quốc hội", "Chính phủ"], refs.Select(r => r.Issuer));
    }

    [Fact]
    public void A_number_without_its_date_or_issuer_still_names_the_issuer_its_code_stands_for()
    {
        var r = ReferenceExtractor.Extract("p", "hoàn thiện khung pháp lý theo Nghị quyết số 222/2025/QH15 về trung tâm tài chính quốc tế.").Single();
        Assert.Equal(("222/2025/QH15", null, "Quốc hội"), (r.Number, r.Date, r.Issuer));
    }
}
