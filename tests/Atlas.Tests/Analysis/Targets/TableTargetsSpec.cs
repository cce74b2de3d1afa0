using Atlas.Analysis.Targets;
using static Atlas.Tests.Analysis.Targets.TargetExtractorSpec;

namespace Atlas.Tests.Analysis.Targets;

/// <summary>Targets set out as a table: each value is read against its column's year and the row's unit and label.</summary>
public class TableTargetsSpec
{
    private static readonly TargetExtractor Extractor = new(TestProgrammes.Indicators);

    private static string[] Read(string heading, params string[] rows) =>
        Extractor.Extract(TestProgrammes.Make("tinh-x", "2023-05-19", (heading, rows))).Select(Show).ToArray();

    [Fact]
    public void A_markdown_table_gives_each_value_its_columns_year_and_the_rows_unit()
    {
        // Under a heading that names 2045: read as sentences, every value took 2045 and no unit.
        var shown = Read("Tầm nhìn đến năm 2045",
            "| STT | Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2030 |",
            "| 1 | Tốc độ tăng trưởng GRDP bình quân | %/năm | 7,5 | 8,0 |",
            "| 2 | Tỷ lệ đô thị hóa | % | 35 | trên 45 |",
            "| 3 | GRDP bình quân đầu người | triệu đồng | 120 | 200 |");
        Assert.Equal([
            "grdp-growth Exact 7.5 %/năm @2025", "grdp-growth Exact 8.0 %/năm @2030",
            "urbanisation-rate Exact 35 % @2025", "urbanisation-rate Above 45 % @2030",
            "grdp-per-capita Exact 120 triệu đồng @2025", "grdp-per-capita Exact 200 triệu đồng @2030",
        ], shown);
    }

    [Fact]
    public void Word_rows_without_outer_bars_and_a_unit_in_the_label_read_the_same()
    {
        var shown = Read("Chỉ tiêu chủ yếu",
            "Chỉ tiêu | Đến năm 2025 | Đến năm 2030",
            "Tỷ lệ đô thị hóa (%) | 35 | 45",
            "Tỷ lệ hộ nghèo (%) | dưới 1 | ");
        Assert.Equal(["urbanisation-rate Exact 35 % @2025", "urbanisation-rate Exact 45 % @2030", "poverty-reduction Below 1 % @2025"], shown);
    }

    [Fact]
    public void A_table_without_year_columns_is_read_as_sentences()
    {
        var shown = Read("Mục tiêu cụ thể đến năm 2030",
            "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian",
            "1 | Tỷ lệ đô thị hóa đạt 45% | Sở Xây dựng | 2030");
        Assert.Equal(["urbanisation-rate Exact 45 % @2030"], shown);
    }

    [Fact]
    public void Values_before_the_programme_year_are_achievements_and_a_row_of_another_width_is_a_sentence()
    {
        var shown = Read("Chỉ tiêu",
            "Chỉ tiêu | Đơn vị | Năm 2020 | Năm 2025",
            "Tỷ lệ đô thị hóa | % | 30 | 35",
            "Ghi chú | Tỷ lệ đô thị hóa đạt 40% vào năm 2030");
        Assert.Equal(["urbanisation-rate Exact 30 % @2020 past", "urbanisation-rate Exact 35 % @2025"], shown.Take(2));
        Assert.Null(Atlas.Model.TableRow.Cells("Ghi chú | Tỷ lệ đô thị hóa đạt 40% vào năm 2030")); // two cells: not a table row
    }
}
