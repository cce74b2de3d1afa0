using System.Text;
using Atlas.Analysis.Themes;
using Atlas.Content;
using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Analysis.Themes;

/// <summary>The theme rules on hand-made programmes: headings, keywords, thresholds, folding, overrides.</summary>
public class ThemeClassifierSpec
{
    private static readonly Registries Repository = Registries.Load(Repo.Content);
    private static readonly ThemeClassifier Classifier = new(Repository.Themes, Repository.ThemeOverrides);

    // ---- building blocks ----

    internal static Section S(string id, string heading, params Section[] children) =>
        new(id, id.Split('-')[^1], SectionKind.Numbered, heading, id.Split('-').Skip(1).ToList(), children);

    internal static Passage P(string id, string? sectionId, string text) =>
        new(id, sectionId, sectionId?.Split('-').Skip(1).ToList() ?? [], "-", text);

    internal static Programme Programme(IReadOnlyList<Section> sections, params Passage[] passages) =>
        new("test-programme", new ProgrammeMetadata(null, "Tiền Giang", null, null, null, null, [], null, []),
            sections, passages, new ClosingMatter([], []), new SourceInfo("test.txt", "", "utf-8"));

    private static IReadOnlyList<PassageTheme> Of(IReadOnlyList<PassageTheme> all, string passageId) =>
        all.Where(t => t.PassageId == passageId).ToList();

    private static IReadOnlyList<string> ThemeIds(IReadOnlyList<PassageTheme> all, string passageId) =>
        Of(all, passageId).Select(t => t.ThemeId).ToList();

    // ---- rule 2: headings ----

    [Fact]
    public void A_passage_inherits_the_theme_of_its_section_heading_with_the_heading_as_evidence()
    {
        var heading = "Đẩy mạnh chuyển đổi số";
        var programme = Programme([S("s-iii", "NHIỆM VỤ VÀ GIẢI PHÁP", S("s-iii-4", heading))],
            P("s-iii-4-p1", "s-iii-4", "Triển khai các nhiệm vụ của tỉnh trong giai đoạn mới."));
        var theme = Assert.Single(Classifier.Classify(programme));
        Assert.Equal(("digital-transformation", "heading", heading), (theme.ThemeId, theme.Reason, theme.Evidence));
    }

    [Fact]
    public void The_nearest_themed_heading_wins_over_a_broad_ancestor()
    {
        // Hậu Giang's part III names defence and security in its heading; its subsections are what the tasks are about.
        var programme = Programme(
            [S("s-iii", "NHIỆM VỤ, GIẢI PHÁP NHẰM PHÁT TRIỂN KINH TẾ - XÃ HỘI VÀ ĐẢM BẢO QUỐC PHÒNG, AN NINH",
                S("s-iii-4", "Về Nông nghiệp"))],
            P("s-iii-4-p1", "s-iii-4", "Tiếp tục thực hiện các nhiệm vụ đã đề ra trong giai đoạn tới."));
        Assert.Equal(["agriculture-rural"], ThemeIds(Classifier.Classify(programme), "s-iii-4-p1"));
    }

    [Fact]
    public void A_compound_heading_gives_each_passage_the_themes_its_own_text_names()
    {
        var heading = "Phát triển khoa học - công nghệ, đổi mới sáng tạo và nguồn nhân lực chất lượng cao";
        var programme = Programme([S("s-5", heading)],
            P("s-5-p1", "s-5", "Tiếp tục đổi mới căn bản, toàn diện giáo dục và đào tạo, nâng cao chất lượng giáo dục phổ thông."),
            P("s-5-p2", "s-5", "Hoàn thành các đề án trong năm 2025."));
        var themes = Classifier.Classify(programme);
        Assert.Equal(["human-resources"], ThemeIds(themes, "s-5-p1"));
        Assert.Equal(["science-technology", "human-resources"], ThemeIds(themes, "s-5-p2"));
    }

    [Fact]
    public void Themes_named_after_a_purpose_marker_do_not_count_in_a_heading()
    {
        var programme = Programme([S("s-8", "Tập trung phát triển nguồn nhân lực phục vụ phát triển công nghiệp")],
            P("s-8-p1", "s-8", "Rà soát, bổ sung kế hoạch của tỉnh đến năm 2025."));
        Assert.Equal(["human-resources"], ThemeIds(Classifier.Classify(programme), "s-8-p1"));
    }

    [Fact]
    public void Industrialisation_the_programmes_subject_is_not_the_industry_theme()
    {
        var programme = Programme([S("s-1", "Đổi mới tư duy, nhận thức về công nghiệp hoá, hiện đại hoá đất nước")],
            P("s-1-p1", "s-1", "Thực hiện các nhiệm vụ đã đề ra, sự nghiệp công nghiệp hóa, hiện đại hóa của tỉnh."));
        Assert.Equal(["awareness-leadership"], ThemeIds(Classifier.Classify(programme), "s-1-p1"));
    }

    [Fact]
    public void Sections_that_review_the_past_and_the_preamble_are_not_classified()
    {
        var programme = Programme(
            [S("s-i", "TÌNH HÌNH VÀ NGUYÊN NHÂN", S("s-i-1", "Về chuyển đổi số"))],
            P("p0", null, "Thực hiện chuyển đổi số, kinh tế số của tỉnh, Ban Thường vụ ban hành Chương trình."),
            P("s-i-1-p1", "s-i-1", "Chuyển đổi số đạt nhiều kết quả, kinh tế số tăng nhanh."));
        Assert.Empty(Classifier.Classify(programme));
    }

    // ---- rule 3: keywords and the threshold ----

    [Fact]
    public void One_keyword_in_passing_is_not_enough_but_one_in_the_lead_is()
    {
        var programme = Programme([S("s-2", "Mục tiêu")],
            P("s-2-p1", "s-2", "Hoàn thiện các tiêu chí về đầu tư để lựa chọn, ưu tiên các dự án phù hợp với định hướng của tỉnh; gắn với bảo vệ môi trường."),
            P("s-2-p2", "s-2", "Bảo vệ môi trường trong các dự án của tỉnh; thực hiện tốt các quy định."),
            P("s-2-p3", "s-2", "Đánh giá các dự án theo hướng thân thiện; xử lý nước thải, giảm ô nhiễm."));
        var themes = Classifier.Classify(programme);
        Assert.DoesNotContain("environment-climate-energy", ThemeIds(themes, "s-2-p1"));
        Assert.Contains("environment-climate-energy", ThemeIds(themes, "s-2-p2"));
        var twoKeywords = Assert.Single(Of(themes, "s-2-p3"), t => t.ThemeId == "environment-climate-energy");
        Assert.Equal(("keyword", "nước thải; ô nhiễm"), (twoKeywords.Reason, twoKeywords.Evidence));
    }

    [Fact]
    public void A_keyword_inside_a_longer_keyword_counts_once()
    {
        // "công nghiệp chế biến" hides "chế biến": one keyword, not in the lead, so no industry theme.
        var programme = Programme([S("s-2", "Mục tiêu")],
            P("s-2-p1", "s-2", "Nâng cao thu nhập của người dân ở các vùng khó khăn nhất của tỉnh trong giai đoạn tới, trong đó có lao động của công nghiệp chế biến."));
        Assert.DoesNotContain("industry", ThemeIds(Classifier.Classify(programme), "s-2-p1"));
    }

    [Theory]
    [InlineData(NormalizationForm.FormC)]
    [InlineData(NormalizationForm.FormD)]
    public void Matching_ignores_normalisation_case_tone_placement_and_spelling_variants(NormalizationForm form)
    {
        var text = "THÚC ĐẨY CHUYỂN ĐỔI SỐ toàn diện; phát triển nông nghiệp thông minh, ứng dụng khoa học - kĩ thuật.";
        var programme = Programme([S("s-2", "Mục tiêu")], P("s-2-p1", "s-2", text.Normalize(form)));
        Assert.Contains("digital-transformation", ThemeIds(Classifier.Classify(programme), "s-2-p1"));
        Assert.Equal(ThemeText.Fold("hoá kỹ thuật Đà"), ThemeText.Fold("HÓA KĨ THUẬT đà".Normalize(NormalizationForm.FormD)));
    }

    // ---- rule 4: overrides ----

    [Fact]
    public void Overrides_add_and_remove_themes_for_a_passage_or_a_whole_section()
    {
        var sections = new[] { S("s-iii", "NHIỆM VỤ", S("s-iii-6", "Phát triển kết cấu hạ tầng", S("s-iii-6-a", "Giao thông"))) };
        var programme = Programme(sections,
            P("s-iii-6-p1", "s-iii-6", "Chuyển đổi hạ tầng thông tin thành hạ tầng số."),
            P("s-iii-6-a-p1", "s-iii-6-a", "Hoàn thành các tuyến đường tỉnh."),
            P("s-iii-p1", "s-iii", "Tổ chức thực hiện."));
        var overrides = new ThemeOverrides([], [],
        [
            new ThemeOverride("test-programme", null, "s-iii-6", ["digital-transformation"], ["infrastructure-urban"], null, "theme-overrides.yml:3"),
            new ThemeOverride("test-programme", "s-iii-p1", null, ["awareness-leadership"], [], "Tổ chức thực hiện là việc của cấp ủy.", "theme-overrides.yml:8"),
            new ThemeOverride("other-programme", "s-iii-6-p1", null, [], ["digital-transformation"], null, "theme-overrides.yml:12"),
        ]);
        var themes = new ThemeClassifier(Repository.Themes, overrides).Classify(programme);

        Assert.Equal(["digital-transformation"], ThemeIds(themes, "s-iii-6-p1"));
        var sectionWide = Assert.Single(Of(themes, "s-iii-6-a-p1"));
        Assert.Equal(("digital-transformation", "override", "theme-overrides.yml:3"), (sectionWide.ThemeId, sectionWide.Reason, sectionWide.Evidence));
        var single = Assert.Single(Of(themes, "s-iii-p1"));
        Assert.Equal(("override", "Tổ chức thực hiện là việc của cấp ủy."), (single.Reason, single.Evidence));
    }

    // ---- output ----

    [Fact]
    public void Output_follows_document_order_then_registry_order_one_entry_per_passage_and_theme()
    {
        var programme = Programme([S("s-1", "Phát triển nông nghiệp, nông thôn; thương mại, du lịch")],
            P("s-1-p1", "s-1", "Phát triển du lịch nông thôn, du lịch sinh thái gắn với thương mại và nông nghiệp."),
            P("s-1-p2", "s-1", "Đẩy mạnh chuyển đổi số, kinh tế số trong nông nghiệp."));
        var themes = Classifier.Classify(programme);
        var order = Repository.Themes.Select(t => t.Id).ToList();
        foreach (var group in themes.GroupBy(t => t.PassageId))
        {
            var ids = group.Select(t => t.ThemeId).ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            Assert.Equal(ids.OrderBy(order.IndexOf), ids);
        }
        Assert.Equal(["s-1-p1", "s-1-p2"], themes.Select(t => t.PassageId).Distinct());
        Assert.Equal(themes, Classifier.Classify(programme));
    }

    [Fact]
    public void The_analysis_stage_runs_the_classifier_with_the_overrides()
    {
        var programme = Programme([S("s-1", "Đẩy mạnh chuyển đổi số")], P("s-1-p1", "s-1", "Triển khai các nhiệm vụ."));
        var overrides = new ThemeOverrides([], [], [new ThemeOverride("test-programme", "s-1-p1", null, ["services"], [], null, "x:1")]);
        var analysed = Assert.Single(new Atlas.Analysis.AtlasAnalyser(Repository.Themes, [], overrides).Analyse([programme]));
        Assert.Equal(["services", "digital-transformation"], analysed.Analysis.Themes.Select(t => t.ThemeId));
    }

    // ---- real paragraphs of the seeds ----

    [Theory]
    [InlineData("thai-binh-nq29-2023.txt", "Đẩy mạnh chuyển đổi số, ứng dụng công nghệ số")]
    [InlineData("thai-binh-nq29-2023.txt", "Thúc đẩy chuyển đổi số toàn diện")]
    [InlineData("tien-giang-38-ctr-tu-2023.txt", "Phát triển kinh tế số, xã hội số")]
    [InlineData("tien-giang-38-ctr-tu-2023.txt", "Chuyển đổi hạ tầng viễn thông thành hạ tầng số")]
    public void Seed_paragraphs_on_digital_transformation_land_in_that_theme_whatever_their_section(string file, string opening)
    {
        var paragraph = File.ReadLines(Repo.Source(file)).Select(l => l.Trim().TrimStart('-', ' ')).First(l => l.StartsWith(opening, StringComparison.Ordinal));
        var programme = Programme([S("s-2", "Triển khai thực hiện cơ chế, chính sách thúc đẩy công nghiệp hóa, hiện đại hóa")],
            P("s-2-p1", "s-2", paragraph));
        var digital = Assert.Single(Classifier.Classify(programme), t => t.ThemeId == "digital-transformation");
        Assert.Equal("keyword", digital.Reason);
    }
}
