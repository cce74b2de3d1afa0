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
