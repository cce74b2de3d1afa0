using Atlas.Analysis.Assignments;
using Atlas.Model;

namespace Atlas.Tests.Analysis.Assignments;

public class AssignmentExtractorSpec
{
    private static Programme WithFields(params (string Text, (string Label, string Value)[] Fields)[] tasks)
    {
        var p = TestProgrammes.Make("quang-ngai-nq29", ("Nhiệm vụ và giải pháp", tasks.Select(t => t.Text).ToArray()));
        var passages = p.Passages.Select((x, i) => x with { Fields = tasks[i].Fields.Select(f => new PassageField(f.Label, f.Value)).ToList() }).ToList();
        return p with { Passages = passages };
    }

    [Fact]
    public void Quang_Ngai_lines_fill_the_roles_of_their_task()
    {
        var programme = WithFields(
            ("- Triển khai quán triệt nội dung của Nghị quyết số 29-NQ/TW…",
                [("Cơ quan chỉ đạo", "Ban Thường vụ Tỉnh ủy."), ("Cơ quan chủ trì tham mưu", "Ban Tuyên giáo Tỉnh ủy."),
                 ("Cơ quan tổ chức thực hiện", "Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội."),
                 ("Thời gian thực hiện", "Thường xuyên.")]),
            ("- Thực hiện phân công, phân cấp triệt để…", []),
            ("- Phát triển kinh tế số, xã hội số, chính phủ số…",
                [("Cơ quan chỉ đạo", "Ban Thường vụ Tỉnh uỷ."), ("Cơ quan tham mưu, thực hiện", "Ban cán sự đảng Ủy ban nhân dân tỉnh."),
                 ("Cơ quan phối hợp", "Sở Thông tin và Truyền thông"), ("Thời gian thực hiện", "Năm 2024")]));

        var assignments = AssignmentExtractor.Extract(programme);

        Assert.Equal(2, assignments.Count);
        Assert.Equal(new Assignment("s-1-p1", "Ban Thường vụ Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy",
            "Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội", null, "Thường xuyên"), assignments[0]);
        Assert.Equal(new Assignment("s-1-p3", "Ban Thường vụ Tỉnh uỷ", null, "Ban cán sự đảng Ủy ban nhân dân tỉnh",
            "Sở Thông tin và Truyền thông", "Năm 2024"), assignments[1]);
    }

    [Theory]
    [InlineData("Cơ quan chỉ đạo", AssignmentExtractor.Role.Directing)]
    [InlineData("CƠ QUAN CHỦ TRÌ", AssignmentExtractor.Role.Lead)]
    [InlineData("Đơn vị chủ trì thực hiện", AssignmentExtractor.Role.Lead)]
    [InlineData("Cơ quan chủ trì tham mưu", AssignmentExtractor.Role.Lead)]
    [InlineData("Cơ quan tham mưu, thực hiện", AssignmentExtractor.Role.Implementing)]
    [InlineData("Cơ quan tổ chức thực hiện", AssignmentExtractor.Role.Implementing)]
    [InlineData("Cơ quan phối hợp", AssignmentExtractor.Role.Coordinating)]
    [InlineData("Đơn vị phối hợp thực hiện", AssignmentExtractor.Role.Coordinating)]
    [InlineData("Thời gian thực hiện", AssignmentExtractor.Role.Timing)]
    [InlineData("Thời hạn hoàn thành", AssignmentExtractor.Role.Timing)]
    [InlineData("Tiến độ", AssignmentExtractor.Role.Timing)]
    public void Label_variants_are_recognised(string label, AssignmentExtractor.Role role) =>
        Assert.Equal(role, AssignmentExtractor.RoleOf(label));

    [Fact]
    public void Labels_that_name_no_role_are_ignored()
    {
        Assert.Null(AssignmentExtractor.RoleOf("Ghi chú"));
        Assert.Empty(AssignmentExtractor.Extract(WithFields(("- Một nhiệm vụ", [("Ghi chú", "…")]))));
    }
}
