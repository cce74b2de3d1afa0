namespace Atlas.Ingest.Structure;

/// <summary>
/// A numbered heading with its text on the same line: "3. Tầm nhìn đến năm 2045: Quảng Ngãi là tỉnh …". Read as a section
/// only when the number continues a run of sibling sections (after sections 1 and 2 comes section 3); otherwise the line
/// stays a list item, because "2. Hàng năm, Ủy ban Kiểm tra…: …" in a list of tasks is not a heading.
/// </summary>
public static class InlineHeading
{
    /// <summary>A heading is a short phrase: a handful of words and no sentence punctuation before the colon.</summary>
    private const int MaxHeadingLength = 100;
    private const int MaxHeadingWords = 14;

    public static (string Heading, string Text)? Split(string rest)
    {
        int colon = rest.IndexOf(':');
        if (colon < 3 || colon > MaxHeadingLength) return null;
        var heading = rest[..colon].TrimEnd();
        var text = rest[(colon + 1)..].Trim();
        if (text.Length == 0 || heading.IndexOfAny(['.', ';', '!', '?', '(', ')', '"', '“']) >= 0) return null;
        if (heading.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxHeadingWords) return null;
        // "Cơ quan chủ trì: …" is an assignment field, never a heading.
        if (FieldLabel.Read(rest) is not null) return null;
        return (heading, text);
    }

    /// <summary>True when <paramref name="marker"/> is the next number after the last sibling section, in the same scheme.</summary>
    public static bool ContinuesNumbering(Marker marker, Marker? previous)
    {
        if (previous is null || previous.Kind != marker.Kind) return false;
        return marker.Kind switch
        {
            MarkerKind.Numbered or MarkerKind.Enumerated => NextNumber(previous.Number) == marker.Number,
            MarkerKind.Lettered => IsNextLetter(previous.Number, marker.Number),
            MarkerKind.Capital => IsNextLetter(previous.Number.ToLowerInvariant(), marker.Number.ToLowerInvariant()),
            _ => false,
        };
    }

    /// <summary>"2" → "3", "2.3" → "2.4".</summary>
    private static string? NextNumber(string number)
    {
        int dot = number.LastIndexOf('.');
        var last = number[(dot + 1)..];
        if (!int.TryParse(last, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return null;
        return number[..(dot + 1)] + (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The Vietnamese alphabet as documents letter their points: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y.</summary>
    private const string Letters = "abcdđeghiklmnopqrstuvxy";

    /// <summary>The next letter in the Vietnamese alphabet, or in the Latin one (some documents letter a, b, c, d, e, f).</summary>
    private static bool IsNextLetter(string previous, string letter)
    {
        if (previous.Length != 1 || letter.Length != 1) return false;
        char p = previous[0], c = letter[0];
        int i = Letters.IndexOf(p);
        return (i >= 0 && i + 1 < Letters.Length && Letters[i + 1] == c) || (p is >= 'a' and < 'z' && c == p + 1);
    }
}
