namespace Atlas.Model;

/// <summary>
/// How a passage holds a row of a table: its cells between <see cref="Separator"/> ("1 | Xây dựng Đề án … | Sở Công
/// Thương | 2024"). Ingest writes Word and OpenDocument rows so, Markdown rows arrive so with a bar at each end, and the
/// analysis reads targets from rows cell by cell: one definition for all three.
/// </summary>
public static class TableRow
{
    public const string Separator = " | ";

    /// <summary>A row as ingest writes it: the cells, trimmed, between <see cref="Separator"/> (an empty cell keeps its place).</summary>
    public static string Of(IEnumerable<string> cells) => string.Join(Separator, cells.Select(c => c.Trim()));

    /// <summary>Whether the text is a row of at least three cells (as <see cref="Cells"/>, without making them).</summary>
    public static bool Is(string text)
    {
        var t = text.AsSpan().Trim();
        if (!t.Contains(Separator, StringComparison.Ordinal)) return false;
        int parts = t.Count('|') + 1;
        if (t[0] == '|') parts -= t.Length > 1 && t[^1] == '|' ? 2 : 1;
        return parts >= 3;
    }

    /// <summary>The cells of a row of at least three, trimmed, or null when the text is no such row. A Markdown row opens
    /// and closes with a bar; a Word row does not, and a bar at its end closes an empty last cell.</summary>
    public static string[]? Cells(string text)
    {
        if (!Is(text)) return null;
        var t = text.Trim();
        var parts = t.Split('|');
        IEnumerable<string> cells = parts;
        if (t.StartsWith('|')) cells = parts.Skip(1).Take(parts.Length - (t.EndsWith('|') && parts.Length > 1 ? 2 : 1));
        return cells.Select(c => c.Trim()).ToArray();
    }
}
