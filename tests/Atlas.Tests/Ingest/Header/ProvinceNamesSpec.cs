using Atlas.Content;
using Atlas.Ingest.Header;
using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest.Header;

/// <summary>
/// Every province and centrally governed city — the 63 units before the July 2025 reorganisation and the 34 after it —
/// is recognised from the organ line of a header, in capitals, with its kind ("THÀNH PHỐ …") or without, and lands on a
/// unit of content/provinces.yml. A name that is no unit is reported and left empty, never guessed.
/// </summary>
public class ProvinceNamesSpec
{
    private static readonly IReadOnlyList<Province> Registry = Registries.LoadProvinces(Path.Combine(Repo.Content, "provinces.yml"));

    /// <summary>The 34 provincial units since 1 July 2025 (Resolution 202/2025/QH15): 6 cities, 28 provinces.</summary>
    public static readonly string[] After2025 =
    [
        "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ",
        "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi",
        "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
        "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
    ];

    public static TheoryData<string> RegistryNames() => new(Registry.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(RegistryNames))]
    public void Every_registry_unit_is_read_from_a_provincial_committee_header(string name)
    {
        var organ = HeaderReader.Organ("TỈNH ỦY " + name.ToUpperInvariant());
        Assert.NotNull(organ);
        Assert.Equal(name, organ!.Value.Province);
        Assert.Null(organ.Value.Named);
    }

    [Fact]
    public void Every_unit_after_the_2025_merger_is_recognised_and_is_in_the_registry()
    {
        Assert.Equal(34, After2025.Distinct().Count());
        var slugs = Registry.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var name in After2025)
        {
            var city = HeaderReader.Organ("THÀNH ỦY THÀNH PHỐ " + name.ToUpperInvariant());
            var province = HeaderReader.Organ("TỈNH ỦY " + name.ToUpperInvariant());
            Assert.True(city?.Province is not null, "THÀNH ỦY THÀNH PHỐ " + name);
            Assert.Equal(city!.Value.Province, province!.Value.Province);
            Assert.Contains(Slugs.From(city.Value.Province!), slugs);
            var registered = Registry.Single(p => p.Slug == Slugs.From(city.Value.Province!));
            Assert.Null(registered.MergedInto); // a unit that exists after 2025 absorbed others or kept its name
        }
    }

    [Theory]
    [InlineData("THÀNH ỦY CẦN THƠ", "Thành ủy", "Cần Thơ")]
    [InlineData("THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH", "Thành ủy", "Hồ Chí Minh")]
    [InlineData("THÀNH ỦY TP. HỒ CHÍ MINH", "Thành ủy", "Hồ Chí Minh")]
    [InlineData("THÀNH ỦY HUẾ", "Thành ủy", "Thừa Thiên Huế")]
    [InlineData("TỈNH ỦY BÀ RỊA - VŨNG TÀU", "Tỉnh ủy", "Bà Rịa - Vũng Tàu")]
    [InlineData("TỈNH ỦY BÀ RỊA – VŨNG TÀU", "Tỉnh ủy", "Bà Rịa - Vũng Tàu")]
    [InlineData("TỈNH ỦY HOÀ BÌNH", "Tỉnh ủy", "Hòa Bình")]
    [InlineData("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH ĐẮK LẮK", "Ban Chấp hành Đảng bộ tỉnh", "Đắk Lắk")]
    [InlineData("TỈNH ỦY TIỀN GIANG SỐ 38", "Tỉnh ủy", "Tiền Giang")]
    public void Organ_lines_in_other_shapes(string line, string issuer, string province)
    {
        var organ = HeaderReader.Organ(line);
        Assert.Equal((issuer, province), (organ!.Value.Issuer, organ.Value.Province));
    }

    [Theory]
    [InlineData("TỈNH ỦY SÔNG BÉ", "Sông Bé")]
    [InlineData("TỈNH ỦY HÀ SƠN BÌNH", "Hà Sơn Bình")]
    public void A_name_that_is_no_unit_is_not_taken_for_a_province(string line, string named)
    {
        var organ = HeaderReader.Organ(line);
        Assert.Null(organ!.Value.Province);
        Assert.Equal(named, organ.Value.Named);
    }

    [Fact]
    public void An_unknown_province_is_reported_and_left_empty()
    {
        var ingested = Seeds.IngestText("x.txt", File.ReadAllText(Path.Combine(Repo.Root, "tests", "Fixtures", "programmes", "unknown-province-ctr.txt")));
        Assert.Null(ingested.Programme.Metadata.Province);
        Assert.Equal("missing", ingested.Report.Fields.Single(f => f.Field == "province").State);
        Assert.Contains(ingested.Report.Warnings, w => w.Contains("\"Sông Bé\"", StringComparison.Ordinal));
    }
}
