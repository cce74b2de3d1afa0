using Atlas.Model;

namespace Atlas.Ingest.Header;

/// <summary>
/// The provinces and centrally governed cities a programme can come from (the 63 units before the 2025 reorganisation,
/// under whose names every programme of 2020–2025 was issued). Ingest needs them to recognise a province named in a
/// header and to infer one from body text; the registry (content/provinces.yml) adds regions, capitals and mergers later.
/// </summary>
public static class ProvinceNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
        "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
        "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình",
        "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
        "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
        "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
        "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
    ];

    private static readonly Dictionary<string, string> BySlug = BuildIndex();

    private static Dictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in All) index[Slugs.From(name)] = name;
        // Other spellings of the same units.
        index["ba-ria-vung-tau"] = "Bà Rịa - Vũng Tàu";
        index["thanh-pho-ho-chi-minh"] = "Hồ Chí Minh";
        index["tp-ho-chi-minh"] = "Hồ Chí Minh";
        index["dak-lak"] = "Đắk Lắk";
        index["dac-lac"] = "Đắk Lắk";
        index["dak-nong"] = "Đắk Nông";
        index["kon-tum"] = "Kon Tum";
        // Huế has been a centrally governed city since 1 January 2025: the same unit as the province of Thừa Thiên Huế,
        // under which the registry (content/provinces.yml) lists it.
        index["hue"] = "Thừa Thiên Huế";
        index["hcm"] = "Hồ Chí Minh";
        index["tp-hcm"] = "Hồ Chí Minh";
        return index;
    }

    /// <summary>The canonical name for any spelling ("HOÀ BÌNH", "Hoà Bình", "Hòa Bình"), or null if it is not a province.
    /// A city or province may be named with its kind ("THÀNH PHỐ CẦN THƠ", "TP. Đà Nẵng", "tỉnh Đồng Tháp").</summary>
    public static string? Canonical(string text)
    {
        var slug = Slugs.From(text);
        if (BySlug.TryGetValue(slug, out var name)) return name;
        foreach (var kind in KindPrefixes)
            if (slug.StartsWith(kind, StringComparison.Ordinal) && BySlug.TryGetValue(slug[kind.Length..], out name)) return name;
        return null;
    }

    private static readonly string[] KindPrefixes = ["thanh-pho-truc-thuoc-trung-uong-", "thanh-pho-", "tp-", "tinh-"];

    /// <summary>
    /// Spellings to look for in body text: the canonical one and the old tone placement (Hoà, Hoá), which programmes still use.
    /// "Hồ Chí Minh" alone is usually the president's thought, so only the city's full name counts.
    /// </summary>
    public static IReadOnlyList<(string Spelling, string Name)> BodySpellings() => Spellings;

    // Built once: inference looks for every spelling in every paragraph.
    private static readonly (string Spelling, string Name)[] Spellings = BuildSpellings().ToArray();

    private static IEnumerable<(string Spelling, string Name)> BuildSpellings()
    {
        foreach (var name in All)
        {
            if (name == "Hồ Chí Minh")
            {
                yield return ("Thành phố Hồ Chí Minh", name);
                yield return ("TP. Hồ Chí Minh", name);
                continue;
            }
            if (name == "Huế") continue;
            yield return (name, name);
            var old = name.Replace("Hòa", "Hoà").Replace("Hóa", "Hoá");
            if (old != name) yield return (old, name);
        }
    }
}
