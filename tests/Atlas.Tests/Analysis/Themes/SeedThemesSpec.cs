using Atlas.Analysis.Themes;
using Atlas.Content;
using Atlas.Ingest;
using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Analysis.Themes;

/// <summary>The taxonomy and rules on the five seeds as ingest reads them.</summary>
public class SeedThemesSpec
{
    private static readonly Registries Repository = Registries.Load(Repo.Content);
    private static readonly ThemeClassifier Classifier = new(Repository.Themes, Repository.ThemeOverrides);

    public static TheoryData<string> Seeds => new()
    {
        "hau-giang-123-ctr-tu-2022.txt",
        "kien-giang-phat-trien-cong-nghiep-2021-2025.txt",
        "quang-ngai-nq29.txt",
        "thai-binh-nq29-2023.txt",
        "tien-giang-38-ctr-tu-2023.txt",
    };

    private static Programme Ingest(string file)
    {
        var outcome = new ProgrammeIngester().Ingest(new SourceDocument(file, File.ReadAllBytes(Repo.Source(file))));
        return Assert.IsType<Ingested>(outcome).Programme;
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) =>
        sections.SelectMany(s => new[] { s }.Concat(Flatten(s.Children)));

    /// <summary>Passages under the first section whose folded heading starts with <paramref name="heading"/>.</summary>
    private static IReadOnlyList<Passage> Under(Programme programme, string heading)
    {
        var section = Flatten(programme.Sections).First(s => ThemeText.Fold(s.Heading).StartsWith(ThemeText.Fold(heading), StringComparison.Ordinal));
        var ids = Flatten([section]).Select(s => s.Id).ToHashSet();
        return programme.Passages.Where(p => p.SectionId is not null && ids.Contains(p.SectionId)).ToList();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_seed_has_passages_in_at_least_eight_themes_each_explained(string file)
    {
        var programme = Ingest(file);
        var themes = Classifier.Classify(programme);
        Assert.True(themes.Select(t => t.ThemeId).Distinct().Count() >= 8, string.Join(", ", themes.Select(t => t.ThemeId).Distinct()));
        var passageIds = programme.Passages.Select(p => p.Id).ToHashSet();
        Assert.All(themes, t =>
        {
            Assert.Contains(t.PassageId, passageIds);
            Assert.Contains(t.Reason, new[] { "heading", "keyword", "override" });
            Assert.False(string.IsNullOrWhiteSpace(t.Evidence));
        });
    }

    [Theory]
    [InlineData("thai-binh-nq29-2023.txt", "Đẩy mạnh chuyển đổi số")]
    [InlineData("thai-binh-nq29-2023.txt", "Thúc đẩy chuyển đổi số toàn diện")]
    [InlineData("tien-giang-38-ctr-tu-2023.txt", "Phát triển kinh tế số, xã hội số")]
    [InlineData("tien-giang-38-ctr-tu-2023.txt", "Chuyển đổi hạ tầng viễn thông thành hạ tầng số")]
    [InlineData("quang-ngai-nq29.txt", "Thúc đẩy chuyển đổi số toàn diện")]
    public void Digital_transformation_passages_land_in_that_theme(string file, string opening)
    {
        var programme = Ingest(file);
        var passage = programme.Passages.First(p => p.Text.StartsWith(opening, StringComparison.Ordinal));
        Assert.Contains(Classifier.Classify(programme), t => t.PassageId == passage.Id && t.ThemeId == "digital-transformation");
    }

    [Theory]
    [InlineData("hau-giang-123-ctr-tu-2022.txt", "Liên kết vùng", "regional-integration")]
    [InlineData("hau-giang-123-ctr-tu-2022.txt", "Bảo đảm vững chắc quốc phòng, an ninh", "defence-security")]
    [InlineData("hau-giang-123-ctr-tu-2022.txt", "Về Nông nghiệp", "agriculture-rural")]
    [InlineData("thai-binh-nq29-2023.txt", "Phát triển các thành phần kinh tế", "enterprises-investment")]
    [InlineData("quang-ngai-nq29.txt", "Đổi mới chính sách tài chính, tín dụng", "finance-credit")]
    [InlineData("tien-giang-38-ctr-tu-2023.txt", "Phát triển kết cấu hạ tầng đồng bộ", "infrastructure-urban")]
    public void Every_passage_of_a_task_section_carries_the_theme_its_heading_names(string file, string heading, string themeId)
    {
        var programme = Ingest(file);
        var themes = Classifier.Classify(programme);
        var passages = Under(programme, heading);
        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.Contains(themes, t => t.PassageId == p.Id && t.ThemeId == themeId));
    }

    [Fact]
    public void A_compound_headings_themes_are_shared_out_by_what_each_passage_says()
    {
        // Kiên Giang III.8: "Tập trung phát triển nguồn nhân lực, đẩy mạnh ứng dụng, chuyển giao công nghệ phục vụ
        // phát triển công nghiệp": human resources and technology (industry is the purpose, not the topic).
        var programme = Ingest("kien-giang-phat-trien-cong-nghiep-2021-2025.txt");
        var themes = Classifier.Classify(programme);
        var passages = Under(programme, "Tập trung phát triển nguồn nhân lực");
        string[] Heading(Passage p) => themes.Where(t => t.PassageId == p.Id && t.Reason == "heading").Select(t => t.ThemeId).ToArray();
        Assert.All(passages, p => Assert.NotEmpty(Heading(p)));
        Assert.All(passages, p => Assert.All(Heading(p), id => Assert.Contains(id, new[] { "human-resources", "science-technology" })));
        Assert.Contains(passages, p => Heading(p).SequenceEqual(["human-resources"]));
        Assert.Contains(passages, p => Heading(p).SequenceEqual(["science-technology"]));
    }

    [Theory]
    [InlineData("hau-giang-123-ctr-tu-2022.txt", "Tình hình và nguyên nhân")]
    [InlineData("tien-giang-38-ctr-tu-2023.txt", "Đặc điểm tình hình")]
    [InlineData("thai-binh-nq29-2023.txt", "Đánh giá tình hình")]
    public void Reviews_of_the_past_carry_no_theme(string file, string heading)
    {
        var programme = Ingest(file);
        var ids = Under(programme, heading).Select(p => p.Id).ToHashSet();
        Assert.NotEmpty(ids);
        Assert.DoesNotContain(Classifier.Classify(programme), t => ids.Contains(t.PassageId));
    }
}
