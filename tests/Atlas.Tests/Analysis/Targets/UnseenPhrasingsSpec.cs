namespace Atlas.Tests.Analysis.Targets;

/// <summary>
/// Target sentences in phrasings the seeds do not use, as other provinces write them (written for this spec, after
/// programmes of 2023–2025). Shown as in <see cref="TargetExtractorSpec"/>: "indicator comparator low–high unit @time".
/// </summary>
public class UnseenPhrasingsSpec
{
    private static string[] Shows(string text, string heading = "Chỉ tiêu đến năm 2030", string date = "2025-09-15") =>
        TargetExtractorSpec.Shows(heading, text, date);

    [Theory]
    [InlineData("Phấn đấu đến năm 2030, tỷ trọng kinh tế số đạt trên 30% GRDP của thành phố.", "digital-economy-share Above 30 % @2030")]
    [InlineData("Tỷ lệ đô thị hóa đến năm 2030 không thấp hơn 55%.", "urbanisation-rate AtLeast 55 % @2030")]
    [InlineData("Tốc độ tăng trưởng kinh tế (GRDP) bình quân giai đoạn 2026 - 2030 đạt 10%/năm trở lên.", "grdp-growth AtLeast 10 %/năm @2026–2030")]
    [InlineData("Thu ngân sách nhà nước trên địa bàn đạt khoảng 45 nghìn tỷ đồng vào năm 2030.", "budget-revenue About 45 nghìn tỷ đồng @2030")]
    [InlineData("Vốn đầu tư toàn xã hội giai đoạn 2026 - 2030 khoảng 3.000 nghìn tỷ đồng.", "total-investment About 3000 nghìn tỷ đồng @2026–2030")]
    [InlineData("Quy mô GRDP năm 2030 gấp 2 lần so với năm 2025.", "grdp-scale Exact 2 lần @2030")]
    [InlineData("Chỉ số phát triển con người (HDI) duy trì trên 0,85.", "hdi Above 0.85 @2030")]
    public void Phrasings_the_registry_already_covers(string text, params string[] expected) =>
        Assert.Equal(expected, Shows(text));

    /// <summary>Social and health targets every provincial programme sets; sentences written for this spec.</summary>
    [Theory]
    [InlineData("Đến năm 2030, số bác sĩ/10.000 dân đạt 15 bác sĩ; số giường bệnh trên 10.000 dân đạt 35 giường.",
        "doctors-per-10000 Exact 15 bác sĩ @2030", "hospital-beds-per-10000 Exact 35 giường @2030")]
    [InlineData("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm xuống dưới 12% vào năm 2030.", "child-malnutrition Below 12 % @2030")]
    [InlineData("Đến năm 2030, tỷ lệ trường đạt chuẩn quốc gia đạt 90%.", "national-standard-schools Exact 90 % @2030")]
    [InlineData("Quy mô dân số đến năm 2030 đạt khoảng 1,9 triệu người.", "population About 1.9 triệu người @2030")]
    [InlineData("Chi cho nghiên cứu và phát triển đạt 2% GRDP vào năm 2030.", "rd-spending Exact 2 % @2030")]
    [InlineData("Tốc độ tăng trưởng kinh tế tư nhân bình quân giai đoạn 2026 - 2030 đạt 12%/năm.", "private-economy-growth Exact 12 %/năm @2026–2030")]
    public void Social_health_and_innovation_targets_have_their_indicator(string text, params string[] expected) =>
        Assert.Equal(expected, Shows(text));

    [Fact]
    public void Multidimensional_poverty_is_a_target_not_an_achievement()
    {
        // Folded, "đa chiều" (multidimensional) reads "da chieu", like "đã" (already): only the real "đã" marks the past.
        Assert.Equal(["poverty-reduction Below 1 % @2030"], Shows("Giảm tỷ lệ hộ nghèo theo chuẩn đa chiều xuống dưới 1% vào năm 2030."));
        Assert.Equal(["poverty-reduction Below 1 % @2024 past"],
            Shows("Tỷ lệ hộ nghèo theo chuẩn đa chiều đã giảm xuống dưới 1% năm 2024.", "Kết quả đạt được"));
    }

    [Fact]
    public void A_year_after_a_multiple_is_its_base()
    {
        Assert.Equal(["poverty-reduction Exact 0.5 % @2030", "income-per-capita Exact 1.8 lần @2030"],
            Shows("Tỷ lệ hộ nghèo giảm xuống còn 0,5% vào cuối năm 2030; thu nhập bình quân đầu người gấp 1,8 lần năm 2025.", "Mục tiêu cụ thể"));
    }

    [Fact]
    public void End_of_year_is_the_time_of_the_value_before_it() =>
        Assert.Equal(["poverty-reduction Exact 0.5 % @2028"], Shows("Tỷ lệ hộ nghèo giảm xuống còn 0,5% vào cuối năm 2028.", "Mục tiêu cụ thể"));

    [Fact]
    public void Millions_of_visits_and_tonnes_are_units()
    {
        Assert.Equal(["tourist-arrivals Exact 25 triệu lượt khách @2030", "? Exact 2 triệu lượt @2030"],
            Shows("Khách du lịch đạt 25 triệu lượt khách, trong đó khách quốc tế đạt 2 triệu lượt."));
        Assert.Equal(["? Range 220–250 triệu tấn @2030"],
            Shows("Hệ thống cảng biển đạt công suất 220 - 250 triệu tấn/năm."));
    }

    [Fact]
    public void Collected_and_treated_waste_and_wastewater()
    {
        Assert.Equal(["waste-collection Exact 100 % @2030"], Shows("Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 100%."));
        Assert.Equal(["urban-wastewater-treatment Range 40–50 % @2030"], Shows("Tỷ lệ nước thải đô thị được thu gom và xử lý đạt 40 - 50%."));
    }

    [Fact]
    public void Per_mille_stays_per_mille_and_an_unnamed_indicator_keeps_its_subject()
    {
        var t = TargetExtractorSpec.Extract("Chỉ tiêu đến năm 2030", "Tỷ suất sinh thô duy trì ở mức 14‰.", "2025-09-15").Single();
        Assert.Equal(("‰", 14m, (string?)null), (t.Unit, t.Low, t.IndicatorId));
        Assert.Equal("Tỷ suất sinh thô duy trì ở mức", t.Subject);
    }

    [Fact]
    public void A_list_of_sector_shares_after_a_share_gives_each_sector_its_indicator()
    {
        Assert.Equal(["industry-share About 53 % @2030", "services-share Exact 36 % @2030", "agriculture-share Exact 5 % @2030"],
            Shows("Tỷ trọng công nghiệp - xây dựng trong GRDP chiếm khoảng 53%; dịch vụ 36%; nông, lâm nghiệp và thủy sản 5%."));
        // Not after a share: a bare sector word stays without an indicator.
        Assert.Equal(["grdp-growth Exact 8 %/năm @2030", "? Exact 36 % @2030"],
            Shows("Tốc độ tăng trưởng GRDP đạt 8%/năm; dịch vụ 36%."));
    }
}
