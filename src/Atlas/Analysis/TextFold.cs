using System.Globalization;
using System.Text;

namespace Atlas.Analysis;

/// <summary>
/// Folds Vietnamese text for matching: lower case, marks removed, đ → d, every dash → '-', every space → ' '.
/// The result has exactly one char per input char, so a match position in the folded text is the same position
/// in the original (used to cut verbatim sentences and shared spans out of the source text).
/// </summary>
public static class TextFold
{
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (int i = 0; i < text.Length; i++) chars[i] = FoldChar(text[i]);
        return new string(chars);
    }

    /// <summary>Folds <paramref name="text"/> into the first <c>text.Length</c> chars of <paramref name="into"/> (no allocation).</summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        var table = Table;
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            into[i] = c < table.Length ? table[c] : Compute(c);
        }
    }

    // Immutable after type initialisation: Latin, Latin Extended and Vietnamese blocks folded once.
    private static readonly char[] Table = BuildTable();

    public static char FoldChar(char c) => c < Table.Length ? Table[c] : Compute(c);

    private static char[] BuildTable()
    {
        var table = new char[0x2100];
        for (int i = 0; i < table.Length; i++) table[i] = Compute((char)i);
        return table;
    }

    private static char Compute(char c)
    {
        if (c < 128) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '\t' ? ' ' : c;
        switch (c)
        {
            case 'đ': case 'Đ': return 'd';
            case '–': case '—': case '‒': case '−': case '‐': case '‑': case '―': return '-';
            case '\u00a0': case '\u2009': case '\u202f': case '\u2007': return ' ';
            case '“': case '”': case '„': return '"';
            case '‘': case '’': return '\'';
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category == UnicodeCategory.SpaceSeparator) return ' ';
        if (category == UnicodeCategory.NonSpacingMark) return c; // stray mark in non-NFC input: kept to stay 1:1
        if (char.IsSurrogate(c)) return c;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }
}
