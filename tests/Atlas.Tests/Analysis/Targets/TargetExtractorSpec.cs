using System.Globalization;
using Atlas.Analysis.Targets;
using Atlas.Model;

namespace Atlas.Tests.Analysis.Targets;

/// <summary>
/// Targets are read from real sentences of the seeds (copied here so the spec does not depend on ingest) and from
/// sentences written for this spec. Each target is shown as "indicator comparator low–high unit @time".
/// </summary>
public class TargetExtractorSpec
{
    private static readonly TargetExtractor Extractor = new(TestProgrammes.Indicators);

    internal static List<Target> Extract(string heading, string text, string? date = "2023-05-19") =>
        Extractor.Extract(TestProgrammes.Make("tinh-x", date, (heading, [text]))).ToList();

    internal static string Show(Target t)
    {
        static string N(decimal? d) => d is null ? "" : d.Value.ToString(CultureInfo.InvariantCulture);
        var value = t.Comparator == Comparator.Qualitative ? "" : t.High is null ? N(t.Low) : $"{N(t.Low)}–{N(t.High)}";
        var time = t.Period ?? t.Year?.ToString(CultureInfo.InvariantCulture) ?? "?";
        return $"{t.IndicatorId ?? "?"} {t.Comparator} {value} {t.Unit} @{time}{(t.IsAchievement ? " past" : "")}".Replace("   ", " ").Replace("  ", " ");
    }

    internal static string[] Shows(string heading, string text, string? date = "2023-05-19") =>
        Extract(heading, text, date).Select(Show).ToArray();

    private const string ThaiBinh = "Mục tiêu cụ thể đến năm 2030";

    [Theory]
    [InlineData("(1) Tốc độ tăng tổng sản phẩm (GRDP) bình quân thời kỳ 2021 - 2030 đạt 13,4%/năm. Đến năm 2030, quy mô nền kinh tế (GRDP giá thực tế) gấp khoảng 4,3 lần so với năm 2020.",
        "grdp-growth Exact 13.4 %/năm @2021–2030", "grdp-scale About 4.3 lần @2030")]
    [InlineData("(2) Tốc độ tăng năng suất lao động bình quân thời kỳ 2021-2030 đạt 11,4%. Đóng góp bình quân của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế đạt 50%.",
        "labour-productivity-growth Exact 11.4 % @2021–2030", "tfp-contribution Exact 50 % @2030")]
    [InlineData("(3) GRDP bình quân đầu người đến năm 2030 tương đương với bình quân chung của cả nước. Thu nhập bình quân đầu người đạt 130 triệu đồng trở lên (giai đoạn 2021 - 2030 tăng bình quân 9,6%/năm).",
        "grdp-per-capita Qualitative @2030", "income-per-capita AtLeast 130 triệu đồng @2030", "income-per-capita-growth Exact 9.6 %/năm @2021–2030")]
    [InlineData("(4) Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội giảm còn dưới 20%.", "agricultural-labour-share Below 20 % @2030")]
    [InlineData("(5) Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 35 - 40%", "certified-labour-rate Range 35–40 % @2030")]
    [InlineData("(6) Tỷ lệ người dân trong độ tuổi lao động được đào tạo kỹ năng số cơ bản đạt trên 80%.", "digital-skills-rate Above 80 % @2030")]
    [InlineData("(7) Tỷ trọng công nghiệp, xây dựng và thương mại, dịch vụ trong GRDP (không tính thuế sản phẩm) đạt 85% trở lên; trong đó: Tỷ trọng công nghiệp đạt 50% GRDP; tỷ trọng công nghiệp chế biến, chế tạo đạt khoảng 40% GRDP; giá trị gia tăng công nghiệp chế tạo, chế biến bình quân đầu người đạt 3.200 USD; tỷ trọng của khu vực dịch vụ đạt 25% GRDP.",
        "industry-and-services-share AtLeast 85 % @2030", "industry-share Exact 50 % @2030", "manufacturing-share About 40 % @2030",
        "manufacturing-value-added-per-capita Exact 3200 USD @2030", "services-share Exact 25 % @2030")]
    [InlineData("(8) Tỷ trọng kinh tế số trong GRDP đạt khoảng 30%. Cơ bản hoàn thành xây dựng chính quyền số.", "digital-economy-share About 30 % @2030")]
    [InlineData("(9) Tỷ lệ đô thị hoá đạt 40% trở lên.", "urbanisation-rate AtLeast 40 % @2030")]
    [InlineData("(10) Chỉ số phát triển con người (HDI) duy trì trên 0,7.", "hdi Above 0.7 @2030")]
    [InlineData("(11) Tỷ lệ khu công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường đạt 100%.", "wastewater-treatment Exact 100 % @2030")]
    [InlineData("(12) Tỷ lệ cụm công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường đạt 80 - 90% trở lên.", "wastewater-treatment-clusters Range 80–90 % @2030")]
    public void Thai_Binh_1_2_every_enumerated_target(string text, params string[] expected) =>
        Assert.Equal(expected, Shows("Mục tiêu cụ thể đến năm 2030", text));

    [Theory]
    [InlineData("(1). Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021 - 2025 là 7,3%, giai đoạn 2026 - 2030 là 10,2%. Tốc độ tăng trưởng kinh tế tăng bình quân 10 năm là 8,7%/năm (ĐBSCL là 6,5% - 7%), trong đó: Khu vực I tăng 3,05%/năm, khu vực II tăng 13,84%/năm, khu vực III tăng 8,22%/năm, thuế sản phẩm trừ trợ cấp sản phẩm tăng 6,59%/năm.",
        "grdp-growth Exact 7.3 % @2021–2025", "grdp-growth Exact 10.2 % @2026–2030", "grdp-growth Exact 8.7 %/năm @2021–2030",
        "agriculture-growth Exact 3.05 %/năm @2021–2030", "industry-growth Exact 13.84 %/năm @2021–2030", "services-growth Exact 8.22 %/năm @2021–2030",
        "? Exact 6.59 %/năm @2021–2030")]
    [InlineData("(2). GRDP bình quân đầu người đến năm 2025 đạt 84 triệu đồng (tương đương 3.600 USD)  đến năm 2030 đạt 150 triệu đồng (tương đương 6.383 USD), gấp 2,85 lần so với năm 2020, cao hơn mức trung bình vùng ĐBSCL.",
        "grdp-per-capita Exact 84 triệu đồng @2025", "grdp-per-capita Exact 150 triệu đồng @2030", "grdp-per-capita Exact 2.85 lần @2030")]
    [InlineData("(3). Cơ cấu kinh tế đến năm 2025 tỷ trọng khu vực I còn khoảng 20,4%; khu vực II 32,4%; khu vực III 37,8%; thuế sản phẩm trừ trợ cấp sản phẩm 9,4%. Cơ cấu kinh tế đến năm 2030 khu vực I còn khoảng 15%; khu vực II 39%; khu vực III 38%; thuế sản phẩm trừ trợ cấp sản phẩm 8%. ",
        "agriculture-share About 20.4 % @2025", "industry-share Exact 32.4 % @2025", "services-share Exact 37.8 % @2025", "? Exact 9.4 % @2025",
        "agriculture-share About 15 % @2030", "industry-share Exact 39 % @2030", "services-share Exact 38 % @2030", "? Exact 8 % @2030")]
    [InlineData("(4). Tổng vốn đầu tư toàn xã hội theo giá hiện hành trên địa bàn trong 10 năm khoảng 300.000 tỷ đồng, tăng bình quân 8%/năm. Tỷ trọng vốn đầu tư chiếm khoảng 38,7% GRDP.",
        "total-investment About 300000 tỷ đồng @2021–2030", "total-investment-growth Exact 8 %/năm @2021–2030", "investment-share About 38.7 % @2021–2030")]
    [InlineData("(5). Tổng thu ngân sách trên địa bàn tăng bình quân 15% hàng năm. Tổng chi ngân sách 10 năm tăng bình quân 7%/năm, chi đầu tư phát triển tăng bình quân 10%/năm (trong đó chi đầu tư để phát triển kinh tế tăng bình quân 15% hàng năm).",
        "budget-revenue-growth Exact 15 %/năm @2021–2030", "budget-expenditure-growth Exact 7 %/năm @2021–2030",
        "development-investment-spending-growth Exact 10 %/năm @2021–2030", "development-investment-spending-growth Exact 15 %/năm @2021–2030")]
    [InlineData("(6). Hệ số ICOR giai đoạn 2021 - 2025 từ 5,5 - 6, giai đoạn 2026 - 2030 từ 3,6 - 4.",
        "icor Range 5.5–6 @2021–2025", "icor Range 3.6–4 @2026–2030")]
    [InlineData("(7). Năng suất lao động xã hội năm 2025 là 156 triệu đồng, tăng 9,7%/năm, năm 2030 là 263 triệu đồng, tăng 10,9%/năm. Tính chung 10 năm tăng bình quân 10,3%/năm.",
        "labour-productivity Exact 156 triệu đồng @2025", "labour-productivity-growth Exact 9.7 %/năm @2025",
        "labour-productivity Exact 263 triệu đồng @2030", "labour-productivity-growth Exact 10.9 %/năm @2030",
        "labour-productivity-growth Exact 10.3 %/năm @2021–2030")]
    [InlineData("(8). Kim ngạch xuất khẩu và dịch vụ thu ngoại tệ năm 2030 đạt 1.600 triệu USD, tăng bình quân 9%/năm. Kim ngạch nhập khẩu 800 triệu USD, tăng bình quân 7,4%/năm. Trong 10 năm xuất khẩu 11 tỷ USD, nhập khẩu 6 tỷ USD.",
        "export Exact 1600 triệu USD @2030", "export-growth Exact 9 %/năm @2030", "import Exact 800 triệu USD @2021–2030",
        "import-growth Exact 7.4 %/năm @2021–2030", "? Exact 11 tỷ USD @2021–2030", "? Exact 6 tỷ USD @2021–2030")]
    [InlineData("(9). Số doanh nghiệp đang hoạt động và có kê khai thuế trong 10 năm tăng 3.000 doanh nghiệp.", "enterprises Exact 3000 doanh nghiệp @2021–2030")]
    public void Hau_Giang_3_1_every_enumerated_target(string text, params string[] expected) =>
        Assert.Equal(expected, Shows("Các chỉ tiêu chủ yếu (2021 - 2030)", text, "2022-08-22"));

    [Fact]
    public void Tien_Giang_grdp_growth_for_two_periods_is_two_records()
    {
        var targets = Extract("Một số chỉ tiêu chủ yếu đến năm 2030",
            "Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 – 2025 là 7,0 – 7,5%, giai đoạn 2026 – 2030 là 8,0- 9,0%/ năm; GRDP bình quân đầu người theo giá hiện hành đạt khoảng 140 - 150 triệu đồng.",
            "2023-03-31");
        Assert.Equal(["grdp-growth Range 7.0–7.5 % @2021–2025", "grdp-growth Range 8.0–9.0 %/năm @2026–2030", "grdp-per-capita Range 140–150 triệu đồng @2030"],
            targets.Select(Show));
        Assert.Equal(7.0m, targets[0].Low);
        Assert.Equal(9.0m, targets[1].High);
        Assert.All(targets, t => Assert.StartsWith("Tốc độ tăng trưởng GRDP", t.Verbatim));
        Assert.All(targets, t => Assert.Equal("s-1-p1", t.PassageId));
    }

    [Theory]
    [InlineData("- Tỷ lệ đô thị hóa tính theo khu vực toàn đô thị đến năm 2025 đạt khoảng 40-42%; đến năm 2030 khoảng 45 - 47%.",
        "urbanisation-rate Range 40–42 % @2025", "urbanisation-rate Range 45–47 % @2030")]
    [InlineData("- Tỷ trọng công nghiệp đạt trên 30% GRDP; tỷ trọng công nghiệp chế biến, chế tạo đạt khoảng 25% GRDP; tỷ trọng giá trị sản phẩm công nghiệp công nghệ cao trong các ngành chế biến, chế tạo đạt trên 45%. Tỷ trọng các ngành dịch vụ đạt trên 30% GRDP.",
        "industry-share Above 30 % @2030", "manufacturing-share About 25 % @2030", "hi-tech-products-share Above 45 % @2030", "services-share Above 30 % @2030")]
    [InlineData("- Tỷ trọng kinh tế số đạt khoảng 25% GRDP. Tỷ lệ người dân trong độ tuổi lao động được đào tạo kỹ năng số cơ bản đạt trên 80%.",
        "digital-economy-share About 25 % @2030", "digital-skills-rate Above 80 % @2030")]
    [InlineData("- Tốc độ tăng trưởng GRDP bình quân đạt 7,25 - 8,25% giai đoạn 2021 - 2030.", "grdp-growth Range 7.25–8.25 % @2021–2030")]
    [InlineData("- Tỷ trọng của khu vực Công nghiệp và Dịch vụ trong cơ cấu GRDP đến 2030 đạt 72 - 73%.", "industry-and-services-share Range 72–73 % @2030")]
    [InlineData("- GRDP bình quân đầu người đến năm 2030 đạt trong khoảng 7.700 - 7.900 USD.", "grdp-per-capita Range 7700–7900 USD @2030")]
    [InlineData("- Năng suất lao động tăng trưởng bình quân 6,5 - 7,5% cả giai đoạn 2021 - 2030.", "labour-productivity-growth Range 6.5–7.5 % @2021–2030")]
    [InlineData("- Tỷ lệ đô thị hóa ngang bằng với bình quân của cả nước.", "urbanisation-rate Qualitative @2030")]
    [InlineData("- Chỉ số phát triển con người HDI thuộc nhóm có chỉ số HDI cao (nhóm 2) theo phân loại của UNDP.", "hdi Qualitative @2030")]
    public void Tien_Giang_and_Quang_Ngai_targets(string text, params string[] expected) =>
        Assert.Equal(expected, Shows("Mục tiêu cụ thể đến năm 2030", text));

    [Fact]
    public void Past_achievements_are_kept_apart()
    {
        var past = Extract("TÌNH HÌNH VÀ NGUYÊN NHÂN",
            "Giai đoạn 2016-2020: tốc độ tăng bình quân ngành công nghiệp đạt 7,62%/năm; tỷ trọng đóng góp vào tổng sản phẩm trên địa bàn tỉnh (GRDP) đạt 12,78%; thu hút được 26 dự án đầu tư phát triển công nghiệp với tổng vốn là 5.314 tỷ đồng.",
            null);
        Assert.Equal(["industry-growth Exact 7.62 %/năm @2016–2020 past"], past.Select(Show));

        // Even outside a review section, a period that ended before the programme was issued is the past.
        var earlier = Extract("Bối cảnh chung", "Tốc độ tăng trưởng kinh tế giai đoạn 2016 - 2020 đạt 8,7%/năm.", "2023-05-19");
        Assert.True(Assert.Single(earlier).IsAchievement);
    }

    [Fact]
    public void A_sentence_copied_under_other_headings_is_read_for_each_heading()
    {
        // One extractor, one text (what it finds in the text is remembered): its headings still decide each time.
        const string text = "Tốc độ tăng trưởng kinh tế (GRDP) bình quân đạt 8%/năm.";
        var extractor = new TargetExtractor(TestProgrammes.Indicators);
        var target = extractor.Extract(TestProgrammes.Make("tinh-a", "2023-05-19", ("Mục tiêu cụ thể đến năm 2030", [text])));
        var review = extractor.Extract(TestProgrammes.Make("tinh-b", "2023-05-19", ("Tình hình thực hiện giai đoạn 2016 - 2020", [text])));
        var task = extractor.Extract(TestProgrammes.Make("tinh-c", "2023-05-19", ("Nhiệm vụ, giải pháp", ["Tiếp tục đẩy mạnh cải cách hành chính.", text])));
        Assert.Equal(["grdp-growth Exact 8 %/năm @2030"], target.Select(Show));
        Assert.Equal(["grdp-growth Exact 8 %/năm @2016–2020 past"], review.Select(Show));
        Assert.Equal("s-1-p2", Assert.Single(task).PassageId);
    }

    [Fact]
    public void Kien_Giang_occupancy_of_parks_and_clusters_in_one_sentence()
    {
        Assert.Equal(["industrial-park-occupancy Above 65 % @2021–2025", "industrial-cluster-occupancy Above 40 % @2021–2025"],
            Shows("Mục tiêu cụ thể giai đoạn 2021-2025", "Tỷ lệ lấp đầy các khu công nghiệp đạt trên 65% và cụm công nghiệp đạt trên 40%.", null));
        Assert.Equal(["export-growth Exact 7 %/năm @2021–2025"],
            Shows("Mục tiêu cụ thể giai đoạn 2021-2025", "- Tổng kim ngạch xuất khẩu ngành công nghiệp tăng bình quân 7%/năm.", null));
    }

    // Sentences written for this spec, in the styles of other provinces: not in the seeds.
    [Theory]
    [InlineData("Phấn đấu đến năm 2030, tốc độ tăng trưởng kinh tế bình quân đạt từ 8% đến 8,5%/năm.", "grdp-growth Range 8–8.5 %/năm @2030")]
    [InlineData("Tỷ lệ lao động qua đào tạo đạt tối thiểu 72% vào năm 2025.", "trained-labour-rate AtLeast 72 % @2025")]
    [InlineData("Thu nhập bình quân đầu người đến năm 2025 đạt khoảng 95 triệu đồng/người/năm.", "income-per-capita About 95 triệu đồng @2025")]
    [InlineData("Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm; tỷ lệ che phủ rừng duy trì ổn định trên 45%.", "poverty-reduction Exact 1.5 %/năm @2030", "forest-cover Above 45 % @2030")]
    [InlineData("GRDP bình quân đầu người năm 2030 đạt 5.500 USD — 6.000 USD.", "grdp-per-capita Range 5500–6000 USD @2030")]
    [InlineData("Kim ngạch xuất khẩu đạt 2,5 tỷ USD vào năm 2025, tốc độ tăng kim ngạch xuất khẩu bình quân 12%/năm giai đoạn 2021—2025.",
        "export Exact 2.5 tỷ USD @2025", "export-growth Exact 12 %/năm @2021–2025")]
    [InlineData("Tỷ trọng nông, lâm nghiệp, thủy sản trong GRDP giảm xuống còn không quá 12%.", "agriculture-share AtMost 12 % @2030")]
    [InlineData("Tỷ lệ đô thị hoá đạt 50 % trở lên, tỷ trọng kinh tế số đạt 20% GRDP.", "urbanisation-rate AtLeast 50 % @2030", "digital-economy-share Exact 20 % @2030")]
    [InlineData("Tỷ lệ tăng dân số tự nhiên dưới 10‰.", "population-growth Below 10 ‰ @2030")]
    [InlineData("Tăng trưởng GRDP giai đoạn 2026 ‒ 2030 bình quân 9 − 10%/năm.", "grdp-growth Range 9–10 %/năm @2026–2030")]
    public void Unseen_sentences(string text, params string[] expected) =>
        Assert.Equal(expected, Shows("Mục tiêu đến năm 2030", text, "2024-01-10"));

    [Fact]
    public void Documents_dates_and_counted_things_are_not_targets()
    {
        Assert.Empty(Extract("Mục tiêu đến năm 2030",
            "Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 và Chương trình hành động số 237a-CTr/TU ngày 19 tháng 5 năm 2023; phát triển 04 khu công nghiệp trong 10 năm."));
    }

    [Fact]
    public void Hostile_text_is_scanned_without_failing()
    {
        var hostile = string.Concat(Enumerable.Repeat("tỷ trọng công nghiệp 9.999.999.999.999.999.999.999,99999999999999% - - ((( ", 200))
            + new string('9', 5000) + "%" + string.Concat(Enumerable.Repeat("khu vực I ", 500));
        var targets = Extract("Mục tiêu", hostile);
        Assert.NotNull(targets);
    }
}

/// <summary>
/// A passage is read sentence by sentence, and a "sentence" is bounded (<see cref="TargetExtractor.MaxSentence"/>): a
/// table flattened into one line or a hostile file with megabytes between two full stops is read in pieces, so every
/// value is still weighed against the words near it and cited with a readable excerpt, not the whole line.
/// </summary>
public class OverlongSentenceSpec
{
    private static readonly TargetExtractor Extractor = new(TestProgrammes.Indicators);

    [Fact]
    public void Every_value_of_a_line_without_full_stops_is_read_and_cited_with_an_excerpt_around_it()
    {
        var clauses = Enumerable.Range(1, 1_500).Select(k => $"chỉ tiêu thứ {k} đạt {k},5%");
        var line = "Phấn đấu đến năm 2030: " + string.Join(", ", clauses);
        Assert.True(line.Length > 20 * TargetExtractor.MaxSentence);

        var targets = Extractor.Extract(TestProgrammes.Make("tinh-x", ("Mục tiêu cụ thể đến năm 2030", [line]))).ToList();

        Assert.Equal(Enumerable.Range(1, 1_500).Select(k => k + 0.5m), targets.Select(t => t.Low!.Value));
        Assert.All(targets, t => Assert.True(t.Verbatim.Length <= TargetExtractor.MaxSentence, $"{t.Verbatim.Length} characters cited"));
        Assert.All(targets, t => Assert.Contains($" {t.Low!.Value.ToString(CultureInfo.InvariantCulture).Replace('.', ',')}%", t.Verbatim));
    }

    [Fact]
    public void A_sentence_below_the_bound_is_cited_whole()
    {
        var sentence = "Phấn đấu đến năm 2030: " + string.Join("; ", Enumerable.Range(1, 40).Select(k => $"chỉ tiêu thứ {k} đạt {k}%")) + ".";
        Assert.InRange(sentence.Length, 600, TargetExtractor.MaxSentence);

        var targets = Extractor.Extract(TestProgrammes.Make("tinh-x", ("Mục tiêu cụ thể đến năm 2030", [sentence]))).ToList();

        Assert.Equal(40, targets.Count);
        Assert.All(targets, t => Assert.Equal(sentence, t.Verbatim));
    }
}
