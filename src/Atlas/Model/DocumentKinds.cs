namespace Atlas.Model;

/// <summary>The kinds of Party and government documents programmes are and cite, longest name first where one starts another.</summary>
public static class DocumentKinds
{
    public static readonly IReadOnlyList<string> All =
        ["Nghị quyết", "Kế hoạch", "Kết luận", "Chỉ thị", "Chương trình hành động", "Chương trình", "Quyết định", "Thông báo", "Đề án", "Hướng dẫn", "Quy định"];

    /// <summary>
    /// What kind of document the programme is: from its number's type code ("38-CTr/TU", "245/KH-UBND"), else from the
    /// kind its title opens with; null when neither says.
    /// </summary>
    public static string? Of(ProgrammeMetadata m)
    {
        var code = m.Number?.Split('-', '/').Skip(1).FirstOrDefault()?.ToUpperInvariant();
        return code switch
        {
            "CTR" => "Chương trình",
            "KH" => "Kế hoạch",
            "NQ" => "Nghị quyết",
            "CT" => "Chỉ thị",
            "KL" => "Kết luận",
            _ => Leading(m.Title),
        };
    }

    /// <summary>The kind a title opens with ("CHƯƠNG TRÌNH HÀNH ĐỘNG về …" → "Chương trình hành động"), or null.</summary>
    public static string? Leading(string? title)
    {
        if (title is null) return null;
        var text = title.TrimStart().Normalize(System.Text.NormalizationForm.FormC);
        foreach (var kind in All)
            if (text.StartsWith(kind, StringComparison.OrdinalIgnoreCase)
                && (text.Length == kind.Length || !char.IsLetterOrDigit(text[kind.Length])))
                return kind;
        return null;
    }
}
