using System.Globalization;
using Atlas.Model;

namespace Atlas.Render;

/// <summary>
/// The citation a reader copies for a passage or heading, in the form Vietnamese scholarship uses:
/// <c>Tỉnh ủy Tiền Giang, Chương trình số 38-CTr/TU ngày 31/3/2023, mục III.2</c>. Parts the source does not state are left out.
/// </summary>
public static class Citation
{
    // GetCultureInfo takes a lock on every call, and citations are made for every passage on several threads.
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string For(ProgrammeMetadata m, string? sectionPath) => InSection(For(m), sectionPath);

    /// <summary>The citation of a place in a programme whose whole citation (<see cref="For(ProgrammeMetadata)"/>) is known:
    /// a programme page cites each of its hundred passages, and the whole citation is the costly part (it parses the date
    /// and lower-cases the issuer in Vietnamese).</summary>
    public static string InSection(string programmeCitation, string? sectionPath) =>
        string.IsNullOrEmpty(sectionPath) ? programmeCitation : programmeCitation + ", mục " + sectionPath;

    /// <summary>The citation of the whole programme: issuer, kind, number and date (the parts the source states).</summary>
    public static string For(ProgrammeMetadata m)
    {
        var parts = new List<string>();
        // Without an issuer, the province still tells the reader whose document it is (it is never turned into an issuer).
        var issuer = Issuer(m) ?? (string.IsNullOrWhiteSpace(m.Province) ? null : m.Province.Trim());
        if (issuer is not null) parts.Add(issuer);
        var doc = Kind(m);
        if (m.Number is { Length: > 0 } n) doc += " số " + n;
        if (Dates.Vietnamese(m.Date) is { } d) doc += " ngày " + d;
        parts.Add(doc);
        return string.Join(", ", parts);
    }

    /// <summary>The programme's kind (<see cref="DocumentKinds.Of"/>); a citation names one, so "Chương trình" when neither
    /// the number nor the title says.</summary>
    public static string Kind(ProgrammeMetadata m) => DocumentKinds.Of(m) ?? "Chương trình";

    /// <summary>
    /// The issuer as it reads in running text, naming its province: headers print it in capitals ("TỈNH ỦY TIỀN GIANG")
    /// and documents often name it without the province ("Ban Thường vụ Tỉnh ủy"); a citation wants "Tỉnh ủy Tiền Giang",
    /// "Ban Thường vụ Tỉnh ủy Hậu Giang". Capitals are lower-cased (first letter and the province keep theirs).
    /// </summary>
    public static string? Issuer(ProgrammeMetadata m)
    {
        var issuer = m.Issuer?.Trim();
        if (string.IsNullOrEmpty(issuer)) return null;
        var vi = Vietnamese;
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
