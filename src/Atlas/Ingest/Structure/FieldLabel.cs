using Atlas.Model;

namespace Atlas.Ingest.Structure;

/// <summary>
/// Recognises assignment lines such as "Cơ quan chỉ đạo: …", "Cơ quan tham mưu, thực hiện: …", "Thời gian thực hiện: …".
/// They describe the task above them, so they become <see cref="PassageField"/>s, never passages.
/// </summary>
public static class FieldLabel
{
    // Folded (ASCII slug) beginnings of the labels programmes use for who-does-what-by-when.
    private static readonly string[] Prefixes =
    [
        "co-quan", "don-vi", "thoi-gian", "thoi-han", "tien-do", "chu-tri", "phoi-hop", "san-pham", "ket-qua-dau-ra",
        "kinh-phi", "nguon-kinh-phi", "trach-nhiem-thuc-hien", "bo-phan",
    ];

    // A bulleted line ("- Chủ trì: …", "+ Thời hạn: …") is a list item far more often than an assignment: only labels that
    // name who leads, who coordinates or by when count there.
    private static readonly string[] BulletedPrefixes =
    [
        "co-quan-chu-tri", "co-quan-chi-dao", "co-quan-phoi-hop", "co-quan-tham-muu", "co-quan-thuc-hien", "co-quan-to-chuc-thuc-hien",
        "don-vi-chu-tri", "don-vi-phoi-hop", "don-vi-thuc-hien", "chu-tri", "phoi-hop", "thoi-gian", "thoi-han", "tien-do",
        "trach-nhiem-thuc-hien",
    ];

    /// <summary>The text of a bullet item ("Chủ trì: Ủy ban nhân dân tỉnh.") read as an assignment line, or null.</summary>
    public static PassageField? ReadBulleted(string rest)
    {
        var field = Read(rest);
        if (field is null) return null;
        var folded = Slugs.From(field.Label);
        return BulletedPrefixes.Any(p => folded == p || folded.StartsWith(p + "-", StringComparison.Ordinal)) ? field : null;
    }

    public static PassageField? Read(string text)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0 || colon > 60) return null;
        var label = text[..colon].Trim();
        if (label.Length == 0 || label.IndexOfAny(['.', ';', '(', ')']) >= 0) return null;
        if (label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 8) return null;
        var folded = Slugs.From(label);
        if (!Prefixes.Any(p => folded == p || folded.StartsWith(p + "-", StringComparison.Ordinal))) return null;
        return new PassageField(label, text[(colon + 1)..].Trim());
    }
}
