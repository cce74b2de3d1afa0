using System.Text.RegularExpressions;
using Atlas.Analysis;
using Atlas.Analysis.Targets;
using Atlas.Content;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Analysis.Targets;

/// <summary>
/// The indicator matcher skips a pattern's regex when the passage lacks the plain text every match must hold. That
/// pre-check may only ever skip patterns that cannot match: it must never change which indicators are found.
/// </summary>
public class IndicatorMatcherSpec
{
    [Theory]
    [InlineData("ty trong cong nghiep che bien, che tao", "ty trong cong nghiep che bien, che tao")]
    [InlineData("(tong san pham|grdp) (tinh )?theo dau nguoi", "theo dau nguoi")]
    [InlineData("quy mo (nen kinh te|grdp|kinh te)", "quy mo")]
    [InlineData("toc do tang (tong san pham|grdp)", "toc do tang")]
    [InlineData("ho ngheo|ty le ngheo", null)]        // top-level alternation: nothing is required
    [InlineData("do thi hoa?", "do thi ho")]          // the char before a quantifier is optional
    [InlineData("ty  le\\s+[a-z]+ che phu", "che phu")] // classes and escapes break runs; runs of spaces are one space
    [InlineData("lao dong qua dao tao co bang cap", "lao dong qua dao tao co bang cap")]
    [InlineData("ab(c)", null)]                       // too short to be worth a check
    public void The_required_text_is_the_longest_plain_run_outside_groups(string pattern, string? required) =>
        Assert.Equal(required, IndicatorMatcher.RequiredLiteral(pattern));

    [Fact]
    public void Every_match_of_every_registry_pattern_in_the_seeds_holds_its_required_text()
    {
        var registries = Registries.Load(Repo.Content);
        var texts = Directory.GetFiles(Repo.Sources, "*.txt").SelectMany(File.ReadAllLines)
            .Select(l => TextFold.Fold(l.Normalize())).Where(l => l.Length > 0).ToList();
        int checkedMatches = 0;
        foreach (var pattern in registries.Indicators.SelectMany(i => i.Patterns).Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var required = IndicatorMatcher.RequiredLiteral(pattern.Trim());
            if (required is null) continue;
            var regex = new Regex(pattern.Trim().Replace(" ", @"\s+"), RegexOptions.CultureInvariant);
            foreach (var text in texts)
                foreach (Match m in regex.Matches(text))
                {
                    Assert.Contains(required, Regex.Replace(m.Value, @"\s+", " "));
                    checkedMatches++;
                }
        }
        Assert.True(checkedMatches > 50, $"only {checkedMatches} matches checked");
    }

    [Fact]
    public void Required_texts_that_start_inside_another_or_at_the_same_place_are_all_seen()
    {
        // One pass finds where any required text starts; one starting inside another's, or at the same place, counts too.
        var matcher = new IndicatorMatcher([
            new Atlas.Model.Indicator("a", "a", "a", "", ["ty le ho ngheo (da|chua) giam"]), // requires "ty le ho ngheo"
            new Atlas.Model.Indicator("b", "b", "b", "", ["ho ngheo (giam|tang)"]),          // "ho ngheo": only inside a's text below
            new Atlas.Model.Indicator("c", "c", "c", "", ["ty le lao dong (nu|nam)"]),       // "ty le lao dong"
            new Atlas.Model.Indicator("d", "d", "d", "", ["ty le (ho|lao)"]),                // "ty le": where a's or c's starts
        ]);
        Assert.Equal(["b"], matcher.Find("ty le ho ngheo tang").Select(m => m.IndicatorId));
        Assert.Equal(["d"], matcher.Find("ty le lao dong tre").Select(m => m.IndicatorId));
    }

    [Fact]
    public void Mentions_across_line_breaks_tabs_and_double_spaces_are_still_found()
    {
        var matcher = new IndicatorMatcher(Registries.Load(Repo.Content).Indicators);
        var plain = matcher.Find("ty trong cong nghiep che bien, che tao dat 30%");
        Assert.NotEmpty(plain);
        var spaced = matcher.Find("ty  trong\ncong\tnghiep  che bien,\u00a0che tao dat 30%");
        Assert.Equal(plain.Select(m => m.IndicatorId), spaced.Select(m => m.IndicatorId));
    }

    [Theory]
    [InlineData("Tỷ trọng giá trị sản phẩm công nghệ cao trong các ngành chế biến, chế tạo đạt tối thiểu 45%", "hi-tech-products-share")]
    [InlineData("Tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số", "health-insurance-coverage")]
    [InlineData("Số bác sĩ trên 1 vạn dân đạt 19 bác sĩ", "doctors-per-10000")]
    [InlineData("Số giường bệnh/1 vạn dân đạt 32 giường", "hospital-beds-per-10000")]
    [InlineData("Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi dưới 15%", "child-malnutrition")]
    [InlineData("Chi cho nghiên cứu khoa học và phát triển công nghệ đạt 1% GRDP", "rd-spending")]
    [InlineData("Tốc độ tăng trưởng khu vực nông, lâm nghiệp và thủy sản đạt 3%/năm", "agriculture-growth")]
    [InlineData("Tỷ lệ dân số đô thị được cung cấp nước sạch đạt 100%", "clean-water-urban")]
    [InlineData("Tỷ lệ hộ gia đình nông thôn sử dụng nước sạch đạt 65%", "clean-water-rural")]
    [InlineData("Tỷ lệ thu gom và xử lý chất thải rắn sinh hoạt đạt 90%", "waste-collection")]
    [InlineData("Dân số trung bình đạt 2 triệu người", "population")]
    // New rural communes whichever side of the share they are written; the advanced and model standards win their longer mentions.
    [InlineData("Có 100% số xã đạt chuẩn nông thôn mới", "new-rural-communes")]
    [InlineData("Tỷ lệ xã nông thôn mới đạt trên 80%", "new-rural-communes")]
    [InlineData("Số xã đạt chuẩn xã nông thôn mới nâng cao đạt trên 20%", "advanced-new-rural-communes")]
    [InlineData("30% số xã đạt chuẩn nông thôn mới kiểu mẫu", "model-new-rural-communes")]
    public void Common_phrasings_of_a_target_name_its_indicator(string sentence, string indicator)
    {
        var matcher = new IndicatorMatcher(Registries.Load(Repo.Content).Indicators);
        Assert.Equal([indicator], matcher.Find(TextFold.Fold(sentence.Normalize())).Select(m => m.IndicatorId));
    }

    [Fact]
    public void The_longest_mention_wins_an_overlap_however_many_mentions_a_passage_holds()
    {
        var matcher = new IndicatorMatcher(Registries.Load(Repo.Content).Indicators);
        const string one = "ty trong cong nghiep che bien, che tao dat 30%; ";
        var single = matcher.Find(one);
        var many = matcher.Find(string.Concat(Enumerable.Repeat(one, 5_000)));

        Assert.Equal(single.Count * 5_000, many.Count);
        Assert.All(many.Zip(many.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
        Assert.Equal(single.Select(m => m.IndicatorId), many.Take(single.Count).Select(m => m.IndicatorId));
    }
}
