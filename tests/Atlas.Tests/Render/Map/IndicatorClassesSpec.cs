using Atlas.Model;
using Atlas.Render;
using Atlas.Render.Map;

namespace Atlas.Tests.Render.Map;

/// <summary>
/// How provinces are coloured by an indicator: which target each province shows, and the value classes. Computed in
/// C# at build time from plain records, so each rule is checked here without rendering anything.
/// </summary>
public class IndicatorClassesSpec
{
    private static readonly Indicator Growth = new("grdp-growth", "Tốc độ tăng trưởng GRDP", "GRDP growth rate", "", []);

    private static readonly IReadOnlyList<Province> Registry =
    [
        new("Tiền Giang", "tien-giang", "ĐBSCL", "Mỹ Tho", 10.36, 106.36, null),
        new("Hậu Giang", "hau-giang", "ĐBSCL", "Vị Thanh", 9.78, 105.47, null),
        new("Thái Bình", "thai-binh", "ĐBSH", "Thái Bình", 20.45, 106.34, null),
        new("Kiên Giang", "kien-giang", "ĐBSCL", "Rạch Giá", 10.01, 105.08, null),
    ];

    private static Target T(decimal low, decimal? high = null, string? period = null, int? year = null, string unit = "%",
        Comparator comparator = Comparator.Exact, bool achievement = false, string passage = "s-1-p1") =>
        new(passage, Growth.Id, high is null ? comparator : Comparator.Range, low, high, unit, period, year, "câu gốc", achievement);

    private static AnalysedProgramme P(string slug, string province, string date, params Target[] targets) =>
        new(new Programme(slug, new ProgrammeMetadata("Chương trình", province, null, null, date, null, [], null, []),
                [], [new Passage("s-1-p1", null, [], null, "…"), new Passage("s-1-p2", null, [], null, "…")],
                new ClosingMatter([], []), new SourceInfo(slug + ".txt", "0", "utf-8")),
            ProgrammeAnalysis.Empty with { Targets = targets });

    private static IndicatorMap Build(params AnalysedProgramme[] programmes)
    {
        var model = new AtlasModel(programmes, Registry, [], [Growth], new IngestReport([]));
        return IndicatorClasses.Build(Growth, programmes, new AtlasLookup(model));
    }

    [Fact]
    public void Classes_split_the_distinct_values_into_at_most_five_non_empty_groups_from_light_to_dark()
    {
        var classes = IndicatorClasses.Classify([1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m, 9m, 10m]);
        Assert.Equal(IndicatorClasses.MaxClasses, classes.Count);
        Assert.Equal([(1m, 2m), (3m, 4m), (5m, 6m), (7m, 8m), (9m, 10m)], classes.Select(c => (c.Low, c.High)));
        Assert.Equal(IndicatorClasses.Palette, classes.Select(c => c.Fill));
        Assert.All(classes, c => Assert.Equal(2, c.Count));
    }

    [Fact]
    public void Equal_values_always_share_a_class_and_few_values_give_few_classes()
    {
        var classes = IndicatorClasses.Classify([7m, 7m, 7m, 8.5m]);
        Assert.Equal(2, classes.Count);
        Assert.Equal((7m, 7m, 3), (classes[0].Low, classes[0].High, classes[0].Count));
        // Two classes use the two ends of the palette, so they are as far apart as the scale allows.
        Assert.Equal([IndicatorClasses.Palette[0], IndicatorClasses.Palette[^1]], classes.Select(c => c.Fill));
        Assert.Empty(IndicatorClasses.Classify([]));
    }

    [Fact]
    public void Each_province_shows_its_target_for_the_year_most_provinces_set_and_a_range_counts_as_its_middle()
    {
        var map = Build(
            P("tien-giang-38", "Tiền Giang", "2023-03-31",
                T(7.0m, 7.5m, period: "2021–2025"), T(8.0m, 9.0m, period: "2026–2030", passage: "s-1-p2")),
            P("hau-giang-123", "Hậu Giang", "2022-10-01", T(10m, 12m, period: "2026 - 2030"), T(7m, year: 2045, comparator: Comparator.About)),
            P("thai-binh-nq29", "Thái Bình", "2023-01-01", T(13.4m, period: "2021 - 2030")));

        Assert.Equal(2030, map.ReferenceYear);
        var tg = map.Provinces.Single(p => p.Slug == "tien-giang");
        Assert.Equal("s-1-p2", tg.Target!.PassageId);
        Assert.Equal(8.5m, tg.Value);
        Assert.Equal(11m, map.Provinces.Single(p => p.Slug == "hau-giang").Value);
        Assert.Equal(3, map.WithValue);
        // Highest value, darkest class.
        Assert.Equal(map.Classes.Count - 1, map.Provinces.Single(p => p.Slug == "thai-binh").Class);
        Assert.Equal(0, tg.Class);
    }

    [Fact]
    public void A_province_without_a_target_for_the_reference_year_shows_its_nearest_year()
    {
        var map = Build(
            P("tien-giang-38", "Tiền Giang", "2023-03-31", T(8m, period: "2026–2030")),
            P("thai-binh-nq29", "Thái Bình", "2023-01-01", T(13m, year: 2030)),
            P("hau-giang-123", "Hậu Giang", "2022-10-01", T(6m, year: 2020), T(7m, period: "2021–2025")));
        var hg = map.Provinces.Single(p => p.Slug == "hau-giang");
        Assert.Equal(2025, hg.Year);
        Assert.Equal(7m, hg.Value);
    }

    [Fact]
    public void Achievements_qualitative_targets_and_other_units_are_not_coloured_but_the_province_is_still_listed()
    {
        var map = Build(
            P("tien-giang-38", "Tiền Giang", "2023-03-31", T(8m, year: 2030), T(9m, year: 2030, passage: "s-1-p2")),
            P("thai-binh-nq29", "Thái Bình", "2023-01-01", T(12m, year: 2030)),
            P("kien-giang-cn", "Kiên Giang", "2021-01-01",
                T(7.6m, period: "2016-2020", achievement: true),
                new Target("s-1-p1", Growth.Id, Comparator.Qualitative, null, null, null, null, 2030, "ngang bằng cả nước", false),
                T(2m, year: 2030, unit: "lần")));
        Assert.Equal("%", map.Unit);
        var kg = map.Provinces.Single(p => p.Slug == "kien-giang");
        Assert.Null(kg.Target);
        Assert.Null(kg.Class);
        Assert.Equal("kien-giang-cn", kg.Programme.Programme.Slug);
        // Two targets for the same year in one programme: the first stated.
        Assert.Equal(8m, map.Provinces.Single(p => p.Slug == "tien-giang").Value);
        Assert.Equal(["kien-giang", "thai-binh", "tien-giang"], map.Provinces.Select(p => p.Slug));
    }

    [Fact]
    public void The_newest_programme_of_a_province_wins_and_the_result_does_not_depend_on_input_order()
    {
        var older = P("tien-giang-2021", "Tiền Giang", "2021-05-01", T(6m, year: 2030));
        var newer = P("tien-giang-2023", "Tiền Giang", "2023-03-31", T(8m, year: 2030));
        var other = P("thai-binh-nq29", "Thái Bình", "2023-01-01", T(12m, year: 2030));
        var a = Build(older, newer, other);
        var b = Build(other, newer, older);
        Assert.Equal(8m, a.Provinces.Single(p => p.Slug == "tien-giang").Value);
        Assert.Equal(a.Provinces.Select(p => (p.Slug, p.Value, p.Class)), b.Provinces.Select(p => (p.Slug, p.Value, p.Class)));
        Assert.Equal(a.Classes, b.Classes);
    }

    [Theory]
    [InlineData("2021–2025", null, 2025)]
    [InlineData("giai đoạn 2026 - 2030", null, 2030)]
    [InlineData(null, 2045, 2045)]
    [InlineData("2021–2030", 2025, 2025)]
    [InlineData("hằng năm", null, null)]
    public void The_year_of_a_target_is_its_year_or_the_end_of_its_period(string? period, int? year, int? expected) =>
        Assert.Equal(expected, IndicatorClasses.EndYear(T(1m, period: period, year: year)));
}
