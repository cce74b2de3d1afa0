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
    /// The issuer as it reads in running text. Headers print it in capitals ("TỈNH ỦY TIỀN GIANG"); a citation wants
    /// "Tỉnh ủy Tiền Giang": lower-case it, capitalise the first letter and restore the province name's own casing.
    /// </summary>
    public static string? Issuer(ProgrammeMetadata m)
    {
        var issuer = m.Issuer?.Trim();
        if (string.IsNullOrEmpty(issuer)) return null;
        if (issuer.Any(char.IsLower)) return issuer;
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var lower = issuer.ToLower(vi);
        lower = char.ToUpper(lower[0], vi) + lower[1..];
        if (m.Province is { Length: > 0 } province)
        {
            var at = lower.IndexOf(province.ToLower(vi), StringComparison.Ordinal);
            if (at >= 0) lower = lower[..at] + province + lower[(at + province.Length)..];
        }
        return lower;
    }
}
