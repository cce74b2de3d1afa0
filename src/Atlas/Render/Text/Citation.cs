using System.Globalization;
using Atlas.Model;

namespace Atlas.Render;

/// <summary>
/// The citation a reader copies for a passage or heading, in the form Vietnamese scholarship uses:
/// <c>Tỉnh ủy Tiền Giang, Chương trình số 38-CTr/TU ngày 31/3/2023, mục III.2</c>. Parts the source does not state are left out.
/// </summary>
public static class Citation
{
    public static string For(ProgrammeMetadata m, string? sectionPath)
    {
        var parts = new List<string>();
        // Without an issuer, the province still tells the reader whose document it is (it is never turned into an issuer).
        var issuer = Issuer(m) ?? (string.IsNullOrWhiteSpace(m.Province) ? null : m.Province.Trim());
        if (issuer is not null) parts.Add(issuer);
        var doc = Kind(m);
        if (m.Number is { Length: > 0 } n) doc += " số " + n;
        if (Dates.Vietnamese(m.Date) is { } d) doc += " ngày " + d;
        parts.Add(doc);
        if (!string.IsNullOrEmpty(sectionPath)) parts.Add("mục " + sectionPath);
        return string.Join(", ", parts);
    }

    /// <summary>"Chương trình", "Kế hoạch"… from the number's type code, else from the title's first words.</summary>
    public static string Kind(ProgrammeMetadata m)
    {
        var code = m.Number?.Split('-', '/').Skip(1).FirstOrDefault()?.ToUpperInvariant();
        switch (code)
        {
            case "CTR": return "Chương trình";
            case "KH": return "Kế hoạch";
            case "NQ": return "Nghị quyết";
            case "CT": return "Chỉ thị";
            case "KL": return "Kết luận";
        }
        var title = (m.Title ?? "").Trim().ToLower(CultureInfo.GetCultureInfo("vi-VN"));
        if (title.StartsWith("chương trình hành động", StringComparison.Ordinal)) return "Chương trình hành động";
        if (title.StartsWith("kế hoạch", StringComparison.Ordinal)) return "Kế hoạch";
        return "Chương trình";
    }

    /// <summary>
    /// The issuer as it reads in running text, naming its province: headers print it in capitals ("TỈNH ỦY TIỀN GIANG")
    /// and documents often name it without the province ("Ban Thường vụ Tỉnh ủy"); a citation wants "Tỉnh ủy Tiền Giang",
    /// "Ban Thường vụ Tỉnh ủy Hậu Giang". Capitals are lower-cased (first letter and the province keep theirs).
    /// </summary>
    public static string? Issuer(ProgrammeMetadata m)
    {
        var issuer = m.Issuer?.Trim();
        if (string.IsNullOrEmpty(issuer)) return null;
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var province = m.Province?.Trim();
        if (!issuer.Any(char.IsLower))
        {
            var lower = issuer.ToLower(vi);
            issuer = char.ToUpper(lower[0], vi) + lower[1..];
            if (!string.IsNullOrEmpty(province))
            {
                var at = issuer.IndexOf(province.ToLower(vi), StringComparison.Ordinal);
                if (at >= 0) issuer = issuer[..at] + province + issuer[(at + province.Length)..];
            }
        }
        if (!string.IsNullOrEmpty(province) && !issuer.Contains(province, StringComparison.OrdinalIgnoreCase))
            issuer += " " + province;
        return issuer;
    }
}
