using System.Globalization;
using System.Text;

namespace Atlas.Model;

/// <summary>ASCII slugs for file names, URLs and anchors: Vietnamese folded (đ→d, marks removed).</summary>
public static class Slugs
{
    /// <summary>
    /// Each character folded: its canonical decomposition (NFD) without combining marks, lower-cased, đ → d.
    /// The result is the same as normalising the whole text to NFD first (decomposition works character by character),
    /// but ingest folds millions of short strings, so the Latin and Vietnamese letters are folded from a table built once
    /// (read-only afterwards) and only other characters are decomposed one by one.
    /// </summary>
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool dash = false;
        foreach (var ch in text)
        {
            if (ch < 0x80) Append(sb, ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch, ref dash);
            else if (TableIndex(ch) is >= 0 and var i) AppendFolded(sb, Table[i], ref dash);
            else if (char.IsSurrogate(ch)) Append(sb, ' ', ref dash); // as in NFD text: a surrogate is no letter of a-z
            else FoldSlowly(sb, ch, ref dash);
        }
        return sb.ToString().TrimEnd('-');
    }

    /// <summary>A folded character: an ASCII letter or digit, <see cref="Skip"/> for a combining mark, anything else separates words.</summary>
    private const char Skip = '\0';

    private static void Append(StringBuilder sb, char c, ref bool dash)
    {
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
        {
            sb.Append(c);
            dash = false;
        }
        else if (!dash && sb.Length > 0)
        {
            sb.Append('-');
            dash = true;
        }
    }

    private static void AppendFolded(StringBuilder sb, char folded, ref bool dash)
    {
        if (folded != Skip) Append(sb, folded, ref dash);
    }

    private static void FoldSlowly(StringBuilder sb, char ch, ref bool dash)
    {
        string decomposed;
        try { decomposed = ch.ToString().Normalize(NormalizationForm.FormD); }
        catch (ArgumentException) { decomposed = " "; } // a code point Unicode leaves unassigned: no letter
        foreach (var c in decomposed) AppendFolded(sb, FoldDecomposed(c), ref dash);
    }

    private static char FoldDecomposed(char ch)
    {
        if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) return Skip;
        return ch switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
    }

    // Latin-1 Supplement, Latin Extended-A/B (U+0080–U+024F) and Latin Extended Additional (U+1E00–U+1EFF, where the
    // Vietnamese letters with two marks live).
    private const int LowStart = 0x80, LowEnd = 0x250, HighStart = 0x1E00, HighEnd = 0x1F00;

    private static int TableIndex(char ch) =>
        ch < LowEnd ? ch - LowStart : ch is >= (char)HighStart and < (char)HighEnd ? LowEnd - LowStart + ch - HighStart : -1;

    private static readonly char[] Table = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[LowEnd - LowStart + HighEnd - HighStart];
        for (int c = LowStart; c < HighEnd; c++)
        {
            if (c >= LowEnd && c < HighStart) continue;
            // The folded form of one character is at most one ASCII character: the base letter (marks are skipped).
            char folded = Skip;
            foreach (var d in ((char)c).ToString().Normalize(NormalizationForm.FormD))
            {
                var f = FoldDecomposed(d);
                if (f == Skip) continue;
                folded = f is >= 'a' and <= 'z' or >= '0' and <= '9' ? f : ' ';
                break;
            }
            table[TableIndex((char)c)] = folded;
        }
        return table;
    }
}
