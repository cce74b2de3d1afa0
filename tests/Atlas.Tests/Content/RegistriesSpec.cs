using Atlas.Content;
using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Content;

public class RegistriesSpec
{
    private static readonly Registries Repository = Registries.Load(Repo.Content);

    // ---- content/provinces.yml ----

    [Fact]
    public void The_province_registry_lists_the_63_units_before_the_2025_reorganisation_by_slug()
    {
        var provinces = Repository.Provinces;
        Assert.Equal(63, provinces.Count);
        Assert.Equal(63, provinces.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(provinces.Select(p => p.Slug).Order(StringComparer.Ordinal), provinces.Select(p => p.Slug));
        Assert.All(provinces, p => Assert.Equal(Slugs.From(p.Name), p.Slug));
        Assert.All(provinces, p => Assert.False(string.IsNullOrWhiteSpace(p.Region + p.Capital)));
    }

    [Fact]
    public void Every_capital_lies_inside_vietnams_mainland_bounding_box()
    {
        Assert.All(Repository.Provinces, p =>
        {
            Assert.InRange(p.Latitude, 8.4, 23.4);
            Assert.InRange(p.Longitude, 102.1, 109.5);
        });
    }

    [Fact]
    public void Merges_point_at_units_of_the_file_that_kept_their_name_leaving_34()
    {
        var bySlug = Repository.Provinces.ToDictionary(p => p.Slug);
        foreach (var p in Repository.Provinces.Where(p => p.MergedInto is not null))
        {
            Assert.True(bySlug.ContainsKey(p.MergedInto!), $"{p.Slug} → {p.MergedInto}");
            Assert.Null(bySlug[p.MergedInto!].MergedInto);
        }
        Assert.Equal(34, Repository.Provinces.Count(p => p.MergedInto is null));
    }

    [Theory]
    [InlineData("tien-giang", "dong-thap")]
    [InlineData("kien-giang", "an-giang")]
    [InlineData("thai-binh", "hung-yen")]
    [InlineData("kon-tum", "quang-ngai")]
    [InlineData("hau-giang", "can-tho")]
    [InlineData("quang-ngai", null)]
    [InlineData("ha-noi", null)]
    public void The_seed_provinces_are_present_with_their_2025_merger(string slug, string? mergedInto)
    {
        var province = Assert.Single(Repository.Provinces, p => p.Slug == slug);
        Assert.Equal(mergedInto, province.MergedInto);
    }

    [Theory]
    [InlineData("Tiền Giang", "tien-giang")]
    [InlineData("tỉnh Kiên Giang", "kien-giang")]
    [InlineData("Thành phố Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("TP. Cần Thơ", "can-tho")]
    [InlineData("Nowhere", null)]
    [InlineData(null, null)]
    public void A_programmes_province_is_found_by_slug_with_or_without_its_unit_prefix(string? name, string? slug) =>
        Assert.Equal(slug, Repository.ProvinceFor(name)?.Slug);

    // ---- content/themes.yml and theme-overrides.yml ----

    [Fact]
    public void The_theme_taxonomy_has_12_to_16_named_described_themes_with_rules()
    {
        var themes = Repository.Themes;
        Assert.InRange(themes.Count, 12, 16);
        Assert.Equal(themes.Count, themes.Select(t => t.Id).Distinct().Count());
        Assert.All(themes, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.NameVi));
            Assert.False(string.IsNullOrWhiteSpace(t.NameEn));
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.NotEmpty(t.Keywords);
            Assert.NotEmpty(t.HeadingKeywords);
        });
    }

    [Fact]
    public void The_taxonomy_covers_the_task_groups_the_programmes_share()
    {
        var ids = Repository.Themes.Select(t => t.Id).ToHashSet();
        foreach (var id in new[]
                 {
                     "awareness-leadership", "institutions-policy", "industry", "agriculture-rural", "services",
                     "science-technology", "human-resources", "digital-transformation", "infrastructure-urban",
                     "enterprises-investment", "finance-credit", "environment-climate-energy", "culture-society",
                     "defence-security", "regional-integration",
                 })
            Assert.Contains(id, ids);
    }

    [Fact]
    public void Keywords_are_phrases_or_loanwords_so_folded_syllables_cannot_collide()
    {
        // Folding drops tones: a lone syllable would match others ("cảng" = "càng", "thuế" = "thuê").
        var all = Repository.Themes.SelectMany(t => t.Keywords.Concat(t.HeadingKeywords).Concat(t.Excludes));
        Assert.All(all, k =>
        {
            var words = k.Split([' ', ',', '-', '&'], StringSplitOptions.RemoveEmptyEntries);
            Assert.True(words.Length >= 2 || k.All(char.IsAscii), $"'{k}' is a single Vietnamese syllable");
        });
    }

    [Fact]
    public void The_repository_overrides_file_loads_its_classifier_settings()
    {
        Assert.Contains("tình hình", Repository.ThemeOverrides.SkipHeadings);
        Assert.Contains("đáp ứng", Repository.ThemeOverrides.PurposeMarkers);
    }

    // ---- loading rules ----

    [Fact]
    public void Missing_files_give_empty_registries()
    {
        using var dir = new TempDir();
        var registries = Registries.Load(dir.Path);
        Assert.Empty(registries.Provinces);
        Assert.Empty(registries.Themes);
        Assert.Empty(registries.Indicators);
        Assert.Empty(registries.ThemeOverrides.Overrides);
    }

    [Fact]
    public void Indicators_are_read_in_file_order_tolerating_extra_keys()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["indicators.yml"], """
            - id: grdp-growth
              name_vi: Tốc độ tăng trưởng GRDP
              name_en: GRDP growth
              definition: Tốc độ tăng tổng sản phẩm trên địa bàn bình quân năm.
              patterns: [tốc độ tăng trưởng grdp, tăng trưởng kinh tế]
              unit: "%/năm"
            - id: urbanisation-rate
              name_vi: Tỷ lệ đô thị hóa
              patterns: [tỷ lệ đô thị hóa]
            """);
        var indicators = Registries.Load(dir.Path).Indicators;
        Assert.Equal(["grdp-growth", "urbanisation-rate"], indicators.Select(i => i.Id));
        Assert.Equal(["tốc độ tăng trưởng grdp", "tăng trưởng kinh tế"], indicators[0].Patterns);
        Assert.Equal("", indicators[1].NameEn);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_file_and_line()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["themes.yml"], "- id: a\n  name_vi: [unclosed\n  name_en: x\n");
        var ex = Assert.Throws<RegistryException>(() => Registries.Load(dir.Path));
        Assert.Contains("themes.yml:", ex.Message);
        Assert.Matches(@"themes\.yml:\d+:\d+: malformed YAML", ex.Message);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_at_its_line()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["themes.yml"], """
            - id: industry
              name_vi: Công nghiệp
              name_en: Industry
              description: Công nghiệp.
              keyword: [công nghiệp]
            """);
        var ex = Assert.Throws<RegistryException>(() => Registries.Load(dir.Path));
        Assert.Contains("themes.yml:5:", ex.Message);
        Assert.Contains("unknown key 'keyword'", ex.Message);
    }

    [Fact]
    public void A_merger_into_an_unknown_province_is_an_error_at_its_line()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["provinces.yml"], """
            - name: Tiền Giang
              slug: tien-giang
              region: Đồng bằng sông Cửu Long
              capital: Mỹ Tho
              lat: 10.36
              lon: 106.36
              merged_into: dong-thap
            """);
        var ex = Assert.Throws<RegistryException>(() => Registries.Load(dir.Path));
        Assert.Contains("provinces.yml:7:", ex.Message);
        Assert.Contains("dong-thap", ex.Message);
    }

    [Theory]
    [InlineData("slug: tien-giang-x", "slug")]
    [InlineData("lat: north", "lat")]
    public void A_province_with_a_wrong_slug_or_coordinate_is_rejected(string badLine, string key)
    {
        using var dir = new TempDir();
        var yaml = """
            - name: Tiền Giang
              slug: tien-giang
              region: Đồng bằng sông Cửu Long
              capital: Mỹ Tho
              lat: 10.36
              lon: 106.36
              merged_into: null
            """;
        var good = badLine.StartsWith("slug") ? "slug: tien-giang" : "lat: 10.36";
        File.WriteAllText(dir["provinces.yml"], yaml.Replace(good, badLine));
        var ex = Assert.Throws<RegistryException>(() => Registries.Load(dir.Path));
        Assert.Contains("provinces.yml:", ex.Message);
        Assert.Contains(key, ex.Message);
    }

    [Fact]
    public void An_override_of_an_unknown_theme_is_an_error_at_its_line()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(Repo.Content, "themes.yml"), dir["themes.yml"]);
        File.WriteAllText(dir["theme-overrides.yml"], """
            overrides:
              - programme: tien-giang-38-ctr-tu-2023
                passage: s-iii-2-p3
                add: [no-such-theme]
            """);
        var ex = Assert.Throws<RegistryException>(() => Registries.Load(dir.Path));
        Assert.Contains("theme-overrides.yml:4:", ex.Message);
        Assert.Contains("no-such-theme", ex.Message);
    }

    [Fact]
    public void An_override_names_exactly_one_target()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(Repo.Content, "themes.yml"), dir["themes.yml"]);
        File.WriteAllText(dir["theme-overrides.yml"], """
            overrides:
              - programme: tien-giang-38-ctr-tu-2023
                passage: s-iii-2-p3
                section: s-iii-2
                remove: [industry]
            """);
        var ex = Assert.Throws<RegistryException>(() => Registries.Load(dir.Path));
        Assert.Contains("exactly one", ex.Message);
    }

    [Fact]
    public void Overrides_are_loaded_with_where_they_were_written()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(Repo.Content, "themes.yml"), dir["themes.yml"]);
        File.WriteAllText(dir["theme-overrides.yml"], """
            skip_headings: [tình hình]
            overrides:
              - programme: tien-giang-38-ctr-tu-2023
                section: s-iii-6
                add: [digital-transformation]
                remove: [services]
                note: Hạ tầng số.
            """);
        var o = Assert.Single(Registries.Load(dir.Path).ThemeOverrides.Overrides);
        Assert.Equal(("s-iii-6", (string?)null), (o.SectionId, o.PassageId));
        Assert.Equal(["digital-transformation"], o.Add);
        Assert.Equal(["services"], o.Remove);
        Assert.Equal("theme-overrides.yml:3", o.Origin);
    }
}
